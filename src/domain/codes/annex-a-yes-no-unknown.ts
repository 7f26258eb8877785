/** Ofsted Annex A yes / no / unknown answers (../shared/domain/codes.json annexA.yesNoUnknown). */
export const annexAYesNoUnknown = ['a) Yes', 'b) No', 'c) Unknown'] as const;

export type AnnexAAnswer = (typeof annexAYesNoUnknown)[number];

export function annexAAnswer(value: boolean | null): AnnexAAnswer {
  if (value === null) return 'c) Unknown';
  return value ? 'a) Yes' : 'b) No';
}
