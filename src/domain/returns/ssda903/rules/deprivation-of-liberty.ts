import type { IsoDate } from '../../../calendar/iso-date.js';
import type { ChildInReturn } from '../child-in-return.js';
import type { ReturnRow } from '../return.js';
import { fromReturnDate } from '../return-date.js';
import { eachRow, type Ssda903Rule } from '../rule.js';

interface DoloSpell {
  row: ReturnRow<'dolo'>;
  start: IsoDate;
  end: IsoDate | null;
}

function doloSpells(child: ChildInReturn): DoloSpell[] {
  return child.dolo
    .flatMap((row) => {
      const start = fromReturnDate(row.record.DOLO_START);
      return start ? [{ row, start, end: fromReturnDate(row.record.DOLO_END) }] : [];
    })
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

/** Placements expected for a child under a DoLO (709) and placements that cannot be (710). */
const expectedPlacements: readonly string[] = ['K2', 'Z12', 'Z13'];
const impossiblePlacements: readonly string[] = ['K1', 'P1', 'R5', 'K3'];

/** The placement types of the episodes that overlap a DoLO. */
function placementsDuring(child: ChildInReturn, spell: DoloSpell, yearEnd: IsoDate): string[] {
  const end = spell.end ?? yearEnd;
  return child.episodes.filter((e) => e.start <= end && (e.end === null || e.end >= spell.start)).map((e) => e.row.record.PLACE);
}

const fromYear = { from: 2027 };

export const deprivationOfLibertyRules: readonly Ssda903Rule[] = [
  {
    code: '700',
    severity: 'error',
    years: fromYear,
    files: ['dolo'],
    description: 'DoLO start date not a valid date',
    check: (child) =>
      eachRow('dolo', child.dolo, ({ record }) =>
        fromReturnDate(record.DOLO_START) ? undefined : `DOLO_START "${record.DOLO_START}" is not a valid date (DD/MM/YYYY)`,
      ),
  },
  {
    code: '701',
    severity: 'error',
    years: fromYear,
    files: ['dolo'],
    description: 'DoLO end date not a valid date',
    check: (child) =>
      eachRow('dolo', child.dolo, ({ record }) =>
        record.DOLO_END === '' || fromReturnDate(record.DOLO_END)
          ? undefined
          : `DOLO_END "${record.DOLO_END}" is not a valid date (DD/MM/YYYY)`,
      ),
  },
  {
    code: '702',
    severity: 'error',
    years: fromYear,
    files: ['dolo'],
    description: 'DoLO ended before it started',
    check: (child) =>
      eachRow(
        'dolo',
        doloSpells(child)
          .filter((s) => s.end !== null && s.end < s.start)
          .map((s) => s.row),
        () => 'The DoLO ends before it starts',
      ),
  },
  {
    code: '703',
    severity: 'error',
    years: fromYear,
    files: ['dolo'],
    description: 'DoLO started after the collection year',
    check: (child, { collectionYear }) =>
      eachRow(
        'dolo',
        doloSpells(child)
          .filter((s) => s.start > collectionYear.end)
          .map((s) => s.row),
        () => 'The DoLO starts after the end of the collection year',
      ),
  },
  {
    code: '704',
    severity: 'error',
    years: fromYear,
    files: ['dolo'],
    description: 'DoLO end date outside the collection year',
    check: (child, { collectionYear }) =>
      eachRow('dolo', child.dolo, ({ record }) => {
        const end = fromReturnDate(record.DOLO_END);
        return end && (end < collectionYear.start || end > collectionYear.end) ? 'The DoLO ends outside the collection year' : undefined;
      }),
  },
  {
    code: '705',
    severity: 'error',
    years: fromYear,
    files: ['dolo'],
    description: 'DoLO starts while the previous one is open',
    check: (child) => {
      const spells = doloSpells(child);
      return eachRow(
        'dolo',
        spells.filter((s, i) => spells.slice(0, i).some((earlier) => earlier.end === null || earlier.end > s.start)).map((s) => s.row),
        () => 'This DoLO starts while an earlier one is still open',
      );
    },
  },
  {
    code: '707',
    severity: 'error',
    years: fromYear,
    files: ['dolo', 'episodes'],
    description: 'Child ceased to be looked after but a DoLO has no end date',
    check: (child) => {
      const last = child.periodsOfCare[child.periodsOfCare.length - 1];
      const left = last !== undefined && last.end !== null && last.reasonCeased !== 'X1';
      return left
        ? eachRow(
            'dolo',
            doloSpells(child)
              .filter((s) => s.end === null)
              .map((s) => s.row),
            () => 'The child ceased to be looked after but this DoLO has no end date',
          )
        : [];
    },
  },
  {
    code: '708',
    severity: 'error',
    years: fromYear,
    files: ['header', 'dolo'],
    description: "DoLO dates before child's date of birth",
    check: (child) =>
      eachRow(
        'dolo',
        doloSpells(child)
          .filter((s) => child.dateOfBirth !== null && s.start < child.dateOfBirth)
          .map((s) => s.row),
        () => 'The DoLO starts before the date of birth',
      ),
  },
  {
    code: '709',
    severity: 'query',
    years: fromYear,
    files: ['dolo', 'episodes'],
    description: 'Child with a DoLO in an unexpected placement type (expected K2, Z12 or Z13)',
    check: (child, { collectionYear }) =>
      eachRow(
        'dolo',
        doloSpells(child)
          .filter((s) =>
            placementsDuring(child, s, collectionYear.end).some(
              (p) => !expectedPlacements.includes(p) && !impossiblePlacements.includes(p),
            ),
          )
          .map((s) => s.row),
        () => 'During the DoLO the child was in a placement other than K2, Z12 or Z13: please check',
      ),
  },
  {
    code: '710',
    severity: 'error',
    years: fromYear,
    files: ['dolo', 'episodes'],
    description: 'Child with a DoLO placed in K1, P1, R5 or K3',
    check: (child, { collectionYear }) =>
      eachRow(
        'dolo',
        doloSpells(child)
          .filter((s) => placementsDuring(child, s, collectionYear.end).some((p) => impossiblePlacements.includes(p)))
          .map((s) => s.row),
        () => 'During the DoLO the child was placed in K1, P1, R5 or K3, which is not possible under a DoLO',
      ),
  },
];
