import type { Weighted } from './weighted-choice.js';

/*
 * How often a synthetic authority's workers visit, meet and supervise, against the local standards
 * of src/domain/clocks (child protection visits every 10 working days, core groups 4 to 6 weekly,
 * child in need reviews every 3 months, case supervision monthly). The gaps are assumptions, set so
 * most duties are met on time, some late, and a few cases drift.
 */

/** Working days between child protection visits: mostly within the 10-working-day standard, some late. */
export const protectionVisitGapWorkingDays: readonly Weighted<{ from: number; to: number }>[] = [
  { value: { from: 5, to: 10 }, weight: 88 },
  { value: { from: 11, to: 16 }, weight: 12 },
];

/** Working days between visits to a child in need (local practice, typically every 4 to 6 weeks). */
export const childInNeedVisitGapWorkingDays = { from: 15, to: 30 } as const;

/** Working days from the referral to the first visit of the assessment (the child seen). */
export const assessmentVisitWorkingDays = { from: 1, to: 8 } as const;

/** Share of statutory visits where the child was not seen (an assumption). */
export const childNotSeen = 0.05;
/** Of visits where the child was seen, the share where they were seen alone, and where their bedroom was seen. */
export const seenAlone = 0.7;
export const bedroomSeen = 0.5;
/** Share of late visits with a reason recorded. */
export const lateReasonRecorded = 0.6;

/** Working days from the initial conference to the first core group (due within 10), then between core groups. */
export const firstCoreGroupWorkingDays: readonly Weighted<{ from: number; to: number }>[] = [
  { value: { from: 5, to: 10 }, weight: 85 },
  { value: { from: 11, to: 15 }, weight: 15 },
];
export const coreGroupGapWorkingDays = { from: 20, to: 30 } as const;

/** Days before (negative) or after the due date a review conference or child in need plan review is held. */
export const reviewOffsetDays: readonly Weighted<{ from: number; to: number }>[] = [
  { value: { from: -14, to: 0 }, weight: 85 },
  { value: { from: 1, to: 21 }, weight: 15 },
];

/** Working days between case supervisions of an open case (monthly standard: most within it, some late). */
export const supervisionGapWorkingDays: readonly Weighted<{ from: number; to: number }>[] = [
  { value: { from: 15, to: 21 }, weight: 75 },
  { value: { from: 22, to: 35 }, weight: 25 },
];

/** Share of supervisions that agree an action for the worker, and working days until it is due. */
export const supervisionWithAction = 0.4;
export const actionDueWorkingDays = { from: 5, to: 15 } as const;

/**
 * Share of open cases left drifting: nobody has visited, supervised or recorded oversight for
 * some weeks before today (more than the default drift period of 20 working days).
 */
export const driftingOpenCases = 0.03;
export const driftWorkingDays = { from: 25, to: 60 } as const;
