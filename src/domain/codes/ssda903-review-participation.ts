/** Participation in a looked-after review (SSDA903 REVIEW_CODE): how the child took part. */
export const reviewParticipationCodes = [
  { code: 'PN0', label: 'Child under 4 at time of review' },
  { code: 'PN1', label: 'Attends and speaks for self' },
  { code: 'PN2', label: 'Attends; advocate/IRO speaks for child' },
  { code: 'PN3', label: 'Attends and conveys views non-verbally' },
  { code: 'PN4', label: 'Attends but does not contribute' },
  { code: 'PN5', label: 'Does not attend; briefs advocate/IRO' },
  { code: 'PN6', label: 'Does not attend; views conveyed by other medium' },
  { code: 'PN7', label: 'Does not attend and views not conveyed' },
] as const;

export type ReviewParticipationCode = (typeof reviewParticipationCodes)[number]['code'];

export function isReviewParticipationCode(value: string): value is ReviewParticipationCode {
  return reviewParticipationCodes.some((c) => c.code === value);
}

export function reviewParticipationLabel(code: string | null): string | undefined {
  return reviewParticipationCodes.find((c) => c.code === code)?.label;
}
