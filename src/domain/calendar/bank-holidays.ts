import { addCalendarDays } from './date-arithmetic.js';
import { easterSunday } from './easter.js';
import { dayOfWeek, daysInMonth, fromDateParts, type IsoDate } from './iso-date.js';
import { ONE_OFF_BANK_HOLIDAY_CHANGES } from './one-off-bank-holidays.js';

/** A day that is not a working day in England & Wales although it falls Monday to Friday. */
export interface BankHoliday {
  date: IsoDate;
  name: string;
}

const MONDAY = 1;

function firstMonday(year: number, month: number): IsoDate {
  const first = fromDateParts(year, month, 1);
  return addCalendarDays(first, (MONDAY - dayOfWeek(first) + 7) % 7);
}

function lastMonday(year: number, month: number): IsoDate {
  const last = fromDateParts(year, month, daysInMonth(year, month));
  return addCalendarDays(last, -((dayOfWeek(last) - MONDAY + 7) % 7));
}

function newYear(year: number): BankHoliday {
  const day = dayOfWeek(fromDateParts(year, 1, 1));
  if (day === 6) return { date: fromDateParts(year, 1, 3), name: "New Year's Day (substitute)" };
  if (day === 0) return { date: fromDateParts(year, 1, 2), name: "New Year's Day (substitute)" };
  return { date: fromDateParts(year, 1, 1), name: "New Year's Day" };
}

/** Christmas Day and Boxing Day, with the substitute weekdays taken when they fall at a weekend. */
function christmas(year: number): BankHoliday[] {
  const day = (dayOfMonth: number): IsoDate => fromDateParts(year, 12, dayOfMonth);
  switch (dayOfWeek(day(25))) {
    case 5:
      return [
        { date: day(25), name: 'Christmas Day' },
        { date: day(28), name: 'Boxing Day (substitute)' },
      ];
    case 6:
      return [
        { date: day(27), name: 'Christmas Day (substitute)' },
        { date: day(28), name: 'Boxing Day (substitute)' },
      ];
    case 0:
      return [
        { date: day(26), name: 'Boxing Day' },
        { date: day(27), name: 'Christmas Day (substitute)' },
      ];
    default:
      return [
        { date: day(25), name: 'Christmas Day' },
        { date: day(26), name: 'Boxing Day' },
      ];
  }
}

/**
 * The standing holidays (Banking and Financial Dealings Act 1971, plus New Year's Day from 1974
 * and the early May bank holiday from 1978), before any one-off change for the year.
 */
function standingBankHolidays(year: number): BankHoliday[] {
  const easter = easterSunday(year);
  return [
    ...(year >= 1974 ? [newYear(year)] : []),
    { date: addCalendarDays(easter, -2), name: 'Good Friday' },
    { date: addCalendarDays(easter, 1), name: 'Easter Monday' },
    ...(year >= 1978 ? [{ date: firstMonday(year, 5), name: 'Early May bank holiday' }] : []),
    { date: lastMonday(year, 5), name: 'Spring bank holiday' },
    { date: lastMonday(year, 8), name: 'Summer bank holiday' },
    ...christmas(year),
  ];
}

function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/**
 * England & Wales bank holidays for any year, as gov.uk lists them: the weekday actually taken
 * (substitute days included), with Good Friday and Christmas Day, and with one-off proclaimed
 * changes applied. Accurate from 1971.
 */
export function bankHolidaysInYear(year: number): BankHoliday[] {
  let holidays = standingBankHolidays(year);
  for (const change of ONE_OFF_BANK_HOLIDAY_CHANGES) {
    if (change.change === 'moved' && yearOf(change.from) === year) {
      holidays = holidays.filter((holiday) => holiday.date !== change.from);
      holidays.push({ date: change.to, name: change.name });
    }
    if (change.change === 'additional' && yearOf(change.date) === year) {
      holidays.push({ date: change.date, name: change.name });
    }
  }
  return holidays.sort((a, b) => a.date.localeCompare(b.date));
}
