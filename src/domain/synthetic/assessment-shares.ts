import type { AssessmentFactorCode } from '../codes/cin-assessment-factors.js';
import type { Weighted } from './weighted-choice.js';

/**
 * Working days from referral to the authorisation of the assessment, as bands drawn evenly within.
 * They follow the national figures in ../shared/domain (README section 5, DfE CIN dataset C2, year
 * to 31 March 2025): median 33 working days, interquartile range 17 to 43, 85.7% within 45; how
 * the late 14.3% spread beyond 45 is an assumption.
 */
export const assessmentWorkingDays: readonly Weighted<{ from: number; to: number }>[] = [
  { value: { from: 2, to: 17 }, weight: 25 },
  { value: { from: 18, to: 33 }, weight: 25 },
  { value: { from: 34, to: 43 }, weight: 25 },
  { value: { from: 44, to: 45 }, weight: 10.7 },
  { value: { from: 46, to: 65 }, weight: 10 },
  { value: { from: 66, to: 100 }, weight: 4.3 },
];

/** The national share of assessments authorised within 45 working days (README section 5). */
export const assessmentsWithin45WorkingDays = 0.857;

/** Working days from referral to the start of the assessment (an assumption: "started within a few days"). */
export const assessmentStartWorkingDays: readonly Weighted<number>[] = [
  { value: 0, weight: 35 },
  { value: 1, weight: 30 },
  { value: 2, weight: 20 },
  { value: 3, weight: 10 },
  { value: 5, weight: 5 },
];

/** Share of assessments a manager returns for more work once before authorising them (an assumption). */
export const assessmentsReturnedForMoreWork = 0.06;

/*
 * Factors identified at assessment (CIN census AssessmentFactors): the share of assessments that
 * identify each, approximating the DfE "Characteristics of children in need" 2024 factors table as
 * read by the engineer, unverified [U]. ../shared/domain lists the codes without their frequencies.
 */
export const assessmentFactorPrevalence: readonly { code: AssessmentFactorCode; share: number }[] = [
  { code: '4B', share: 0.32 },
  { code: '3B', share: 0.31 },
  { code: '17A', share: 0.18 },
  { code: '16A', share: 0.17 },
  { code: '2B', share: 0.16 },
  { code: '4A', share: 0.14 },
  { code: '1B', share: 0.13 },
  { code: '3A', share: 0.12 },
  { code: '20', share: 0.12 },
  { code: '18C', share: 0.11 },
  { code: '5A', share: 0.07 },
  { code: '3C', share: 0.06 },
  { code: '14A', share: 0.06 },
  { code: '15A', share: 0.06 },
  { code: '19C', share: 0.06 },
  { code: '6B', share: 0.05 },
  { code: '10A', share: 0.05 },
  { code: '5B', share: 0.04 },
  { code: '6A', share: 0.04 },
  { code: '2A', share: 0.03 },
  { code: '11A', share: 0.03 },
  { code: '19B', share: 0.03 },
  { code: '24A', share: 0.03 },
  { code: '4C', share: 0.02 },
  { code: '7A', share: 0.02 },
  { code: '13A', share: 0.02 },
  { code: '18B', share: 0.02 },
  { code: '9A', share: 0.015 },
  { code: '1A', share: 0.01 },
  { code: '1C', share: 0.01 },
  { code: '2C', share: 0.01 },
  { code: '5C', share: 0.01 },
  { code: '6C', share: 0.01 },
  { code: '12A', share: 0.005 },
  { code: '8E', share: 0.003 },
  { code: '23A', share: 0.002 },
  { code: '22A', share: 0.001 },
];

/**
 * Share of assessments that end in no further action or early help which found no factors at all
 * (code 21, used alone): an assumption. Assessments that lead to a plan always find some.
 */
export const noFactorsWhenClosedAfterAssessment = 0.15;

/**
 * The factors one assessment identifies, from uniform draws: each factor independently at its
 * share; an assessment that must find something and found nothing draws again. `u` gives the next
 * uniform draw in [0, 1).
 */
export function factorsIdentified(u: () => number, mayFindNone: boolean): AssessmentFactorCode[] {
  if (mayFindNone && u() < noFactorsWhenClosedAfterAssessment) return ['21'];
  for (;;) {
    const found = assessmentFactorPrevalence.filter((f) => u() < f.share).map((f) => f.code);
    if (found.length > 0) return found;
  }
}

/**
 * The share of assessments that find a factor, as `factorsIdentified` draws them when the
 * assessment must find something: its share, raised by the redraws of empty assessments.
 */
export function expectedFactorShare(code: AssessmentFactorCode): number {
  const share = assessmentFactorPrevalence.find((f) => f.code === code)?.share ?? 0;
  const noneFound = assessmentFactorPrevalence.reduce((p, f) => p * (1 - f.share), 1);
  return share / (1 - noneFound);
}
