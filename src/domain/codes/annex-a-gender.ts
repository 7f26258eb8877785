/** Ofsted Annex A gender (../shared/domain/codes.json annexA.gender), from the record's sex (M/F/U). */
export const annexAGenderCodes = [
  { code: 'a) Male' },
  { code: 'b) Female' },
  { code: 'c) Not stated/recorded' },
  { code: 'd) Neither' },
] as const;

export type AnnexAGender = (typeof annexAGenderCodes)[number]['code'];

export function annexAGender(sex: string | null): AnnexAGender {
  if (sex === 'M') return 'a) Male';
  if (sex === 'F') return 'b) Female';
  return 'c) Not stated/recorded';
}
