/** Reason for closure of a CIN episode (CIN census ReasonForClosure). RC8 and RC9 close a case after assessment. */
export const reasonForClosureCodes = [
  { code: 'RC1', label: 'Adopted' },
  { code: 'RC2', label: 'Died' },
  { code: 'RC3', label: 'Child arrangements order' },
  { code: 'RC4', label: 'Special guardianship order' },
  { code: 'RC5', label: 'Transferred to another local authority' },
  { code: 'RC6', label: 'Transferred to adult social care' },
  { code: 'RC7', label: 'Services ceased for any other reason (incl. no longer in need)' },
  { code: 'RC8', label: 'Closed after assessment - no further action' },
  { code: 'RC9', label: 'Closed after assessment - referred to early help' },
] as const;

export type ReasonForClosureCode = (typeof reasonForClosureCodes)[number]['code'];

export function isReasonForClosureCode(value: string): value is ReasonForClosureCode {
  return reasonForClosureCodes.some((c) => c.code === value);
}

export function reasonForClosureLabel(code: string | null): string | undefined {
  return reasonForClosureCodes.find((c) => c.code === code)?.label;
}
