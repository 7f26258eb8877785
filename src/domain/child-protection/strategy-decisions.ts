/** What a strategy discussion decided. */
export const strategyDecisions = [
  { code: 'section_47', label: 'Start a section 47 enquiry' },
  { code: 'single_agency_assessment', label: 'No section 47: continue with the child and family assessment' },
  { code: 'no_further_action', label: 'No further action by children’s social care' },
] as const;

export type StrategyDecision = (typeof strategyDecisions)[number]['code'];

export function isStrategyDecision(value: string): value is StrategyDecision {
  return strategyDecisions.some((d) => d.code === value);
}

export function strategyDecisionLabel(code: string): string {
  return strategyDecisions.find((d) => d.code === code)?.label ?? code;
}
