import type { IsoDate } from '../../../db/schema.js';
import type { WorkingDayCalendar } from '../../../domain/calendar/index.js';
import { fromDayNumber, toDayNumber } from '../../../domain/calendar/iso-date.js';

/**
 * The authority's working-day calendar over a span of years, worked out once day by day, so the
 * generator's hundreds of thousands of "N working days after" questions are table look-ups. It
 * answers exactly as `calendar` does (it is built from it) and asks `calendar` outside the span.
 */
export function workingDayTable(calendar: WorkingDayCalendar, from: IsoDate, to: IsoDate): WorkingDayCalendar {
  const first = toDayNumber(from);
  const last = toDayNumber(to);
  const dates: IsoDate[] = [];
  const working: boolean[] = [];
  /** Working days on or before each day of the span, counted from its start. */
  const upTo: number[] = [];
  /** The day number of the kth working day of the span. */
  const workingDays: number[] = [];
  for (let day = first; day <= last; day++) {
    const date = fromDayNumber(day);
    const isWorking = calendar.isWorkingDay(date);
    dates.push(date);
    working.push(isWorking);
    if (isWorking) workingDays.push(day);
    upTo.push(workingDays.length);
  }
  const indexOf = new Map(dates.map((date, i) => [date, i]));
  const at = (k: number) => {
    const day = workingDays[k];
    return day === undefined ? undefined : dates[day - first];
  };

  const addWorkingDays = (date: IsoDate, count: number): IsoDate => {
    const i = indexOf.get(date);
    if (i === undefined || !Number.isInteger(count)) return calendar.addWorkingDays(date, count);
    if (count === 0) return date;
    const found = count > 0 ? at((upTo[i] as number) + count - 1) : at((i > 0 ? (upTo[i - 1] as number) : 0) + count);
    return found ?? calendar.addWorkingDays(date, count);
  };
  const isWorkingDay = (date: IsoDate): boolean => {
    const i = indexOf.get(date);
    return i === undefined ? calendar.isWorkingDay(date) : (working[i] as boolean);
  };
  const workingDaysBetween = (fromDate: IsoDate, toDate: IsoDate): number => {
    const a = indexOf.get(fromDate);
    const b = indexOf.get(toDate);
    if (a === undefined || b === undefined) return calendar.workingDaysBetween(fromDate, toDate);
    return (upTo[b] as number) - (upTo[a] as number);
  };
  return {
    isWorkingDay,
    addWorkingDays,
    workingDaysBetween,
    nextWorkingDay: (date) => addWorkingDays(date, 1),
    onOrNextWorkingDay: (date) => (isWorkingDay(date) ? date : addWorkingDays(date, 1)),
    holidaysInYear: (year) => calendar.holidaysInYear(year),
  };
}
