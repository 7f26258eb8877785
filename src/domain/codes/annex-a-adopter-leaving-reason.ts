/** Why prospective adopters left the adoption process (Ofsted Annex A list 11; ../shared/domain/codes.json annexA.list11ReasonLeavingAdoptionProcess). */
export const adopterLeavingReasonCodes = [
  { code: '1', label: 'Adopter withdrew' },
  { code: '2', label: 'Process put on hold' },
  { code: '3', label: 'Application refused' },
] as const;

export type AdopterLeavingReasonCode = (typeof adopterLeavingReasonCodes)[number]['code'];

export function isAdopterLeavingReasonCode(value: string): value is AdopterLeavingReasonCode {
  return adopterLeavingReasonCodes.some((c) => c.code === value);
}

export function adopterLeavingReasonLabel(code: string | null): string | undefined {
  return adopterLeavingReasonCodes.find((c) => c.code === code)?.label;
}
