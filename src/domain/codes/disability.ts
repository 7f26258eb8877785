/** Disability (CIN census). NONE must not be combined with another code (rule 8790). */
export const disabilityCodes = [
  { code: 'NONE', label: 'No disability' },
  { code: 'MOB', label: 'Mobility' },
  { code: 'HAND', label: 'Hand function' },
  { code: 'PC', label: 'Personal care' },
  { code: 'INC', label: 'Incontinence' },
  { code: 'COMM', label: 'Communication' },
  { code: 'LD', label: 'Learning' },
  { code: 'HEAR', label: 'Hearing' },
  { code: 'VIS', label: 'Vision' },
  { code: 'BEH', label: 'Behaviour' },
  { code: 'CON', label: 'Consciousness' },
  { code: 'AUT', label: 'Autism' },
  { code: 'DDA', label: 'Other (DDA)' },
] as const;

export type DisabilityCode = (typeof disabilityCodes)[number]['code'];

export function isDisabilityCode(value: string): value is DisabilityCode {
  return disabilityCodes.some((c) => c.code === value);
}

export function disabilityLabel(code: string | null): string | undefined {
  return disabilityCodes.find((c) => c.code === code)?.label;
}
