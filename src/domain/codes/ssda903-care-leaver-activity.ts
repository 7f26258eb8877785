/** Care leaver main activity (SSDA903 OC3 ACTIV). F3/P3 are legacy codes and are not offered. */
export const careLeaverActivityCodes = [
  { code: 'F1', label: 'Full-time higher education' },
  { code: 'P1', label: 'Part-time higher education' },
  { code: 'F2', label: 'Full-time other education' },
  { code: 'P2', label: 'Part-time other education' },
  { code: 'F4', label: 'Full-time apprenticeship' },
  { code: 'P4', label: 'Part-time apprenticeship' },
  { code: 'F5', label: 'Full-time training/employment (not apprenticeship)' },
  { code: 'P5', label: 'Part-time training/employment (not apprenticeship)' },
  { code: 'G4', label: 'NEET - illness or disability' },
  { code: 'G5', label: 'NEET - other' },
  { code: 'G6', label: 'NEET - pregnancy or parenting' },
  { code: '0', label: 'Not known / not applicable' },
] as const;

export type CareLeaverActivityCode = (typeof careLeaverActivityCodes)[number]['code'];

export function isCareLeaverActivityCode(value: string): value is CareLeaverActivityCode {
  return careLeaverActivityCodes.some((c) => c.code === value);
}

export function careLeaverActivityLabel(code: string | null): string | undefined {
  return careLeaverActivityCodes.find((c) => c.code === code)?.label;
}
