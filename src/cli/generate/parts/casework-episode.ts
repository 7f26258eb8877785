import type { Insertable } from 'kysely';
import type { ChildInNeedPlansTable, ChildProtectionPlansTable, IsoDate, Section47EnquiriesTable } from '../../../db/schema.js';
import { addCalendarDays, addMonths, type WorkingDayCalendar } from '../../../domain/calendar/index.js';
import type { AssessmentOutcome } from '../../../domain/child-protection/assessment-outcomes.js';
import type { Section47Outcome } from '../../../domain/child-protection/section-47-outcomes.js';
import type { AssessmentFactorCode } from '../../../domain/codes/cin-assessment-factors.js';
import type { CategoryOfAbuseCode } from '../../../domain/codes/cin-category-of-abuse.js';
import type { ReasonForClosureCode } from '../../../domain/codes/cin-reason-for-closure.js';
import { isReReferral } from '../../../domain/front-door/re-referral.js';
import {
  assessmentStartWorkingDays,
  assessmentsReturnedForMoreWork,
  assessmentWorkingDays,
  factorsIdentified,
} from '../../../domain/synthetic/assessment-shares.js';
import {
  actionDueWorkingDays,
  assessmentVisitWorkingDays,
  bedroomSeen,
  childInNeedVisitGapWorkingDays,
  childNotSeen,
  coreGroupGapWorkingDays,
  driftingOpenCases,
  driftWorkingDays,
  firstCoreGroupWorkingDays,
  lateReasonRecorded,
  protectionVisitGapWorkingDays,
  reviewOffsetDays,
  seenAlone,
  supervisionGapWorkingDays,
  supervisionWithAction,
} from '../../../domain/synthetic/casework-rhythm.js';
import {
  categoriesOfAbuse,
  categoryChangedAtReview,
  enquiryWithoutConference,
  initialConferenceWorkingDays,
  planLengthDays,
  section47WorkingDays,
  stepDownToChildInNeedPlan,
} from '../../../domain/synthetic/child-protection-shares.js';
import {
  closedAfterAssessment,
  closedAfterServices,
  stepDownOnClosure,
  stepDownOtherwise,
} from '../../../domain/synthetic/closure-reasons.js';
import { nfaShareOfAssessmentOnly, primaryNeedsFor, referralSources } from '../../../domain/synthetic/referral-shares.js';
import type { SyntheticEpisode } from '../authority.js';
import type { Draw } from '../draw.js';
import type { CaseworkRecords, Recorder } from './casework-records.js';
import * as texts from './casework-texts.js';

/** What the casework of every episode is written with: the part's streams, the staff, and what earlier episodes left. */
export interface CaseworkContext {
  today: IsoDate;
  calendar: WorkingDayCalendar;
  draw: Draw;
  records: CaseworkRecords;
  staff: Map<string, Recorder>;
  /** The manager of each team. */
  managers: Map<string, Recorder>;
  /** Who records referrals: the front door's manager, who decides the contacts that become them. */
  frontDoor: Recorder;
  /** An independent reviewing officer in post on a date, to chair a conference. */
  chairOn(date: IsoDate): string | null;
  /** Each child's latest referral so far. */
  latestReferral: Map<string, { id: string; referredOn: IsoDate }>;
  /** Each child's child protection plans so far. */
  plansSoFar: Map<string, number>;
  /** Plans a child had before the authority's records began, for a first plan in them. */
  plansBeforeRecords(): number;
  /** What children referred together share: who referred them, why, and what the enquiry found. */
  familyReferrals: Map<number, FamilyReferral>;
}

interface FamilyReferral {
  source: string;
  need: string;
  nfa: boolean;
  enquiry: boolean;
  category: CategoryOfAbuseCode;
  closure: ReasonForClosureCode;
}

type Band = { from: number; to: number };
const between = (draw: Draw, band: Band) => draw.int(band.from, band.to);
const earlier = (a: IsoDate, b: IsoDate) => (a <= b ? a : b);
const later = (a: IsoDate, b: IsoDate) => (a >= b ? a : b);

const conferenceAgencies = [
  ['social_care', 'police', 'health', 'education'],
  ['social_care', 'police', 'health'],
  ['social_care', 'police', 'health', 'education', 'early_years'],
];
const strategyAgencies = [
  ['social_care', 'police', 'health'],
  ['social_care', 'police', 'health', 'education'],
];
/** The factor an assessment finds for each category of abuse a plan goes on to name. */
const factorOfCategory: Record<CategoryOfAbuseCode, AssessmentFactorCode[]> = {
  NEG: ['16A'],
  EMO: ['17A'],
  PHY: ['18C'],
  SAB: ['19C'],
  MUL: ['16A', '17A'],
};

/**
 * Writes one episode's casework as it would have been recorded in Hearth, day by day: the referral
 * (or a referral with no further action), the assessment, any strategy discussion and section 47
 * enquiry, the initial and review conferences with the child protection plan, core groups and
 * visits, child in need plans and their reviews, case supervision, and the closure with the
 * manager's authorisation, all by the people who held the case on the day. Nothing is dated after
 * today or after the episode closed; a few open cases go quiet for weeks before today (drift).
 */
export function writeEpisodeCasework(ctx: CaseworkContext, episode: SyntheticEpisode): void {
  const { draw, calendar, records, today } = ctx;
  const end = episode.endedOn;
  const wd = (date: IsoDate, n: number) => calendar.addWorkingDays(date, n);
  const onOrBefore = (date: IsoDate) => {
    let d = date;
    while (!calendar.isWorkingDay(d)) d = addCalendarDays(d, -1);
    return d;
  };
  const quietSince = end === null && draw.chance(driftingOpenCases) ? wd(today, -between(draw, driftWorkingDays)) : null;
  /** The last day anything was recorded on the case. */
  const horizon = end ?? quietSince ?? today;
  const holderOn = (date: IsoDate) => {
    const stay = episode.stays.filter((s) => s.startedOn <= date).at(-1) ?? episode.stays[0];
    if (!stay) throw new Error('An episode has no team');
    const worker = stay.workers.filter((w) => w.startedOn <= date).at(-1)?.staffId ?? null;
    const manager = ctx.managers.get(stay.teamId) ?? ctx.frontDoor;
    const workerRecorder = worker ? (ctx.staff.get(worker) ?? null) : null;
    return { worker: workerRecorder, manager, by: workerRecorder ?? manager };
  };

  const family = familyReferralOf(ctx, episode);
  const previous = ctx.latestReferral.get(episode.personId) ?? null;
  const referral = records.referral({
    personId: episode.personId,
    referredOn: episode.referredOn,
    source: family.source,
    primaryNeed: family.need,
    nfa: family.nfa,
    previous,
    isReReferral: isReReferral(episode.referredOn, previous?.referredOn ?? null),
    significantHarmSuspected: episode.pathway === 'child_protection' || family.enquiry,
    by: ctx.frontDoor,
  });
  ctx.latestReferral.set(episode.personId, { id: referral.id, referredOn: episode.referredOn });
  if (family.nfa) return;

  const personId = episode.personId;
  const referralId = referral.id;
  const assessmentOnly = episode.pathway === 'assessment_only';
  const closesAfterAssessment = assessmentOnly && !family.enquiry;

  // The assessment: started within a few days, authorised by the team's manager.
  const startedOn = wd(episode.referredOn, draw.weighted(assessmentStartWorkingDays));
  // Authorised by the manager of the team holding the case that day (the next team's, if the
  // assessment team passed the case on first), and before the episode closed.
  const target = wd(episode.referredOn, between(draw, draw.weighted(assessmentWorkingDays)));
  const authorisedOn = later(end ? earlier(target, end) : target, earlier(startedOn, horizon));
  let assessmentAuthorised: IsoDate | null = null;
  if (startedOn <= horizon) {
    const holder = holderOn(startedOn);
    const row = records.assessmentStarted({
      personId,
      referralId,
      kind: episode.pathway === 'disabled_child' ? 'disabled_child' : 'child_and_family',
      startedOn,
      worker: holder.worker,
      by: holder.by,
    });
    const outcome = assessmentOutcomeOf(episode, family);
    const factors = factorsIdentified(() => draw.unit(), closesAfterAssessment);
    if (episode.pathway === 'child_protection')
      for (const f of factorOfCategory[family.category]) if (!factors.includes(f)) factors.push(f);
    const submittedOn = later(startedOn, wd(authorisedOn, -draw.int(0, 3)));
    const summary = draw.pick(texts.assessmentSummaries[outcome]);
    const manager = holderOn(authorisedOn).manager;
    if (draw.chance(assessmentsReturnedForMoreWork) && wd(startedOn, 6) <= submittedOn && wd(submittedOn, -3) <= horizon) {
      records.assessmentSubmitted(row, { on: wd(submittedOn, -5), factors, outcome, summary });
      records.assessmentReturned(row, { on: wd(submittedOn, -3), comments: draw.pick(texts.returnForMoreWorkComments), manager });
    }
    if (authorisedOn <= horizon) {
      records.assessmentSubmitted(row, { on: submittedOn, factors, outcome, summary });
      const late = authorisedOn > wd(episode.referredOn, 45);
      records.assessmentAuthorised(row, {
        on: authorisedOn,
        manager,
        lateReason: late ? draw.pick(texts.lateAssessmentReasons) : null,
        rationale: draw.pick(texts.authorisationRationales),
      });
      assessmentAuthorised = authorisedOn;
    } else if (submittedOn <= horizon && row.status === 'in_progress') {
      records.assessmentSubmitted(row, { on: submittedOn, factors, outcome, summary });
    }
  }

  // Visits while the child is assessed, before any plan.
  const firstVisit = wd(episode.referredOn, between(draw, assessmentVisitWorkingDays));

  // Strategy discussion and section 47 enquiry.
  let enquiry: (Insertable<Section47EnquiriesTable> & { version: number }) | null = null;
  let conferenceOn: IsoDate | null = null;
  if (episode.pathway === 'child_protection' || family.enquiry) {
    const heldOn = wd(episode.referredOn, draw.int(0, episode.pathway === 'child_protection' ? 2 : 5));
    if (heldOn <= horizon) {
      enquiry = records.strategyDiscussionStartingEnquiry({
        personId,
        referralId,
        heldOn,
        agencies: draw.pick(strategyAgencies),
        rationale: draw.pick(texts.strategyRationales),
        by: holderOn(heldOn).by,
      });
      let completedOn = wd(heldOn, between(draw, section47WorkingDays));
      if (episode.pathway === 'child_protection') {
        conferenceOn = wd(heldOn, between(draw, draw.weighted(initialConferenceWorkingDays)));
        if (completedOn >= conferenceOn) completedOn = later(heldOn, wd(conferenceOn, -1));
      } else if (end !== null) completedOn = earlier(completedOn, end);
      if (completedOn <= horizon) {
        const outcome: Section47Outcome =
          episode.pathway === 'child_protection'
            ? 'concerns_substantiated_icpc'
            : draw.chance(0.6)
              ? 'concerns_not_substantiated'
              : 'concerns_substantiated_no_icpc';
        records.enquiryOutcome(enquiry, { on: completedOn, outcome, by: holderOn(completedOn).by });
      } else conferenceOn = null;
    }
  }

  // Plans: a child protection plan from the initial conference (then, often, a child in need plan
  // as it steps down), or a child in need plan once the assessment is authorised.
  const plans: { kind: 'child_protection' | 'child_in_need'; id: string; from: IsoDate; to: IsoDate | null }[] = [];
  let cinPlanFrom: IsoDate | null = null;
  if (enquiry && conferenceOn && conferenceOn <= horizon) {
    const plan = protectionPlan(ctx, episode, enquiry, conferenceOn, family.category, horizon, holderOn);
    plans.push({ kind: 'child_protection', id: plan.row.id as string, from: conferenceOn, to: plan.endedOn });
    if (plan.endedOn && plan.stepsDownToChildInNeed) cinPlanFrom = plan.endedOn;
  } else if ((episode.pathway === 'child_in_need' || episode.pathway === 'disabled_child') && assessmentAuthorised) {
    cinPlanFrom = onOrBefore(addCalendarDays(assessmentAuthorised, draw.int(0, 10)));
    if (cinPlanFrom < assessmentAuthorised) cinPlanFrom = assessmentAuthorised;
  }
  if (cinPlanFrom && cinPlanFrom <= horizon && (end === null || cinPlanFrom < addCalendarDays(end, -3))) {
    const plan = childInNeedPlan(ctx, episode, referralId, cinPlanFrom, horizon, holderOn);
    plans.push({ kind: 'child_in_need', id: plan.id as string, from: cinPlanFrom, to: plan.ended_on ?? null });
  }

  // Statutory visits: during the assessment, then at the rhythm of the plan the child is on.
  const planOn = (date: IsoDate) => plans.find((p) => p.from <= date && (p.to === null || date <= p.to)) ?? null;
  let visitOn = firstVisit;
  let previousVisit: IsoDate | null = null;
  while (visitOn <= horizon) {
    const plan = planOn(visitOn);
    const due = previousVisit && plan?.kind === 'child_protection' ? wd(previousVisit, 10) : null;
    const seen = !draw.chance(childNotSeen);
    const alone = seen && draw.chance(seenAlone);
    records.visit({
      personId,
      plan: plan ? { kind: plan.kind, id: plan.id } : null,
      visitedOn: visitOn,
      childSeen: seen,
      seenAlone: alone,
      bedroomSeen: seen && draw.chance(bedroomSeen),
      childsViews: seen ? draw.pick(texts.visitViews) : null,
      lateReason: due && visitOn > due && draw.chance(lateReasonRecorded) ? draw.pick(texts.lateVisitReasons) : null,
      by: holderOn(visitOn).worker,
    });
    previousVisit = visitOn;
    const next = planOn(visitOn);
    const gap =
      next?.kind === 'child_protection'
        ? between(draw, draw.weighted(protectionVisitGapWorkingDays))
        : between(draw, childInNeedVisitGapWorkingDays);
    let following = wd(visitOn, gap);
    // A plan starting before the next visit is due brings the first visit of the plan forward.
    const starting = plans.find((p) => p.from > visitOn && p.from < following);
    if (starting) following = wd(starting.from, starting.kind === 'child_protection' ? draw.int(1, 8) : draw.int(5, 20));
    if (episode.pathway === 'looked_after' && assessmentAuthorised && following > assessmentAuthorised) break;
    visitOn = following;
  }

  // Case supervision, about monthly, by the manager of the team holding the case.
  for (
    let heldOn = wd(episode.referredOn, between(draw, draw.weighted(supervisionGapWorkingDays)));
    heldOn <= horizon;
    heldOn = wd(heldOn, between(draw, draw.weighted(supervisionGapWorkingDays)))
  ) {
    const holder = holderOn(heldOn);
    const actions = [];
    if (draw.chance(supervisionWithAction)) {
      const dueOn = wd(heldOn, between(draw, actionDueWorkingDays));
      const doneOn = wd(heldOn, draw.int(1, calendar.workingDaysBetween(heldOn, dueOn) + 3));
      const completedOn = end !== null ? earlier(doneOn, end) : doneOn <= today && draw.chance(0.85) ? doneOn : null;
      actions.push({ description: draw.pick(texts.supervisionActionDescriptions), ownerId: holder.by.id, dueOn, completedOn });
    }
    records.supervision({
      personId,
      heldOn,
      supervisor: holder.manager,
      workerId: holder.worker?.id ?? null,
      reflection: draw.pick(texts.supervisionReflections),
      decisions: draw.pick(texts.supervisionDecisions),
      actions,
    });
  }

  // Closure, with the manager's authorisation and the evidence of progress.
  if (end !== null) {
    const reason = family.closure;
    const holder = holderOn(end);
    records.caseClosed(referral, {
      on: end,
      reason,
      authorisedOn: later(episode.referredOn, wd(end, -draw.int(0, 2))),
      to: draw.weighted(stepDownOnClosure[reason] ?? stepDownOtherwise),
      evidenceOfProgress: draw.pick(texts.stepDownEvidence),
      rationale: draw.pick(texts.closureRationales),
      manager: holder.manager,
      by: holder.by,
    });
  }
}

/** What siblings referred together share (drawn once, for the first of them). */
function familyReferralOf(ctx: CaseworkContext, episode: SyntheticEpisode): FamilyReferral {
  const known = ctx.familyReferrals.get(episode.familyReferral);
  if (known) return known;
  const { draw } = ctx;
  const assessmentOnly = episode.pathway === 'assessment_only';
  const nfa = assessmentOnly && episode.endedOn !== null && draw.chance(nfaShareOfAssessmentOnly);
  const enquiry =
    !nfa &&
    (episode.pathway === 'child_in_need'
      ? draw.chance(enquiryWithoutConference.childInNeed)
      : assessmentOnly && draw.chance(enquiryWithoutConference.assessmentOnly));
  const family: FamilyReferral = {
    source: draw.weighted(referralSources),
    need: draw.weighted(primaryNeedsFor(episode.pathway)),
    nfa,
    enquiry,
    category: draw.weighted(categoriesOfAbuse),
    closure:
      episode.pathway === 'looked_after'
        ? 'RC7'
        : assessmentOnly && !enquiry
          ? draw.weighted(closedAfterAssessment)
          : draw.weighted(closedAfterServices),
  };
  ctx.familyReferrals.set(episode.familyReferral, family);
  return family;
}

function assessmentOutcomeOf(episode: SyntheticEpisode, family: FamilyReferral): AssessmentOutcome {
  switch (episode.pathway) {
    case 'assessment_only':
      return family.closure === 'RC9' ? 'early_help' : 'no_further_action';
    case 'child_protection':
      return 'strategy_discussion';
    case 'looked_after':
      return 'looked_after';
    default:
      return 'child_in_need_plan';
  }
}

type HolderOn = (date: IsoDate) => { worker: Recorder | null; manager: Recorder; by: Recorder };

/**
 * The child protection plan from the initial conference: review conferences at 3 months and then
 * every 6, core groups, and its end at a review conference (with the manager's authorisation)
 * after about as long as plans last nationally, before the episode closes.
 */
function protectionPlan(
  ctx: CaseworkContext,
  episode: SyntheticEpisode,
  enquiry: Insertable<Section47EnquiriesTable>,
  conferenceOn: IsoDate,
  category: CategoryOfAbuseCode,
  horizon: IsoDate,
  holderOn: HolderOn,
): { row: Insertable<ChildProtectionPlansTable>; endedOn: IsoDate | null; stepsDownToChildInNeed: boolean } {
  const { draw, calendar, records } = ctx;
  const end = episode.endedOn;
  const wd = (date: IsoDate, n: number) => calendar.addWorkingDays(date, n);
  const onOrBefore = (date: IsoDate) => {
    let d = date;
    while (!calendar.isWorkingDay(d)) d = addCalendarDays(d, -1);
    return d;
  };
  const earlierPlans = ctx.plansSoFar.get(episode.personId) ?? 0;
  ctx.plansSoFar.set(episode.personId, earlierPlans + 1);
  const holder = holderOn(conferenceOn);
  const plan = records.initialConferenceWithPlan({
    enquiry,
    heldOn: conferenceOn,
    chair: ctx.chairOn(conferenceOn),
    agencies: draw.pick(conferenceAgencies),
    categoryOfAbuse: category,
    numberOfPreviousPlans: earlierPlans > 0 ? earlierPlans : ctx.plansBeforeRecords(),
    by: holder.by,
  });

  let endsOn: IsoDate | null = addCalendarDays(conferenceOn, between(draw, draw.weighted(planLengthDays)));
  if (end !== null) endsOn = earlier(endsOn, addCalendarDays(end, -7));
  endsOn = onOrBefore(endsOn);
  if (endsOn <= conferenceOn) endsOn = end !== null ? earlier(wd(conferenceOn, 1), end) : wd(conferenceOn, 1);
  if (endsOn > horizon) endsOn = null;

  let latestCategory: CategoryOfAbuseCode = category;
  const review = (heldOn: IsoDate, endsPlan: boolean) => {
    if (draw.chance(categoryChangedAtReview)) latestCategory = draw.weighted(categoriesOfAbuse.filter((c) => c.value !== latestCategory));
    records.reviewConference(plan, {
      heldOn,
      chair: ctx.chairOn(heldOn),
      agencies: draw.pick(conferenceAgencies),
      categoryOfAbuse: latestCategory,
      endsPlan,
      by: holderOn(heldOn).by,
    });
  };
  let due = addMonths(conferenceOn, 3);
  for (;;) {
    const heldOn = calendar.onOrNextWorkingDay(addCalendarDays(due, between(draw, draw.weighted(reviewOffsetDays))));
    if (heldOn > horizon || (endsOn !== null && heldOn >= addCalendarDays(endsOn, -14))) break;
    review(heldOn, false);
    due = addMonths(heldOn, 6);
  }

  const coreGroupsUntil = endsOn ?? horizon;
  for (
    let heldOn = wd(conferenceOn, between(draw, draw.weighted(firstCoreGroupWorkingDays)));
    heldOn <= coreGroupsUntil;
    heldOn = wd(heldOn, between(draw, coreGroupGapWorkingDays))
  )
    records.coreGroup(plan, { heldOn, notes: draw.pick(texts.coreGroupNotes), by: holderOn(heldOn).by });

  let stepsDownToChildInNeed = false;
  if (endsOn !== null) {
    review(endsOn, true);
    const room = end === null ? Number.POSITIVE_INFINITY : calendar.workingDaysBetween(endsOn, end);
    stepsDownToChildInNeed = room >= 30 && draw.chance(stepDownToChildInNeedPlan);
    const endHolder = holderOn(endsOn);
    records.planEnded('cp', plan, {
      on: endsOn,
      reason: stepsDownToChildInNeed ? 'stepped_down' : 'progress_made',
      authorisedOn: endsOn,
      to: stepsDownToChildInNeed ? 'child_in_need_plan' : draw.pick(['early_help', 'universal_services'] as const),
      evidenceOfProgress: draw.pick(texts.stepDownEvidence),
      rationale: draw.pick(texts.stepDownRationales),
      manager: endHolder.manager,
      by: endHolder.by,
    });
  }
  return { row: plan, endedOn: endsOn, stepsDownToChildInNeed };
}

/** A child in need plan from `startedOn`, reviewed about every 3 months, ended before the episode closes. */
function childInNeedPlan(
  ctx: CaseworkContext,
  episode: SyntheticEpisode,
  referralId: string,
  startedOn: IsoDate,
  horizon: IsoDate,
  holderOn: HolderOn,
): Insertable<ChildInNeedPlansTable> {
  const { draw, calendar, records } = ctx;
  const end = episode.endedOn;
  const plan = records.childInNeedPlanStarted({ personId: episode.personId, referralId, startedOn, by: holderOn(startedOn).by });
  let endsOn: IsoDate | null = null;
  if (end !== null) {
    endsOn = addCalendarDays(end, -draw.int(0, 3));
    if (endsOn <= startedOn) endsOn = end;
  }
  let due = addMonths(startedOn, 3);
  for (;;) {
    const reviewedOn = calendar.onOrNextWorkingDay(addCalendarDays(due, between(draw, draw.weighted(reviewOffsetDays))));
    if (reviewedOn > horizon || (endsOn !== null && reviewedOn >= endsOn)) break;
    records.childInNeedPlanReviewed(plan, { on: reviewedOn, notes: draw.pick(texts.childInNeedReviewNotes), by: holderOn(reviewedOn).by });
    due = addMonths(reviewedOn, 3);
  }
  if (endsOn !== null) {
    const holder = holderOn(endsOn);
    records.planEnded('cin', plan, {
      on: endsOn,
      reason: 'progress_made',
      authorisedOn: endsOn,
      to: draw.pick(['early_help', 'universal_services'] as const),
      evidenceOfProgress: draw.pick(texts.stepDownEvidence),
      rationale: draw.pick(texts.stepDownRationales),
      manager: holder.manager,
      by: holder.by,
    });
  }
  return plan;
}
