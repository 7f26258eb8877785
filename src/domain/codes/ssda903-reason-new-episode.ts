/** Reason for new episode (SSDA903 RNE): what changed when a new episode of care started. */
export const reasonNewEpisodeCodes = [
  { code: 'S', label: 'Started to be looked after (new period of care; also V3/V4 agreements and breaks)' },
  { code: 'L', label: 'Change of legal status only' },
  { code: 'P', label: 'Change of placement and carer(s) only' },
  { code: 'T', label: 'Change of placement but same carer(s) only (e.g. carer moves house, URN or provider type changes)' },
  { code: 'B', label: 'Change of legal status AND placement and carer(s) on the same day' },
  { code: 'U', label: 'Change of legal status AND placement but same carer(s) on the same day' },
] as const;

export type ReasonNewEpisodeCode = (typeof reasonNewEpisodeCodes)[number]['code'];

export function isReasonNewEpisodeCode(value: string): value is ReasonNewEpisodeCode {
  return reasonNewEpisodeCodes.some((c) => c.code === value);
}

export function reasonNewEpisodeLabel(code: string | null): string | undefined {
  return reasonNewEpisodeCodes.find((c) => c.code === code)?.label;
}
