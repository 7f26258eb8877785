import { describe, expect, it } from 'vitest';
import { addCalendarDays, createCalendar } from '../calendar/index.js';
import { DEFAULT_OVERSIGHT, escalationLevel, isDrifting, latestDateWorkingDaysBefore, oversightCutoffs } from './oversight.js';

const calendar = createCalendar();

describe('working days behind a date', () => {
  it('counts back over weekends: from Monday 1 June 2026, 1 working day back is Sunday; from Saturday it is Thursday', () => {
    expect(latestDateWorkingDaysBefore(calendar, '2026-06-01', 1)).toBe('2026-05-31');
    expect(latestDateWorkingDaysBefore(calendar, '2026-06-06', 1)).toBe('2026-06-04');
    expect(latestDateWorkingDaysBefore(calendar, '2026-06-06', 0)).toBe('2026-06-06');
  });

  it('agrees with workingDaysBetween on every day of a year with bank holidays, for 0 to 12 working days', () => {
    for (let day = 0; day < 366; day += 1) {
      const asOf = addCalendarDays('2025-12-01', day);
      for (let n = 0; n <= 12; n += 1) {
        const latest = latestDateWorkingDaysBefore(calendar, asOf, n);
        expect(calendar.workingDaysBetween(latest, asOf)).toBeGreaterThanOrEqual(n);
        if (n > 0) expect(calendar.workingDaysBetween(addCalendarDays(latest, 1), asOf)).toBeLessThan(n);
        else expect(latest).toBe(asOf);
      }
    }
  });

  it('refuses a negative or fractional count', () => {
    expect(() => latestDateWorkingDaysBefore(calendar, '2026-06-01', -1)).toThrow(RangeError);
    expect(() => latestDateWorkingDaysBefore(calendar, '2026-06-01', 1.5)).toThrow(RangeError);
  });
});

describe('escalation', () => {
  const settings = { escalateToTeamManagerAfter: 5, escalateToServiceManagerAfterFurther: 10, driftAfter: 20 };

  it('is not escalated until overdue by 5 working days, then the team manager; after 10 more, the service manager', () => {
    const due = '2026-06-01';
    expect(escalationLevel(calendar, due, '2026-06-05', settings)).toBe('none');
    expect(escalationLevel(calendar, due, '2026-06-08', settings)).toBe('team_manager');
    expect(escalationLevel(calendar, due, '2026-06-19', settings)).toBe('team_manager');
    expect(escalationLevel(calendar, due, '2026-06-22', settings)).toBe('service_manager');
  });

  it('crosses Christmas in working days: due 19 December 2025, 5 working days overdue only on 30 December', () => {
    expect(escalationLevel(calendar, '2025-12-19', '2025-12-29', settings)).toBe('none');
    expect(escalationLevel(calendar, '2025-12-19', '2025-12-30', settings)).toBe('team_manager');
  });

  it('with a threshold of 0, anything overdue is escalated at once, but nothing due today', () => {
    const immediate = { ...settings, escalateToTeamManagerAfter: 0, escalateToServiceManagerAfterFurther: 0 };
    expect(escalationLevel(calendar, '2026-06-01', '2026-06-01', immediate)).toBe('none');
    expect(escalationLevel(calendar, '2026-06-01', '2026-06-02', immediate)).toBe('service_manager');
    expect(oversightCutoffs(calendar, '2026-06-02', immediate).teamManagerDueOnOrBefore).toBe('2026-06-01');
  });
});

describe('drift', () => {
  it('an open case is drifting when its last visit or oversight is more than 20 working days ago (two May bank holidays)', () => {
    expect(isDrifting(calendar, '2026-05-01', '2026-05-29', DEFAULT_OVERSIGHT)).toBe(false);
    expect(calendar.workingDaysBetween('2026-05-01', '2026-06-02')).toBe(20);
    expect(isDrifting(calendar, '2026-05-01', '2026-06-02', DEFAULT_OVERSIGHT)).toBe(false);
    expect(isDrifting(calendar, '2026-05-01', '2026-06-03', DEFAULT_OVERSIGHT)).toBe(true);
  });

  it('the drift cutoff date says the same as isDrifting', () => {
    for (let day = 0; day < 120; day += 1) {
      const asOf = addCalendarDays('2026-04-01', day);
      const cutoff = oversightCutoffs(calendar, asOf, DEFAULT_OVERSIGHT).driftingIfLastOnOrBefore;
      for (const last of [cutoff, addCalendarDays(cutoff, 1), addCalendarDays(cutoff, -1)]) {
        expect(isDrifting(calendar, last, asOf, DEFAULT_OVERSIGHT)).toBe(last <= cutoff);
      }
    }
  });
});
