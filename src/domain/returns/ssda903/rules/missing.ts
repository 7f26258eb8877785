import type { IsoDate } from '../../../calendar/iso-date.js';
import { isMissingTypeCode } from '../../../codes/ssda903-missing.js';
import { lookedAfterOn } from '../child-facts.js';
import type { ChildInReturn, EpisodeInReturn } from '../child-in-return.js';
import type { ReturnRow } from '../return.js';
import { fromReturnDate } from '../return-date.js';
import { eachEpisode, eachRow, type Ssda903Rule } from '../rule.js';

interface MissingSpell {
  row: ReturnRow<'missing'>;
  start: IsoDate;
  end: IsoDate | null;
}

function missingSpells(child: ChildInReturn): MissingSpell[] {
  return child.missing
    .flatMap((row) => {
      const start = fromReturnDate(row.record.MIS_START);
      return start ? [{ row, start, end: fromReturnDate(row.record.MIS_END) }] : [];
    })
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

/** The start of the placement the child was in at the end of the return: the latest episode that began a new placement. */
function currentPlacementStart(child: ChildInReturn): IsoDate | null {
  const placementStarts = child.episodes.filter((e) => ['S', 'P', 'T', 'B', 'U'].includes(e.row.record.RNE));
  return placementStarts[placementStarts.length - 1]?.start ?? null;
}

function lastEpisodeIfLeftCare(child: ChildInReturn): EpisodeInReturn | undefined {
  const last = child.episodes[child.episodes.length - 1];
  return last && last.end !== null && last.row.record.REC !== '' && last.row.record.REC !== 'X1' ? last : undefined;
}

export const missingRules: readonly Ssda903Rule[] = [
  {
    code: '564',
    severity: 'error',
    files: ['missing'],
    description: 'Missing record with no start date',
    check: (child) =>
      eachRow('missing', child.missing, ({ record }) =>
        fromReturnDate(record.MIS_START)
          ? undefined
          : record.MIS_START === ''
            ? 'The missing record has no start date'
            : `MIS_START "${record.MIS_START}" is not a valid date`,
      ),
  },
  {
    code: '565',
    severity: 'error',
    files: ['missing'],
    description: 'Missing start date without M/A type',
    check: (child) =>
      eachRow('missing', child.missing, ({ record }) =>
        record.MIS_START !== '' && !isMissingTypeCode(record.MISSING)
          ? `The missing record has a start date but MISSING is "${record.MISSING}": use M (missing) or A (away without authorisation)`
          : undefined,
      ),
  },
  {
    code: '567',
    severity: 'error',
    files: ['missing'],
    description: 'Missing end date before start date',
    check: (child) =>
      eachRow('missing', child.missing, ({ record }) => {
        const start = fromReturnDate(record.MIS_START);
        const end = fromReturnDate(record.MIS_END);
        return start && end && end < start ? 'The missing period ends (MIS_END) before it starts (MIS_START)' : undefined;
      }),
  },
  {
    code: '570',
    severity: 'error',
    files: ['missing'],
    description: 'Missing start after the collection year',
    check: (child, { collectionYear }) =>
      eachRow('missing', child.missing, ({ record }) => {
        const start = fromReturnDate(record.MIS_START);
        return start && start > collectionYear.end ? 'The missing period starts after the end of the collection year' : undefined;
      }),
  },
  {
    code: '571',
    severity: 'error',
    files: ['missing'],
    description: 'Missing end outside the collection year',
    check: (child, { collectionYear }) =>
      eachRow('missing', child.missing, ({ record }) => {
        const end = fromReturnDate(record.MIS_END);
        return end && (end < collectionYear.start || end > collectionYear.end)
          ? 'The missing period ends outside the collection year'
          : undefined;
      }),
  },
  {
    code: '574',
    severity: 'error',
    files: ['missing'],
    description: 'Missing periods overlap / new one while another open',
    check: (child) => {
      const spells = missingSpells(child);
      return eachRow(
        'missing',
        spells.filter((s, i) => spells.slice(0, i).some((earlier) => earlier.end === null || earlier.end > s.start)).map((s) => s.row),
        () => 'This missing period starts before an earlier one has ended',
      );
    },
  },
  {
    code: '575',
    severity: 'error',
    files: ['missing', 'episodes'],
    description: 'Placement ended but missing period left open',
    check: (child, { collectionYear }) => {
      const placementStart = currentPlacementStart(child);
      const stillLookedAfter = lookedAfterOn(child, collectionYear.end);
      return eachRow(
        'missing',
        missingSpells(child)
          .filter((s) => s.end === null && stillLookedAfter && placementStart !== null && s.start < placementStart)
          .map((s) => s.row),
        () => 'The missing period is still open but the placement it started in has ended',
      );
    },
  },
  {
    code: '577',
    severity: 'error',
    files: ['missing', 'episodes'],
    description: 'Child left care with an open missing period',
    check: (child) => {
      const last = lastEpisodeIfLeftCare(child);
      return last?.end
        ? eachRow(
            'missing',
            missingSpells(child)
              .filter((s) => s.end === null && s.start <= (last.end as IsoDate))
              .map((s) => s.row),
            () => 'The child left care but this missing period has no end date',
          )
        : [];
    },
  },
  {
    code: '578',
    severity: 'error',
    files: ['missing', 'episodes'],
    description: 'Missing starts after child ceased to be looked after',
    check: (child) => {
      const firstStart = child.episodes[0]?.start;
      return firstStart
        ? eachRow(
            'missing',
            missingSpells(child)
              .filter((s) => s.start > firstStart && !lookedAfterOn(child, s.start))
              .map((s) => s.row),
            () => 'The missing period starts when the child was no longer looked after',
          )
        : [];
    },
  },
  {
    code: '580',
    severity: 'error',
    files: ['missing', 'episodes'],
    description: 'Child missing when care ended but REC is not E8',
    check: (child) =>
      child.periodsOfCare.flatMap((period) => {
        const last = period.episodes[period.episodes.length - 1] as EpisodeInReturn;
        const end = period.end;
        if (end === null || period.reasonCeased === 'X1' || period.reasonCeased === '' || period.reasonCeased === 'E8') return [];
        const missingAtEnd = missingSpells(child).some((s) => s.start <= end && (s.end === null || s.end > end));
        return missingAtEnd
          ? eachEpisode([last], () => `The child was missing when care ended, so the reason should be E8, not ${period.reasonCeased}`)
          : [];
      }),
  },
  {
    code: '581',
    severity: 'error',
    files: ['missing', 'episodes'],
    description: 'Missing before child became looked after',
    check: (child) => {
      const firstStart = child.episodes[0]?.start;
      return firstStart
        ? eachRow(
            'missing',
            missingSpells(child)
              .filter((s) => s.start < firstStart)
              .map((s) => s.row),
            () => 'The missing period starts before the child was looked after',
          )
        : [];
    },
  },
  {
    code: '586',
    severity: 'error',
    files: ['header', 'missing'],
    description: "Missing dates before child's DOB",
    check: (child) =>
      eachRow('missing', child.missing, ({ record }) => {
        const born = child.dateOfBirth;
        const start = fromReturnDate(record.MIS_START);
        const end = fromReturnDate(record.MIS_END);
        return born && ((start && start < born) || (end && end < born))
          ? 'The missing period is dated before the date of birth'
          : undefined;
      }),
  },
];
