/**
 * Statutory dates are ISO `YYYY-MM-DD` strings with no time zone. All arithmetic is done on
 * integer day numbers (days since 1970-01-01 in UTC), never on a JS Date at local midnight.
 */
export type IsoDate = string;

/** 0 = Sunday, 1 = Monday, ... 6 = Saturday (the JS convention). */
export type DayOfWeek = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function assertIsoDate(value: string): void {
  if (!isIsoDate(value)) throw new RangeError(`Not a valid date (expected YYYY-MM-DD): ${value}`);
}

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

export function toDateParts(date: IsoDate): DateParts {
  assertIsoDate(date);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

export function fromDateParts(year: number, month: number, day: number): IsoDate {
  return fromDayNumber(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = toDateParts(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function fromDayNumber(dayNumber: number): IsoDate {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

export function dayOfWeek(date: IsoDate): DayOfWeek {
  return new Date(toDayNumber(date) * MS_PER_DAY).getUTCDay() as DayOfWeek;
}

export function isWeekend(date: IsoDate): boolean {
  const day = dayOfWeek(date);
  return day === 0 || day === 6;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Negative if `a` is before `b`, 0 if the same day, positive if after. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}
