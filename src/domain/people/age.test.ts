import { describe, expect, it } from 'vitest';
import { describeAge } from './age.js';

describe('age', () => {
  it('describes babies in months', () => {
    expect(describeAge('2026-01-31', '2026-11-25')).toBe('9 months');
    expect(describeAge('2026-11-01', '2026-11-25')).toBe('under 1 month');
    expect(describeAge('2025-11-25', '2026-11-25')).toBe('1 year');
    expect(describeAge('2008-02-29', '2026-03-01')).toBe('18 years');
    expect(describeAge('2008-02-29', '2026-02-28')).toBe('17 years');
  });
});
