import type { IsoDate } from '../../db/schema.js';
import { fromDayNumber, toDayNumber } from '../../domain/calendar/iso-date.js';
import { instantInEngland } from '../../platform/england-time.js';
import type { Draw } from './draw.js';

/** A moment in office hours (08:30 to 17:30, English time) on a date: when generated records were "recorded". */
export function officeHoursOn(date: IsoDate, draw: Draw): string {
  const minute = draw.int(8 * 60 + 30, 17 * 60 + 30);
  return `${date} ${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00 Europe/London`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + Math.round(days));
}

export function earlier(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

const noonOffsets = new Map<IsoDate, number>();

/**
 * The instant a date and time (`HH:MM`, English time) refers to, as `instantInEngland` gives it but
 * fast for the millions the generator writes: the day's offset from GMT is worked out once a day
 * (at noon), and exactly in the small hours, when the clocks change.
 */
export function instantOn(date: IsoDate, time: string): Date {
  if (time < '03:00') return instantInEngland(date, time);
  let offset = noonOffsets.get(date);
  if (offset === undefined) {
    offset = Date.parse(`${date}T12:00:00Z`) - instantInEngland(date, '12:00').getTime();
    noonOffsets.set(date, offset);
  }
  return new Date(Date.parse(`${date}T${time}:00Z`) - offset);
}
