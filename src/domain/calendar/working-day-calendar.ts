import { bankHolidaysInYear } from './bank-holidays.js';
import { addCalendarDays } from './date-arithmetic.js';
import { assertIsoDate, type IsoDate, isWeekend, toDayNumber } from './iso-date.js';

/**
 * Working days in England & Wales: not a Saturday or Sunday, not Christmas Day, not Good Friday,
 * not a bank holiday, and not one of the authority's own extra closure days.
 */
export interface WorkingDayCalendar {
  isWorkingDay(date: IsoDate): boolean;
  /**
   * The `count`th working day after `date` (the start date itself is day 0), so Friday + 1 = Monday
   * and Saturday + 1 = Monday. 0 returns `date` unchanged; a negative count goes backwards.
   */
  addWorkingDays(date: IsoDate, count: number): IsoDate;
  /**
   * Working days after `from` up to and including `to`: the inverse of `addWorkingDays`, so the
   * same day counts as 0 (the DfE "same day" band). Negative when `to` is before `from`.
   */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
  /** The first working day strictly after `date`. */
  nextWorkingDay(date: IsoDate): IsoDate;
  /** `date` itself if it is a working day, otherwise the next working day. */
  onOrNextWorkingDay(date: IsoDate): IsoDate;
  /** Bank holidays, Good Friday, Christmas Day and extra days in the year, Monday to Friday only. */
  holidaysInYear(year: number): readonly { date: IsoDate; name: string }[];
}

export interface CalendarOptions {
  /** Days the authority treats as non-working, e.g. a newly proclaimed bank holiday. */
  extraHolidays?: readonly IsoDate[];
}

/** Mondays to Fridays from a fixed Monday (day number -3, 29 December 1969) up to and including `dayNumber`, plus a constant. */
function weekdaysUpTo(dayNumber: number): number {
  const sinceMonday = dayNumber + 3;
  const weeks = Math.floor(sinceMonday / 7);
  return weeks * 5 + Math.min(sinceMonday - weeks * 7 + 1, 5);
}

export function createCalendar(options: CalendarOptions = {}): WorkingDayCalendar {
  const extraHolidays = options.extraHolidays ?? [];
  extraHolidays.forEach(assertIsoDate);
  const byYear = new Map<number, readonly { date: IsoDate; name: string }[]>();
  const nonWorkingDays = new Set<IsoDate>();

  function holidaysInYear(year: number): readonly { date: IsoDate; name: string }[] {
    let holidays = byYear.get(year);
    if (!holidays) {
      const extras = extraHolidays
        .filter((date) => Number(date.slice(0, 4)) === year && !isWeekend(date))
        .map((date) => ({ date, name: 'Additional non-working day' }));
      const known = bankHolidaysInYear(year);
      holidays = [...known, ...extras.filter((extra) => !known.some((day) => day.date === extra.date))].sort((a, b) =>
        a.date.localeCompare(b.date),
      );
      for (const holiday of holidays) nonWorkingDays.add(holiday.date);
      byYear.set(year, holidays);
    }
    return holidays;
  }

  function isWorkingDay(date: IsoDate): boolean {
    assertIsoDate(date);
    if (isWeekend(date)) return false;
    holidaysInYear(Number(date.slice(0, 4)));
    return !nonWorkingDays.has(date);
  }

  function addWorkingDays(date: IsoDate, count: number): IsoDate {
    if (!Number.isInteger(count)) throw new RangeError(`Working days must be a whole number: ${count}`);
    const step = count < 0 ? -1 : 1;
    let result = date;
    for (let remaining = Math.abs(count); remaining > 0; ) {
      result = addCalendarDays(result, step);
      if (isWorkingDay(result)) remaining -= 1;
    }
    return result;
  }

  /**
   * Counted without walking the days (a worktray asks it for hundreds of items, some far off):
   * the Mondays to Fridays after `from` up to `to`, less the holidays among them.
   */
  function workingDaysBetween(from: IsoDate, to: IsoDate): number {
    const start = toDayNumber(from);
    const end = toDayNumber(to);
    if (end < start) return -workingDaysBetween(to, from);
    let count = weekdaysUpTo(end) - weekdaysUpTo(start);
    const holidays = new Set<IsoDate>();
    for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++)
      for (const holiday of holidaysInYear(year)) holidays.add(holiday.date);
    for (const holiday of holidays) {
      const day = toDayNumber(holiday);
      if (day > start && day <= end && !isWeekend(holiday)) count -= 1;
    }
    return count;
  }

  function nextWorkingDay(date: IsoDate): IsoDate {
    return addWorkingDays(date, 1);
  }

  function onOrNextWorkingDay(date: IsoDate): IsoDate {
    return isWorkingDay(date) ? date : nextWorkingDay(date);
  }

  return { isWorkingDay, addWorkingDays, workingDaysBetween, nextWorkingDay, onOrNextWorkingDay, holidaysInYear };
}
