import type { IsoDate } from '../../db/schema.js';
import { fromDayNumber, toDayNumber } from '../../domain/calendar/iso-date.js';
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
