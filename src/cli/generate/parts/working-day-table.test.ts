import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../../domain/calendar/index.js';
import { calendar } from '../../../features/clocks/service.js';
import { workingDayTable } from './working-day-table.js';

describe('the generator’s working-day table', () => {
  it('answers as the working-day calendar does, inside its span and beyond it', () => {
    const table = workingDayTable(calendar, '2024-01-01', '2026-12-31');
    for (let date = '2023-12-20'; date <= '2027-01-10'; date = addCalendarDays(date, 1)) {
      expect(table.isWorkingDay(date)).toBe(calendar.isWorkingDay(date));
      for (const n of [-25, -3, -1, 0, 1, 10, 45])
        expect([date, n, table.addWorkingDays(date, n)]).toEqual([date, n, calendar.addWorkingDays(date, n)]);
      expect(table.workingDaysBetween(date, addCalendarDays(date, 40))).toBe(calendar.workingDaysBetween(date, addCalendarDays(date, 40)));
      expect(table.onOrNextWorkingDay(date)).toBe(calendar.onOrNextWorkingDay(date));
    }
  });
});
