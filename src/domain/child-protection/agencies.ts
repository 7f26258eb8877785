/** Agencies that take part in strategy discussions and conferences (Working Together 2023: at least police, health and children's social care). */
export const agencies = [
  { code: 'social_care', label: 'Children’s social care' },
  { code: 'police', label: 'Police' },
  { code: 'health', label: 'Health' },
  { code: 'education', label: 'Education (school or nursery)' },
  { code: 'early_years', label: 'Early years' },
  { code: 'probation', label: 'Probation' },
  { code: 'housing', label: 'Housing' },
  { code: 'adult_services', label: 'Adult social care or mental health' },
  { code: 'voluntary', label: 'Voluntary sector' },
  { code: 'other', label: 'Other' },
] as const;

export type Agency = (typeof agencies)[number]['code'];

export function isAgency(value: string): value is Agency {
  return agencies.some((a) => a.code === value);
}

export function agencyLabel(code: string): string {
  return agencies.find((a) => a.code === code)?.label ?? code;
}
