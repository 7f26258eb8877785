import { ageOn } from '../calendar/date-arithmetic.js';
import { toDateParts } from '../calendar/iso-date.js';

/** How a child's age is shown: "7 years", "10 months", "under 1 month". */
export function describeAge(dateOfBirth: string, onDate: string): string {
  const years = ageOn(dateOfBirth, onDate);
  if (years >= 1) return `${years} year${years === 1 ? '' : 's'}`;
  const born = toDateParts(dateOfBirth);
  const on = toDateParts(onDate);
  const months = (on.year - born.year) * 12 + (on.month - born.month) - (on.day < born.day ? 1 : 0);
  return months >= 1 ? `${months} month${months === 1 ? '' : 's'}` : 'under 1 month';
}
