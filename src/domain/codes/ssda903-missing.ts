/** Missing (SSDA903 MISSING): missing, or away from placement without authorisation with whereabouts known. */
export const missingTypeCodes = [
  { code: 'M', label: 'Missing - not at placement, whereabouts unknown' },
  { code: 'A', label: 'Away from placement without authorisation - whereabouts known' },
] as const;

export type MissingTypeCode = (typeof missingTypeCodes)[number]['code'];

export function isMissingTypeCode(value: string): value is MissingTypeCode {
  return missingTypeCodes.some((c) => c.code === value);
}

export function missingTypeLabel(code: string | null): string | undefined {
  return missingTypeCodes.find((c) => c.code === code)?.label;
}
