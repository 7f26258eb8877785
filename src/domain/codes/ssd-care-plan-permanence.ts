/** Permanence plan (D2I Standard Safeguarding Dataset suggested values; not a DfE list, so an authority may extend it). */
export const carePlanPermanenceCodes = [
  { code: 'REMAINSUP', label: 'Remain with birth family supported by shared care/short breaks' },
  { code: 'RETURN1M', label: 'Return to birth family within 1 month' },
  { code: 'RETURN6M', label: 'Return within 6 months' },
  { code: 'RETURNEV', label: 'Eventual return' },
  { code: 'LTRELFR', label: 'Long-term with relatives/friends' },
  { code: 'LTFOST18', label: 'Long-term foster care to 18' },
  { code: 'RESPLMT', label: 'Residential until independence' },
  { code: 'SUPPLIV', label: 'Supported living in community' },
  { code: 'ADOPTION', label: 'Adoption' },
  { code: 'OTHERPLN', label: 'Other' },
] as const;

export type CarePlanPermanenceCode = (typeof carePlanPermanenceCodes)[number]['code'];

export function isCarePlanPermanenceCode(value: string): value is CarePlanPermanenceCode {
  return carePlanPermanenceCodes.some((c) => c.code === value);
}

export function carePlanPermanenceLabel(code: string | null): string | undefined {
  return carePlanPermanenceCodes.find((c) => c.code === code)?.label;
}
