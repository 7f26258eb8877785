import type { IsoDate } from '../calendar/index.js';
import type { PlanFacts } from './conference-rules.js';
import { checkWithinEpisode, type EpisodeFacts } from './episode.js';
import { isPlanEndReason } from './plan-end-reasons.js';
import type { CaseworkProblem } from './problem.js';
import { spokenDate } from './spoken-date.js';
import { refusalWithoutEvidence, type StepDownAuthorisation } from './step-down-rules.js';

/** The conference a child protection plan comes from. */
export interface ConferenceDecision {
  heldOn: IsoDate;
  decidedOnPlan: boolean;
}

/**
 * A child protection plan starts only from a conference that decided on one, on the day of that
 * conference (CIN 2885), and not while another plan is open (CIN 8935).
 */
export function checkProtectionPlanStart(input: {
  conference: ConferenceDecision | null | undefined;
  startedOn: IsoDate;
  openPlan: boolean;
}): CaseworkProblem[] {
  if (!input.conference?.decidedOnPlan) {
    return [
      { field: 'form', message: 'A child protection plan starts only when a child protection conference has decided the child needs one.' },
    ];
  }
  if (input.startedOn !== input.conference.heldOn) {
    return [{ field: 'form', message: `The plan starts on the day of the conference, ${spokenDate(input.conference.heldOn)}.` }];
  }
  if (input.openPlan) return [{ field: 'form', message: 'The child is already on a child protection plan.' }];
  return [];
}

/**
 * Ending a plan (child protection or child in need): an open plan, ending after it started (CIN
 * 8925, 8840, 4011), not in the future, with a reason, and with a manager's authorisation that
 * records the evidence of progress; without one Hearth refuses.
 */
export function checkPlanEnd(input: {
  plan: PlanFacts | null | undefined;
  kind: 'cp' | 'cin';
  endedOn: IsoDate;
  today: IsoDate;
  reason: string | null;
  authorisation: StepDownAuthorisation | undefined;
}): CaseworkProblem[] {
  const name = input.kind === 'cp' ? 'child protection plan' : 'child in need plan';
  if (!input.plan || input.plan.endedOn !== null) return [{ field: 'form', message: `The child has no open ${name}.` }];
  const problems: CaseworkProblem[] = [];
  if (input.endedOn > input.today) problems.push({ field: 'endedOn', message: 'The date the plan ended cannot be in the future' });
  else if (input.endedOn <= input.plan.startedOn) {
    problems.push({ field: 'endedOn', message: `The plan must end after it started on ${spokenDate(input.plan.startedOn)}` });
  }
  if (!input.reason || !isPlanEndReason(input.reason)) problems.push({ field: 'reason', message: 'Select why the plan ended' });
  if (!input.authorisation) problems.push(refusalWithoutEvidence(input.kind === 'cp' ? 'cp_plan_end' : 'cin_plan_end'));
  return problems;
}

/**
 * A child in need plan: on an open referral, not before it (CIN 4015), not while another child in
 * need plan (4004) or a child protection plan (4001) is open.
 */
export function checkChildInNeedPlanStart(input: {
  episode: EpisodeFacts | null | undefined;
  startedOn: IsoDate;
  today: IsoDate;
  openCinPlan: boolean;
  openProtectionPlan: boolean;
}): CaseworkProblem[] {
  const problems = checkWithinEpisode(input.episode, input.startedOn, input.today, 'startedOn', 'Child in need plan');
  if (input.openCinPlan) problems.push({ field: 'form', message: 'The child already has a child in need plan open.' });
  if (input.openProtectionPlan) {
    problems.push({ field: 'form', message: 'The child is on a child protection plan: a child in need plan cannot run at the same time.' });
  }
  return problems;
}

/** A review of a child in need plan: of an open plan, on or after its start (and after the last review), not in the future. */
export function checkChildInNeedPlanReview(input: {
  plan: PlanFacts | null | undefined;
  reviewedOn: IsoDate;
  today: IsoDate;
  lastReviewOn: IsoDate | null;
}): CaseworkProblem[] {
  if (!input.plan || input.plan.endedOn !== null)
    return [{ field: 'form', message: 'The child has no open child in need plan to review.' }];
  if (input.reviewedOn > input.today) return [{ field: 'reviewedOn', message: 'The date of the review cannot be in the future' }];
  if (input.reviewedOn < input.plan.startedOn) {
    return [{ field: 'reviewedOn', message: `The review cannot be before the plan started on ${spokenDate(input.plan.startedOn)}` }];
  }
  if (input.lastReviewOn && input.reviewedOn <= input.lastReviewOn) {
    return [{ field: 'reviewedOn', message: `The review must be after the previous review on ${spokenDate(input.lastReviewOn)}` }];
  }
  return [];
}
