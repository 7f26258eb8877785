/** Who rang the out-of-hours service. */
export const callerTypes = [
  { code: 'parent_or_carer', label: 'Parent or carer' },
  { code: 'child', label: 'Child or young person' },
  { code: 'relative_or_friend', label: 'Relative, friend or neighbour' },
  { code: 'foster_carer', label: 'Foster carer or residential home' },
  { code: 'police', label: 'Police' },
  { code: 'health', label: 'Hospital or other health service' },
  { code: 'other_professional', label: 'Other professional' },
  { code: 'member_of_public', label: 'Member of the public' },
  { code: 'anonymous', label: 'Anonymous' },
  { code: 'unknown', label: 'Not known (call not answered)' },
] as const;

export type CallerType = (typeof callerTypes)[number]['code'];

export function isCallerType(value: string): value is CallerType {
  return callerTypes.some((c) => c.code === value);
}

export function callerTypeLabel(code: string): string | undefined {
  return callerTypes.find((c) => c.code === code)?.label;
}
