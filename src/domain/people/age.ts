/** Age in whole years on `onDate`, both `YYYY-MM-DD`. A child born on 29 February turns a year older on 1 March in other years. */
export function ageInYears(dateOfBirth: string, onDate: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [oy, om, od] = onDate.split('-').map(Number) as [number, number, number];
  const hadBirthday = om > bm || (om === bm && od >= bd);
  return oy - by - (hadBirthday ? 0 : 1);
}

/** How a person's age is shown: "7 years", "10 months", "Unborn (due 3 March 2027)" is left to the page. */
export function describeAge(dateOfBirth: string, onDate: string): string {
  const years = ageInYears(dateOfBirth, onDate);
  if (years >= 1) return `${years} year${years === 1 ? '' : 's'}`;
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [oy, om, od] = onDate.split('-').map(Number) as [number, number, number];
  const months = (oy - by) * 12 + (om - bm) - (od < bd ? 1 : 0);
  return months >= 1 ? `${months} month${months === 1 ? '' : 's'}` : 'under 1 month';
}
