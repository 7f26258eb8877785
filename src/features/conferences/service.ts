import type { Kysely } from 'kysely';
import type { Database, IsoDate } from '../../db/schema.js';
import { agencyLabel } from '../../domain/child-protection/agencies.js';
import { checkInitialConference, checkReviewConference } from '../../domain/child-protection/conference-rules.js';
import type { CaseworkProblem } from '../../domain/child-protection/problem.js';
import { categoryOfAbuseLabel } from '../../domain/codes/cin-category-of-abuse.js';
import { type ChildRecordAccess, withChildRecord } from '../../platform/access.js';
import type { Actor } from '../../platform/actor.js';
import { moveChildRows, moveChildRowsBack } from '../../platform/child-rows.js';
import { registerRecordMover } from '../../platform/record-movers.js';
import { openProtectionPlan, setLatestCategory, startProtectionPlan } from '../child-protection-plans/service.js';
import { childHeader } from '../children/service.js';
import { recordChronologyEntry, registerSourceLink } from '../chronology/service.js';
import { outstandingClocksOf, recordCaseEvents } from '../clocks/service.js';
import { enquiriesOf } from '../section-47/service.js';
import * as queries from './queries.js';

registerSourceLink('conference', (personId) => `/children/${personId}/casework/child-protection`);

const decisionLabels = {
  plan: 'child protection plan',
  no_plan: 'no child protection plan',
  continue_plan: 'the plan continues',
  end_plan: 'the plan can end',
} as const;

/** The child's conferences, newest first, with agencies and category in words. */
export async function conferencesOf(access: ChildRecordAccess) {
  return (await queries.conferencesOf(access)).map((c) => ({
    ...c,
    agencyLabels: c.agencies.map(agencyLabel),
    decisionLabel: decisionLabels[c.decision],
    categoryLabel: categoryOfAbuseLabel(c.category_of_abuse),
  }));
}

/** The enquiry waiting for its initial conference (the latest one that found a conference is needed and has none yet). */
async function enquiryAwaitingConference(access: ChildRecordAccess) {
  const [enquiries, conferences] = await Promise.all([enquiriesOf(access), queries.conferencesOf(access)]);
  const latest = enquiries[0];
  if (!latest) return null;
  return {
    enquiry: latest,
    facts: {
      startedOn: latest.started_on,
      outcomeRecorded: latest.outcome !== null,
      icpcRequired: latest.icpc_required,
      conferenceHeld: conferences.some((c) => c.section_47_id === latest.id),
    },
  };
}

/** The initial conference form: the page header, the enquiry it follows and when the conference is due (15 working days). */
export function initialConferenceForm(db: Kysely<Database>, actor: Actor, personId: string) {
  return withChildRecord(db, actor, personId, 'view', 'conference.form', async (access) => {
    const [header, awaiting, due] = await Promise.all([
      childHeader(access),
      enquiryAwaitingConference(access),
      outstandingClocksOf(access, ['icpc']),
    ]);
    return { header, enquiry: awaiting?.enquiry ?? null, dueOn: due[0]?.due_on ?? null };
  });
}

/** The review conference form: the page header, the open plan and when its review is due. */
export function reviewConferenceForm(db: Kysely<Database>, actor: Actor, personId: string) {
  return withChildRecord(db, actor, personId, 'view', 'conference.form', async (access) => {
    const [header, plan, due] = await Promise.all([
      childHeader(access),
      openProtectionPlan(access),
      outstandingClocksOf(access, ['rcpc_first', 'rcpc_subsequent']),
    ]);
    return { header, plan: plan ?? null, dueOn: due[0]?.due_on ?? null };
  });
}

export type ConferenceChange = { ok: true } | { ok: false; problems: CaseworkProblem[] };

export interface ConferenceInput {
  heldOn: IsoDate;
  chair: string | null;
  agencies: readonly string[];
  categoryOfAbuse: string | null;
  today: IsoDate;
}

/**
 * Records the initial child protection conference (CIN census DateOfInitialCPC) that follows the
 * section 47 enquiry: meets the 15-working-day clock; a decision on a plan starts the child
 * protection plan that day. Refused before the strategy discussion or without an enquiry that
 * found a conference needed.
 */
export function recordInitialConference(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: ConferenceInput & { decision: 'plan' | 'no_plan' },
): Promise<ConferenceChange> {
  return withChildRecord(db, actor, personId, 'edit', 'conference.initial', async (access) => {
    const [awaiting, plan] = await Promise.all([enquiryAwaitingConference(access), openProtectionPlan(access)]);
    const problems = checkInitialConference({
      enquiry: awaiting?.facts ?? null,
      heldOn: input.heldOn,
      today: input.today,
      decidedOnPlan: input.decision === 'plan',
      categoryOfAbuse: input.categoryOfAbuse,
      openPlan: plan !== undefined,
    });
    if (problems.length > 0 || !awaiting) return { ok: false, problems };
    const referralId = awaiting.enquiry.referral_id;
    const id = await queries.insertConference(access, {
      referral_id: referralId,
      kind: 'initial',
      section_47_id: awaiting.enquiry.id,
      held_on: input.heldOn,
      chair: input.chair,
      agencies: [...input.agencies],
      decision: input.decision,
      category_of_abuse: input.decision === 'plan' ? input.categoryOfAbuse : null,
      recorded_by: actor.staffId,
    });
    await recordCaseEvents(access, [{ kind: 'icpc_held', occurredOn: input.heldOn, ref: referralId, source: { type: 'conference', id } }]);
    await recordChronologyEntry(access, {
      kind: 'conference',
      occurredOn: input.heldOn,
      summary: `Initial child protection conference: ${decisionLabels[input.decision]}.`,
      source: { type: 'conference', id },
    });
    if (input.decision === 'plan' && input.categoryOfAbuse) {
      const started = await startProtectionPlan(access, {
        conference: { heldOn: input.heldOn, decidedOnPlan: true },
        referralId,
        categoryOfAbuse: input.categoryOfAbuse,
      });
      if (!started.ok) throw new Error('The plan could not start after the conference passed the same checks');
      await queries.linkPlan(access, id, started.id);
    }
    return { ok: true };
  });
}

/**
 * Records a review child protection conference of the open plan (CIN census CPPreviewDate): meets
 * the 3-month (first) or 6-month review clock, and sets the category the plan is now under.
 */
export function recordReviewConference(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: ConferenceInput & { decision: 'continue_plan' | 'end_plan' },
): Promise<ConferenceChange> {
  return withChildRecord(db, actor, personId, 'edit', 'conference.review', async (access) => {
    const [plan, conferences] = await Promise.all([openProtectionPlan(access), queries.conferencesOf(access)]);
    const lastReview = plan ? conferences.find((c) => c.kind === 'review' && c.plan_id === plan.id) : undefined;
    const problems = checkReviewConference({
      plan: plan ? { startedOn: plan.started_on, endedOn: plan.ended_on } : null,
      heldOn: input.heldOn,
      today: input.today,
      lastReviewOn: lastReview?.held_on ?? null,
      categoryOfAbuse: input.categoryOfAbuse,
    });
    if (problems.length > 0 || !plan || !input.categoryOfAbuse) return { ok: false, problems };
    const id = await queries.insertConference(access, {
      referral_id: plan.referral_id,
      kind: 'review',
      plan_id: plan.id,
      held_on: input.heldOn,
      chair: input.chair,
      agencies: [...input.agencies],
      decision: input.decision,
      category_of_abuse: input.categoryOfAbuse,
      recorded_by: actor.staffId,
    });
    await setLatestCategory(access, plan, input.categoryOfAbuse);
    await recordCaseEvents(access, [{ kind: 'rcpc_held', occurredOn: input.heldOn, ref: plan.id, source: { type: 'conference', id } }]);
    await recordChronologyEntry(access, {
      kind: 'conference',
      occurredOn: input.heldOn,
      summary: `Review child protection conference: ${decisionLabels[input.decision]}.`,
      source: { type: 'conference', id },
    });
    return { ok: true };
  });
}

/** For the statutory returns (CIN census, Annex A), which cover the whole authority: every child protection conference of these referrals. */
export function conferencesForReturns(db: Kysely<Database>, referralIds: readonly string[]) {
  return queries.conferencesForReturns(db, referralIds);
}

/**
 * On merging two records of a child, the merged record's initial and review conferences go to the
 * one kept, as the enquiries and plans they refer to do.
 */
registerRecordMover({
  name: 'child protection conferences',
  columns: ['child_protection_conferences.person_id'],
  move: (merged, survivor) => moveChildRows(merged, survivor, ['child_protection_conferences']),
  restore: (merged, _survivor, moved) => moveChildRowsBack(merged, ['child_protection_conferences'], moved),
});
