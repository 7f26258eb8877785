/** What a section 47 enquiry found, and whether an initial child protection conference is needed (CIN census ICPCnotRequired). */
export const section47Outcomes = [
  {
    code: 'concerns_substantiated_icpc',
    label: 'Concerns substantiated: child likely to suffer significant harm (conference needed)',
    icpcRequired: true,
  },
  {
    code: 'concerns_substantiated_no_icpc',
    label: 'Concerns substantiated, but the child is not likely to suffer significant harm',
    icpcRequired: false,
  },
  { code: 'concerns_not_substantiated', label: 'Concerns not substantiated', icpcRequired: false },
] as const;

export type Section47Outcome = (typeof section47Outcomes)[number]['code'];

export function isSection47Outcome(value: string): value is Section47Outcome {
  return section47Outcomes.some((o) => o.code === value);
}

export function section47OutcomeLabel(code: string | null): string | undefined {
  return section47Outcomes.find((o) => o.code === code)?.label;
}
