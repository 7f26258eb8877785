/** Category of abuse of a child protection plan, initial and latest (CIN census). */
export const categoryOfAbuseCodes = [
  { code: 'NEG', label: 'Neglect' },
  { code: 'PHY', label: 'Physical abuse' },
  { code: 'SAB', label: 'Sexual abuse' },
  { code: 'EMO', label: 'Emotional abuse' },
  { code: 'MUL', label: 'Multiple / not recommended' },
] as const;

export type CategoryOfAbuseCode = (typeof categoryOfAbuseCodes)[number]['code'];

export function isCategoryOfAbuseCode(value: string): value is CategoryOfAbuseCode {
  return categoryOfAbuseCodes.some((c) => c.code === value);
}

export function categoryOfAbuseLabel(code: string | null): string | undefined {
  return categoryOfAbuseCodes.find((c) => c.code === code)?.label;
}
