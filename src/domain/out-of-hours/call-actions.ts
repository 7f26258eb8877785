/** What the out-of-hours worker did about a call; a call can lead to more than one. */
export const callActions = [
  { code: 'advice', label: 'Advice given' },
  { code: 'visit', label: 'Visit' },
  { code: 'police_protection', label: 'Police protection' },
  { code: 'placement', label: 'Placement found' },
  { code: 'custody_visit', label: 'Custody visit (child seen in police custody)' },
] as const;

export type CallAction = (typeof callActions)[number]['code'];

export function isCallAction(value: string): value is CallAction {
  return callActions.some((a) => a.code === value);
}

export function callActionLabel(code: string): string | undefined {
  return callActions.find((a) => a.code === code)?.label;
}
