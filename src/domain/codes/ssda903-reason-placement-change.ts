/** Reason for placement change (SSDA903 REASON_PLACE_CHANGE): recorded on the episode that ends with the move. */
export const reasonPlacementChangeCodes = [
  { code: 'CARPL', label: 'Change to / implementation of care plan (planned)' },
  { code: 'CLOSE', label: 'Carer resigned or provision closed' },
  { code: 'ALLEG', label: 'Allegation under s47' },
  { code: 'STAND', label: 'Standards of care concern' },
  { code: 'APPRR', label: 'Approval/registration removed' },
  { code: 'CREQB', label: "Carer requested end - child's behaviour" },
  { code: 'CREQO', label: 'Carer requested end - other reasons' },
  { code: 'CHILD', label: 'Child requested end' },
  { code: 'LAREQ', label: 'Responsible/area authority requested end' },
  { code: 'PLACE', label: 'Change in status of placement only (same carer, same plan)' },
  { code: 'CUSTOD', label: 'Custody arrangement' },
  { code: 'OTHER', label: 'Other' },
] as const;

export type ReasonPlacementChangeCode = (typeof reasonPlacementChangeCodes)[number]['code'];

export function isReasonPlacementChangeCode(value: string): value is ReasonPlacementChangeCode {
  return reasonPlacementChangeCodes.some((c) => c.code === value);
}

export function reasonPlacementChangeLabel(code: string | null): string | undefined {
  return reasonPlacementChangeCodes.find((c) => c.code === code)?.label;
}
