import { describe, expect, it } from 'vitest';
import { ageInYears, describeAge } from './age.js';

describe('age', () => {
  it('counts a birthday on the day itself', () => {
    expect(ageInYears('2010-11-25', '2026-11-25')).toBe(16);
    expect(ageInYears('2010-11-26', '2026-11-25')).toBe(15);
  });
  it('treats a leap-day birthday as reached on 1 March in other years', () => {
    expect(ageInYears('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageInYears('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageInYears('2008-02-29', '2028-02-29')).toBe(20);
  });
  it('describes babies in months', () => {
    expect(describeAge('2026-01-31', '2026-11-25')).toBe('9 months');
    expect(describeAge('2026-11-01', '2026-11-25')).toBe('under 1 month');
    expect(describeAge('2025-11-25', '2026-11-25')).toBe('1 year');
  });
});
