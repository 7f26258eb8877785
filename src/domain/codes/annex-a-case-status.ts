/** Ofsted Annex A list 6 case status (../shared/domain/codes.json annexA.list6CaseStatus). */
export const annexACaseStatuses = [
  'a) Looked after child',
  'b) Child Protection plan',
  'c) Child in need plan',
  'd) Open assessment',
  'e) Closed episode',
] as const;

export type AnnexACaseStatus = (typeof annexACaseStatuses)[number];
