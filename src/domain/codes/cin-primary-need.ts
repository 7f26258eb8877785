/** Primary need (CIN census); N1-N8 are also the SSDA903 category of need (CIN), kept from the start of a period of care (rule 504). */
export const primaryNeedCodes = [
  { code: 'N0', label: 'Not stated' },
  { code: 'N1', label: 'Abuse or neglect' },
  { code: 'N2', label: "Child's disability" },
  { code: 'N3', label: 'Parental disability or illness' },
  { code: 'N4', label: 'Family in acute stress' },
  { code: 'N5', label: 'Family dysfunction' },
  { code: 'N6', label: 'Socially unacceptable behaviour' },
  { code: 'N7', label: 'Low income' },
  { code: 'N8', label: 'Absent parenting' },
  { code: 'N9', label: 'Cases other than children in need' },
] as const;

export type PrimaryNeedCode = (typeof primaryNeedCodes)[number]['code'];

export function isPrimaryNeedCode(value: string): value is PrimaryNeedCode {
  return primaryNeedCodes.some((c) => c.code === value);
}

export function primaryNeedLabel(code: string | null): string | undefined {
  return primaryNeedCodes.find((c) => c.code === code)?.label;
}
