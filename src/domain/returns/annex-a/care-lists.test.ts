import { describe, expect, it } from 'vitest';
import type { CinRecordChild } from '../cin/record.js';
import { type AnnexACareFacts, buildCareLists } from './care-lists.js';

const child = (personId: string, dateOfBirth: string): CinRecordChild => ({
  personId,
  laChildId: personId.toUpperCase(),
  upn: null,
  formerUpn: null,
  upnUnknown: null,
  dateOfBirth,
  expectedDateOfBirth: null,
  sex: 'F',
  diedOn: null,
  ethnicity: 'WBRI',
  disabilities: [],
});

const facts = (overrides: Partial<AnnexACareFacts>): AnnexACareFacts => ({
  children: [],
  allocations: [],
  periods: [],
  episodes: [],
  uasc: [],
  reviews: [],
  visits: [],
  healthAssessments: [],
  permanencePlans: [],
  missing: [],
  returnInterviews: [],
  careLeaverContacts: [],
  adoptionDecisions: [],
  adoptions: [],
  ...overrides,
});

const asOf = '2025-03-31';
const counts = (f: AnnexACareFacts) => buildCareLists(f, asOf).map((l) => [l.key, l.rows.length]);

describe('Annex A lists 8-10', () => {
  it('list 8 takes periods ceased on the first day of the 6 months, not the day before', () => {
    const period = (personId: string, endedOn: string) => ({ personId, startedOn: '2020-01-01', endedOn, reasonCeased: 'E4A' });
    const f = facts({
      children: [child('a', '2015-01-01'), child('b', '2015-01-01')],
      periods: [period('a', '2024-10-01'), period('b', '2024-09-30')],
    });
    expect(buildCareLists(f, asOf)[0]?.rows.map((r) => r[0])).toEqual(['A']);
  });

  it('list 9 stops at the 25th birthday', () => {
    const leaver = (personId: string, dateOfBirth: string) => ({
      children: [child(personId, dateOfBirth)],
      periods: [
        {
          personId,
          startedOn: `${Number(dateOfBirth.slice(0, 4)) + 15}-01-01`,
          endedOn: `${Number(dateOfBirth.slice(0, 4)) + 18}-01-01`,
          reasonCeased: 'E8',
        },
      ],
    });
    expect(counts(facts(leaver('a', '2000-04-01')))).toContainEqual(['careLeavers', 1]);
    expect(counts(facts(leaver('a', '2000-03-31')))).toContainEqual(['careLeavers', 0]);
  });

  it('list 10 takes a child waiting to be placed, and a reversal or adoption only in the 12 months', () => {
    const decision = (personId: string, reversedOn: string | null) => ({
      personId,
      decidedOn: '2023-01-01',
      reversedOn,
      reasonReversed: reversedOn ? 'RD1' : null,
    });
    const f = facts({
      children: [child('a', '2020-01-01'), child('b', '2020-01-01'), child('c', '2020-01-01'), child('d', '2020-01-01')],
      adoptionDecisions: [decision('a', null), decision('b', '2024-04-01'), decision('c', '2024-03-31')],
      adoptions: [{ personId: 'd', adoptedOn: '2024-03-31', shouldBePlacedOn: '2023-01-01', matchedOn: null }],
    });
    const adoption = buildCareLists(f, asOf)[2];
    expect(adoption?.rows.map((r) => r[0])).toEqual(['A', 'B']);
    expect(adoption?.rows[1]?.slice(13, 15)).toEqual([{ date: '2024-04-01' }, 'RD1']);
  });
});
