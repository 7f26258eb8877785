/** Factors identified at the end of assessment (CIN census AssessmentFactors). 21 (no factors) must be used alone (rule 8869). */
export const assessmentFactorCodes = [
  { code: '1A', label: 'Alcohol misuse - child' },
  { code: '1B', label: 'Alcohol misuse - parent/carer' },
  { code: '1C', label: 'Alcohol misuse - other household member' },
  { code: '2A', label: 'Drug misuse - child' },
  { code: '2B', label: 'Drug misuse - parent/carer' },
  { code: '2C', label: 'Drug misuse - other household member' },
  { code: '3A', label: 'Domestic violence/abuse - child is subject' },
  { code: '3B', label: 'Domestic violence/abuse - parent/carer is subject' },
  { code: '3C', label: 'Domestic violence/abuse - other household member is subject' },
  { code: '4A', label: 'Mental health - child' },
  { code: '4B', label: 'Mental health - parent/carer' },
  { code: '4C', label: 'Mental health - other family/household member' },
  { code: '5A', label: 'Learning disability - child' },
  { code: '5B', label: 'Learning disability - parent/carer' },
  { code: '5C', label: 'Learning disability - other family/household member' },
  { code: '6A', label: 'Physical disability or illness - child' },
  { code: '6B', label: 'Physical disability or illness - parent/carer' },
  { code: '6C', label: 'Physical disability or illness - other family/household member' },
  { code: '7A', label: 'Young carer' },
  { code: '8B', label: 'Privately fostered - overseas child intending to return' },
  { code: '8C', label: 'Privately fostered - overseas child intending to stay' },
  { code: '8D', label: 'Privately fostered - UK child in educational placement' },
  { code: '8E', label: 'Privately fostered - UK child, alternative family arrangement' },
  { code: '8F', label: 'Privately fostered - other' },
  { code: '9A', label: 'Unaccompanied asylum-seeking child' },
  { code: '10A', label: 'Going/being missing' },
  { code: '11A', label: 'Child sexual exploitation' },
  { code: '12A', label: 'Trafficking' },
  { code: '13A', label: 'Gangs' },
  { code: '14A', label: 'Socially unacceptable behaviour' },
  { code: '15A', label: 'Self-harm' },
  { code: '16A', label: 'Abuse or neglect - neglect' },
  { code: '17A', label: 'Abuse or neglect - emotional abuse' },
  { code: '18B', label: 'Physical abuse - child on child' },
  { code: '18C', label: 'Physical abuse - adult on child' },
  { code: '19B', label: 'Sexual abuse - child on child' },
  { code: '19C', label: 'Sexual abuse - adult on child' },
  { code: '20', label: 'Other' },
  { code: '21', label: 'No factors identified (must be used alone)' },
  { code: '22A', label: 'Female genital mutilation' },
  { code: '23A', label: 'Abuse linked to faith or belief' },
  { code: '24A', label: 'Child criminal exploitation' },
] as const;

export type AssessmentFactorCode = (typeof assessmentFactorCodes)[number]['code'];

export function isAssessmentFactorCode(value: string): value is AssessmentFactorCode {
  return assessmentFactorCodes.some((c) => c.code === value);
}

export function assessmentFactorLabel(code: string | null): string | undefined {
  return assessmentFactorCodes.find((c) => c.code === code)?.label;
}

/**
 * Codes no longer in the list but still met in older records: 18A physical abuse and 19A sexual
 * abuse, split into child-on-child (B) and adult-on-child (C) from 2024-25 (rules 8945Q, 8950Q).
 */
export const legacyAssessmentFactorCodes = [
  { code: '18A', label: 'Physical abuse (before the child-on-child / adult-on-child split)' },
  { code: '19A', label: 'Sexual abuse (before the child-on-child / adult-on-child split)' },
] as const;

export type LegacyAssessmentFactorCode = (typeof legacyAssessmentFactorCodes)[number]['code'];

export function isLegacyAssessmentFactorCode(value: string): value is LegacyAssessmentFactorCode {
  return legacyAssessmentFactorCodes.some((c) => c.code === value);
}
