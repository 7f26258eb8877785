export { type BankHoliday, bankHolidaysInYear } from './bank-holidays.js';
export { type CountingConvention, DEFAULT_COUNTING_CONVENTION, dueAfterWorkingDays } from './counting-convention.js';
export {
  addCalendarDays,
  addHours,
  addMonths,
  addWeeks,
  addYears,
  ageOn,
  type ClockTime,
  compareMoments,
  isClockTime,
  type Moment,
} from './date-arithmetic.js';
export { easterSunday } from './easter.js';
export {
  assertIsoDate,
  calendarDaysBetween,
  compareDates,
  type DayOfWeek,
  dayOfWeek,
  type IsoDate,
  isIsoDate,
  isWeekend,
} from './iso-date.js';
export { ONE_OFF_BANK_HOLIDAY_CHANGES, type OneOffBankHolidayChange } from './one-off-bank-holidays.js';
export { type CalendarOptions, createCalendar, type WorkingDayCalendar } from './working-day-calendar.js';
