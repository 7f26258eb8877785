/** Whether the family agreed to the contact being made and information being shared about them. */
export const consentOptions = [
  { code: 'given', label: 'Given' },
  { code: 'refused', label: 'Refused' },
  { code: 'not_sought', label: 'Not sought: asking would put the child at risk' },
] as const;

export type Consent = (typeof consentOptions)[number]['code'];

export function isConsent(value: string): value is Consent {
  return consentOptions.some((c) => c.code === value);
}

export function consentLabel(code: string | null): string | undefined {
  return consentOptions.find((c) => c.code === code)?.label;
}
