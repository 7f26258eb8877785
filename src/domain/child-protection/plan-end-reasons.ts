/** Why a child protection or child in need plan ended. */
export const planEndReasons = [
  { code: 'progress_made', label: 'Enough progress: the plan is no longer needed' },
  { code: 'stepped_down', label: 'Stepped down (to a child in need plan or early help)' },
  { code: 'stepped_up', label: 'Stepped up to a child protection plan' },
  { code: 'looked_after', label: 'Became looked after' },
  { code: 'moved_away', label: 'Moved to another local authority' },
  { code: 'other', label: 'Other' },
] as const;

export type PlanEndReason = (typeof planEndReasons)[number]['code'];

export function isPlanEndReason(value: string): value is PlanEndReason {
  return planEndReasons.some((r) => r.code === value);
}

export function planEndReasonLabel(code: string | null): string | undefined {
  return planEndReasons.find((r) => r.code === code)?.label;
}
