import { describe, expect, it } from 'vitest';
import { repeatedMissing, riskRaised } from './strategy-meeting-prompt.js';

describe('when missing episodes repeat', () => {
  const threshold = { episodes: 3, days: 90 };

  it('prompts at the third missing episode within 90 days, counting the first and last day', () => {
    const episodes = [
      { kind: 'M' as const, startedOn: '2026-01-01' },
      { kind: 'M' as const, startedOn: '2026-02-10' },
      { kind: 'M' as const, startedOn: '2026-03-31' },
    ];
    expect(repeatedMissing(episodes, '2026-03-31', threshold)).toBe(3);
    expect(repeatedMissing(episodes, '2026-04-01', threshold)).toBeNull();
    expect(repeatedMissing(episodes.slice(0, 2), '2026-02-10', threshold)).toBeNull();
  });

  it('does not count being away from placement without authorisation', () => {
    const episodes = [
      { kind: 'M' as const, startedOn: '2026-03-01' },
      { kind: 'A' as const, startedOn: '2026-03-02' },
      { kind: 'M' as const, startedOn: '2026-03-03' },
    ];
    expect(repeatedMissing(episodes, '2026-03-03', threshold)).toBeNull();
    expect(repeatedMissing(episodes, '2026-03-03', { episodes: 2, days: 7 })).toBe(2);
  });
});

describe('when exploitation risk is raised', () => {
  it('raises at a first screening only for medium or high', () => {
    expect(riskRaised(null, { sexual: 'low', criminal: 'none' })).toEqual([]);
    expect(riskRaised(null, { sexual: 'medium', criminal: 'high' })).toEqual(['sexual', 'criminal']);
  });

  it('raises when a later screening goes up to medium or high, not when it stays or goes down', () => {
    expect(riskRaised({ sexual: 'low', criminal: 'medium' }, { sexual: 'medium', criminal: 'medium' })).toEqual(['sexual']);
    expect(riskRaised({ sexual: 'high', criminal: 'low' }, { sexual: 'medium', criminal: 'low' })).toEqual([]);
    expect(riskRaised({ sexual: 'none', criminal: 'medium' }, { sexual: 'low', criminal: 'high' })).toEqual(['criminal']);
  });
});
