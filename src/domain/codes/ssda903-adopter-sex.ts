/** Sex of the adopter or adopters (SSDA903 AD1 SEX_ADOPTR). */
export const adopterSexCodes = [
  { code: 'M1', label: 'Single male' },
  { code: 'F1', label: 'Single female' },
  { code: 'MM', label: 'Male couple' },
  { code: 'FF', label: 'Female couple' },
  { code: 'MF', label: 'Male/female couple' },
] as const;

export type AdopterSexCode = (typeof adopterSexCodes)[number]['code'];

export function isAdopterSexCode(value: string): value is AdopterSexCode {
  return adopterSexCodes.some((c) => c.code === value);
}

export function adopterSexLabel(code: string | null): string | undefined {
  return adopterSexCodes.find((c) => c.code === code)?.label;
}
