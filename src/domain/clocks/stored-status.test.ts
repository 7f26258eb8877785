import { describe, expect, it } from 'vitest';
import { addCalendarDays, createCalendar } from '../calendar/index.js';
import { createClockEngine } from './engine.js';
import type { CaseHistory } from './events.js';
import { dueSoonFrom, statusAsAt } from './stored-status.js';
import type { Timescale } from './timescale.js';

const calendar = createCalendar();
const counting = { calendar, convention: 'start_is_day_zero' as const, schoolTerms: [] };

const history: CaseHistory = {
  events: [
    { kind: 'referral_received', date: '2025-11-20', ref: 'r1' },
    { kind: 'referral_received', date: '2026-02-02', ref: 'r2' },
    { kind: 'assessment_authorised', date: '2026-01-27', ref: 'r1' },
    { kind: 'cp_plan_started', date: '2025-12-15' },
    { kind: 'cp_visit_made', date: '2025-12-22' },
    { kind: 'cp_visit_made', date: '2026-01-20', lateReason: 'Family away over Christmas' },
    { kind: 'returned_from_missing', date: '2026-01-09', time: '22:30' },
    { kind: 'return_interview_completed', date: '2026-01-12', time: '23:00' },
    { kind: 'cin_plan_started', date: '2025-10-31' },
  ],
};

describe('status from stored dates', () => {
  it('due soon from: 5 working days before a Monday due date is the Monday before; across Christmas it skips the bank holidays', () => {
    const five: Timescale = { amount: 5, unit: 'working_days' };
    expect(dueSoonFrom('2026-06-15', five, counting)).toBe('2026-06-08');
    expect(dueSoonFrom('2026-01-02', five, counting)).toBe('2025-12-23');
    expect(dueSoonFrom('2026-06-13', five, counting)).toBe('2026-06-08');
    expect(dueSoonFrom('2026-03-31', { amount: 1, unit: 'months' }, counting)).toBe('2026-03-01');
    expect(dueSoonFrom('2026-06-15', { amount: 0, unit: 'working_days' }, counting)).toBe('2026-06-15');
  });

  for (const dueSoon of [
    { amount: 5, unit: 'working_days' },
    { amount: 0, unit: 'working_days' },
    { amount: 3, unit: 'calendar_days' },
    { amount: 1, unit: 'weeks' },
    { amount: 1, unit: 'months' },
  ] as const) {
    it(`agrees with the evaluator on every day for four months, due soon = ${dueSoon.amount} ${dueSoon.unit}`, () => {
      const engine = createClockEngine({ calendar, settings: { dueSoon } });
      for (let day = 0; day < 125; day += 1) {
        const asOf = addCalendarDays('2025-11-20', day);
        for (const moment of [{ date: asOf }, { date: asOf, time: '23:59' }]) {
          for (const rule of engine.rules) {
            for (const instance of engine.evaluate(rule.id, history, moment)) {
              const stored = {
                dueOn: instance.dueOn,
                dueAt: instance.dueAt ?? null,
                dueSoonFrom: instance.dueOn ? dueSoonFrom(instance.dueOn, dueSoon, counting) : null,
                completedOn: instance.completedOn,
                completedAt: instance.completedAt ?? null,
              };
              expect({ clock: rule.id, asOf, status: statusAsAt(stored, moment) }).toEqual({
                clock: rule.id,
                asOf,
                status: instance.status,
              });
            }
          }
        }
      }
    }, 60_000);
  }

  it('an hour-based clock is overdue after its due time on the due day', () => {
    const stored = { dueOn: '2026-01-12', dueAt: '22:30', dueSoonFrom: '2026-01-05', completedOn: null, completedAt: null };
    expect(statusAsAt(stored, { date: '2026-01-12', time: '22:30' })).toBe('due_soon');
    expect(statusAsAt(stored, { date: '2026-01-12', time: '22:31' })).toBe('overdue');
    expect(statusAsAt({ ...stored, completedOn: '2026-01-12', completedAt: '23:00' }, { date: '2026-02-01' })).toBe('met_late');
  });
});
