import type { Timescale } from './timescale.js';

/** The shortest and longest a timescale can be, in calendar days (null: not comparable). */
function spanInDays(timescale: Timescale): { shortest: number; longest: number } | null {
  const size = Math.abs(timescale.amount);
  const sign = timescale.amount < 0 ? -1 : 1;
  let shortest: number;
  let longest: number;
  switch (timescale.unit) {
    case 'calendar_days':
      [shortest, longest] = [size, size];
      break;
    case 'weeks':
      [shortest, longest] = [7 * size, 7 * size];
      break;
    case 'hours':
      [shortest, longest] = [size / 24, size / 24];
      break;
    case 'months':
    case 'years': {
      const months = timescale.unit === 'years' ? 12 * size : size;
      [shortest, longest] = [Math.max(0, 30 * months - 3), 31 * months];
      break;
    }
    case 'working_days':
      // Weekends add 2 days per 5, and bank holidays at most 4 more in a row (Christmas, Easter).
      [shortest, longest] = [size, Math.ceil((7 * size) / 5) + 6];
      break;
    case 'school_terms':
      return null;
  }
  return sign > 0 ? { shortest, longest } : { shortest: -longest, longest: -shortest };
}

/**
 * True when `local` can never allow more time than `statutory`. Like units compare exactly;
 * unlike units only when the longest `local` can be is within the shortest `statutory` can be
 * (4 weeks is within 3 months; 10 working days is not within 2 weeks, because of bank holidays).
 * For "before" timescales (negative amounts) no longer means at least as early.
 */
export function isNoLongerThan(local: Timescale, statutory: Timescale): boolean {
  if (local.unit === statutory.unit) return local.amount <= statutory.amount;
  const localSpan = spanInDays(local);
  const statutorySpan = spanInDays(statutory);
  if (!localSpan || !statutorySpan) return false;
  return localSpan.longest <= statutorySpan.shortest;
}
