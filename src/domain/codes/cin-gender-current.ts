/** Gender (CIN census GenderCurrent, up to 2023-24; replaced by Sex M/F/U from 2024-25). 0 is also used for an unborn child. */
export const genderCurrentCodes = [
  { code: '1', label: 'Male' },
  { code: '2', label: 'Female' },
  { code: '0', label: 'Not recorded / unborn' },
  { code: '9', label: 'Indeterminate' },
] as const;

export type GenderCurrentCode = (typeof genderCurrentCodes)[number]['code'];

export function isGenderCurrentCode(value: string): value is GenderCurrentCode {
  return genderCurrentCodes.some((c) => c.code === value);
}

export function genderCurrentLabel(code: string | null): string | undefined {
  return genderCurrentCodes.find((c) => c.code === code)?.label;
}

/** The last collection year (ending 31 March) that used GenderCurrent. */
export const lastYearOfGenderCurrent = 2024;
