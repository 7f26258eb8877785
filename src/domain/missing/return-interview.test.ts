import { describe, expect, it } from 'vitest';
import { offeredInTime } from './return-interview.js';

describe('return home interview offered within 72 hours', () => {
  it('counts by the clock when both times are known', () => {
    const returned = { date: '2026-03-06', time: '22:15' };
    expect(offeredInTime(returned, { date: '2026-03-09', time: '22:15' })).toBe(true);
    expect(offeredInTime(returned, { date: '2026-03-09', time: '22:16' })).toBe(false);
  });

  it('counts calendar days when a time is missing: the third day after the return is in time', () => {
    expect(offeredInTime({ date: '2026-03-06' }, { date: '2026-03-09' })).toBe(true);
    expect(offeredInTime({ date: '2026-03-06' }, { date: '2026-03-10' })).toBe(false);
    expect(offeredInTime({ date: '2026-03-06', time: '23:00' }, { date: '2026-03-09' })).toBe(true);
  });
});
