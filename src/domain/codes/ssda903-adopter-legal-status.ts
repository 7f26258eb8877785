/** Legal status of the adopter or adopters (SSDA903 AD1 LS_ADOPTR). */
export const adopterLegalStatusCodes = [
  { code: 'L0', label: 'Single adopter' },
  { code: 'L11', label: 'Different-gender married couple' },
  { code: 'L12', label: 'Same-gender married couple' },
  { code: 'L2', label: 'Civil partnership' },
  { code: 'L3', label: 'Different-gender unmarried couple' },
  { code: 'L4', label: 'Same-gender couple not married/civil partners' },
] as const;

export type AdopterLegalStatusCode = (typeof adopterLegalStatusCodes)[number]['code'];

export function isAdopterLegalStatusCode(value: string): value is AdopterLegalStatusCode {
  return adopterLegalStatusCodes.some((c) => c.code === value);
}

export function adopterLegalStatusLabel(code: string | null): string | undefined {
  return adopterLegalStatusCodes.find((c) => c.code === code)?.label;
}
