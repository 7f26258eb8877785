/** The kinds of case note a social worker records. */
export const caseNoteTypes = [
  { code: 'home_visit', label: 'Home visit' },
  { code: 'school_visit', label: 'Visit at school or nursery' },
  { code: 'office_visit', label: 'Office visit' },
  { code: 'phone_call', label: 'Phone call' },
  { code: 'video_call', label: 'Video call' },
  { code: 'message', label: 'Email, letter or text message' },
  { code: 'direct_work', label: 'Direct work with the child' },
  { code: 'multi_agency', label: 'Contact with another agency' },
  { code: 'management_oversight', label: 'Management oversight' },
  { code: 'supervision', label: 'Supervision discussion' },
  { code: 'other', label: 'Other' },
] as const;

export type CaseNoteType = (typeof caseNoteTypes)[number]['code'];

export function isCaseNoteType(value: string): value is CaseNoteType {
  return caseNoteTypes.some((t) => t.code === value);
}

export function caseNoteTypeLabel(code: string): string {
  return caseNoteTypes.find((t) => t.code === code)?.label ?? code;
}
