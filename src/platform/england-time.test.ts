import { describe, expect, it } from 'vitest';
import { dateAndTimeInEngland, instantInEngland } from './england-time.js';

describe('dates and times in England', () => {
  it('reads winter times as GMT and summer times as BST', () => {
    expect(instantInEngland('2026-01-15', '09:30').toISOString()).toBe('2026-01-15T09:30:00.000Z');
    expect(instantInEngland('2026-07-15', '09:30').toISOString()).toBe('2026-07-15T08:30:00.000Z');
  });

  it('round-trips either side of midnight', () => {
    expect(dateAndTimeInEngland(new Date('2026-07-14T23:30:00Z'))).toEqual({ date: '2026-07-15', time: '00:30' });
    expect(dateAndTimeInEngland(instantInEngland('2026-11-24', '23:59'))).toEqual({ date: '2026-11-24', time: '23:59' });
  });
});
