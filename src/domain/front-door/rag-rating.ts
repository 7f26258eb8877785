/** The front door's first view of how urgent a contact is: red (act now), amber or green. */
export const ragRatings = [
  { code: 'red', label: 'Red', colour: 'red' },
  { code: 'amber', label: 'Amber', colour: 'orange' },
  { code: 'green', label: 'Green', colour: 'green' },
] as const;

export type RagRating = (typeof ragRatings)[number]['code'];

export function isRagRating(value: string): value is RagRating {
  return ragRatings.some((r) => r.code === value);
}

export function ragRatingOf(code: string) {
  return ragRatings.find((r) => r.code === code);
}
