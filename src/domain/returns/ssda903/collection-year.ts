import type { IsoDate } from '../../calendar/iso-date.js';

/**
 * An SSDA903 collection year, named by the year it ends: collection year 2025 covers every child
 * looked after at any time from 1 April 2024 to 31 March 2025.
 */
export interface Ssda903CollectionYear {
  year: number;
  /** 1 April of the year before. */
  start: IsoDate;
  /** 31 March. */
  end: IsoDate;
}

export function ssda903CollectionYear(year: number): Ssda903CollectionYear {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new RangeError(`Not a collection year: ${year}`);
  return { year, start: `${year - 1}-04-01`, end: `${year}-03-31` };
}

/** "2024-25" for collection year 2025, as DfE names the years. */
export function describeCollectionYear(year: number): string {
  return `${year - 1}-${String(year % 100).padStart(2, '0')}`;
}
