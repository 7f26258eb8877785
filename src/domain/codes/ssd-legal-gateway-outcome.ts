/** Outcome of a legal gateway (legal planning) meeting before pre-proceedings (D2I Standard Safeguarding Dataset suggested values). */
export const legalGatewayOutcomeCodes = [
  { code: 'A', label: 'Continue with current plan' },
  { code: 'B', label: 'Start pre-proceedings' },
  { code: 'C', label: 'Issue care proceedings' },
  { code: 'D', label: 'Unknown' },
] as const;

export type LegalGatewayOutcomeCode = (typeof legalGatewayOutcomeCodes)[number]['code'];

export function isLegalGatewayOutcomeCode(value: string): value is LegalGatewayOutcomeCode {
  return legalGatewayOutcomeCodes.some((c) => c.code === value);
}

export function legalGatewayOutcomeLabel(code: string | null): string | undefined {
  return legalGatewayOutcomeCodes.find((c) => c.code === code)?.label;
}
