import type { IsoDate } from '../calendar/index.js';
import type { StepDownTarget } from './management-decision-kinds.js';
import type { CaseworkProblem } from './problem.js';

/** A manager's authorisation of a step-down or closure, as recorded. */
export interface StepDownAuthorisation {
  id: string;
  target: StepDownTarget;
  decidedOn: IsoDate;
  evidenceOfProgress: string;
  /** Already used to close a case or end a plan. */
  used: boolean;
}

/** The evidence a manager must record to authorise a step-down or closure. */
export function checkStepDownAuthorisation(input: {
  target: string | null;
  decidedOn: IsoDate;
  today: IsoDate;
  evidenceOfProgress: string | null;
  rationale: string | null;
}): CaseworkProblem[] {
  const problems: CaseworkProblem[] = [];
  if (!input.target) problems.push({ field: 'target', message: 'Select what you are authorising' });
  if (input.decidedOn > input.today) problems.push({ field: 'decidedOn', message: 'The date of the decision cannot be in the future' });
  if (!input.evidenceOfProgress) {
    problems.push({ field: 'evidenceOfProgress', message: 'Record the evidence of progress that makes the step-down or closure safe' });
  }
  if (!input.rationale) problems.push({ field: 'rationale', message: 'Say why you are authorising it' });
  return problems;
}

/**
 * The authorisation that allows closing the case or ending a plan on `on`: one of that kind, not yet
 * used, decided on or after `since` (the plan's start or the referral) and on or before `on`.
 */
export function usableAuthorisation(
  authorisations: readonly StepDownAuthorisation[],
  target: StepDownTarget,
  since: IsoDate,
  on: IsoDate,
): StepDownAuthorisation | undefined {
  return authorisations
    .filter((a) => a.target === target && !a.used && a.decidedOn >= since && a.decidedOn <= on && a.evidenceOfProgress.trim() !== '')
    .sort((a, b) => b.decidedOn.localeCompare(a.decidedOn))[0];
}

const refusals: Record<StepDownTarget, string> = {
  case_closure: 'The case cannot be closed yet: a manager must first authorise the closure and record the evidence of progress.',
  cp_plan_end: 'The child protection plan cannot end yet: a manager must first authorise ending it and record the evidence of progress.',
  cin_plan_end: 'The child in need plan cannot end yet: a manager must first authorise ending it and record the evidence of progress.',
};

/** Hearth's refusal when there is no usable authorisation, in words for the page. */
export function refusalWithoutEvidence(target: StepDownTarget): CaseworkProblem {
  return { field: 'authorisation', message: refusals[target] };
}
