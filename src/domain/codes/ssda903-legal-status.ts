/** Legal status (SSDA903 LS): the order or agreement under which a child is looked after. */
export const legalStatusCodes = [
  { code: 'C1', label: 'Interim care order (s38)' },
  { code: 'C2', label: 'Full care order (s31)' },
  { code: 'D1', label: 'Freeing order granted (pre-Dec 2005 law)' },
  { code: 'E1', label: 'Placement order granted' },
  { code: 'V2', label: 'Single period of accommodation under s20' },
  { code: 'V3', label: 'Agreed series of short-term breaks - individual episodes recorded' },
  { code: 'V4', label: 'Agreed series of short-term breaks - agreements recorded' },
  { code: 'L1', label: 'Police protection and in LA accommodation (s46)' },
  { code: 'L2', label: 'Emergency protection order (s44)' },
  { code: 'L3', label: 'Child assessment order and in LA accommodation (s43)' },
  { code: 'J1', label: 'Remanded to LA accommodation or youth detention accommodation' },
  { code: 'J2', label: 'Placed in LA accommodation under PACE 1984' },
  { code: 'J3', label: 'Sentenced to Youth Rehabilitation Order with residence / intensive fostering requirement' },
] as const;

export type LegalStatusCode = (typeof legalStatusCodes)[number]['code'];

export function isLegalStatusCode(value: string): value is LegalStatusCode {
  return legalStatusCodes.some((c) => c.code === value);
}

export function legalStatusLabel(code: string | null): string | undefined {
  return legalStatusCodes.find((c) => c.code === code)?.label;
}
