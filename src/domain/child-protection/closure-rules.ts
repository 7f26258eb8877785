import type { IsoDate } from '../calendar/index.js';
import { isReasonForClosureCode } from '../codes/cin-reason-for-closure.js';
import type { CaseworkProblem } from './problem.js';
import { spokenDate } from './spoken-date.js';
import { refusalWithoutEvidence, type StepDownAuthorisation } from './step-down-rules.js';

/** What is still open on the episode, and what happened last, when someone asks to close it. */
export interface EpisodeWorkFacts {
  referralDate: IsoDate;
  closedOn: IsoDate | null;
  openAssessment: boolean;
  authorisedAssessment: boolean;
  /** A section 47 enquiry with no outcome yet (CIN 8868). */
  openEnquiry: boolean;
  openProtectionPlan: boolean;
  openChildInNeedPlan: boolean;
  /** The date of the latest work recorded on the episode: the closure cannot be before it (CIN 8565). */
  latestWorkOn: IsoDate | null;
}

/**
 * Closing a child-in-need episode (CIN census CINclosureDate and ReasonForClosure): an open episode,
 * nothing left open on it, a reason-for-closure code (8640), a date not before the referral (8630)
 * or the last work (8565) and not in the future; RC8 and RC9 only after an authorised assessment
 * (8825Q); and a manager's authorisation with the evidence of progress, without which Hearth refuses.
 */
export function checkClosure(input: {
  episode: EpisodeWorkFacts | null | undefined;
  closedOn: IsoDate;
  today: IsoDate;
  reason: string | null;
  authorisation: StepDownAuthorisation | undefined;
}): CaseworkProblem[] {
  const { episode } = input;
  if (!episode || episode.closedOn !== null) return [{ field: 'form', message: 'The child has no open referral to close.' }];
  const problems: CaseworkProblem[] = [];
  if (episode.openAssessment)
    problems.push({ field: 'openAssessment', message: 'An assessment is still open: it must be authorised before the case closes.' });
  if (episode.openEnquiry)
    problems.push({ field: 'openEnquiry', message: 'A section 47 enquiry has no outcome yet: record it before the case closes.' });
  if (episode.openProtectionPlan)
    problems.push({
      field: 'openProtectionPlan',
      message: 'The child is on a child protection plan: end the plan before the case closes.',
    });
  if (episode.openChildInNeedPlan)
    problems.push({
      field: 'openChildInNeedPlan',
      message: 'The child has a child in need plan open: end the plan before the case closes.',
    });
  if (input.closedOn > input.today) problems.push({ field: 'closedOn', message: 'The date of closure cannot be in the future' });
  else if (input.closedOn < episode.referralDate) {
    problems.push({ field: 'closedOn', message: `The case cannot close before the referral on ${spokenDate(episode.referralDate)}` });
  } else if (episode.latestWorkOn && input.closedOn < episode.latestWorkOn) {
    problems.push({
      field: 'closedOn',
      message: `The case cannot close before the last work recorded on it, on ${spokenDate(episode.latestWorkOn)}`,
    });
  }
  if (!input.reason || !isReasonForClosureCode(input.reason)) problems.push({ field: 'reason', message: 'Select the reason for closure' });
  else if ((input.reason === 'RC8' || input.reason === 'RC9') && !episode.authorisedAssessment) {
    problems.push({
      field: 'reason',
      message: 'RC8 and RC9 close a case after an assessment, and this referral has no authorised assessment',
    });
  }
  if (!input.authorisation) problems.push(refusalWithoutEvidence('case_closure'));
  return problems;
}
