/** The decisions a manager records on a child's case; each appears on the chronology as management oversight. */
export const managementDecisionKinds = [
  { code: 'threshold', label: 'Threshold decision' },
  { code: 'assessment_authorised', label: 'Assessment authorised' },
  { code: 'returned_for_more_work', label: 'Assessment returned for more work' },
  { code: 'step_down', label: 'Step-down or closure authorised' },
  { code: 'escalation', label: 'Escalation' },
] as const;

export type ManagementDecisionKind = (typeof managementDecisionKinds)[number]['code'];

export function managementDecisionKindLabel(code: string): string {
  return managementDecisionKinds.find((k) => k.code === code)?.label ?? code;
}

/** What a step-down authorisation allows: closing the case (the child-in-need episode) or ending a plan. */
export const stepDownTargets = [
  { code: 'case_closure', label: 'Close the case' },
  { code: 'cp_plan_end', label: 'End the child protection plan' },
  { code: 'cin_plan_end', label: 'End the child in need plan' },
] as const;

export type StepDownTarget = (typeof stepDownTargets)[number]['code'];

export function isStepDownTarget(value: string): value is StepDownTarget {
  return stepDownTargets.some((t) => t.code === value);
}

export function stepDownTargetLabel(code: string | null): string | undefined {
  return stepDownTargets.find((t) => t.code === code)?.label;
}

/** Where the child goes after the step-down. */
export const stepDownDestinations = [
  { code: 'early_help', label: 'Early help' },
  { code: 'universal_services', label: 'Universal services only' },
  { code: 'child_in_need_plan', label: 'A child in need plan' },
  { code: 'no_service', label: 'No further service' },
] as const;

export type StepDownDestination = (typeof stepDownDestinations)[number]['code'];

export function isStepDownDestination(value: string): value is StepDownDestination {
  return stepDownDestinations.some((d) => d.code === value);
}

export function stepDownDestinationLabel(code: string | null): string | undefined {
  return stepDownDestinations.find((d) => d.code === code)?.label;
}
