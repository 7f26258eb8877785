import { describe, expect, it } from 'vitest';
import { createCalendar } from '../calendar/working-day-calendar.js';
import { handoverDayFor, nightOf } from './night.js';

const calendar = createCalendar();

describe('the out-of-hours night and the handover day', () => {
  it('puts a call before 09:00 on the night before, and from 09:00 on that day', () => {
    expect(nightOf('2026-11-24', '08:59')).toBe('2026-11-23');
    expect(nightOf('2026-11-24', '00:00')).toBe('2026-11-23');
    expect(nightOf('2026-11-24', '09:00')).toBe('2026-11-24');
    expect(nightOf('2026-11-24', '23:59')).toBe('2026-11-24');
  });

  it('hands a weeknight over to the next morning', () => {
    expect(handoverDayFor(calendar, nightOf('2026-11-24', '02:00'))).toBe('2026-11-24');
    expect(handoverDayFor(calendar, nightOf('2026-11-24', '18:00'))).toBe('2026-11-25');
  });

  it('hands Friday night and the weekend over to Monday', () => {
    expect(handoverDayFor(calendar, nightOf('2026-11-27', '22:00'))).toBe('2026-11-30');
    expect(handoverDayFor(calendar, nightOf('2026-11-28', '14:00'))).toBe('2026-11-30');
    expect(handoverDayFor(calendar, nightOf('2026-11-30', '08:30'))).toBe('2026-11-30');
  });

  it('skips Christmas and Boxing Day', () => {
    expect(handoverDayFor(calendar, nightOf('2026-12-24', '20:00'))).toBe('2026-12-29');
  });
});
