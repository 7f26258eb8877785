import { describe, expect, it } from 'vitest';
import { addCalendarDays, addHours, addMonths, addWeeks, addYears, compareMoments } from './date-arithmetic.js';

describe('calendar arithmetic on ISO dates', () => {
  it('adds calendar days across month, year and leap-day boundaries', () => {
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addCalendarDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addCalendarDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addCalendarDays('2025-03-01', -1)).toBe('2025-02-28');
  });

  it('is not affected by the clocks changing (British Summer Time)', () => {
    expect(addCalendarDays('2025-03-29', 2)).toBe('2025-03-31');
    expect(addCalendarDays('2025-10-25', 2)).toBe('2025-10-27');
  });

  it('a week is 7 calendar days', () => {
    expect(addWeeks('2025-12-29', 1)).toBe('2026-01-05');
    expect(addWeeks('2024-01-18', 6)).toBe('2024-02-29');
    expect(addWeeks('2025-06-01', -6)).toBe('2025-04-20');
  });

  it('months keep the day of the month, clamped to the month end', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2023-11-30', 3)).toBe('2024-02-29');
    expect(addMonths('2024-08-31', 6)).toBe('2025-02-28');
    expect(addMonths('2025-03-31', 1)).toBe('2025-04-30');
    expect(addMonths('2025-01-15', 3)).toBe('2025-04-15');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
  });

  it('years from a leap day land on 28 February', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('hours: wall-clock time when a time is known, whole days when only a date is', () => {
    expect(addHours({ date: '2025-12-24', time: '22:30' }, 72)).toEqual({ date: '2025-12-27', time: '22:30' });
    expect(addHours({ date: '2025-12-24', time: '22:30' }, 2)).toEqual({ date: '2025-12-25', time: '00:30' });
    expect(addHours({ date: '2025-12-24' }, 72)).toEqual({ date: '2025-12-27' });
    expect(addHours({ date: '2025-12-24' }, 24)).toEqual({ date: '2025-12-25' });
  });

  it('compares moments by time only when both have one', () => {
    expect(compareMoments({ date: '2025-01-02', time: '09:00' }, { date: '2025-01-02', time: '10:00' })).toBeLessThan(0);
    expect(compareMoments({ date: '2025-01-02', time: '11:00' }, { date: '2025-01-02' })).toBe(0);
    expect(compareMoments({ date: '2025-01-03' }, { date: '2025-01-02', time: '23:59' })).toBeGreaterThan(0);
  });

  it('rejects dates that do not exist', () => {
    expect(() => addCalendarDays('2023-02-29', 1)).toThrow(RangeError);
    expect(() => addMonths('2025-13-01', 1)).toThrow(RangeError);
    expect(() => addHours({ date: '2025-01-01', time: '24:00' }, 1)).toThrow(RangeError);
  });
});
