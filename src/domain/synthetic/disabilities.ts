import type { DisabilityCode } from '../codes/disability.js';
import type { Weighted } from './weighted-choice.js';

/*
 * Disabilities recorded for children in need (CIN census Disabilities), approximating the DfE
 * "Characteristics of children in need" 2024 release as read by the engineer: unverified [U].
 * A child on the disabled children's pathway has at least one; of the others, a few do.
 */

/** Share of children not on the disabled children's pathway who have a disability recorded. */
export const disabledShareOfOtherChildren = 0.08;

/** How often each disability is recorded for a disabled child. */
export const disabilityCodesOfDisabledChildren: readonly Weighted<Exclude<DisabilityCode, 'NONE'>>[] = [
  { value: 'LD', weight: 30 },
  { value: 'AUT', weight: 25 },
  { value: 'COMM', weight: 14 },
  { value: 'BEH', weight: 10 },
  { value: 'PC', weight: 5 },
  { value: 'MOB', weight: 5 },
  { value: 'DDA', weight: 4 },
  { value: 'HAND', weight: 2 },
  { value: 'INC', weight: 2 },
  { value: 'HEAR', weight: 1.5 },
  { value: 'VIS', weight: 1 },
  { value: 'CON', weight: 0.5 },
];

/** How many disabilities a disabled child has recorded. */
export const disabilitiesPerDisabledChild: readonly Weighted<number>[] = [
  { value: 1, weight: 55 },
  { value: 2, weight: 30 },
  { value: 3, weight: 15 },
];
