/** Reason no strengths and difficulties questionnaire score was returned (SSDA903 OC2 SDQ_REASON). */
export const sdqReasonCodes = [
  { code: 'SDQ1', label: 'Not returned - child under 4 or over 16 at latest assessment' },
  { code: 'SDQ2', label: 'Carer refused' },
  { code: 'SDQ3', label: 'Not possible due to severity of disability' },
  { code: 'SDQ4', label: 'Other' },
  { code: 'SDQ5', label: 'Child/young person refused' },
] as const;

export type SdqReasonCode = (typeof sdqReasonCodes)[number]['code'];

export function isSdqReasonCode(value: string): value is SdqReasonCode {
  return sdqReasonCodes.some((c) => c.code === value);
}

export function sdqReasonLabel(code: string | null): string | undefined {
  return sdqReasonCodes.find((c) => c.code === code)?.label;
}
