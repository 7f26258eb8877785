import { describe, expect, it } from 'vitest';
import type { CareHistory, PlacementSpell } from './care-history.js';
import { checkCareHistory, checkPlacementDetails, placementTypeValidOn } from './care-history-checks.js';

const basePlacement: PlacementSpell = {
  id: 'a',
  periodOfCareId: 'p',
  placementType: 'U6',
  provider: 'PR1',
  postcode: 'LS2 7HY',
  urn: null,
  carerName: 'The Greens',
  startedOn: '2024-05-01',
  endedOn: null,
  reasonForChange: null,
};
const valid: CareHistory = {
  dateOfBirth: '2012-03-01',
  periods: [{ id: 'p', startedOn: '2024-05-01', endedOn: null, reasonCeased: null, categoryOfNeed: 'N1', homePostcode: null }],
  legalStatuses: [{ id: 'ls', periodOfCareId: 'p', legalStatus: 'C1', startedOn: '2024-05-01', endedOn: null }],
  placements: [basePlacement],
};
const messages = (h: CareHistory) => checkCareHistory(h).map((p) => p.message);

describe('checking a care history before it is saved', () => {
  it('accepts a simple open period of care', () => {
    expect(checkCareHistory(valid)).toEqual([]);
  });

  it('refuses overlapping placements', () => {
    expect(
      messages({
        ...valid,
        placements: [
          { ...basePlacement, endedOn: '2024-07-01' },
          { ...basePlacement, id: 'b', startedOn: '2024-06-01' },
        ],
      }),
    ).toContain('Two placements cannot overlap');
  });

  it('accepts a placement that starts the day the last one ended, and a same-day placement', () => {
    expect(
      checkCareHistory({
        ...valid,
        placements: [
          { ...basePlacement, endedOn: '2024-07-01' },
          { ...basePlacement, id: 'b', startedOn: '2024-07-01', endedOn: '2024-07-01' },
          { ...basePlacement, id: 'c', startedOn: '2024-07-01' },
        ],
      }),
    ).toEqual([]);
  });

  it('refuses an end before a start', () => {
    expect(messages({ ...valid, placements: [{ ...basePlacement, endedOn: '2024-04-30' }] })).toContain(
      'An end date cannot be before its start date',
    );
    expect(
      messages({
        ...valid,
        periods: [{ ...(valid.periods[0] as CareHistory['periods'][number]), endedOn: '2024-05-01', reasonCeased: 'E4A' }],
      }),
    ).toContain('The date care ended must be after the date it started');
  });

  it('refuses a gap in legal status or placement while the child is looked after', () => {
    expect(messages({ ...valid, placements: [{ ...basePlacement, endedOn: '2024-06-01' }] })).toContain(
      'The child must have a placement for every day they are looked after',
    );
    expect(
      messages({ ...valid, legalStatuses: [{ id: 'ls', periodOfCareId: 'p', legalStatus: 'C1', startedOn: '2024-05-03', endedOn: null }] }),
    ).toEqual(expect.arrayContaining(['The child must have a legal status for every day they are looked after']));
  });

  it('refuses a new period of care that starts on or before the day the previous one ended', () => {
    const ended = {
      id: 'p',
      startedOn: '2024-05-01',
      endedOn: '2024-08-01',
      reasonCeased: 'E4A',
      categoryOfNeed: 'N1',
      homePostcode: null,
    };
    const history = (secondStart: string): CareHistory => ({
      dateOfBirth: '2012-03-01',
      periods: [ended, { ...ended, id: 'q', startedOn: secondStart, endedOn: null, reasonCeased: null }],
      legalStatuses: [
        { id: 'ls', periodOfCareId: 'p', legalStatus: 'V2', startedOn: '2024-05-01', endedOn: '2024-08-01' },
        { id: 'ls2', periodOfCareId: 'q', legalStatus: 'V2', startedOn: secondStart, endedOn: null },
      ],
      placements: [
        { ...basePlacement, endedOn: '2024-08-01' },
        { ...basePlacement, id: 'b', periodOfCareId: 'q', startedOn: secondStart },
      ],
    });
    expect(messages(history('2024-08-01'))).toContain('A new period of care must start after the previous one ended');
    expect(checkCareHistory(history('2024-08-02'))).toEqual([]);
  });

  it('refuses unknown codes and X1 as the reason care ended', () => {
    expect(
      messages({ ...valid, legalStatuses: [{ ...(valid.legalStatuses[0] as CareHistory['legalStatuses'][number]), legalStatus: 'C9' }] }),
    ).toContain('Select a legal status from the list');
    expect(messages({ ...valid, periods: [{ ...(valid.periods[0] as CareHistory['periods'][number]), categoryOfNeed: 'N9' }] })).toContain(
      'Select the category of need (N1 to N8)',
    );
    expect(
      messages({
        ...valid,
        periods: [{ ...(valid.periods[0] as CareHistory['periods'][number]), endedOn: '2024-09-01', reasonCeased: 'X1' }],
        legalStatuses: [{ id: 'ls', periodOfCareId: 'p', legalStatus: 'C1', startedOn: '2024-05-01', endedOn: '2024-09-01' }],
        placements: [{ ...basePlacement, endedOn: '2024-09-01' }],
      }),
    ).toContain('Select why the child stopped being looked after');
  });

  it('refuses a period of care that starts with a temporary placement, or before birth, or at 18', () => {
    expect(messages({ ...valid, placements: [{ ...basePlacement, placementType: 'T1', provider: null }] })).toContain(
      'A period of care cannot start with a temporary placement',
    );
    expect(messages({ ...valid, dateOfBirth: '2024-06-01' })).toContain('A child cannot become looked after before they were born');
    expect(messages({ ...valid, dateOfBirth: '2006-05-01' })).toContain('A young person cannot start to be looked after at 18 or over');
    expect(checkCareHistory({ ...valid, dateOfBirth: '2006-05-02' })).toEqual([]);
  });
});

describe('placement details', () => {
  it('needs a provider except for temporary and Z placements, and PR0 only with P1', () => {
    expect(checkPlacementDetails({ ...basePlacement, provider: null }).map((p) => p.field)).toEqual(['provider']);
    expect(checkPlacementDetails({ ...basePlacement, placementType: 'T2', provider: 'PR1' }).map((p) => p.field)).toEqual(['provider']);
    expect(checkPlacementDetails({ ...basePlacement, placementType: 'T4', provider: 'PR4' })).toEqual([]);
    expect(checkPlacementDetails({ ...basePlacement, placementType: 'P1', provider: 'PR0' })).toEqual([]);
    expect(checkPlacementDetails({ ...basePlacement, placementType: 'U6', provider: 'PR0' }).map((p) => p.field)).toEqual(['provider']);
  });

  it('checks the postcode and the Ofsted URN', () => {
    expect(checkPlacementDetails({ ...basePlacement, postcode: 'not a postcode', urn: 'SC12345' }).map((p) => p.field)).toEqual([
      'postcode',
      'urn',
    ]);
    expect(checkPlacementDetails({ ...basePlacement, urn: 'SC123456' })).toEqual([]);
    expect(checkPlacementDetails({ ...basePlacement, urn: 'XXXXXXX' })).toEqual([]);
  });

  it('knows which placement types are in use on a date (K3 from 2024-25, Z11 from 2025-26, H5 until 2024-25)', () => {
    expect(placementTypeValidOn('K3', '2024-03-31')).toBe(false);
    expect(placementTypeValidOn('K3', '2024-04-01')).toBe(true);
    expect(placementTypeValidOn('H5', '2025-03-31')).toBe(true);
    expect(placementTypeValidOn('H5', '2025-04-01')).toBe(false);
    expect(placementTypeValidOn('Z11', '2025-04-01')).toBe(true);
    expect(placementTypeValidOn('Z11', '2025-03-31')).toBe(false);
    expect(placementTypeValidOn('XX', '2025-03-31')).toBe(false);
  });
});
