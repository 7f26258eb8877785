import { daysInMonth, fromDateParts, fromDayNumber, type IsoDate, toDateParts, toDayNumber } from './iso-date.js';

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** A week is 7 calendar days. */
export function addWeeks(date: IsoDate, weeks: number): IsoDate {
  return addCalendarDays(date, weeks * 7);
}

/**
 * Calendar months: the same day of the month, clamped to the last day of a shorter month
 * (31 January + 1 month = 28 or 29 February). Each call counts from `date`, so
 * (31 Jan + 1 month) + 1 month is 28 March, while 31 Jan + 2 months is 31 March.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = toDateParts(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  return fromDateParts(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** Calendar years: 29 February + 1 year = 28 February. */
export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

/** Wall-clock time of day, `HH:MM` (24-hour), in Europe/London local time. */
export type ClockTime = string;

/** A point in time as recorded on a case: always a date, sometimes a time of day too. */
export interface Moment {
  date: IsoDate;
  time?: ClockTime;
}

const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isClockTime(value: string): boolean {
  return CLOCK_TIME.test(value);
}

function minutesOf(time: ClockTime): number {
  const match = CLOCK_TIME.exec(time);
  if (!match) throw new RangeError(`Not a valid time (expected HH:MM): ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

function formatMinutes(minutes: number): ClockTime {
  const hours = Math.floor(minutes / 60);
  return `${String(hours).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * Adds hours to a moment. With a time of day, the result is wall-clock time (a change to or from
 * British Summer Time inside the period is ignored, so it can be out by one hour). With a date
 * only, whole days are added, rounding part-days up: 72 hours = 3 calendar days.
 */
export function addHours(from: Moment, hours: number): Moment {
  if (from.time === undefined) return { date: addCalendarDays(from.date, Math.ceil(hours / 24)) };
  const totalMinutes = minutesOf(from.time) + Math.round(hours * 60);
  const days = Math.floor(totalMinutes / 1440);
  return { date: addCalendarDays(from.date, days), time: formatMinutes(totalMinutes - days * 1440) };
}

/**
 * Orders two moments. When only one of them has a time, they are compared by date alone, so a
 * date-only record on the due date counts as on time.
 */
export function compareMoments(a: Moment, b: Moment): number {
  const byDate = toDayNumber(a.date) - toDayNumber(b.date);
  if (byDate !== 0 || a.time === undefined || b.time === undefined) return byDate;
  return minutesOf(a.time) - minutesOf(b.time);
}

/** Age in completed years on `date` for someone born on `dateOfBirth` (a 29 February birthday counts from 1 March). */
export function ageOn(dateOfBirth: IsoDate, date: IsoDate): number {
  const born = toDateParts(dateOfBirth);
  const on = toDateParts(date);
  const hadBirthday = on.month > born.month || (on.month === born.month && on.day >= born.day);
  return on.year - born.year - (hadBirthday ? 0 : 1);
}
