import type { CategoryOfAbuseCode } from '../codes/cin-category-of-abuse.js';
import type { Weighted } from './weighted-choice.js';

/*
 * Section 47 enquiries, conferences and child protection plans of a synthetic authority. Figures
 * marked [V] are the national ones in ../shared/domain (README section 5); the others are
 * assumptions or the engineer's reading of DfE tables not held there, unverified [U].
 */

/** Initial category of abuse of child protection plans, approximating the DfE CIN 2024 table [U]. */
export const categoriesOfAbuse: readonly Weighted<CategoryOfAbuseCode>[] = [
  { value: 'NEG', weight: 49 },
  { value: 'EMO', weight: 37 },
  { value: 'PHY', weight: 7 },
  { value: 'SAB', weight: 4 },
  { value: 'MUL', weight: 3 },
];

/** Share of review conferences that change the category the plan is under (an assumption). */
export const categoryChangedAtReview = 0.08;

/**
 * Share of child protection plans that are a second or later plan (CIN census NumberOfPreviousCPP
 * above 0): 16.6%, the latest national value ../shared/domain holds (2015 [P]; a current value was
 * not retrieved). Plans before the authority's records began make up what its own history lacks.
 */
export const repeatPlanShare = 0.166;

/**
 * Working days from the strategy discussion to the initial conference, due within 15: about four
 * in five on time, as commonly reported [U] (README section 7: the national share is not verified).
 */
export const initialConferenceWorkingDays: readonly Weighted<{ from: number; to: number }>[] = [
  { value: { from: 8, to: 15 }, weight: 78 },
  { value: { from: 16, to: 25 }, weight: 22 },
];

/** Working days from the strategy discussion to the outcome of the section 47 enquiry (an assumption). */
export const section47WorkingDays = { from: 4, to: 12 } as const;

/**
 * How long child protection plans last, in days, by the national bands of plans ending in the year
 * to 31 March 2025 [V] (CIN dataset D7: 3 months or less 15.9%, 3 to 6 months 11.0%, 6 to 12
 * months 43.5%, 1 to 2 years 25.2%, 2 years or more 4.4%).
 */
export const planLengthDays: readonly Weighted<{ from: number; to: number }>[] = [
  { value: { from: 30, to: 91 }, weight: 15.9 },
  { value: { from: 92, to: 182 }, weight: 11 },
  { value: { from: 183, to: 365 }, weight: 43.5 },
  { value: { from: 366, to: 730 }, weight: 25.2 },
  { value: { from: 731, to: 900 }, weight: 4.4 },
];

/**
 * Of child in need episodes, and of episodes only assessed, the share that had a section 47 enquiry
 * which found no conference needed (assumptions, so that about one enquiry in three leads to a
 * conference, near the national 201,000 enquiries to about 75,000 conferences a year [U]).
 */
export const enquiryWithoutConference: { childInNeed: number; assessmentOnly: number } = { childInNeed: 0.2, assessmentOnly: 0.12 };

/** Share of plans ending with a step down to a child in need plan, when the episode stays open long enough (an assumption). */
export const stepDownToChildInNeedPlan = 0.6;
