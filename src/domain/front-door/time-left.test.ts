import { describe, expect, it } from 'vitest';
import { createCalendar } from '../calendar/working-day-calendar.js';
import { describeTimeLeft, timeLeft } from './time-left.js';

const calendar = createCalendar();
const describe_ = (today: string, due: string) => describeTimeLeft(timeLeft(calendar, today, due), (d) => d);

describe('time left until a decision is due', () => {
  it('is due today on the due date', () => {
    expect(describe_('2026-11-25', '2026-11-25')).toBe('Due today');
  });

  it('counts working days left, over a weekend', () => {
    expect(describe_('2026-11-24', '2026-11-25')).toBe('1 working day left');
    expect(describe_('2026-11-27', '2026-11-30')).toBe('1 working day left');
    expect(describe_('2026-11-28', '2026-11-30')).toBe('1 working day left');
    expect(describe_('2026-11-23', '2026-11-25')).toBe('2 working days left');
  });

  it('counts working days overdue, skipping bank holidays', () => {
    expect(describe_('2026-11-26', '2026-11-25')).toBe('Overdue by 1 working day');
    expect(describe_('2026-11-27', '2026-11-25')).toBe('Overdue by 2 working days');
    expect(describe_('2026-12-29', '2026-12-24')).toBe('Overdue by 1 working day');
  });

  it('is overdue, with the date, on the weekend after a Friday deadline', () => {
    expect(describe_('2026-11-28', '2026-11-27')).toBe('Overdue since 2026-11-27');
    expect(describe_('2026-11-30', '2026-11-27')).toBe('Overdue by 1 working day');
  });
});
