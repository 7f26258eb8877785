/** Reason for a change of social worker (SSDA903 SWEpisodes SW_REASON, from 2023-24). */
export const socialWorkerChangeReasonCodes = [
  { code: 'MANAGE', label: 'Managing caseloads' },
  { code: 'FCONTA', label: 'First contact or re-referral' },
  { code: 'LEFTRL', label: 'Previous social worker left role' },
  { code: 'ORGRST', label: 'Organisational restructure' },
  { code: 'TSPROC', label: 'Transfer under standard process' },
  { code: 'ABSENC', label: 'Absence cover / return from absence' },
  { code: 'CHCHAN', label: 'Child requested change' },
  { code: 'PCCHAN', label: 'Parent/carer requested change' },
  { code: 'SWDIED', label: 'Previous social worker died' },
  { code: 'OTHERS', label: 'Other' },
] as const;

export type SocialWorkerChangeReasonCode = (typeof socialWorkerChangeReasonCodes)[number]['code'];

export function isSocialWorkerChangeReasonCode(value: string): value is SocialWorkerChangeReasonCode {
  return socialWorkerChangeReasonCodes.some((c) => c.code === value);
}

export function socialWorkerChangeReasonLabel(code: string | null): string | undefined {
  return socialWorkerChangeReasonCodes.find((c) => c.code === code)?.label;
}
