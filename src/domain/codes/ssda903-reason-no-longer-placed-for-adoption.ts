/** Why a decision that a child should be placed for adoption was reversed (SSDA903 PlacedAdoption REASON_PLACED_CEASED). */
export const reasonNoLongerPlacedForAdoptionCodes = [
  { code: 'RD1', label: "Child's needs changed after the decision" },
  { code: 'RD2', label: 'Court did not make a placement order' },
  { code: 'RD3', label: 'Prospective adopters could not be found' },
  { code: 'RD4', label: 'Any other reason' },
] as const;

export type ReasonNoLongerPlacedForAdoptionCode = (typeof reasonNoLongerPlacedForAdoptionCodes)[number]['code'];

export function isReasonNoLongerPlacedForAdoptionCode(value: string): value is ReasonNoLongerPlacedForAdoptionCode {
  return reasonNoLongerPlacedForAdoptionCodes.some((c) => c.code === value);
}

export function reasonNoLongerPlacedForAdoptionLabel(code: string | null): string | undefined {
  return reasonNoLongerPlacedForAdoptionCodes.find((c) => c.code === code)?.label;
}
