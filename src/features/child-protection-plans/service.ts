import type { Kysely } from 'kysely';
import type { Database, IsoDate } from '../../db/schema.js';
import { checkCoreGroup } from '../../domain/child-protection/conference-rules.js';
import { planEndReasonLabel } from '../../domain/child-protection/plan-end-reasons.js';
import { type ConferenceDecision, checkPlanEnd, checkProtectionPlanStart } from '../../domain/child-protection/plan-rules.js';
import type { CaseworkProblem } from '../../domain/child-protection/problem.js';
import { usableAuthorisation } from '../../domain/child-protection/step-down-rules.js';
import { categoryOfAbuseLabel } from '../../domain/codes/cin-category-of-abuse.js';
import { type ChildRecordAccess, withChildRecord } from '../../platform/access.js';
import type { Actor } from '../../platform/actor.js';
import { moveChildRows, moveChildRowsBack } from '../../platform/child-rows.js';
import { BadRequestError, ConflictError } from '../../platform/errors.js';
import { registerRecordMover } from '../../platform/record-movers.js';
import { endChildInNeedPlanForProtectionPlan, openChildInNeedPlan } from '../child-in-need-plans/service.js';
import { childHeader } from '../children/service.js';
import { recordChronologyEntry, registerSourceLink } from '../chronology/service.js';
import { recordCaseEvents } from '../clocks/service.js';
import { recordRefusedStepDown, stepDownAuthorisationsOf, useStepDownAuthorisation } from '../management-decisions/service.js';
import * as queries from './queries.js';

registerSourceLink('child_protection_plan', (personId) => `/children/${personId}/casework/child-protection`);

export type ProtectionPlan = Awaited<ReturnType<typeof queries.plansOf>>[number];

/** The child's child protection plans, newest first, each with its core group meetings and categories in words. */
export async function protectionPlansOf(access: ChildRecordAccess) {
  const [plans, coreGroups] = await Promise.all([queries.plansOf(access), queries.coreGroupsOf(access)]);
  return plans.map((p) => ({
    ...p,
    initialCategoryLabel: categoryOfAbuseLabel(p.initial_category) ?? p.initial_category,
    latestCategoryLabel: categoryOfAbuseLabel(p.latest_category) ?? p.latest_category,
    endReasonLabel: planEndReasonLabel(p.end_reason),
    coreGroups: coreGroups.filter((c) => c.plan_id === p.id),
  }));
}

/** The child's open child protection plan, if any (there can be only one: CIN 8935). */
export async function openProtectionPlan(access: ChildRecordAccess): Promise<ProtectionPlan | undefined> {
  return (await queries.plansOf(access)).find((p) => p.ended_on === null);
}

/**
 * Starts a child protection plan inside the caller's transaction, from the conference that decided
 * on one and on that conference's date (CIN census CPPstartDate = DateOfInitialCPC), under its
 * category of abuse. An open child in need plan ends that day. Starts the core group, review
 * conference and visit clocks.
 */
export async function startProtectionPlan(
  access: ChildRecordAccess,
  input: { conference: ConferenceDecision; referralId: string; categoryOfAbuse: string },
): Promise<{ ok: true; id: string } | { ok: false; problems: CaseworkProblem[] }> {
  const plans = await queries.plansOf(access);
  const problems = checkProtectionPlanStart({
    conference: input.conference,
    startedOn: input.conference.heldOn,
    openPlan: plans.some((p) => p.ended_on === null),
  });
  if (problems.length > 0) return { ok: false, problems };
  await endChildInNeedPlanForProtectionPlan(access, input.conference.heldOn);
  const id = await queries.insertPlan(access, {
    referral_id: input.referralId,
    started_on: input.conference.heldOn,
    initial_category: input.categoryOfAbuse,
    latest_category: input.categoryOfAbuse,
    number_of_previous_plans: plans.length,
    recorded_by: access.actor.staffId,
  });
  await recordCaseEvents(access, [
    { kind: 'cp_plan_started', occurredOn: input.conference.heldOn, ref: id, source: { type: 'child_protection_plan', id } },
  ]);
  await recordChronologyEntry(access, {
    kind: 'plan',
    occurredOn: input.conference.heldOn,
    summary: `Child protection plan started: ${categoryOfAbuseLabel(input.categoryOfAbuse)?.toLowerCase()}.`,
    source: { type: 'child_protection_plan', id },
  });
  return { ok: true, id };
}

/** After a review conference, inside the caller's transaction: the category the plan is now under (CIN census LatestCategoryOfAbuse). */
export async function setLatestCategory(access: ChildRecordAccess, plan: ProtectionPlan, categoryOfAbuse: string): Promise<void> {
  if (plan.latest_category === categoryOfAbuse) return;
  if (!(await queries.updatePlan(access, plan.id, plan.version, { latest_category: categoryOfAbuse }))) throw new ConflictError();
}

/** The page header, the open plan and its core groups, for the core group and plan end forms. */
export function viewOpenPlan(db: Kysely<Database>, actor: Actor, personId: string) {
  return withChildRecord(db, actor, personId, 'view', 'child_protection_plan.view', async (access) => {
    const [header, plans] = await Promise.all([childHeader(access), protectionPlansOf(access)]);
    return { header, plan: plans.find((p) => p.ended_on === null) ?? null };
  });
}

export type PlanChange = { ok: true } | { ok: false; problems: CaseworkProblem[] };

/** Records a core group meeting of the open plan: the first meets the 10-working-day clock. */
export function recordCoreGroup(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: { heldOn: IsoDate; notes: string | null; today: IsoDate },
): Promise<PlanChange> {
  return withChildRecord(db, actor, personId, 'edit', 'core_group.record', async (access) => {
    const plan = await openProtectionPlan(access);
    const problems = checkCoreGroup({
      plan: plan ? { startedOn: plan.started_on, endedOn: plan.ended_on } : null,
      heldOn: input.heldOn,
      today: input.today,
    });
    if (problems.length > 0 || !plan) return { ok: false, problems };
    const id = await queries.insertCoreGroup(access, plan.id, input.heldOn, input.notes);
    await recordCaseEvents(access, [
      { kind: 'core_group_held', occurredOn: input.heldOn, ref: plan.id, source: { type: 'core_group', id } },
    ]);
    await recordChronologyEntry(access, {
      kind: 'core_group',
      occurredOn: input.heldOn,
      summary: 'Core group meeting held.',
      source: { type: 'child_protection_plan', id: plan.id },
    });
    return { ok: true };
  });
}

/**
 * Ends the open child protection plan (CIN census CPPendDate) with its reason: only with a
 * manager's authorisation that records the evidence of progress. Without one Hearth refuses, says
 * why, and the refused attempt goes into the audit trail.
 */
export function endProtectionPlan(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: { version: number; endedOn: IsoDate; reason: string | null; today: IsoDate },
): Promise<PlanChange> {
  return withChildRecord(db, actor, personId, 'edit', 'child_protection_plan.end', async (access) => {
    const plan = await openProtectionPlan(access);
    if (plan && plan.version !== input.version) throw new ConflictError();
    const authorisation = plan
      ? usableAuthorisation(await stepDownAuthorisationsOf(access), 'cp_plan_end', plan.started_on, input.endedOn)
      : undefined;
    const problems = checkPlanEnd({
      plan: plan ? { startedOn: plan.started_on, endedOn: plan.ended_on } : null,
      kind: 'cp',
      endedOn: input.endedOn,
      today: input.today,
      reason: input.reason,
      authorisation,
    });
    if (problems.length > 0 || !plan || !authorisation || !input.reason) {
      if (plan && !authorisation) await recordRefusedStepDown(access, 'cp_plan_end', problems);
      return { ok: false, problems };
    }
    if (!(await queries.updatePlan(access, plan.id, input.version, { ended_on: input.endedOn, end_reason: input.reason })))
      throw new ConflictError();
    await useStepDownAuthorisation(access, authorisation.id, { type: 'child_protection_plan', id: plan.id });
    await recordCaseEvents(access, [
      { kind: 'cp_plan_ended', occurredOn: input.endedOn, ref: plan.id, source: { type: 'child_protection_plan', id: plan.id } },
    ]);
    await recordChronologyEntry(access, {
      kind: 'plan',
      occurredOn: input.endedOn,
      summary: `Child protection plan ended: ${planEndReasonLabel(input.reason)?.toLowerCase()}.`,
      source: { type: 'child_protection_plan', id: plan.id },
    });
    return { ok: true };
  });
}

/** For the statutory returns (CIN census, Annex A), which cover the whole authority: every child protection plan of these referrals. */
export function protectionPlansForReturns(db: Kysely<Database>, referralIds: readonly string[]) {
  return queries.protectionPlansForReturns(db, referralIds);
}

const protectionPlanTables = ['child_protection_plans', 'core_group_meetings'] as const;

/**
 * On merging two records of a child, the merged record's child protection plans and their core
 * group meetings go to the one kept (the clocks follow the case events moved with them). A child
 * is on one plan at a time (CIN 8935) and never on a child in need plan as well (CIN 4001): Hearth
 * does not end a plan for the merge, so a merge that would leave two open plans is refused.
 */
registerRecordMover({
  name: 'child protection plans and core groups',
  columns: ['child_protection_plans.person_id', 'core_group_meetings.person_id'],
  move: async (merged, survivor) => {
    const [mergedPlan, survivorPlan] = [await openProtectionPlan(merged), await openProtectionPlan(survivor)];
    if (mergedPlan && survivorPlan)
      throw new BadRequestError('Both records have an open child protection plan. End one of them before merging the records.');
    if ((mergedPlan || survivorPlan) && ((await openChildInNeedPlan(merged)) || (await openChildInNeedPlan(survivor))))
      throw new BadRequestError(
        'One record has an open child protection plan and the other an open child in need plan. End the child in need plan before merging the records.',
      );
    return moveChildRows(merged, survivor, protectionPlanTables);
  },
  restore: (merged, _survivor, moved) => moveChildRowsBack(merged, protectionPlanTables, moved),
});
