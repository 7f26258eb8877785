import { addCalendarDays, type ClockTime } from '../calendar/date-arithmetic.js';
import type { IsoDate } from '../calendar/iso-date.js';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar.js';

/** Day teams start at 09:00: a call before then belongs to the night before. */
export const DAY_TEAMS_START: ClockTime = '09:00';

/** Minutes after midnight at which the out-of-hours night ends (for queries that group calls by night). */
export const NIGHT_ENDS_AFTER_MINUTES = 9 * 60;

/**
 * The night a call belongs to, named by the date it began: a call at 02:00 on Tuesday was taken
 * on Monday night; one at 17:30 on Tuesday on Tuesday night. Weekend and bank-holiday days count
 * with the night that follows them.
 */
export function nightOf(date: IsoDate, time: ClockTime): IsoDate {
  return time < DAY_TEAMS_START ? addCalendarDays(date, -1) : date;
}

/**
 * The working day whose day team picks up what happened on a night: the first working day after
 * the night began. Friday night, Saturday and Sunday all go to Monday (Tuesday after a bank holiday).
 */
export function handoverDayFor(calendar: WorkingDayCalendar, night: IsoDate): IsoDate {
  return calendar.nextWorkingDay(night);
}
