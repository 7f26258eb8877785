import { describe, expect, it } from 'vitest';
import { expectedOpenChildren, meanOpenDays, pathwayShares } from './episode-pathways.js';
import { pickWeighted, sharesOf } from './weighted-choice.js';

const outcomes = [
  { value: 'a', weight: 1 },
  { value: 'b', weight: 3 },
];

describe('pickWeighted', () => {
  it('gives each outcome a share of [0, 1) in proportion to its weight', () => {
    expect(pickWeighted(outcomes, 0)).toBe('a');
    expect(pickWeighted(outcomes, 0.2499)).toBe('a');
    expect(pickWeighted(outcomes, 0.25)).toBe('b');
    expect(pickWeighted(outcomes, 0.9999)).toBe('b');
  });

  it('refuses draws outside [0, 1) and empty lists', () => {
    expect(() => pickWeighted(outcomes, 1)).toThrow(RangeError);
    expect(() => pickWeighted(outcomes, -0.1)).toThrow(RangeError);
    expect(() => pickWeighted([], 0.5)).toThrow(RangeError);
  });

  it('reports shares that add up to one', () => {
    expect(sharesOf(outcomes).get('b')).toBe(0.75);
    expect([...sharesOf(pathwayShares).values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1);
  });
});

describe('children open on any day', () => {
  it('is referrals a year times the mean open time, so a large authority has about 12,000 open', () => {
    expect(expectedOpenChildren(20_000)).toBeCloseTo((20_000 * meanOpenDays()) / 365);
    expect(Math.abs(expectedOpenChildren(20_000) - 12_000)).toBeLessThan(600);
  });
});
