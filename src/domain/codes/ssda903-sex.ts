/** Sex in the SSDA903 Header and UASC files: 1/2 up to 2023-24, M/F/U from 2024-25 (rules 101, 232). validFrom/validTo are collection years (the year ending 31 March). */
export const ssda903SexCodes = [
  { code: '1', label: 'Male', validTo: 2024 },
  { code: '2', label: 'Female', validTo: 2024 },
  { code: 'M', label: 'Male', validFrom: 2025 },
  { code: 'F', label: 'Female', validFrom: 2025 },
  { code: 'U', label: 'Unknown', validFrom: 2025 },
] as const;

export type Ssda903SexCode = (typeof ssda903SexCodes)[number]['code'];

export function isSsda903SexCode(value: string): value is Ssda903SexCode {
  return ssda903SexCodes.some((c) => c.code === value);
}

export function ssda903SexLabel(code: string | null): string | undefined {
  return ssda903SexCodes.find((c) => c.code === code)?.label;
}
