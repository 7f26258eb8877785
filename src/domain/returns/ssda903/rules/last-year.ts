import type { ChildInReturn, EpisodeInReturn } from '../child-in-return.js';
import type { EpisodeRecord } from '../files.js';
import { fromReturnDate } from '../return-date.js';
import { eachEpisode, eachRow, type Finding, type RuleContext, type Ssda903Rule } from '../rule.js';
import { socialWorkerSpells } from './social-worker-episodes.js';

/** Rules comparing this year's return with last year's: they run only when last year's return is given. */

function lastYearOf(child: ChildInReturn, context: RuleContext): ChildInReturn | undefined {
  return context.lastYear?.(child.id);
}

/** Last year's episode still open at the end of last year. */
function openLastYear(child: ChildInReturn, context: RuleContext): EpisodeInReturn | undefined {
  return lastYearOf(child, context)?.episodes.find((e) => e.end === null || e.end > `${context.collectionYear.year - 1}-03-31`);
}

/** A 503 rule: this year's first episode carries on last year's open one, so a field must match. */
function sameAsLastYear(code: string, column: keyof EpisodeRecord, what: string, needsColumn?: boolean): Ssda903Rule {
  return {
    code,
    severity: 'error',
    files: ['episodes'],
    needsLastYear: true,
    ...(needsColumn ? { needsColumn: { file: 'episodes' as const, column } } : {}),
    description: `First episode this year must match last year's open episode: ${what}`,
    check: (child, context) => {
      const open = openLastYear(child, context);
      const first = child.episodes[0];
      if (!open || !first || open.start !== first.start) return [];
      const before = open.row.record[column] ?? '';
      const now = first.row.record[column] ?? '';
      return before === now
        ? []
        : eachEpisode([first], () => `${what} (${column}) is ${now || 'blank'} but was ${before || 'blank'} in last year's open episode`);
    },
  };
}

export const lastYearRules: readonly Ssda903Rule[] = [
  {
    code: '202',
    severity: 'error',
    files: ['header'],
    needsLastYear: true,
    description: "Sex differs from last year's record",
    check: (child, context) => {
      const before = lastYearOf(child, context)?.header?.record.SEX;
      return eachRow('header', child.header ? [child.header] : [], ({ record }) =>
        before !== undefined && normalSex(before) !== normalSex(record.SEX)
          ? `Sex is ${record.SEX} but was ${before} in last year's return`
          : undefined,
      );
    },
  },
  {
    code: '203',
    severity: 'error',
    files: ['header'],
    needsLastYear: true,
    description: "DOB differs from last year's record",
    check: (child, context) => {
      const before = lastYearOf(child, context)?.header?.record.DOB;
      return eachRow('header', child.header ? [child.header] : [], ({ record }) =>
        before !== undefined && before !== record.DOB ? `Date of birth differs from last year's return (${before})` : undefined,
      );
    },
  },
  {
    code: '452',
    severity: 'error',
    files: ['episodes'],
    needsLastYear: true,
    needsColumn: { file: 'episodes', column: 'PL_LA' },
    description: 'Placement LA differs between last episode of last year and first of this year',
    check: (child, context) => {
      const open = openLastYear(child, context);
      const first = child.episodes[0];
      return open && first && open.start === first.start && (open.row.record.PL_LA ?? '') !== (first.row.record.PL_LA ?? '')
        ? eachEpisode([first], () => "The placement's local authority (PL_LA) differs from last year's open episode")
        : [];
    },
  },
  {
    code: '502',
    severity: 'error',
    files: ['episodes'],
    needsLastYear: true,
    description: 'Open episode at end of last year has different start date this year',
    check: (child, context) => {
      const open = openLastYear(child, context);
      const first = child.episodes[0];
      return open && first && open.start !== first.start
        ? eachEpisode([first], () => "The first episode's start date differs from the episode left open at the end of last year")
        : [];
    },
  },
  sameAsLastYear('503A', 'RNE', 'Reason for new episode'),
  sameAsLastYear('503B', 'LS', 'Legal status'),
  sameAsLastYear('503C', 'CIN', 'Category of need'),
  sameAsLastYear('503D', 'PLACE', 'Placement type'),
  sameAsLastYear('503E', 'PLACE_PROVIDER', 'Placement provider'),
  sameAsLastYear('503F', 'URN', 'Ofsted URN'),
  sameAsLastYear('503G', 'PL_DISTANCE', 'Placement distance', true),
  sameAsLastYear('503H', 'PL_LA', "Placement's local authority", true),
  sameAsLastYear('503J', 'PL_LOCATION', 'Placement location', true),
  {
    code: '562',
    severity: 'error',
    files: ['episodes'],
    needsLastYear: true,
    description: 'Episode started before this year but no continuous episode last year',
    check: (child, context) => {
      const before = lastYearOf(child, context);
      return eachEpisode(
        child.episodes.filter((e) => e.start < context.collectionYear.start),
        (e) =>
          before?.episodes.some((old) => old.start === e.start)
            ? undefined
            : "This episode started before the collection year but is not in last year's return",
      );
    },
  },
  {
    code: '576',
    severity: 'error',
    files: ['missing'],
    needsLastYear: true,
    description: 'Open missing period last year not carried into this year',
    check: (child, context) => {
      const before = lastYearOf(child, context);
      const stillOpen = (before?.missing ?? []).filter((r) => r.record.MIS_START !== '' && r.record.MIS_END === '');
      const carried = (start: string) => child.missing.some((r) => r.record.MIS_START === start);
      const missed = stillOpen.filter((r) => !carried(r.record.MIS_START));
      const anchor = child.missing[0] ?? child.episodes[0]?.row;
      if (missed.length === 0 || !anchor) return [];
      const file = child.missing[0] ? 'missing' : 'episodes';
      return missed.map(
        (r): Finding => ({
          file,
          line: anchor.line,
          message: `A missing period open at the end of last year (from ${r.record.MIS_START}) is not in this year's return`,
        }),
      );
    },
  },
  {
    code: 'SW16',
    severity: 'error',
    years: { from: 2025 },
    files: ['swEpisodes'],
    needsLastYear: true,
    description: "First social worker episode does not match last year's open one",
    check: (child, context) => {
      const before = lastYearOf(child, context);
      const open = before
        ? socialWorkerSpells(before)
            .filter((s) => s.end === null)
            .slice(-1)[0]
        : undefined;
      const first = socialWorkerSpells(child)[0];
      return open && first && open.start !== first.start
        ? eachRow(
            'swEpisodes',
            [first.row],
            () => "The first social worker episode's start date differs from the one open at the end of last year",
          )
        : [];
    },
  },
  {
    code: '706',
    severity: 'error',
    years: { from: 2027 },
    files: ['dolo'],
    needsLastYear: true,
    description: "Open DoLO in last year's return not carried into this year",
    check: (child, context) => {
      const before = lastYearOf(child, context);
      const stillOpen = (before?.dolo ?? []).filter((r) => fromReturnDate(r.record.DOLO_START) && r.record.DOLO_END === '');
      const missed = stillOpen.filter((r) => !child.dolo.some((now) => now.record.DOLO_START === r.record.DOLO_START));
      const anchor = child.dolo[0] ?? child.header;
      if (missed.length === 0 || !anchor) return [];
      const file = child.dolo[0] ? 'dolo' : 'header';
      return missed.map(
        (r): Finding => ({
          file,
          line: anchor.line,
          message: `A DoLO open at the end of last year (from ${r.record.DOLO_START}) is not in this year's return`,
        }),
      );
    },
  },
];

/** Sex as M/F/U whichever coding the year used, so a change of coding is not a change of sex. */
function normalSex(code: string): string {
  return code === '1' ? 'M' : code === '2' ? 'F' : code;
}
