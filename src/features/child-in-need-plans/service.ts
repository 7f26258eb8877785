import type { Kysely } from 'kysely';
import type { Database, IsoDate } from '../../db/schema.js';
import { planEndReasonLabel } from '../../domain/child-protection/plan-end-reasons.js';
import { checkChildInNeedPlanReview, checkChildInNeedPlanStart, checkPlanEnd } from '../../domain/child-protection/plan-rules.js';
import type { CaseworkProblem } from '../../domain/child-protection/problem.js';
import { usableAuthorisation } from '../../domain/child-protection/step-down-rules.js';
import { type ChildRecordAccess, withChildRecord } from '../../platform/access.js';
import type { Actor } from '../../platform/actor.js';
import { moveChildRows, moveChildRowsBack } from '../../platform/child-rows.js';
import { BadRequestError, ConflictError } from '../../platform/errors.js';
import { registerRecordMover } from '../../platform/record-movers.js';
import { openProtectionPlan } from '../child-protection-plans/service.js';
import { childHeader } from '../children/service.js';
import { recordChronologyEntry, registerSourceLink } from '../chronology/service.js';
import { outstandingClocksOf, recordCaseEvents } from '../clocks/service.js';
import { openReferral } from '../front-door/referrals/service.js';
import { recordRefusedStepDown, stepDownAuthorisationsOf, useStepDownAuthorisation } from '../management-decisions/service.js';
import * as queries from './queries.js';

registerSourceLink('child_in_need_plan', (personId) => `/children/${personId}/casework/child-in-need`);

export type ChildInNeedPlan = Awaited<ReturnType<typeof queries.plansOf>>[number];

/** The child's child in need plans, newest first, each with its reviews. */
export async function childInNeedPlansOf(access: ChildRecordAccess) {
  const [plans, reviews] = await Promise.all([queries.plansOf(access), queries.reviewsOf(access)]);
  return plans.map((p) => ({ ...p, endReasonLabel: planEndReasonLabel(p.end_reason), reviews: reviews.filter((r) => r.plan_id === p.id) }));
}

/** The child's open child in need plan, if any (there can be only one: CIN 4004). */
export async function openChildInNeedPlan(access: ChildRecordAccess): Promise<ChildInNeedPlan | undefined> {
  return (await queries.plansOf(access)).find((p) => p.ended_on === null);
}

/** The child in need page's data: plans with reviews, the open referral, and when the next review is due. */
export function viewChildInNeedPlans(db: Kysely<Database>, actor: Actor, personId: string) {
  return withChildRecord(db, actor, personId, 'view', 'child_in_need_plan.view', async (access) => {
    const [header, plans, referral, due] = await Promise.all([
      childHeader(access),
      childInNeedPlansOf(access),
      openReferral(access),
      outstandingClocksOf(access, ['cin_plan_review']),
    ]);
    return { header, plans, referral: referral ?? null, nextReviewDue: due[0]?.due_on ?? null };
  });
}

export type PlanChange = { ok: true } | { ok: false; problems: CaseworkProblem[] };

/** Starts a child in need plan on the open referral (CIN census CINPlanStartDate); starts the review clock. */
export function startChildInNeedPlan(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: { startedOn: IsoDate; today: IsoDate },
): Promise<PlanChange> {
  return withChildRecord(db, actor, personId, 'edit', 'child_in_need_plan.start', async (access) => {
    const [referral, open, onProtectionPlan] = await Promise.all([
      openReferral(access),
      openChildInNeedPlan(access),
      openProtectionPlan(access),
    ]);
    const problems = checkChildInNeedPlanStart({
      episode: referral ? { referralDate: referral.referral_date, closedOn: referral.closed_on } : null,
      startedOn: input.startedOn,
      today: input.today,
      openCinPlan: open !== undefined,
      openProtectionPlan: onProtectionPlan !== undefined,
    });
    if (problems.length > 0 || !referral) return { ok: false, problems };
    const id = await queries.insertPlan(access, { referral_id: referral.id, started_on: input.startedOn, recorded_by: actor.staffId });
    await recordCaseEvents(access, [
      { kind: 'cin_plan_started', occurredOn: input.startedOn, ref: id, source: { type: 'child_in_need_plan', id } },
    ]);
    await recordChronologyEntry(access, {
      kind: 'plan',
      occurredOn: input.startedOn,
      summary: 'Child in need plan started.',
      source: { type: 'child_in_need_plan', id },
    });
    return { ok: true };
  });
}

/** Records a review of the open child in need plan; meets the review clock and starts the next interval. */
export function reviewChildInNeedPlan(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: { reviewedOn: IsoDate; notes: string | null; today: IsoDate },
): Promise<PlanChange> {
  return withChildRecord(db, actor, personId, 'edit', 'child_in_need_plan.review', async (access) => {
    const plan = await openChildInNeedPlan(access);
    const reviews = plan ? (await queries.reviewsOf(access)).filter((r) => r.plan_id === plan.id) : [];
    const problems = checkChildInNeedPlanReview({
      plan: plan ? { startedOn: plan.started_on, endedOn: plan.ended_on } : null,
      reviewedOn: input.reviewedOn,
      today: input.today,
      lastReviewOn: reviews[0]?.reviewed_on ?? null,
    });
    if (problems.length > 0 || !plan) return { ok: false, problems };
    const id = await queries.insertReview(access, plan.id, input.reviewedOn, input.notes);
    await recordCaseEvents(access, [
      { kind: 'cin_plan_reviewed', occurredOn: input.reviewedOn, ref: plan.id, source: { type: 'child_in_need_plan', id } },
    ]);
    await recordChronologyEntry(access, {
      kind: 'plan',
      occurredOn: input.reviewedOn,
      summary: 'Child in need plan reviewed.',
      source: { type: 'child_in_need_plan', id: plan.id },
    });
    return { ok: true };
  });
}

/**
 * Ends the open child in need plan (CIN census CINPlanEndDate): only with a manager's
 * authorisation that records the evidence of progress. Without one Hearth refuses, says why, and
 * the refused attempt goes into the audit trail.
 */
export function endChildInNeedPlan(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: { version: number; endedOn: IsoDate; reason: string | null; today: IsoDate },
): Promise<PlanChange> {
  return withChildRecord(db, actor, personId, 'edit', 'child_in_need_plan.end', async (access) => {
    const plan = await openChildInNeedPlan(access);
    if (plan && plan.version !== input.version) throw new ConflictError();
    const authorisation = plan
      ? usableAuthorisation(await stepDownAuthorisationsOf(access), 'cin_plan_end', plan.started_on, input.endedOn)
      : undefined;
    const problems = checkPlanEnd({
      plan: plan ? { startedOn: plan.started_on, endedOn: plan.ended_on } : null,
      kind: 'cin',
      endedOn: input.endedOn,
      today: input.today,
      reason: input.reason,
      authorisation,
    });
    if (problems.length > 0 || !plan || !authorisation || !input.reason) {
      if (plan && !authorisation) await recordRefusedStepDown(access, 'cin_plan_end', problems);
      return { ok: false, problems };
    }
    if (!(await queries.updatePlan(access, plan.id, input.version, { ended_on: input.endedOn, end_reason: input.reason })))
      throw new ConflictError();
    await useStepDownAuthorisation(access, authorisation.id, { type: 'child_in_need_plan', id: plan.id });
    await recordCaseEvents(access, [
      { kind: 'cin_plan_ended', occurredOn: input.endedOn, ref: plan.id, source: { type: 'child_in_need_plan', id: plan.id } },
    ]);
    await recordChronologyEntry(access, {
      kind: 'plan',
      occurredOn: input.endedOn,
      summary: `Child in need plan ended: ${planEndReasonLabel(input.reason)?.toLowerCase()}.`,
      source: { type: 'child_in_need_plan', id: plan.id },
    });
    return { ok: true };
  });
}

/**
 * Inside the caller's transaction, ends the open child in need plan because the child has gone onto
 * a child protection plan (stepping up needs no step-down authorisation): a child cannot be on both
 * (CIN 4001).
 */
export async function endChildInNeedPlanForProtectionPlan(access: ChildRecordAccess, endedOn: IsoDate): Promise<void> {
  const plan = await openChildInNeedPlan(access);
  if (!plan) return;
  if (!(await queries.updatePlan(access, plan.id, plan.version, { ended_on: endedOn, end_reason: 'stepped_up' })))
    throw new ConflictError();
  await recordCaseEvents(access, [
    { kind: 'cin_plan_ended', occurredOn: endedOn, ref: plan.id, source: { type: 'child_in_need_plan', id: plan.id } },
  ]);
  await recordChronologyEntry(access, {
    kind: 'plan',
    occurredOn: endedOn,
    summary: 'Child in need plan ended: stepped up to a child protection plan.',
    source: { type: 'child_in_need_plan', id: plan.id },
  });
}

/** For the statutory returns (CIN census, Annex A), which cover the whole authority: every child in need plan of these referrals. */
export function childInNeedPlansForReturns(db: Kysely<Database>, referralIds: readonly string[]) {
  return queries.childInNeedPlansForReturns(db, referralIds);
}

const childInNeedPlanTables = ['child_in_need_plans', 'child_in_need_plan_reviews'] as const;

/**
 * On merging two records of a child, the merged record's child in need plans and their reviews go
 * to the one kept. A child has one open plan at a time (CIN 4004): Hearth does not end a plan for
 * the merge, so two open plans are refused.
 */
registerRecordMover({
  name: 'child in need plans and reviews',
  columns: ['child_in_need_plans.person_id', 'child_in_need_plan_reviews.person_id'],
  move: async (merged, survivor) => {
    if ((await openChildInNeedPlan(merged)) && (await openChildInNeedPlan(survivor)))
      throw new BadRequestError('Both records have an open child in need plan. End one of them before merging the records.');
    return moveChildRows(merged, survivor, childInNeedPlanTables);
  },
  restore: (merged, _survivor, moved) => moveChildRowsBack(merged, childInNeedPlanTables, moved),
});
