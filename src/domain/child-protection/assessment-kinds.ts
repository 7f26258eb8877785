/**
 * Kinds of assessment. A disabled child's assessment is its own kind, so how long disabled
 * children wait can be reported separately; both are child and family assessments for the CIN census.
 */
export const assessmentKinds = [
  { code: 'child_and_family', label: 'Child and family assessment' },
  { code: 'disabled_child', label: 'Disabled child’s assessment' },
] as const;

export type AssessmentKind = (typeof assessmentKinds)[number]['code'];

export function isAssessmentKind(value: string): value is AssessmentKind {
  return assessmentKinds.some((k) => k.code === value);
}

export function assessmentKindLabel(code: string): string {
  return assessmentKinds.find((k) => k.code === code)?.label ?? code;
}
