import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { currentStep, type JourneyFacts, journeyOf } from '../../domain/child-protection/journey.js';
import { CLOCK_RULES, type ClockId } from '../../domain/clocks/index.js';
import { withChildRecord } from '../../platform/access.js';
import type { Actor } from '../../platform/actor.js';
import { assessmentsOf } from '../assessments/service.js';
import { childInNeedPlansOf } from '../child-in-need-plans/service.js';
import { protectionPlansOf } from '../child-protection-plans/service.js';
import { childHeader } from '../children/service.js';
import { outstandingClocksOf } from '../clocks/service.js';
import { conferencesOf } from '../conferences/service.js';
import { referralsOf } from '../front-door/referrals/service.js';
import { enquiriesOf } from '../section-47/service.js';
import { strategyDiscussionsOf } from '../strategy-discussions/service.js';

/** The clocks of assessment, child protection, child in need and supervision, as "what is due next" lists them. */
const caseworkClocks: readonly ClockId[] = [
  'cf_assessment',
  'strategy_discussion',
  'icpc',
  'core_group_first',
  'rcpc_first',
  'rcpc_subsequent',
  'cp_visit',
  'cin_plan_review',
  'case_supervision',
];
const clockNames = new Map<string, string>(CLOCK_RULES.map((rule) => [rule.id, rule.name]));

/** The running clocks that belong to the child's own records (referrals and plans), not to events recorded elsewhere. */
function ofRecords<T extends { ref: string | null }>(clocks: readonly T[], records: readonly { id: string }[]): T[] {
  const ids = new Set(records.map((r) => r.id));
  return clocks.filter((c) => c.ref !== null && ids.has(c.ref));
}

/**
 * Where the child is on the latest referral: each step from referral to closure with its status,
 * the step they are at, and the clocks running with their due dates, soonest first.
 */
export function viewJourney(db: Kysely<Database>, actor: Actor, personId: string) {
  return withChildRecord(db, actor, personId, 'view', 'casework.journey.view', async (access) => {
    const [header, referrals, assessments, discussions, enquiries, conferences, cpPlans, cinPlans, due] = await Promise.all([
      childHeader(access),
      referralsOf(access),
      assessmentsOf(access),
      strategyDiscussionsOf(access),
      enquiriesOf(access),
      conferencesOf(access),
      protectionPlansOf(access),
      childInNeedPlansOf(access),
      outstandingClocksOf(access, caseworkClocks),
    ]);
    const referral = referrals[0];
    const mine = <T extends { referral_id: string }>(rows: readonly T[]) => rows.find((r) => r.referral_id === referral?.id) ?? null;
    const assessment = mine(assessments);
    const discussion = mine(discussions);
    const enquiry = mine(enquiries);
    const initial = enquiry ? (conferences.find((c) => c.kind === 'initial' && c.section_47_id === enquiry.id) ?? null) : null;
    const plan = mine(cpPlans);
    const reviews = plan ? conferences.filter((c) => c.kind === 'review' && c.plan_id === plan.id) : [];
    const cinPlan = mine(cinPlans);
    const facts: JourneyFacts = {
      referral: referral
        ? { referralDate: referral.referral_date, closedOn: referral.closed_on, closureReason: referral.closure_reason }
        : null,
      assessment: assessment
        ? { startedOn: assessment.started_on, status: assessment.status, authorisedOn: assessment.authorised_on }
        : null,
      strategyDiscussion: discussion ? { heldOn: discussion.held_on, startedEnquiry: discussion.decision === 'section_47' } : null,
      enquiry: enquiry ? { startedOn: enquiry.started_on, completedOn: enquiry.completed_on, icpcRequired: enquiry.icpc_required } : null,
      initialConference: initial ? { heldOn: initial.held_on, decidedOnPlan: initial.decision === 'plan' } : null,
      protectionPlan: plan ? { startedOn: plan.started_on, endedOn: plan.ended_on } : null,
      reviewConferences: { count: reviews.length, lastHeldOn: reviews[0]?.held_on ?? null },
      childInNeedPlan: cinPlan ? { startedOn: cinPlan.started_on, endedOn: cinPlan.ended_on } : null,
    };
    const steps = journeyOf(facts);
    return {
      header,
      referral: referral ?? null,
      steps,
      current: currentStep(steps) ?? null,
      due: ofRecords(due, [...referrals, ...cpPlans, ...cinPlans]).map((d) => ({
        clockId: d.clock_id,
        name: clockNames.get(d.clock_id) ?? d.clock_id,
        startedOn: d.started_on,
        dueOn: d.due_on,
      })),
    };
  });
}

/** The child protection page: strategy discussions, section 47 enquiries, conferences and plans with core groups. */
export function viewChildProtection(db: Kysely<Database>, actor: Actor, personId: string) {
  return withChildRecord(db, actor, personId, 'view', 'casework.child_protection.view', async (access) => {
    const [header, referrals, discussions, enquiries, conferences, plans, due] = await Promise.all([
      childHeader(access),
      referralsOf(access),
      strategyDiscussionsOf(access),
      enquiriesOf(access),
      conferencesOf(access),
      protectionPlansOf(access),
      outstandingClocksOf(access, ['icpc', 'core_group_first', 'rcpc_first', 'rcpc_subsequent', 'cp_visit']),
    ]);
    const openReferral = referrals.find((r) => r.closed_on === null) ?? null;
    const latestEnquiry = enquiries[0];
    const awaitingConference =
      latestEnquiry?.icpc_required === true && !conferences.some((c) => c.kind === 'initial' && c.section_47_id === latestEnquiry.id);
    return {
      header,
      openReferral,
      discussions,
      enquiries: enquiries.map((e) => ({
        ...e,
        conference: conferences.find((c) => c.kind === 'initial' && c.section_47_id === e.id) ?? null,
      })),
      conferences,
      plans,
      openPlan: plans.find((p) => p.ended_on === null) ?? null,
      awaitingConference,
      due: ofRecords(due, [...referrals, ...plans]).map((d) => ({ name: clockNames.get(d.clock_id) ?? d.clock_id, dueOn: d.due_on })),
    };
  });
}

/** The child in need page: child in need plans with reviews, and the open referral that a closure would close. */
export function viewChildInNeed(db: Kysely<Database>, actor: Actor, personId: string) {
  return withChildRecord(db, actor, personId, 'view', 'casework.child_in_need.view', async (access) => {
    const [header, referrals, plans, cpPlans, due] = await Promise.all([
      childHeader(access),
      referralsOf(access),
      childInNeedPlansOf(access),
      protectionPlansOf(access),
      outstandingClocksOf(access, ['cin_plan_review']),
    ]);
    return {
      header,
      referrals,
      openReferral: referrals.find((r) => r.closed_on === null) ?? null,
      plans,
      openPlan: plans.find((p) => p.ended_on === null) ?? null,
      onProtectionPlan: cpPlans.some((p) => p.ended_on === null),
      nextReviewDue: due[0]?.due_on ?? null,
    };
  });
}
