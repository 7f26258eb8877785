import { describe, expect, it } from 'vitest';
import type { CareHistory, LegalStatusSpell, PeriodOfCare, PlacementSpell } from './care-history.js';
import { collectionYearOf, deriveEpisodes, episodesInCollectionYear } from './episodes.js';

const period = (id: string, startedOn: string, endedOn: string | null = null, reasonCeased: string | null = null): PeriodOfCare => ({
  id,
  startedOn,
  endedOn,
  reasonCeased,
  categoryOfNeed: 'N1',
  homePostcode: 'LS1 4AP',
});
const status = (
  id: string,
  periodOfCareId: string,
  legalStatus: string,
  startedOn: string,
  endedOn: string | null = null,
): LegalStatusSpell => ({
  id,
  periodOfCareId,
  legalStatus,
  startedOn,
  endedOn,
});
const placement = (
  id: string,
  periodOfCareId: string,
  startedOn: string,
  endedOn: string | null = null,
  more: Partial<PlacementSpell> = {},
): PlacementSpell => ({
  id,
  periodOfCareId,
  placementType: 'U6',
  provider: 'PR1',
  postcode: 'LS2 7HY',
  urn: null,
  carerName: `Carer of ${id}`,
  startedOn,
  endedOn,
  reasonForChange: null,
  ...more,
});
const history = (h: Omit<CareHistory, 'dateOfBirth'>): CareHistory => ({ dateOfBirth: '2012-03-01', ...h });
const summary = (h: CareHistory) =>
  deriveEpisodes(h).map((e) => [
    e.startedOn,
    e.reasonNewEpisode,
    e.legalStatus,
    e.placementId,
    e.endedOn,
    e.reasonCeased,
    e.reasonPlacementChange,
  ]);

describe('SSDA903 episodes from legal statuses and placements', () => {
  it('gives one open episode, RNE S, for a child who became looked after and has not moved', () => {
    const h = history({
      periods: [period('p', '2024-05-01')],
      legalStatuses: [status('v2', 'p', 'V2', '2024-05-01')],
      placements: [placement('a', 'p', '2024-05-01')],
    });
    expect(summary(h)).toEqual([['2024-05-01', 'S', 'V2', 'a', null, null, null]]);
    expect(deriveEpisodes(h)[0]).toMatchObject({
      categoryOfNeed: 'N1',
      homePostcode: 'LS1 4AP',
      placementPostcode: 'LS2 7HY',
      provider: 'PR1',
    });
  });

  it('starts an L episode when only the legal status changes, with no reason for placement change', () => {
    const h = history({
      periods: [period('p', '2024-05-01')],
      legalStatuses: [status('v2', 'p', 'V2', '2024-05-01', '2024-07-15'), status('c1', 'p', 'C1', '2024-07-15')],
      placements: [placement('a', 'p', '2024-05-01', null, { reasonForChange: 'CARPL' })],
    });
    expect(summary(h)).toEqual([
      ['2024-05-01', 'S', 'V2', 'a', '2024-07-15', 'X1', null],
      ['2024-07-15', 'L', 'C1', 'a', null, null, null],
    ]);
  });

  it('starts a P episode for a move to a new carer and puts the reason for the move on the episode that ends', () => {
    const h = history({
      periods: [period('p', '2024-05-01')],
      legalStatuses: [status('c1', 'p', 'C1', '2024-05-01')],
      placements: [placement('a', 'p', '2024-05-01', '2024-06-20', { reasonForChange: 'CREQB' }), placement('b', 'p', '2024-06-20')],
    });
    expect(summary(h)).toEqual([
      ['2024-05-01', 'S', 'C1', 'a', '2024-06-20', 'X1', 'CREQB'],
      ['2024-06-20', 'P', 'C1', 'b', null, null, null],
    ]);
  });

  it('starts a T episode when the placement changes but the carer stays the same (names compared without case or spacing)', () => {
    const h = history({
      periods: [period('p', '2024-05-01')],
      legalStatuses: [status('c2', 'p', 'C2', '2024-05-01')],
      placements: [
        placement('a', 'p', '2024-05-01', '2024-09-01', { carerName: 'Mr and Mrs Patel', placementType: 'U6', reasonForChange: 'PLACE' }),
        placement('b', 'p', '2024-09-01', null, { carerName: ' mr and  mrs patel ', placementType: 'U4' }),
      ],
    });
    expect(summary(h).map((e) => e[1])).toEqual(['S', 'T']);
    expect(summary(h)[0]?.[6]).toBe('PLACE');
  });

  it('makes one B episode when the placement (new carer) and the legal status change on the same day', () => {
    const h = history({
      periods: [period('p', '2024-05-01')],
      legalStatuses: [status('c1', 'p', 'C1', '2024-05-01', '2024-11-04'), status('e1', 'p', 'E1', '2024-11-04')],
      placements: [
        placement('a', 'p', '2024-05-01', '2024-11-04', { reasonForChange: 'CARPL' }),
        placement('b', 'p', '2024-11-04', null, { placementType: 'A6' }),
      ],
    });
    expect(summary(h)).toEqual([
      ['2024-05-01', 'S', 'C1', 'a', '2024-11-04', 'X1', 'CARPL'],
      ['2024-11-04', 'B', 'E1', 'b', null, null, null],
    ]);
  });

  it('makes one U episode when the legal status and placement change on one day with the same carer', () => {
    const h = history({
      periods: [period('p', '2024-05-01')],
      legalStatuses: [status('c2', 'p', 'C2', '2024-05-01', '2025-01-10'), status('e1', 'p', 'E1', '2025-01-10')],
      placements: [
        placement('a', 'p', '2024-05-01', '2025-01-10', { carerName: 'The Greens', reasonForChange: 'CARPL' }),
        placement('b', 'p', '2025-01-10', null, { carerName: 'The Greens', placementType: 'A5', provider: 'PR1' }),
      ],
    });
    expect(summary(h).map((e) => e[1])).toEqual(['S', 'U']);
  });

  it('counts only what is in force at the end of a day when several changes happen on one day', () => {
    const h = history({
      periods: [period('p', '2024-05-01')],
      legalStatuses: [
        status('l1', 'p', 'L1', '2024-05-01', '2024-05-01'),
        status('l2', 'p', 'L2', '2024-05-01', '2024-05-06'),
        status('c1', 'p', 'C1', '2024-05-06'),
      ],
      placements: [
        placement('a', 'p', '2024-05-01', '2024-06-10', { reasonForChange: 'ALLEG' }),
        placement('emergency', 'p', '2024-06-10', '2024-06-10', { reasonForChange: 'OTHER' }),
        placement('c', 'p', '2024-06-10'),
      ],
    });
    expect(summary(h)).toEqual([
      ['2024-05-01', 'S', 'L2', 'a', '2024-05-06', 'X1', null],
      ['2024-05-06', 'L', 'C1', 'a', '2024-06-10', 'X1', 'ALLEG'],
      ['2024-06-10', 'P', 'C1', 'c', null, null, null],
    ]);
  });

  it('gives no reason for placement change when the episode ending is a temporary placement', () => {
    const h = history({
      periods: [period('p', '2024-05-01')],
      legalStatuses: [status('c2', 'p', 'C2', '2024-05-01')],
      placements: [
        placement('home', 'p', '2024-05-01', '2024-08-01', { reasonForChange: 'OTHER' }),
        placement('hospital', 'p', '2024-08-01', '2024-08-09', { placementType: 'T1', provider: null, reasonForChange: 'OTHER' }),
        placement('back', 'p', '2024-08-09', null, { carerName: 'Carer of home' }),
      ],
    });
    expect(summary(h).map((e) => [e[1], e[6]])).toEqual([
      ['S', 'OTHER'],
      ['P', null],
      ['P', null],
    ]);
  });

  it('ends the last episode with the period of care and starts the next period with RNE S', () => {
    const h = history({
      periods: [period('first', '2023-02-01', '2023-09-30', 'E4A'), period('second', '2024-01-15')],
      legalStatuses: [status('v2', 'first', 'V2', '2023-02-01', '2023-09-30'), status('c1', 'second', 'C1', '2024-01-15')],
      placements: [
        placement('a', 'first', '2023-02-01', '2023-06-01', { reasonForChange: 'CHILD' }),
        placement('b', 'first', '2023-06-01', '2023-09-30', { reasonForChange: 'CARPL' }),
        placement('c', 'second', '2024-01-15'),
      ],
    });
    expect(summary(h)).toEqual([
      ['2023-02-01', 'S', 'V2', 'a', '2023-06-01', 'X1', 'CHILD'],
      ['2023-06-01', 'P', 'V2', 'b', '2023-09-30', 'E4A', null],
      ['2024-01-15', 'S', 'C1', 'c', null, null, null],
    ]);
  });

  it('shows an episode that ends after 31 March as open in that collection year, and ended in the next', () => {
    const h = history({
      periods: [period('p', '2024-05-01', '2025-04-20', 'E41')],
      legalStatuses: [status('c1', 'p', 'C1', '2024-05-01', '2025-04-20')],
      placements: [placement('a', 'p', '2024-05-01', '2025-04-20', { reasonForChange: 'CARPL' })],
    });
    const episodes = deriveEpisodes(h);
    expect(episodesInCollectionYear(episodes, 2025)).toEqual([
      expect.objectContaining({ startedOn: '2024-05-01', endedOn: null, reasonCeased: null }),
    ]);
    expect(episodesInCollectionYear(episodes, 2026)).toEqual([expect.objectContaining({ endedOn: '2025-04-20', reasonCeased: 'E41' })]);
    expect(episodesInCollectionYear(episodes, 2024)).toEqual([]);
  });

  it('includes an episode that ends on 1 April in the year that starts that day, and one that starts on 31 March in the year ending then', () => {
    const h = history({
      periods: [period('p', '2025-03-31', '2025-04-01', 'E4A')],
      legalStatuses: [status('v2', 'p', 'V2', '2025-03-31', '2025-04-01')],
      placements: [placement('a', 'p', '2025-03-31', '2025-04-01')],
    });
    const episodes = deriveEpisodes(h);
    expect(episodesInCollectionYear(episodes, 2025)).toHaveLength(1);
    expect(episodesInCollectionYear(episodes, 2026)).toHaveLength(1);
  });

  it('knows the collection year of a date: 1 April starts the next one', () => {
    expect(collectionYearOf('2025-03-31')).toBe(2025);
    expect(collectionYearOf('2025-04-01')).toBe(2026);
  });
});
