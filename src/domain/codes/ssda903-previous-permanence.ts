/** Permanence arrangement that ended before the child started to be looked after (SSDA903 PrevPerm PREV_PERM). */
export const previousPermanenceCodes = [
  { code: 'P1', label: 'Adoption' },
  { code: 'P2', label: 'Special guardianship order' },
  { code: 'P3', label: 'Residence order / child arrangements order (with whom child lives)' },
  { code: 'P4', label: 'Unknown' },
  { code: 'Z1', label: 'No previous permanence option' },
] as const;

export type PreviousPermanenceCode = (typeof previousPermanenceCodes)[number]['code'];

export function isPreviousPermanenceCode(value: string): value is PreviousPermanenceCode {
  return previousPermanenceCodes.some((c) => c.code === value);
}

export function previousPermanenceLabel(code: string | null): string | undefined {
  return previousPermanenceCodes.find((c) => c.code === code)?.label;
}
