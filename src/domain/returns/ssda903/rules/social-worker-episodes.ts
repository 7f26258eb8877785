import type { IsoDate } from '../../../calendar/iso-date.js';
import { isSocialWorkerChangeReasonCode } from '../../../codes/ssda903-social-worker-change-reason.js';
import { periodOpenAtYearEnd, respiteLegalStatuses } from '../child-facts.js';
import type { ChildInReturn } from '../child-in-return.js';
import type { Ssda903CollectionYear } from '../collection-year.js';
import type { ReturnRow } from '../return.js';
import { fromReturnDate } from '../return-date.js';
import { eachRow, type Ssda903Rule } from '../rule.js';

export interface SocialWorkerSpell {
  row: ReturnRow<'swEpisodes'>;
  start: IsoDate;
  end: IsoDate | null;
}

/** The child's social worker episodes with a valid start date, in date order. */
export function socialWorkerSpells(child: ChildInReturn): SocialWorkerSpell[] {
  return child.swEpisodes
    .flatMap((row) => {
      const start = fromReturnDate(row.record.SW_DECOM);
      return start ? [{ row, start, end: fromReturnDate(row.record.SW_DEC) }] : [];
    })
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

/** Looked after on 31 March, other than on short breaks (V3/V4): the children who need social worker episodes. */
function needsSocialWorkerEpisodes(child: ChildInReturn, year: Ssda903CollectionYear): boolean {
  const period = periodOpenAtYearEnd(child, year);
  const last = period?.episodes[period.episodes.length - 1];
  return last !== undefined && !respiteLegalStatuses.includes(last.row.record.LS);
}

const fromYear = { from: 2024 };

export const socialWorkerEpisodeRules: readonly Ssda903Rule[] = [
  {
    code: 'SW01',
    severity: 'error',
    years: fromYear,
    files: ['swEpisodes', 'episodes'],
    description: 'Child looked after on 31 March but no social worker episode',
    check: (child, { collectionYear }) => {
      if (
        !needsSocialWorkerEpisodes(child, collectionYear) ||
        child.swEpisodes.some((r) => r.record.SW_ID !== '' && r.record.SW_DECOM !== '')
      )
        return [];
      const open = child.episodes.filter((e) => e.end === null || e.end > collectionYear.end).slice(-1);
      return open.map((e) => ({
        file: 'episodes',
        line: e.row.line,
        message: 'Looked after on 31 March but no social worker episode is reported',
      }));
    },
  },
  {
    code: 'SW02',
    severity: 'error',
    years: fromYear,
    files: ['swEpisodes'],
    description: 'Social worker ID does not start with SW or XX',
    check: (child) =>
      eachRow('swEpisodes', child.swEpisodes, ({ record }) =>
        record.SW_ID !== '' && !/^(SW|XX).+/.test(record.SW_ID)
          ? `Social worker ID "${record.SW_ID}" does not begin with SW or XX`
          : undefined,
      ),
  },
  {
    code: 'SW03',
    severity: 'error',
    years: fromYear,
    files: ['swEpisodes'],
    description: 'Social worker episode incomplete (ID or start date blank)',
    check: (child) =>
      eachRow('swEpisodes', child.swEpisodes, ({ record }) =>
        record.SW_ID === '' || record.SW_DECOM === ''
          ? 'The social worker episode needs the social worker ID and the start date'
          : undefined,
      ),
  },
  {
    code: 'SW04',
    severity: 'error',
    years: fromYear,
    files: ['swEpisodes'],
    description: 'Social worker episode start date not a valid date',
    check: (child) =>
      eachRow('swEpisodes', child.swEpisodes, ({ record }) =>
        record.SW_DECOM === '' || fromReturnDate(record.SW_DECOM)
          ? undefined
          : `SW_DECOM "${record.SW_DECOM}" is not a valid date (DD/MM/YYYY)`,
      ),
  },
  {
    code: 'SW05',
    severity: 'error',
    years: fromYear,
    files: ['swEpisodes'],
    description: 'Social worker episode end date not a valid date',
    check: (child) =>
      eachRow('swEpisodes', child.swEpisodes, ({ record }) =>
        record.SW_DEC === '' || fromReturnDate(record.SW_DEC) ? undefined : `SW_DEC "${record.SW_DEC}" is not a valid date (DD/MM/YYYY)`,
      ),
  },
  {
    code: 'SW06',
    severity: 'error',
    years: fromYear,
    files: ['swEpisodes'],
    description: 'Social worker episode starts after the collection year',
    check: (child, { collectionYear }) =>
      eachRow('swEpisodes', child.swEpisodes, ({ record }) => {
        const start = fromReturnDate(record.SW_DECOM);
        return start && start > collectionYear.end ? 'The social worker episode starts after the end of the collection year' : undefined;
      }),
  },
  {
    code: 'SW07',
    severity: 'error',
    years: fromYear,
    files: ['swEpisodes'],
    description: 'Social worker episode end date outside the collection year',
    check: (child, { collectionYear }) =>
      eachRow('swEpisodes', child.swEpisodes, ({ record }) => {
        const end = fromReturnDate(record.SW_DEC);
        return end && (end < collectionYear.start || end > collectionYear.end)
          ? 'The social worker episode ends outside the collection year'
          : undefined;
      }),
  },
  {
    code: 'SW08',
    severity: 'error',
    years: fromYear,
    files: ['swEpisodes'],
    description: 'New social worker episode started but the previous one has not ended',
    check: (child) => {
      const spells = socialWorkerSpells(child);
      return eachRow(
        'swEpisodes',
        spells.filter((s, i) => s.end === null && i < spells.length - 1).map((s) => s.row),
        () => 'A later social worker episode starts but this one has no end date',
      );
    },
  },
  {
    code: 'SW09',
    severity: 'error',
    years: fromYear,
    files: ['swEpisodes'],
    description: 'Social worker episode lasted less than 24 hours',
    check: (child) =>
      eachRow(
        'swEpisodes',
        socialWorkerSpells(child)
          .filter((s) => s.end !== null && s.end <= s.start)
          .map((s) => s.row),
        () => 'The social worker episode ends on or before the day it starts',
      ),
  },
  {
    code: 'SW10',
    severity: 'error',
    years: fromYear,
    files: ['swEpisodes'],
    description: 'Social worker episode starts before the previous one ended',
    check: (child) => {
      const spells = socialWorkerSpells(child);
      return eachRow(
        'swEpisodes',
        spells
          .filter((s, i) => {
            const before = spells[i - 1];
            return before !== undefined && before.end !== null && s.start < before.end && s.row.record.SW_REASON !== 'FCONTA';
          })
          .map((s) => s.row),
        () => 'This social worker episode starts before the previous one ended',
      );
    },
  },
  {
    code: 'SW11',
    severity: 'error',
    years: fromYear,
    files: ['swEpisodes'],
    description: 'Social worker episode ended before 31 March with no episode after it',
    check: (child, { collectionYear }) => {
      const spells = socialWorkerSpells(child);
      return eachRow(
        'swEpisodes',
        spells
          .filter((s) => s.end !== null && s.end < collectionYear.end && !spells.some((later) => later.start === s.end))
          .map((s) => s.row),
        () => 'The social worker episode ended before 31 March but no social worker episode starts that day',
      );
    },
  },
  {
    code: 'SW12',
    severity: 'error',
    years: fromYear,
    files: ['swEpisodes', 'episodes'],
    description: 'Looked after on 31 March but social worker episodes do not cover the whole year',
    check: (child, { collectionYear }) => {
      const first = socialWorkerSpells(child)[0];
      const firstInYear = child.episodes.find((e) => e.end === null || e.end >= collectionYear.start);
      if (!first || !firstInYear || !needsSocialWorkerEpisodes(child, collectionYear)) return [];
      const startsLate = first.start > collectionYear.start && first.start > firstInYear.start;
      return startsLate
        ? eachRow(
            'swEpisodes',
            [first.row],
            () =>
              'Looked after on 31 March, so social worker episodes are needed from 1 April (or from when the child was first looked after in the year), not only from this date',
          )
        : [];
    },
  },
  {
    code: 'SW13',
    severity: 'error',
    years: fromYear,
    files: ['swEpisodes'],
    description: 'Reason for social worker change invalid',
    check: (child) =>
      eachRow('swEpisodes', child.swEpisodes, ({ record }) =>
        record.SW_REASON === '' || isSocialWorkerChangeReasonCode(record.SW_REASON)
          ? undefined
          : `Reason for social worker change "${record.SW_REASON}" is not a valid code`,
      ),
  },
  {
    code: 'SW15',
    severity: 'error',
    years: fromYear,
    files: ['swEpisodes'],
    description: 'Reason for social worker change missing',
    check: (child, { collectionYear }) =>
      eachRow(
        'swEpisodes',
        socialWorkerSpells(child)
          .filter((s) => s.start >= collectionYear.start && s.row.record.SW_REASON === '')
          .map((s) => s.row),
        () => 'The social worker episode started in the year but the reason for the change (SW_REASON) is missing',
      ),
  },
  {
    code: 'SW17',
    severity: 'error',
    years: { from: 2026 },
    files: ['swEpisodes'],
    description: 'No social worker episode open at 31 March',
    check: (child) => {
      const last = socialWorkerSpells(child).slice(-1);
      return eachRow(
        'swEpisodes',
        last.filter((s) => s.end !== null).map((s) => s.row),
        () => 'The latest social worker episode has ended: one should be open at 31 March',
      );
    },
  },
];
