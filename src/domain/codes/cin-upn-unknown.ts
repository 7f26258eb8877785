/** Reason a child has no unique pupil number (CIN census UPNunknown). The label of UN6 is not verified. */
export const upnUnknownCodes = [
  { code: 'UN1', label: 'Not of school age and no UPN assigned yet' },
  { code: 'UN2', label: 'Never attended a maintained school in England (e.g. some UASC)' },
  { code: 'UN3', label: 'Educated outside England' },
  { code: 'UN4', label: 'Newly looked after / UPN not yet known (903 wording)' },
  { code: 'UN5', label: 'UPN sources disagree (name/DOB discrepancy, duplicate UPN)' },
  { code: 'UN6', label: 'CIN-only code - label NOT verified in available sources' },
  { code: 'UN7', label: 'Referral with no further action (CIN only, rule 8772)' },
] as const;

export type UpnUnknownCode = (typeof upnUnknownCodes)[number]['code'];

export function isUpnUnknownCode(value: string): value is UpnUnknownCode {
  return upnUnknownCodes.some((c) => c.code === value);
}

export function upnUnknownLabel(code: string | null): string | undefined {
  return upnUnknownCodes.find((c) => c.code === code)?.label;
}
