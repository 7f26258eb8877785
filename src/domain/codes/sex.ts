/** Sex, as on the birth or gender recognition certificate (CIN census and SSDA903 from 2024-25). U is required for unborn children (CIN rule 8750). */
export const sexCodes = [
  { code: 'M', label: 'Male' },
  { code: 'F', label: 'Female' },
  { code: 'U', label: 'Unknown' },
] as const;

export type SexCode = (typeof sexCodes)[number]['code'];

export function isSexCode(value: string): value is SexCode {
  return sexCodes.some((c) => c.code === value);
}

export function sexLabel(code: string | null): string | undefined {
  return sexCodes.find((c) => c.code === code)?.label;
}
