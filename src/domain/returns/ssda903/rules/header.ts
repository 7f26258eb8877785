import { addYears } from '../../../calendar/date-arithmetic.js';
import { isEthnicityCode } from '../../../codes/ethnicity.js';
import { ssda903SexCodes } from '../../../codes/ssda903-sex.js';
import {
  ageAt,
  headerRows,
  isCodeValidInYear,
  isFemale,
  isMale,
  lookedAfterOn,
  periodOpenAtYearEnd,
  periodsEndedInYear,
} from '../child-facts.js';
import { fromReturnDate } from '../return-date.js';
import { eachRow, type Ssda903Rule } from '../rule.js';

const upnUnknown = ['UN1', 'UN2', 'UN3', 'UN4', 'UN5'];
/** A unique pupil number: a letter, 11 digits, then a digit or (for a temporary UPN) a letter. */
const UPN = /^[A-Z]\d{11}[A-Z0-9]$/;

export const headerRules: readonly Ssda903Rule[] = [
  {
    code: '101',
    severity: 'error',
    files: ['header'],
    description: 'Sex code invalid (1/2 up to 2023-24, M/F/U from 2024-25)',
    check: (child, { collectionYear }) =>
      eachRow('header', headerRows(child), ({ record }) =>
        isCodeValidInYear(ssda903SexCodes, record.SEX, collectionYear.year)
          ? undefined
          : `Sex "${record.SEX}" is not a valid code for ${collectionYear.year}: use ${collectionYear.year <= 2024 ? '1 or 2' : 'M, F or U'}`,
      ),
  },
  {
    code: '102',
    severity: 'error',
    files: ['header'],
    description: 'Date of birth not a valid date',
    check: (child) =>
      eachRow('header', headerRows(child), ({ record }) =>
        fromReturnDate(record.DOB) ? undefined : `Date of birth "${record.DOB}" is not a valid date (DD/MM/YYYY)`,
      ),
  },
  {
    code: '103',
    severity: 'error',
    files: ['header'],
    description: 'Ethnicity missing or invalid',
    check: (child) =>
      eachRow('header', headerRows(child), ({ record }) =>
        isEthnicityCode(record.ETHNIC)
          ? undefined
          : record.ETHNIC === ''
            ? 'Ethnicity is missing'
            : `Ethnicity "${record.ETHNIC}" is not a valid code`,
      ),
  },
  {
    code: '165',
    severity: 'error',
    files: ['header'],
    description: 'Mother flag invalid',
    check: (child) =>
      eachRow('header', headerRows(child), ({ record }) =>
        ['', '0', '1'].includes(record.MOTHER)
          ? undefined
          : `MOTHER "${record.MOTHER}" is not valid: use 1 (a mother), 0 (not a mother) or leave it blank`,
      ),
  },
  {
    code: '168',
    severity: 'error',
    files: ['header'],
    description: 'UPN invalid; if unknown must be UN1-UN5',
    check: (child) =>
      eachRow('header', headerRows(child), ({ record }) =>
        record.UPN === '' || UPN.test(record.UPN) || upnUnknown.includes(record.UPN)
          ? undefined
          : `UPN "${record.UPN}" is not a valid unique pupil number; if it is not known use UN1 to UN5`,
      ),
  },
  {
    code: '174',
    severity: 'error',
    files: ['header'],
    description: "Mother's child DOB recorded but child's sex is male",
    check: (child) =>
      eachRow('header', headerRows(child), ({ record }) =>
        record.MC_DOB !== '' && isMale(record.SEX)
          ? "The date of birth of the mother's child is recorded but the child is male"
          : undefined,
      ),
  },
  {
    code: '209',
    severity: 'error',
    files: ['header'],
    description: 'School-age child recorded with UPN unknown UN1',
    check: (child, { collectionYear }) =>
      eachRow('header', headerRows(child), ({ record }) => {
        const age = ageAt(child, `${collectionYear.year - 1}-08-31`);
        return record.UPN === 'UN1' && age !== null && age >= 5
          ? 'UPN is UN1 (not of school age) but the child was of school age (5 or over on 31 August) in the year'
          : undefined;
      }),
  },
  {
    code: '210',
    severity: 'error',
    files: ['header', 'episodes'],
    description: 'Looked after more than a week at 31 March but UPN unknown UN4',
    check: (child, { collectionYear }) => {
      const period = periodOpenAtYearEnd(child, collectionYear);
      const moreThanAWeek = period !== undefined && Date.parse(collectionYear.end) - Date.parse(period.start) > 7 * 86_400_000;
      return eachRow('header', headerRows(child), ({ record }) =>
        record.UPN === 'UN4' && moreThanAWeek
          ? 'UPN is UN4 (not yet obtained) but the child had been looked after for more than a week at 31 March'
          : undefined,
      );
    },
  },
  {
    code: '232',
    severity: 'query',
    years: { from: 2025 },
    files: ['header'],
    description: 'Sex reported as unknown - check',
    check: (child) =>
      eachRow('header', headerRows(child), ({ record }) =>
        record.SEX === 'U' ? 'Sex is recorded as unknown (U): please check' : undefined,
      ),
  },
  {
    code: '301',
    severity: 'error',
    files: ['header'],
    description: 'DOB after the collection year',
    check: (child, { collectionYear }) =>
      eachRow('header', headerRows(child), () =>
        child.dateOfBirth && child.dateOfBirth > collectionYear.end ? 'Date of birth is after the end of the collection year' : undefined,
      ),
  },
  {
    code: '351',
    severity: 'error',
    files: ['header'],
    description: 'Child over 25 at start of collection year',
    check: (child, { collectionYear }) =>
      eachRow('header', headerRows(child), () =>
        child.dateOfBirth && addYears(child.dateOfBirth, 25) < collectionYear.start
          ? 'The child was over 25 at the start of the collection year'
          : undefined,
      ),
  },
  {
    code: '393',
    severity: 'error',
    files: ['header', 'episodes'],
    description: 'Looked after but mother field blank (female children)',
    check: (child, { collectionYear }) =>
      eachRow('header', headerRows(child), ({ record }) =>
        isFemale(record.SEX) && record.MOTHER === '' && lookedAfterOn(child, collectionYear.end)
          ? 'Looked after at 31 March but MOTHER is blank: record 1 or 0 for a girl or young woman'
          : undefined,
      ),
  },
  {
    code: '442',
    severity: 'error',
    files: ['header'],
    description: 'UPN missing',
    check: (child) =>
      eachRow('header', headerRows(child), ({ record }) => (record.UPN === '' ? 'UPN is missing: give the UPN or a UN code' : undefined)),
  },
  {
    code: '444',
    severity: 'error',
    years: { from: 2026 },
    files: ['header'],
    description: 'Duplicate UPN',
    check: (child, context) =>
      eachRow('header', headerRows(child), ({ record }) =>
        record.UPN !== '' && !upnUnknown.includes(record.UPN) && context.childrenWithUpn(record.UPN) > 1
          ? 'Another child in the return has the same UPN'
          : undefined,
      ),
  },
  {
    code: '607',
    severity: 'error',
    files: ['header', 'episodes'],
    description: 'Ceased care in year but mother field blank',
    check: (child, { collectionYear }) =>
      eachRow('header', headerRows(child), ({ record }) =>
        isFemale(record.SEX) && record.MOTHER === '' && periodsEndedInYear(child, collectionYear).length > 0
          ? 'Left care in the year but MOTHER is blank: record 1 or 0 for a girl or young woman'
          : undefined,
      ),
  },
  {
    code: '611',
    severity: 'error',
    files: ['header'],
    description: "Child is a mother but mother's child DOB blank",
    check: (child) =>
      eachRow('header', headerRows(child), ({ record }) =>
        record.MOTHER === '1' && record.MC_DOB === '' ? "MOTHER is 1 but the date of birth of the mother's child is blank" : undefined,
      ),
  },
  {
    code: '620',
    severity: 'error',
    files: ['header'],
    description: 'Recorded as mother but under 11',
    check: (child, { collectionYear }) =>
      eachRow('header', headerRows(child), ({ record }) => {
        const age = ageAt(child, collectionYear.start);
        return record.MOTHER === '1' && age !== null && age < 11
          ? 'Recorded as a mother but under 11 at the start of the collection year'
          : undefined;
      }),
  },
];
