import { bankHolidaysInYear } from './bank-holidays.js';
import { addCalendarDays } from './date-arithmetic.js';
import { assertIsoDate, compareDates, type IsoDate, isWeekend } from './iso-date.js';

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

  function workingDaysBetween(from: IsoDate, to: IsoDate): number {
    const order = compareDates(to, from);
    if (order < 0) return -workingDaysBetween(to, from);
    let count = 0;
    for (let day = from; compareDates(day, to) < 0; ) {
      day = addCalendarDays(day, 1);
      if (isWorkingDay(day)) count += 1;
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
