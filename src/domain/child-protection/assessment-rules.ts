import type { IsoDate } from '../calendar/index.js';
import { assessmentFactorCodes } from '../codes/cin-assessment-factors.js';
import { checkWithinEpisode, type EpisodeFacts } from './episode.js';
import type { CaseworkProblem } from './problem.js';
import { spokenDate } from './spoken-date.js';

/** Where an assessment is: being done by the worker, waiting for the manager, or authorised (complete for the CIN census). */
export type AssessmentStatus = 'in_progress' | 'awaiting_authorisation' | 'authorised';

/** Starting an assessment: from an open referral, not before it (CIN 1103), not while another is open (CIN 8896). */
export function checkAssessmentStart(input: {
  episode: EpisodeFacts | null | undefined;
  startedOn: IsoDate;
  today: IsoDate;
  anotherOpen: boolean;
}): CaseworkProblem[] {
  const problems = checkWithinEpisode(input.episode, input.startedOn, input.today, 'startedOn', 'Assessment');
  if (input.anotherOpen)
    problems.push({ field: 'form', message: 'The child already has an assessment open. Finish or authorise it before starting another.' });
  return problems;
}

const knownFactors = new Set<string>(assessmentFactorCodes.map((f) => f.code));

/**
 * The factors identified at the end of the assessment (CIN census AssessmentFactors): at least one
 * (8897Q), each a current code, none twice (8898), and "21 no factors identified" only on its own (8869).
 */
export function checkAssessmentFactors(factors: readonly string[]): CaseworkProblem[] {
  if (factors.length === 0) {
    return [{ field: 'factors', message: 'Select the factors identified at the end of the assessment, or “No factors identified”' }];
  }
  if (factors.some((f) => !knownFactors.has(f))) return [{ field: 'factors', message: 'Select factors from the list' }];
  if (new Set(factors).size !== factors.length) return [{ field: 'factors', message: 'Select each factor once' }];
  if (factors.includes('21') && factors.length > 1) {
    return [{ field: 'factors', message: '“No factors identified” cannot be selected with other factors' }];
  }
  return [];
}

/** Sending the finished assessment to the manager: only an assessment in progress, with its factors and outcome. */
export function checkAssessmentSubmission(input: {
  status: AssessmentStatus;
  factors: readonly string[];
  outcome: string | null;
}): CaseworkProblem[] {
  if (input.status !== 'in_progress') return [{ field: 'form', message: 'This assessment has already been sent to a manager.' }];
  const problems = checkAssessmentFactors(input.factors);
  if (!input.outcome) problems.push({ field: 'outcome', message: 'Select what the assessment concluded the child needs next' });
  return problems;
}

/**
 * A manager's authorisation (CIN census AssessmentAuthorisationDate, which stops the 45-working-day
 * clock): only of an assessment sent for authorisation, not before it started, not in the future,
 * and with the reason for lateness when it is authorised after the due date.
 */
export function checkAuthorisation(input: {
  status: AssessmentStatus;
  startedOn: IsoDate;
  authorisedOn: IsoDate;
  today: IsoDate;
  dueOn: IsoDate | null;
  lateReason: string | null;
  rationale: string | null;
}): CaseworkProblem[] {
  if (input.status !== 'awaiting_authorisation') {
    return [{ field: 'form', message: 'Only an assessment the worker has sent for authorisation can be authorised.' }];
  }
  const problems: CaseworkProblem[] = [];
  if (input.authorisedOn > input.today)
    problems.push({ field: 'authorisedOn', message: 'The date of authorisation cannot be in the future' });
  else if (input.authorisedOn < input.startedOn) {
    problems.push({
      field: 'authorisedOn',
      message: `The date of authorisation cannot be before the assessment started on ${spokenDate(input.startedOn)}`,
    });
  }
  if (input.dueOn && input.authorisedOn > input.dueOn && !input.lateReason) {
    problems.push({
      field: 'lateReason',
      message: `The assessment was due by ${spokenDate(input.dueOn)}: give the reason it is late`,
    });
  }
  if (!input.rationale) problems.push({ field: 'rationale', message: 'Say why you are authorising the assessment and its outcome' });
  return problems;
}

/** A manager returning an assessment for more work: only one waiting for them, and with comments saying what is needed. */
export function checkReturnForMoreWork(input: { status: AssessmentStatus; comments: string | null }): CaseworkProblem[] {
  if (input.status !== 'awaiting_authorisation') {
    return [{ field: 'form', message: 'Only an assessment the worker has sent for authorisation can be returned.' }];
  }
  return input.comments ? [] : [{ field: 'comments', message: 'Say what more work the assessment needs' }];
}
