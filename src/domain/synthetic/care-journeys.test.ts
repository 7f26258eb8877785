import { describe, expect, it } from 'vitest';
import { addYears, ageOn, type IsoDate } from '../calendar/index.js';
import { fromDayNumber, toDayNumber } from '../calendar/iso-date.js';
import { inForceAtEndOf } from '../looked-after/care-history.js';
import { checkCareHistory } from '../looked-after/care-history-checks.js';
import { type CareJourney, type JourneyRandomness, planCareJourney } from './care-journeys.js';
import { pathwayShapes } from './episode-pathways.js';
import { legalStatusOnCensusDay, placementGroupOf, placementGroupOnCensusDay } from './looked-after.js';
import { sharesOf } from './weighted-choice.js';

/** A small seeded generator (mulberry32), so the sample is the same every run. */
function seeded(seed: number): JourneyRandomness {
  let state = seed >>> 0;
  let ids = 0;
  const unit = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { unit, id: () => `id-${++ids}` };
}

const today = '2026-11-25';
const censusDay = '2026-03-31';

/** Ten years of children coming into care at all ages, each staying as the looked-after pathway says (cut at 18). */
function sampleJourneys(count: number): CareJourney[] {
  const random = seeded(2017);
  const start = toDayNumber(addYears(today, -10));
  const journeys: CareJourney[] = [];
  for (let n = 0; n < count; n++) {
    const startedOn = fromDayNumber(start + Math.floor(random.unit() * 3650));
    const dateOfBirth = fromDayNumber(toDayNumber(startedOn) - Math.floor(random.unit() * 17.9 * 365));
    const { from, to } = pathwayShapes.looked_after.openDays;
    let end = toDayNumber(startedOn) + from + Math.floor(random.unit() * (to - from));
    const eighteenth = toDayNumber(addYears(dateOfBirth, 18));
    const endsAt18 = eighteenth <= end;
    if (endsAt18) end = eighteenth;
    const endedOn: IsoDate | null = end > toDayNumber(today) ? null : fromDayNumber(end);
    journeys.push(
      planCareJourney(random, { dateOfBirth, referredOn: fromDayNumber(toDayNumber(startedOn) - 40), startedOn, endedOn, endsAt18, today }),
    );
  }
  return journeys;
}

function sharesOnCensusDay(journeys: CareJourney[], key: (j: CareJourney) => string | undefined) {
  const values = journeys.flatMap((j) => {
    const [period] = j.history.periods;
    if (!period || !inForceAtEndOf(period, censusDay)) return [];
    const value = key(j);
    return value ? [value] : [];
  });
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return { n: values.length, share: (v: string) => (counts.get(v) ?? 0) / values.length };
}

describe('planned care journeys', () => {
  const journeys = sampleJourneys(6000);

  it('are care histories Hearth accepts', () => {
    const refused = journeys.filter((j) => checkCareHistory(j.history).length > 0);
    expect(refused.map((j) => checkCareHistory(j.history))).toEqual([]);
  });

  it('give the national legal statuses of children in care on 31 March, within 5 points', () => {
    const shares = sharesOnCensusDay(journeys, (j) => j.history.legalStatuses.find((s) => inForceAtEndOf(s, censusDay))?.legalStatus);
    expect(shares.n).toBeGreaterThan(1000);
    for (const [code, target] of sharesOf(legalStatusOnCensusDay)) expect(Math.abs(shares.share(code) - target), code).toBeLessThan(0.05);
  });

  it('give the national placement groups of children in care on 31 March, within 5 points', () => {
    const shares = sharesOnCensusDay(journeys, (j) => {
      const placement = j.history.placements.find((p) => inForceAtEndOf(p, censusDay));
      return placement ? placementGroupOf(placement.placementType) : undefined;
    });
    for (const [group, target] of sharesOf(placementGroupOnCensusDay))
      expect(Math.abs(shares.share(group) - target), group).toBeLessThan(0.05);
  });

  it('has some children moving three or more times in a year', () => {
    const movers = journeys.filter((j) =>
      j.history.placements.some((p) => {
        const yearOn = fromDayNumber(toDayNumber(p.startedOn) + 365);
        return j.history.placements.filter((q) => q.startedOn > p.startedOn && q.startedOn <= yearOn).length >= 3;
      }),
    );
    expect(movers.length / journeys.length).toBeGreaterThan(0.03);
  });

  it('ends most care proceedings within 26 weeks, and some later', () => {
    const weeks = journeys.flatMap((j) =>
      j.proceedings?.concludedOn && j.proceedings.finalOrder
        ? [(toDayNumber(j.proceedings.concludedOn) - toDayNumber(j.proceedings.issuedOn)) / 7]
        : [],
    );
    const within = weeks.filter((w) => w <= 26).length / weeks.length;
    expect(within).toBeGreaterThan(0.5);
    expect(within).toBeLessThan(0.85);
  });

  it('places only young people of 16 or over in supported accommodation', () => {
    for (const j of journeys)
      for (const p of j.history.placements)
        if (p.placementType === 'K3' || p.placementType === 'H5')
          expect(ageOn(j.history.dateOfBirth as string, p.startedOn)).toBeGreaterThanOrEqual(16);
  });
});
