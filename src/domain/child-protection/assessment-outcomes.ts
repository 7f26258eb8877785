/** What an assessment concluded the child needs next. */
export const assessmentOutcomes = [
  { code: 'no_further_action', label: 'No further action' },
  { code: 'early_help', label: 'Step down to early help' },
  { code: 'child_in_need_plan', label: 'Child in need plan' },
  { code: 'strategy_discussion', label: 'Strategy discussion (significant harm suspected)' },
  { code: 'looked_after', label: 'Become looked after' },
  { code: 'continue_existing_plan', label: 'Continue the existing plan' },
] as const;

export type AssessmentOutcome = (typeof assessmentOutcomes)[number]['code'];

export function isAssessmentOutcome(value: string): value is AssessmentOutcome {
  return assessmentOutcomes.some((o) => o.code === value);
}

export function assessmentOutcomeLabel(code: string | null): string | undefined {
  return assessmentOutcomes.find((o) => o.code === code)?.label;
}
