import { isPreviousPermanenceCode } from '../../../codes/ssda903-previous-permanence.js';
import { eachEpisode, eachRow, type Ssda903Rule } from '../rule.js';

/** DD/MM/YYYY with unknown parts as zz: 'zz/MM/yyyy', 'zz/zz/yyyy' or 'zz/zz/zzzz'. */
const PERMANENCE_DATE = /^((0[1-9]|[12]\d|3[01])\/(0[1-9]|1[0-2])\/\d{4}|zz\/(0[1-9]|1[0-2])\/\d{4}|zz\/zz\/\d{4}|zz\/zz\/zzzz)$/i;
/** A local authority as DfE numbers them (three digits). */
const LA_NUMBER = /^\d{3}$/;

export const previousPermanenceRules: readonly Ssda903Rule[] = [
  {
    code: '630',
    severity: 'error',
    files: ['prevPerm', 'episodes'],
    description: 'Previous permanence information missing for a child starting care',
    check: (child, { collectionYear }) => {
      const recorded = child.prevPerm.some((r) => r.record.PREV_PERM !== '');
      const starts = child.episodes
        .filter((e) => e.row.record.RNE === 'S' && e.start >= collectionYear.start && e.start <= collectionYear.end)
        .slice(0, 1);
      return recorded
        ? []
        : eachEpisode(starts, () => 'The child started to be looked after in the year but previous permanence (PREV_PERM) is not recorded');
    },
  },
  {
    code: '631',
    severity: 'error',
    files: ['prevPerm'],
    description: 'Previous permanence code invalid',
    check: (child) =>
      eachRow('prevPerm', child.prevPerm, ({ record }) =>
        record.PREV_PERM === '' || isPreviousPermanenceCode(record.PREV_PERM)
          ? undefined
          : `PREV_PERM "${record.PREV_PERM}" is not a valid code`,
      ),
  },
  {
    code: '632',
    severity: 'error',
    files: ['prevPerm'],
    description: 'Previous permanence date invalid',
    check: (child) =>
      eachRow('prevPerm', child.prevPerm, ({ record }) =>
        record.DATE_PERM === '' || PERMANENCE_DATE.test(record.DATE_PERM)
          ? undefined
          : `DATE_PERM "${record.DATE_PERM}" is not valid: DD/MM/YYYY, with zz for an unknown day, month or year`,
      ),
  },
  {
    code: '633',
    severity: 'error',
    files: ['prevPerm'],
    description: 'LA of previous permanence invalid',
    check: (child) =>
      eachRow('prevPerm', child.prevPerm, ({ record }) =>
        record.LA_PERM === '' || LA_NUMBER.test(record.LA_PERM)
          ? undefined
          : `LA_PERM "${record.LA_PERM}" is not a local authority number (three digits)`,
      ),
  },
];
