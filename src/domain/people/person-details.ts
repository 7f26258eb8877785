import type { IsoDate } from '../calendar/iso-date.js';
import { type DisabilityCode, isDisabilityCode } from '../codes/disability.js';
import { isEthnicityCode } from '../codes/ethnicity.js';
import { isSexCode } from '../codes/sex.js';
import { laChildIdProblem } from './la-child-id.js';
import { upnProblem } from './upn.js';

/** A child's identifying details as the census and SSDA903 need them, after the form is read. */
export interface ChildDetails {
  laChildId?: string;
  givenName: string;
  familyName: string;
  /** Born: the date of birth. Unborn: the expected date of birth. */
  born: boolean;
  dateOfBirth?: IsoDate;
  expectedDateOfBirth?: IsoDate;
  sex?: string;
  ethnicity?: string;
  disabilities: readonly string[];
  upn?: string;
  formerUpn?: string;
  unaccompaniedAsylumSeeking: boolean;
  firstLanguage?: string;
  gpPractice?: string;
  school?: string;
}

/**
 * The rules a child's details must meet, field by field (CIN census 8520, 8525Q, 8750, 4180,
 * 4220, 8540, 8790, 8794, 1510–1560Q, 1570/1580). Empty when the details can be saved.
 */
export function childDetailsProblems(details: ChildDetails, today: IsoDate): Record<string, string> {
  const problems: Record<string, string> = {};
  if (details.laChildId !== undefined) {
    const problem = laChildIdProblem(details.laChildId);
    if (problem) problems.laChildId = `LA child ID ${problem}`;
  }
  if (details.born) {
    if (!details.dateOfBirth) problems.dateOfBirth = 'Enter the date of birth, for example 25 11 2010';
    else if (details.dateOfBirth > today) problems.dateOfBirth = 'Date of birth must be today or in the past';
  } else if (!details.expectedDateOfBirth) {
    problems.expectedDateOfBirth = 'Enter the expected date of birth, for example 14 3 2027';
  } else if (details.expectedDateOfBirth < today) {
    problems.expectedDateOfBirth =
      'The expected date of birth has passed: if the baby has been born, choose "Born" and enter the date of birth';
  }
  if (details.sex !== undefined && !isSexCode(details.sex)) problems.sex = 'Choose a sex from the list';
  else if (!details.born && details.sex !== undefined && details.sex !== 'U') problems.sex = 'Record the sex of an unborn child as Unknown';
  if (details.ethnicity !== undefined && !isEthnicityCode(details.ethnicity)) problems.ethnicity = 'Choose an ethnicity from the list';
  const disabilityProblem = disabilitiesProblem(details.disabilities);
  if (disabilityProblem) problems.disabilities = disabilityProblem;
  if (details.upn !== undefined) {
    const problem = upnProblem(details.upn);
    if (problem) problems.upn = `UPN ${problem}`;
  }
  if (details.formerUpn !== undefined) {
    const problem = upnProblem(details.formerUpn);
    if (problem) problems.formerUpn = `Former UPN ${problem}`;
    else if (details.upn !== undefined && details.formerUpn.toUpperCase() === details.upn.toUpperCase())
      problems.formerUpn = 'Former UPN must be different from the UPN';
  }
  return problems;
}

/** Disability codes: known, none repeated, and "No disability" only on its own. */
export function disabilitiesProblem(codes: readonly string[]): string | undefined {
  if (codes.some((c) => !isDisabilityCode(c))) return 'Choose disabilities from the list';
  if (new Set(codes).size !== codes.length) return 'Choose each disability once';
  if (codes.includes('NONE' satisfies DisabilityCode) && codes.length > 1)
    return 'Choose "No disability" or the disabilities the child has, not both';
  return undefined;
}
