import { describe, expect, it } from 'vitest';
import { isReReferral } from './re-referral.js';

describe('re-referral within 12 months', () => {
  it('is a re-referral on the anniversary of the previous referral, and not the day after', () => {
    expect(isReReferral('2026-03-10', '2025-03-10')).toBe(true);
    expect(isReReferral('2026-03-11', '2025-03-10')).toBe(false);
    expect(isReReferral('2025-03-11', '2025-03-10')).toBe(true);
  });

  it('counts from a leap day to 28 February of the next year', () => {
    expect(isReReferral('2025-02-28', '2024-02-29')).toBe(true);
    expect(isReReferral('2025-03-01', '2024-02-29')).toBe(false);
  });

  it('does not stretch to a leap day: 28 February 2023 to 29 February 2024 is more than 12 months', () => {
    expect(isReReferral('2024-02-28', '2023-02-28')).toBe(true);
    expect(isReReferral('2024-02-29', '2023-02-28')).toBe(false);
  });

  it('is not a re-referral when there was no previous referral, or the other one came later', () => {
    expect(isReReferral('2026-03-10', null)).toBe(false);
    expect(isReReferral('2026-03-10', '2026-03-11')).toBe(false);
    expect(isReReferral('2026-03-10', '2026-03-10')).toBe(true);
  });
});
