import { describe, expect, it } from 'vitest';
import { dueAfterWorkingDays } from './counting-convention.js';
import { addCalendarDays } from './date-arithmetic.js';
import { createCalendar } from './working-day-calendar.js';

const calendar = createCalendar();

describe('working days in England & Wales', () => {
  it('weekends, bank holidays, Good Friday and Christmas Day are not working days', () => {
    expect(calendar.isWorkingDay('2025-11-21')).toBe(true);
    expect(calendar.isWorkingDay('2025-11-22')).toBe(false);
    expect(calendar.isWorkingDay('2025-11-23')).toBe(false);
    expect(calendar.isWorkingDay('2025-04-18')).toBe(false);
    expect(calendar.isWorkingDay('2025-04-21')).toBe(false);
    expect(calendar.isWorkingDay('2025-12-25')).toBe(false);
    expect(calendar.isWorkingDay('2025-12-26')).toBe(false);
    expect(calendar.isWorkingDay('2025-12-29')).toBe(true);
    expect(calendar.isWorkingDay('2026-01-01')).toBe(false);
    expect(calendar.isWorkingDay('2026-01-02')).toBe(true);
  });

  it('the one-off days are not working days', () => {
    for (const day of [
      '2020-05-08',
      '2012-06-04',
      '2012-06-05',
      '2011-04-29',
      '1999-12-31',
      '2022-06-02',
      '2022-06-03',
      '2022-09-19',
      '2023-05-08',
    ]) {
      expect(calendar.isWorkingDay(day), day).toBe(false);
    }
    expect(calendar.isWorkingDay('2020-05-04'), 'the usual early May Monday was worked in 2020').toBe(true);
    expect(calendar.isWorkingDay('2022-05-30'), 'the usual spring Monday was worked in 2022').toBe(true);
  });

  it('start date is day 0: Friday + 1 = Monday, Saturday + 1 = Monday, Sunday + 1 = Monday', () => {
    expect(calendar.addWorkingDays('2025-12-19', 1)).toBe('2025-12-22');
    expect(calendar.addWorkingDays('2025-12-20', 1)).toBe('2025-12-22');
    expect(calendar.addWorkingDays('2025-12-21', 1)).toBe('2025-12-22');
    expect(calendar.addWorkingDays('2025-12-19', 0)).toBe('2025-12-19');
  });

  it('a start on a bank holiday counts from the next working day', () => {
    expect(calendar.addWorkingDays('2025-04-18', 1)).toBe('2025-04-22');
    expect(calendar.addWorkingDays('2025-12-25', 1)).toBe('2025-12-29');
    expect(calendar.addWorkingDays('2023-05-08', 1)).toBe('2023-05-09');
  });

  it('crosses Easter: Thursday before Good Friday + 1 = the Tuesday after Easter Monday', () => {
    expect(calendar.addWorkingDays('2026-04-02', 1)).toBe('2026-04-07');
    expect(calendar.addWorkingDays('2026-04-02', 2)).toBe('2026-04-08');
    expect(calendar.addWorkingDays('2024-03-28', 15)).toBe('2024-04-22');
  });

  it('crosses Christmas and New Year: 45 working days from Thursday 20 November 2025 is Tuesday 27 January 2026', () => {
    expect(calendar.addWorkingDays('2025-11-20', 45)).toBe('2026-01-27');
    expect(calendar.addWorkingDays('2025-12-24', 1)).toBe('2025-12-29');
    expect(calendar.addWorkingDays('2024-12-20', 10)).toBe('2025-01-08');
    expect(calendar.addWorkingDays('2026-12-24', 1)).toBe('2026-12-29');
    expect(calendar.addWorkingDays('2027-12-24', 1)).toBe('2027-12-29');
  });

  it('crosses the one-off days', () => {
    expect(calendar.addWorkingDays('2022-06-01', 1)).toBe('2022-06-06');
    expect(calendar.addWorkingDays('2022-09-16', 1)).toBe('2022-09-20');
    expect(calendar.addWorkingDays('2020-05-07', 1)).toBe('2020-05-11');
    expect(calendar.addWorkingDays('2012-06-01', 1)).toBe('2012-06-06');
    expect(calendar.addWorkingDays('1999-12-24', 1)).toBe('1999-12-29');
    expect(calendar.addWorkingDays('1999-12-30', 1)).toBe('2000-01-04');
  });

  it('counts backwards with a negative number', () => {
    expect(calendar.addWorkingDays('2025-12-29', -1)).toBe('2025-12-24');
  });

  it('workingDaysBetween is the inverse of addWorkingDays; the same day is 0', () => {
    expect(calendar.workingDaysBetween('2025-11-20', '2026-01-27')).toBe(45);
    expect(calendar.workingDaysBetween('2025-11-20', '2025-11-20')).toBe(0);
    expect(calendar.workingDaysBetween('2025-12-20', '2025-12-22')).toBe(1);
    expect(calendar.workingDaysBetween('2025-12-24', '2025-12-28')).toBe(0);
    expect(calendar.workingDaysBetween('2025-12-29', '2025-12-24')).toBe(-1);
  });

  it('workingDaysBetween agrees with counting the working days one by one, across weekends, holidays and years', () => {
    const local = createCalendar({ extraHolidays: ['2026-06-15', '2026-06-13'] });
    // Working days from the first day up to each day, counted one day at a time.
    const days = [] as string[];
    const countedUpTo = new Map<string, number>();
    for (let day = '2024-12-01', count = 0; day <= '2028-03-01'; day = addCalendarDays(day, 1)) {
      if (local.isWorkingDay(day)) count += 1;
      days.push(day);
      countedUpTo.set(day, count);
    }
    const countOneByOne = (from: string, to: string) => (countedUpTo.get(to) as number) - (countedUpTo.get(from) as number);
    for (let i = 0; i < days.length - 400; i += 3)
      for (const length of [0, 1, 2, 3, 4, 5, 6, 7, 8, 13, 45, 100, 400]) {
        const [start, end] = [days[i] as string, days[i + length] as string];
        expect({ start, end, days: local.workingDaysBetween(start, end) }).toEqual({ start, end, days: countOneByOne(start, end) });
        expect(local.workingDaysBetween(end, start) + countOneByOne(start, end)).toBe(0);
      }
  });

  it('nextWorkingDay and onOrNextWorkingDay', () => {
    expect(calendar.nextWorkingDay('2025-12-24')).toBe('2025-12-29');
    expect(calendar.nextWorkingDay('2025-12-23')).toBe('2025-12-24');
    expect(calendar.onOrNextWorkingDay('2025-12-24')).toBe('2025-12-24');
    expect(calendar.onOrNextWorkingDay('2025-12-25')).toBe('2025-12-29');
  });

  it('an authority can add its own non-working days', () => {
    const local = createCalendar({ extraHolidays: ['2026-06-15'] });
    expect(local.isWorkingDay('2026-06-15')).toBe(false);
    expect(calendar.isWorkingDay('2026-06-15')).toBe(true);
    expect(local.addWorkingDays('2026-06-12', 1)).toBe('2026-06-16');
    expect(local.holidaysInYear(2026)).toContainEqual({ date: '2026-06-15', name: 'Additional non-working day' });
    expect(() => createCalendar({ extraHolidays: ['15/06/2026'] })).toThrow(RangeError);
  });

  it('rejects invalid input', () => {
    expect(() => calendar.isWorkingDay('2025-02-30')).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2025-02-03', 1.5)).toThrow(RangeError);
  });
});

describe('counting convention', () => {
  it('DfE (start is day 0) by default; D2I (start is day 1) is one working day earlier', () => {
    expect(dueAfterWorkingDays(calendar, '2025-11-20', 45)).toBe('2026-01-27');
    expect(dueAfterWorkingDays(calendar, '2025-11-20', 45, 'start_is_day_one')).toBe('2026-01-26');
  });

  it('both count a weekend or bank holiday start from the next working day', () => {
    expect(dueAfterWorkingDays(calendar, '2025-12-20', 1, 'start_is_day_zero')).toBe('2025-12-22');
    expect(dueAfterWorkingDays(calendar, '2025-12-20', 1, 'start_is_day_one')).toBe('2025-12-22');
    expect(dueAfterWorkingDays(calendar, '2025-12-25', 15, 'start_is_day_one')).toBe(
      dueAfterWorkingDays(calendar, '2025-12-25', 15, 'start_is_day_zero'),
    );
  });
});
