import { describe, expect, it } from 'vitest';
import {
  assessmentFactorPrevalence,
  assessmentsWithin45WorkingDays,
  assessmentWorkingDays,
  expectedFactorShare,
  factorsIdentified,
} from './assessment-shares.js';
import { categoriesOfAbuse, planLengthDays } from './child-protection-shares.js';
import { pathwayShares } from './episode-pathways.js';
import { primaryNeeds, primaryNeedsFor, referralSources } from './referral-shares.js';
import { pickWeighted, sharesOf, type Weighted } from './weighted-choice.js';

/** A seeded uniform stream (mulberry32), so the samples are the same every run. */
function uniforms(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const n = 40_000;
/** Within four standard errors (plus half a point) of the target share. */
const near = (observed: number, target: number) => Math.abs(observed - target) <= 4 * Math.sqrt((target * (1 - target)) / n) + 0.005;

function sampleShares<T>(outcomes: readonly Weighted<T>[], u: () => number): Map<T, number> {
  const counts = new Map<T, number>();
  for (let i = 0; i < n; i++) {
    const value = pickWeighted(outcomes, u());
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return new Map([...counts].map(([value, count]) => [value, count / n]));
}

function offTarget<T>(observed: Map<T, number>, targets: Map<T, number>) {
  return [...targets].filter(([value, target]) => !near(observed.get(value) ?? 0, target)).map(([value]) => value);
}

describe('the casework shares of a synthetic authority', () => {
  it('draws referral sources and categories of abuse at their national shares', () => {
    const u = uniforms(1);
    expect(offTarget(sampleShares(referralSources, u), sharesOf(referralSources))).toEqual([]);
    expect(offTarget(sampleShares(categoriesOfAbuse, u), sharesOf(categoriesOfAbuse))).toEqual([]);
  });

  it('gives each pathway a primary need that fits it, and the whole authority the national mix', () => {
    expect(primaryNeedsFor('disabled_child')).toEqual([{ value: 'N2', weight: 1 }]);
    expect(primaryNeedsFor('child_protection')).toEqual([{ value: 'N1', weight: 1 }]);
    const u = uniforms(2);
    const counts = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const need = pickWeighted(primaryNeedsFor(pickWeighted(pathwayShares, u())), u());
      counts.set(need, (counts.get(need) ?? 0) + 1);
    }
    const observed = new Map([...counts].map(([need, count]) => [need, count / n]));
    expect(offTarget(observed, sharesOf(primaryNeeds))).toEqual([]);
  });

  it('authorises assessments as the national figures say: median 33 working days, 85.7% within 45', () => {
    const u = uniforms(3);
    const days = Array.from({ length: n }, () => {
      const band = pickWeighted(assessmentWorkingDays, u());
      return band.from + Math.floor(u() * (band.to - band.from + 1));
    }).sort((a, b) => a - b);
    expect(near(days.filter((d) => d <= 45).length / n, assessmentsWithin45WorkingDays)).toBe(true);
    expect(Math.abs((days[n / 2] as number) - 33)).toBeLessThanOrEqual(1);
    expect(Math.abs((days[n / 4] as number) - 17)).toBeLessThanOrEqual(1);
    expect(Math.abs((days[(3 * n) / 4] as number) - 43)).toBeLessThanOrEqual(1);
  });

  it('finds each factor at assessment at its share, and "no factors" only alone and only where allowed', () => {
    const u = uniforms(4);
    const found = Array.from({ length: n }, () => factorsIdentified(u, false));
    expect(found.every((factors) => factors.length > 0 && !factors.includes('21'))).toBe(true);
    const off = assessmentFactorPrevalence
      .map((f) => f.code)
      .filter((code) => !near(found.filter((factors) => factors.includes(code)).length / n, expectedFactorShare(code)));
    expect(off).toEqual([]);
    const mayFindNone = Array.from({ length: 2_000 }, () => factorsIdentified(u, true));
    expect(mayFindNone.some((factors) => factors.length === 1 && factors[0] === '21')).toBe(true);
    expect(mayFindNone.every((factors) => !factors.includes('21') || factors.length === 1)).toBe(true);
  });

  it('ends child protection plans after the national spread of lengths', () => {
    const shares = sharesOf(planLengthDays);
    const withinAYear = [...shares].filter(([band]) => band.to <= 365).reduce((sum, [, share]) => sum + share, 0);
    expect(withinAYear).toBeCloseTo(0.159 + 0.11 + 0.435, 2);
  });
});
