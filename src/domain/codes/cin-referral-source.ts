/** Source of referral (CIN census ReferralSource). */
export const referralSourceCodes = [
  { code: '1A', label: 'Individual - family member, relative or carer' },
  { code: '1B', label: 'Individual - acquaintance (incl. neighbours, childminders)' },
  { code: '1C', label: 'Individual - self' },
  { code: '1D', label: 'Individual - other (incl. strangers)' },
  { code: '2A', label: 'Schools' },
  { code: '2B', label: 'Education services' },
  { code: '3A', label: 'Health - GP' },
  { code: '3B', label: 'Health - health visitor' },
  { code: '3C', label: 'Health - school nurse' },
  { code: '3D', label: 'Health - other primary health services' },
  { code: '3E', label: 'Health - A&E' },
  { code: '3F', label: 'Health - other (e.g. hospice)' },
  { code: '4', label: 'Housing (LA housing or housing association)' },
  { code: '5A', label: 'LA services - social care (e.g. adult social care)' },
  { code: '5B', label: 'LA services - other internal (not social care / early help)' },
  { code: '5C', label: "LA services - external (another LA's services)" },
  { code: '5D', label: 'LA services - early help' },
  { code: '6', label: 'Police' },
  { code: '7', label: 'Other legal agency (courts, probation, immigration, Cafcass, prison)' },
  { code: '8', label: "Other (children's centres, independent/voluntary providers)" },
  { code: '9', label: 'Anonymous' },
  { code: '10', label: 'Unknown' },
] as const;

export type ReferralSourceCode = (typeof referralSourceCodes)[number]['code'];

export function isReferralSourceCode(value: string): value is ReferralSourceCode {
  return referralSourceCodes.some((c) => c.code === value);
}

export function referralSourceLabel(code: string | null): string | undefined {
  return referralSourceCodes.find((c) => c.code === code)?.label;
}
