import { ageOn } from '../../../calendar/date-arithmetic.js';
import { isSexValidFor, unknownSexFor } from '../collection-year.js';
import type { CinChild } from '../message.js';
import type { CinChildRule, CinReturnRule } from '../rule.js';
import { isWellFormedUpn, upnCheckLetter, upnFinalCharacterIsAllowed, upnSerialIsDigits } from '../upn.js';
import { isAfter, isBefore, isOutsidePeriod } from './walk.js';

const ids = (path: string) => `${path}/ChildIdentifiers`;

/** Reasons for having no UPN that 8770Q accepts for a school-age child (not UN1, and UN7 is for NFA only). */
const SCHOOL_AGE_UPN_UNKNOWN_REASONS = new Set(['UN2', 'UN3', 'UN4', 'UN5', 'UN6']);

function hasFurtherAction(child: CinChild): boolean {
  return child.episodes.some((episode) => episode.referralNfa === false);
}

export const childIdentifierRules: readonly (CinChildRule | CinReturnRule)[] = [
  {
    code: '8500',
    severity: 'error',
    module: 'ChildIdentifiers',
    scope: 'child',
    message: 'LA child ID is missing',
    *check(child, path) {
      if (child.laChildId === null) yield { path: `${ids(path)}/LAchildID` };
    },
  },
  {
    code: '8510',
    severity: 'error',
    module: 'ChildIdentifiers',
    scope: 'child',
    message: 'The same LA child ID is used for more than one child',
    *check(child, path, { index }) {
      if (child.laChildId !== null && (index.childrenPerLaChildId.get(child.laChildId) ?? 0) > 1) yield { path: `${ids(path)}/LAchildID` };
    },
  },
  {
    code: '1570',
    severity: 'error',
    module: 'ChildIdentifiers',
    scope: 'child',
    message: 'LA child ID is longer than 20 characters',
    fromYear: 2025,
    *check(child, path) {
      if (child.laChildId !== null && child.laChildId.length > 20) yield { path: `${ids(path)}/LAchildID` };
    },
  },
  {
    code: '1580',
    severity: 'error',
    module: 'ChildIdentifiers',
    scope: 'child',
    message: 'LA child ID contains characters other than letters and digits',
    fromYear: 2025,
    *check(child, path) {
      if (child.laChildId !== null && !/^[A-Za-z0-9]+$/.test(child.laChildId)) yield { path: `${ids(path)}/LAchildID` };
    },
  },
  {
    code: '1510',
    severity: 'error',
    module: 'ChildIdentifiers',
    scope: 'child',
    message: 'UPN check letter (character 1) is wrong',
    *check(child, path) {
      if (child.upn === null) return;
      const expected = upnCheckLetter(child.upn);
      if (expected !== null && child.upn.charAt(0).toUpperCase() !== expected) yield { path: `${ids(path)}/UPN` };
    },
  },
  {
    code: '1520',
    severity: 'error',
    module: 'ChildIdentifiers',
    scope: 'child',
    message: 'The same UPN is recorded for more than one child',
    *check(child, path, { index }) {
      if (child.upn !== null && (index.childrenPerUpn.get(child.upn.toUpperCase()) ?? 0) > 1) yield { path: `${ids(path)}/UPN` };
    },
  },
  {
    code: '1540',
    severity: 'error',
    module: 'ChildIdentifiers',
    scope: 'child',
    message: 'UPN characters 5 to 12 must all be digits',
    *check(child, path) {
      if (child.upn !== null && !upnSerialIsDigits(child.upn)) yield { path: `${ids(path)}/UPN` };
    },
  },
  {
    code: '1550',
    severity: 'error',
    module: 'ChildIdentifiers',
    scope: 'child',
    message: 'UPN character 13 must be a digit or one of the letters used in UPNs (not I, O or S)',
    *check(child, path) {
      if (child.upn !== null && !upnFinalCharacterIsAllowed(child.upn)) yield { path: `${ids(path)}/UPN` };
    },
  },
  {
    code: '1560Q',
    severity: 'query',
    module: 'ChildIdentifiers',
    scope: 'child',
    message: 'Former UPN is not a well-formed UPN',
    *check(child, path) {
      if (child.formerUpn !== null && !isWellFormedUpn(child.formerUpn)) yield { path: `${ids(path)}/FormerUPN` };
    },
  },
  {
    code: '4180',
    severity: 'error',
    module: 'ChildIdentifiers',
    scope: 'child',
    message: 'Sex is missing or not a valid code for the year (M, F or U from 2024-25; 1, 2, 0 or 9 before)',
    *check(child, path, { period }) {
      if (child.sex === null || !isSexValidFor(period.year, child.sex)) yield { path: ids(path) };
    },
  },
  {
    code: '8750',
    severity: 'error',
    module: 'ChildIdentifiers',
    scope: 'child',
    message: 'An unborn child must have sex recorded as unknown (U; 0 before 2024-25)',
    *check(child, path, { period }) {
      if (child.birthDate === null && child.expectedBirthDate !== null && child.sex !== unknownSexFor(period.year))
        yield { path: ids(path) };
    },
  },
  {
    code: '8520',
    severity: 'error',
    module: 'ChildIdentifiers',
    scope: 'child',
    message: 'Date of birth is after the end of the census year',
    *check(child, path, { period }) {
      if (isAfter(child.birthDate, period.referenceDate)) yield { path: `${ids(path)}/PersonBirthDate` };
    },
  },
  {
    code: '8525Q',
    severity: 'query',
    module: 'ChildIdentifiers',
    scope: 'child',
    message: 'Give either a date of birth or an expected date of birth, not both and not neither',
    *check(child, path) {
      if ((child.birthDate === null) === (child.expectedBirthDate === null)) yield { path: ids(path) };
    },
  },
  {
    code: '8530Q',
    severity: 'query',
    module: 'ChildIdentifiers',
    scope: 'child',
    message: 'Expected date of birth should fall between 1 March and 31 December of the year the census ends',
    *check(child, path, { period }) {
      const expected = child.expectedBirthDate;
      if (expected !== null && (expected < `${period.year}-03-01` || expected > `${period.year}-12-31`)) {
        yield { path: `${ids(path)}/ExpectedPersonBirthDate` };
      }
    },
  },
  {
    code: '8535Q',
    severity: 'query',
    module: 'ChildIdentifiers',
    scope: 'child',
    message: 'Date of death is before the date of birth',
    *check(child, path) {
      if (isBefore(child.deathDate, child.birthDate)) yield { path: `${ids(path)}/PersonDeathDate` };
    },
  },
  {
    code: '8545Q',
    severity: 'query',
    module: 'ChildIdentifiers',
    scope: 'child',
    message: 'Date of death should be within the census year',
    *check(child, path, { period }) {
      if (isOutsidePeriod(child.deathDate, period)) yield { path: `${ids(path)}/PersonDeathDate` };
    },
  },
  {
    code: '8770Q',
    severity: 'query',
    module: 'ChildIdentifiers',
    scope: 'child',
    message: 'A child of school age who went on to further action has no UPN and no accepted reason (UN2 to UN6)',
    *check(child, path, { period }) {
      if (child.upn !== null || child.birthDate === null || !hasFurtherAction(child)) return;
      const ageAtStartOfSchoolYear = ageOn(child.birthDate, `${period.year - 1}-08-31`);
      const schoolAge = ageAtStartOfSchoolYear >= 5 && ageAtStartOfSchoolYear <= 15;
      if (schoolAge && !(child.upnUnknown !== null && SCHOOL_AGE_UPN_UNKNOWN_REASONS.has(child.upnUnknown))) yield { path: ids(path) };
    },
  },
  {
    code: '8772',
    severity: 'error',
    module: 'ChildIdentifiers',
    scope: 'child',
    message: 'UPN unknown reason UN7 (referral with no further action) is used but a referral went on to further action',
    *check(child, path) {
      if (child.upnUnknown === 'UN7' && hasFurtherAction(child)) yield { path: `${ids(path)}/UPNunknown` };
    },
  },
  {
    code: '8775Q',
    severity: 'query',
    module: 'ChildIdentifiers',
    scope: 'child',
    message: 'Child is over 25 years old at the end of the census year',
    *check(child, path, { period }) {
      if (child.birthDate !== null && child.birthDate < period.referenceDate && ageOn(child.birthDate, period.referenceDate) > 25) {
        yield { path: `${ids(path)}/PersonBirthDate` };
      }
    },
  },
  {
    code: '2886Q',
    severity: 'query',
    module: 'ChildIdentifiers',
    scope: 'return',
    message: 'More than 2% of children who have been born have no sex recorded',
    *check(message, { period }) {
      const born = message.children.filter((child) => child.birthDate !== null);
      const notRecorded = born.filter((child) => child.sex === null || child.sex === unknownSexFor(period.year)).length;
      if (born.length > 0 && notRecorded / born.length > 0.02) {
        yield {
          path: 'Message/Children',
          message: `${notRecorded} of ${born.length} children who have been born have no sex recorded (more than 2%)`,
        };
      }
    },
  },
];
