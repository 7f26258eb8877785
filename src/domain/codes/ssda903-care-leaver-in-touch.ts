/** Care leaver in touch (SSDA903 OC3 IN_TOUCH), around the 17th to 21st birthdays. */
export const careLeaverInTouchCodes = [
  { code: 'YES', label: 'In touch' },
  { code: 'NO', label: 'Not in touch' },
  { code: 'DIED', label: 'Died after leaving care' },
  { code: 'REFU', label: 'Young person refuses contact' },
  { code: 'NREQ', label: 'No longer requires services' },
  { code: 'RHOM', label: 'Returned to parents/PR holder for 6+ continuous months' },
] as const;

export type CareLeaverInTouchCode = (typeof careLeaverInTouchCodes)[number]['code'];

export function isCareLeaverInTouchCode(value: string): value is CareLeaverInTouchCode {
  return careLeaverInTouchCodes.some((c) => c.code === value);
}

export function careLeaverInTouchLabel(code: string | null): string | undefined {
  return careLeaverInTouchCodes.find((c) => c.code === code)?.label;
}
