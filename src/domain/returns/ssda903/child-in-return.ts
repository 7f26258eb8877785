import type { IsoDate } from '../../calendar/iso-date.js';
import type { FileKind } from './files.js';
import type { ReturnRow, Ssda903Return } from './return.js';
import { fromReturnDate } from './return-date.js';

/** An episode with its dates read, in date order within the child's episodes. */
export interface EpisodeInReturn {
  row: ReturnRow<'episodes'>;
  start: IsoDate;
  /** Null while the episode is open. */
  end: IsoDate | null;
  /** The episode before in date order, whether or not it ended on the day this one started. */
  preceding?: EpisodeInReturn;
  /** The episode after in date order. */
  following?: EpisodeInReturn;
  /** The episode that ended on the day this one started (the same period of care). */
  previous?: EpisodeInReturn;
  /** The episode that started on the day this one ended. */
  next?: EpisodeInReturn;
}

/** A continuous stretch of being looked after: episodes each starting the day the one before ended. */
export interface PeriodOfCare {
  episodes: EpisodeInReturn[];
  start: IsoDate;
  /** Null while the child is still looked after. */
  end: IsoDate | null;
  /** The REC of the last episode ('' when open). */
  reasonCeased: string;
}

/** Everything the return says about one child, gathered once so that no rule rescans a file. */
export interface ChildInReturn {
  id: string;
  header?: ReturnRow<'header'>;
  /** From the Header file; null when absent or not a valid date. */
  dateOfBirth: IsoDate | null;
  /** Every Episodes line of the child, in file order, whatever its dates. */
  episodeRows: ReturnRow<'episodes'>[];
  /** Episodes with a valid start date, in date order. */
  episodes: EpisodeInReturn[];
  periodsOfCare: PeriodOfCare[];
  reviews: ReturnRow<'reviews'>[];
  uasc: ReturnRow<'uasc'>[];
  oc2: ReturnRow<'oc2'>[];
  oc3: ReturnRow<'oc3'>[];
  ad1: ReturnRow<'ad1'>[];
  placedAdoption: ReturnRow<'placedAdoption'>[];
  prevPerm: ReturnRow<'prevPerm'>[];
  missing: ReturnRow<'missing'>[];
  swEpisodes: ReturnRow<'swEpisodes'>[];
  dolo: ReturnRow<'dolo'>[];
}

type ListKind = Exclude<FileKind, 'header' | 'episodes'>;
const listKinds: readonly ListKind[] = [
  'reviews',
  'uasc',
  'oc2',
  'oc3',
  'ad1',
  'placedAdoption',
  'prevPerm',
  'missing',
  'swEpisodes',
  'dolo',
];

function emptyChild(id: string): ChildInReturn {
  return {
    id,
    dateOfBirth: null,
    episodeRows: [],
    episodes: [],
    periodsOfCare: [],
    reviews: [],
    uasc: [],
    oc2: [],
    oc3: [],
    ad1: [],
    placedAdoption: [],
    prevPerm: [],
    missing: [],
    swEpisodes: [],
    dolo: [],
  };
}

/** Gathers the return by child (CHILD id), in one pass over each file. */
export function childrenInReturn(ssda903: Ssda903Return): Map<string, ChildInReturn> {
  const children = new Map<string, ChildInReturn>();
  const childFor = (id: string): ChildInReturn => {
    let child = children.get(id);
    if (!child) {
      child = emptyChild(id);
      children.set(id, child);
    }
    return child;
  };
  for (const row of ssda903.header?.rows ?? []) {
    const child = childFor(row.record.CHILD);
    if (!child.header) {
      child.header = row;
      child.dateOfBirth = fromReturnDate(row.record.DOB);
    }
  }
  for (const row of ssda903.episodes?.rows ?? []) childFor(row.record.CHILD).episodeRows.push(row);
  for (const kind of listKinds) {
    const rows: readonly { record: { CHILD: string } }[] = ssda903[kind]?.rows ?? [];
    for (const row of rows) (childFor(row.record.CHILD)[kind] as unknown[]).push(row);
  }
  for (const child of children.values()) linkEpisodes(child);
  return children;
}

function linkEpisodes(child: ChildInReturn): void {
  const episodes: EpisodeInReturn[] = [];
  for (const row of child.episodeRows) {
    const start = fromReturnDate(row.record.DECOM);
    if (start) episodes.push({ row, start, end: fromReturnDate(row.record.DEC) });
  }
  episodes.sort((a, b) => (a.start === b.start ? compareEnds(a.end, b.end) : a.start < b.start ? -1 : 1));
  const periods: PeriodOfCare[] = [];
  const endingOn = new Map<IsoDate, EpisodeInReturn>();
  let current: EpisodeInReturn[] = [];
  for (const [index, episode] of episodes.entries()) {
    const before = episodes[index - 1];
    if (before) {
      episode.preceding = before;
      before.following = episode;
    }
    const previous = endingOn.get(episode.start);
    if (previous && !previous.next) {
      episode.previous = previous;
      previous.next = episode;
    }
    const rec = episode.previous?.row.record.REC ?? '';
    if (current.length > 0 && (!episode.previous || (rec !== '' && rec !== 'X1'))) {
      periods.push(periodOf(current));
      current = [];
    }
    current.push(episode);
    if (episode.end !== null) endingOn.set(episode.end, episode);
  }
  if (current.length > 0) periods.push(periodOf(current));
  child.episodes = episodes;
  child.periodsOfCare = periods;
}

function compareEnds(a: IsoDate | null, b: IsoDate | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

function periodOf(episodes: EpisodeInReturn[]): PeriodOfCare {
  const first = episodes[0] as EpisodeInReturn;
  const last = episodes[episodes.length - 1] as EpisodeInReturn;
  return { episodes, start: first.start, end: last.end, reasonCeased: last.row.record.REC };
}
