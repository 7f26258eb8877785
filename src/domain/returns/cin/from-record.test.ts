import { describe, expect, it } from 'vitest';
import { realisticCinReturn } from '../../../../test/cin-census-samples.js';
import { type CinReturnPeriod, cinMessageFromRecord, referralInScope } from './from-record.js';
import type { CinCensusMessage } from './message.js';
import type { CinRecordReferral } from './record.js';
import { cinRecordFromMessage } from './to-record.js';

const year2025: CinReturnPeriod = { year: 2025, start: '2024-04-01', end: '2025-03-31' };
const referral = (changes: Partial<CinRecordReferral>): CinRecordReferral => ({
  id: 'r',
  personId: 'p',
  referralDate: '2024-06-01',
  referralSource: '1A',
  primaryNeed: 'N1',
  referralNfa: false,
  closedOn: null,
  closureReason: null,
  ...changes,
});

describe('which referrals are in a CIN census year', () => {
  it.each([
    ['an episode open all year', { referralDate: '2020-01-01' }, true],
    ['an episode closed on 1 April', { referralDate: '2020-01-01', closedOn: '2024-04-01', closureReason: 'RC7' }, true],
    ['an episode closed on 31 March before the year', { referralDate: '2020-01-01', closedOn: '2024-03-31', closureReason: 'RC7' }, false],
    ['a referral on 31 March', { referralDate: '2025-03-31' }, true],
    ['a referral on 1 April after the year', { referralDate: '2025-04-01' }, false],
    ['an NFA referral in the year', { referralDate: '2024-04-01', referralNfa: true }, true],
    ['an NFA referral the day before the year', { referralDate: '2024-03-31', referralNfa: true }, false],
  ] as const)('%s', (_name, changes, expected) => {
    expect(referralInScope(referral(changes), year2025)).toBe(expected);
  });
});

describe('a census file → records → the census again', () => {
  let n = 0;
  const newId = () => `id-${++n}`;
  const roundTrip = (message: CinCensusMessage, period: CinReturnPeriod) => {
    const { record, problems } = cinRecordFromMessage(message, { collectionYear: 2025, newId });
    expect(problems).toEqual([]);
    return cinMessageFromRecord(record, {
      period,
      header: message.header ?? realisticCinReturn().header!,
      initialConferenceTarget: (start) =>
        message.children.flatMap((c) => c.episodes.flatMap((e) => e.section47s)).find((s) => s.startDate === start)
          ?.initialConferenceTarget ?? start,
    });
  };

  it('gives back the same children', () => {
    expect(roundTrip(realisticCinReturn(), year2025).children).toEqual(realisticCinReturn().children);
  });

  it('writes work finished after the end of the period as still open, and leaves out work started after it', () => {
    const soFar = roundTrip(realisticCinReturn(), { ...year2025, end: '2024-09-02' });
    const first = soFar.children[0]?.episodes[0];
    expect(first).toMatchObject({ closureDate: null, reasonForClosure: null, cinPlans: [] });
    expect(first?.cpPlans[0]).toMatchObject({ endDate: null, reviewDates: ['2024-07-25'] });
    const second = soFar.children[1]?.episodes[1];
    expect(second?.assessments).toEqual([]);
    expect(soFar.children.map((c) => c.laChildId)).toEqual(['C1001', 'C1002']);
  });

  it('reports what Hearth cannot hold: two open episodes, a conference both held and not required, factors missing', () => {
    const message = realisticCinReturn();
    const child = message.children[1]!;
    child.episodes[0] = { ...child.episodes[1]!, referralDate: '2024-07-01' };
    const enquiry = child.episodes[1]!.section47s[0]!;
    enquiry.initialConferenceDate = '2024-09-20';
    message.children[3]!.episodes[0]!.assessments[0]!.factors = [];
    const { problems } = cinRecordFromMessage(message, { collectionYear: 2025, newId });
    expect(problems.map((p) => [p.laChildId, p.path, p.message])).toEqual(
      expect.arrayContaining([
        [
          'C1002',
          'Message/Children/Child[2]/CINdetails[2]/Section47[1]/ICPCnotRequired',
          'ICPCnotRequired is true but an initial conference date is given',
        ],
        [
          'C1002',
          'Message/Children/Child[2]/CINdetails[2]',
          'This episode is open while another is still open (Message/Children/Child[2]/CINdetails[1]); Hearth keeps one open at a time',
        ],
        [
          'C1004',
          'Message/Children/Child[4]/CINdetails[1]/Assessments[1]/FactorsIdentifiedAtAssessment',
          'An authorised assessment needs its factors (21 when none were identified)',
        ],
      ]),
    );
  });
});
