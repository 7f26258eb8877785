import { addYears } from '../../../calendar/date-arithmetic.js';
import { fromReturnDate } from '../return-date.js';
import { eachRow, type Ssda903Rule } from '../rule.js';

export const uascRules: readonly Ssda903Rule[] = [
  {
    code: '104',
    severity: 'error',
    files: ['uasc'],
    description: 'Date UASC status ceased not a valid date',
    check: (child) =>
      eachRow('uasc', child.uasc, ({ record }) =>
        record.DUC === '' || fromReturnDate(record.DUC)
          ? undefined
          : `The date UASC status ceased (DUC) "${record.DUC}" is not a valid date (DD/MM/YYYY)`,
      ),
  },
  {
    code: '231',
    severity: 'query',
    files: ['header', 'uasc'],
    description: 'UASC with unexpectedly young DOB - check',
    check: (child, { collectionYear }) =>
      eachRow('uasc', child.uasc, () =>
        child.dateOfBirth && child.dateOfBirth > addYears(collectionYear.end, -11)
          ? 'An unaccompanied asylum-seeking child under 11 at 31 March is unusual: please check the date of birth'
          : undefined,
      ),
  },
  {
    code: '304',
    severity: 'error',
    files: ['uasc'],
    description: 'UASC ceased date must be on/before 18th birthday',
    check: (child) =>
      eachRow('uasc', child.uasc, ({ record }) => {
        const ceased = fromReturnDate(record.DUC);
        const born = fromReturnDate(record.DOB) ?? child.dateOfBirth;
        return ceased && born && ceased > addYears(born, 18)
          ? 'UASC status ceased after the 18th birthday: it ends on the 18th birthday at the latest'
          : undefined;
      }),
  },
  {
    code: '1014',
    severity: 'error',
    files: ['uasc', 'oc3', 'episodes'],
    description: 'UASC data not required for care leavers',
    check: (child) =>
      child.oc3.length > 0 && child.episodes.length === 0
        ? eachRow('uasc', child.uasc, () => 'UASC information is not needed for a care leaver who was not looked after in the year')
        : [],
  },
];
