import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLOCK_IDS } from './clock-ids.js';
import { EVENT_KINDS } from './events.js';
import { CLOCK_RULES } from './rules.js';

interface SharedTimescale {
  amount: number;
  unit: string;
}

interface SharedClock {
  id: string;
  name: string;
  basis: string;
  confidence: string;
  source: string;
  due: SharedTimescale | null;
  repeat?: Partial<SharedTimescale> & { from: string };
  variants?: { condition: string; due: SharedTimescale }[];
  extension?: SharedTimescale & { times: number };
}

const shared = JSON.parse(readFileSync(resolve(process.cwd(), '../shared/domain/timescales.json'), 'utf8')) as {
  clocks: SharedClock[];
};

/** Recurring duties whose interval timescales.json gives in words (or not at all); written out in rules.ts. */
const REPEATS_WRITTEN_OUT = [
  'lac_visit_placed_with_parents_pre_assessment',
  'lac_visit_connected_or_ico_with_parents',
  'health_assessment_review',
  'pep_review',
  'ssw_supervision',
];

/**
 * Clocks Hearth keeps that timescales.json does not list (court work before and during care
 * proceedings; case supervision; the two stages of assessing prospective adopters).
 */
const HEARTH_ONLY_CLOCKS = ['pre_proceedings', 'care_proceedings', 'case_supervision', 'adopter_stage_one', 'adopter_stage_two'];

const ruleFor = (id: string) => {
  const rule = CLOCK_RULES.find((candidate) => candidate.id === id);
  if (!rule) throw new Error(`missing clock ${id}`);
  return rule;
};

describe('clock rule table', () => {
  it('has exactly the 42 clocks of timescales.json, with the same ids, then the Hearth-only clocks', () => {
    expect(shared.clocks).toHaveLength(42);
    const national = (ids: readonly string[]) => ids.filter((id) => !HEARTH_ONLY_CLOCKS.includes(id));
    expect(national(CLOCK_RULES.map((rule) => rule.id))).toEqual(shared.clocks.map((clock) => clock.id));
    expect(national([...CLOCK_IDS])).toEqual(shared.clocks.map((clock) => clock.id));
    for (const id of HEARTH_ONLY_CLOCKS) expect(ruleFor(id).id).toBe(id);
  });

  it.each(shared.clocks.map((clock) => [clock.id, clock] as const))('%s matches the shared data', (id, clock) => {
    const rule = ruleFor(id);
    expect({ name: rule.name, basis: rule.basis, confidence: rule.confidence, source: rule.source }).toEqual({
      name: clock.name,
      basis: clock.basis,
      confidence: clock.confidence,
      source: clock.source,
    });
    expect(rule.due).toEqual(clock.due);
    if (clock.repeat?.amount !== undefined && !REPEATS_WRITTEN_OUT.includes(id)) {
      expect(rule.repeat).toEqual({ amount: clock.repeat.amount, unit: clock.repeat.unit });
    }
    if (rule.repeat && !REPEATS_WRITTEN_OUT.includes(id)) expect(clock.repeat?.amount).toBe(rule.repeat.amount);
    for (const variant of clock.variants ?? []) {
      expect(rule.variants?.map((candidate) => candidate.due)).toContainEqual(variant.due);
    }
    if (clock.extension) {
      expect(rule.extension).toMatchObject({
        by: { amount: clock.extension.amount, unit: clock.extension.unit },
        times: clock.extension.times,
      });
    }
  });

  it('writes out a repeat interval for every recurring duty described only in words', () => {
    for (const id of REPEATS_WRITTEN_OUT) expect(ruleFor(id).repeat, id).toBeDefined();
    expect(ruleFor('lac_visit_placed_with_parents_pre_assessment').variants).toEqual([
      { when: { after: 'lac_review_held', since: 'became_looked_after' }, due: { amount: 6, unit: 'weeks' } },
    ]);
  });

  it('uses only known event kinds', () => {
    for (const rule of CLOCK_RULES) {
      const kinds = [rule.start.event, rule.start.period, ...rule.completedBy, ...(rule.endedBy ?? []), rule.extension?.event];
      for (const kind of kinds.filter((value) => value !== undefined)) {
        expect(EVENT_KINDS, `${rule.id}: ${kind}`).toContain(kind);
      }
    }
  });
});
