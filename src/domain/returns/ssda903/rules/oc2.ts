import { isSdqReasonCode } from '../../../codes/ssda903-sdq-reason.js';
import { ageAt, lookedAfterTwelveMonthsAtYearEnd } from '../child-facts.js';
import type { ChildInReturn } from '../child-in-return.js';
import type { Ssda903CollectionYear } from '../collection-year.js';
import type { Oc2Record } from '../files.js';
import type { ReturnRow } from '../return.js';
import { eachRow, type Finding, type Ssda903Rule } from '../rule.js';

const flagColumns = [
  'CONVICTED',
  'HEALTH_CHECK',
  'IMMUNISATIONS',
  'TEETH_CHECK',
  'HEALTH_ASSESSMENT',
  'SUBSTANCE_MISUSE',
  'INTERVENTION_RECEIVED',
  'INTERVENTION_OFFERED',
] as const;
/** The OC2 fields every child in the cohort needs (the others depend on age or substance misuse). */
const requiredFlags = ['IMMUNISATIONS', 'TEETH_CHECK', 'HEALTH_ASSESSMENT', 'SUBSTANCE_MISUSE'] as const;

function hasData(record: Oc2Record): boolean {
  return record.SDQ_SCORE !== '' || record.SDQ_REASON !== '' || flagColumns.some((c) => record[c] !== '');
}

/** For a child looked after 12 months at 31 March: the OC2 rows, or a finding on the child's open episode when there are none. */
function inCohort(child: ChildInReturn, year: Ssda903CollectionYear, message: (row: ReturnRow<'oc2'>) => string | undefined): Finding[] {
  return lookedAfterTwelveMonthsAtYearEnd(child, year) ? eachRow('oc2', child.oc2, message) : [];
}

export const oc2Rules: readonly Ssda903Rule[] = [
  {
    code: '180',
    severity: 'error',
    files: ['oc2'],
    description: 'SDQ score invalid (0-40)',
    check: (child) =>
      eachRow('oc2', child.oc2, ({ record }) =>
        record.SDQ_SCORE === '' || (/^\d{1,2}$/.test(record.SDQ_SCORE) && Number(record.SDQ_SCORE) <= 40)
          ? undefined
          : `SDQ score "${record.SDQ_SCORE}" is not a whole number from 0 to 40`,
      ),
  },
  {
    code: '181',
    severity: 'error',
    files: ['oc2'],
    description: 'OC2 flags must be 0 or 1',
    check: (child) =>
      eachRow('oc2', child.oc2, ({ record }) => {
        const bad = flagColumns.filter((c) => record[c] !== '' && record[c] !== '0' && record[c] !== '1');
        return bad.length > 0 ? `${bad.join(', ')} must be 0 or 1` : undefined;
      }),
  },
  {
    code: '186',
    severity: 'error',
    files: ['header', 'episodes', 'oc2'],
    description: 'SDQ score expected: aged 4-16 and looked after 12+ months',
    check: (child, { collectionYear }) =>
      inCohort(child, collectionYear, ({ record }) => {
        const ageAtStart = ageAt(child, collectionYear.start);
        const ageAtEnd = ageAt(child, collectionYear.end);
        const sdqAge = ageAtStart !== null && ageAtEnd !== null && ageAtStart >= 4 && ageAtEnd <= 16;
        return sdqAge && record.SDQ_SCORE === '' && record.SDQ_REASON === ''
          ? 'The child was aged 4 to 16 and looked after for 12 months: give an SDQ score or the reason there is none'
          : undefined;
      }),
  },
  {
    code: '190',
    severity: 'error',
    files: ['episodes', 'oc2'],
    description: 'OC2 data given for child not looked after continuously 12 months at 31 March',
    check: (child, { collectionYear }) =>
      lookedAfterTwelveMonthsAtYearEnd(child, collectionYear)
        ? []
        : eachRow('oc2', child.oc2, ({ record }) =>
            hasData(record) ? 'OC2 data is given but the child was not looked after continuously for 12 months at 31 March' : undefined,
          ),
  },
  {
    code: '191',
    severity: 'error',
    files: ['episodes', 'oc2'],
    description: 'OC2 data missing for child looked after continuously 12 months at 31 March',
    check: (child, { collectionYear }) => {
      if (!lookedAfterTwelveMonthsAtYearEnd(child, collectionYear)) return [];
      if (child.oc2.length === 0) {
        const open = child.episodes.filter((e) => e.end === null || e.end > collectionYear.end).slice(-1);
        return open.map((e) => ({
          file: 'episodes',
          line: e.row.line,
          message: 'Looked after continuously for 12 months at 31 March but there is no OC2 record',
        }));
      }
      return eachRow('oc2', child.oc2, ({ record }) => {
        const blank = requiredFlags.filter((c) => record[c] === '');
        return blank.length > 0
          ? `Looked after continuously for 12 months at 31 March but ${blank.join(', ')} ${blank.length > 1 ? 'are' : 'is'} blank`
          : undefined;
      });
    },
  },
  {
    code: '196',
    severity: 'error',
    files: ['oc2'],
    description: 'SDQ reason code invalid',
    check: (child) =>
      eachRow('oc2', child.oc2, ({ record }) =>
        record.SDQ_REASON === '' || isSdqReasonCode(record.SDQ_REASON)
          ? undefined
          : `SDQ reason "${record.SDQ_REASON}" is not valid: use SDQ1 to SDQ5`,
      ),
  },
  {
    code: '543',
    severity: 'error',
    files: ['header', 'episodes', 'oc2'],
    description: 'Aged 10+ and looked after 12 months but conviction flag missing',
    check: (child, { collectionYear }) =>
      inCohort(child, collectionYear, ({ record }) => {
        const age = ageAt(child, collectionYear.end);
        return age !== null && age >= 10 && record.CONVICTED === ''
          ? 'Aged 10 or over and looked after for 12 months, but CONVICTED is blank'
          : undefined;
      }),
  },
  {
    code: '545',
    severity: 'error',
    files: ['header', 'episodes', 'oc2'],
    description: 'Under 5 and looked after 12 months but health check flag missing',
    check: (child, { collectionYear }) =>
      inCohort(child, collectionYear, ({ record }) => {
        const age = ageAt(child, collectionYear.end);
        return age !== null && age < 5 && record.HEALTH_CHECK === ''
          ? 'Under 5 and looked after for 12 months, but HEALTH_CHECK is blank'
          : undefined;
      }),
  },
];
