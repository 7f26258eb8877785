import { describe, expect, it } from 'vitest';
import type { CareEpisode } from '../../looked-after/episodes.js';
import { type ChildForReturn, careLeaverBirthdayInYear, contactForBirthday, filesHearthWrites, returnFromRecord } from './from-record.js';

const episode = (over: Partial<CareEpisode>): CareEpisode => ({
  periodOfCareId: 'p1',
  legalStatusId: 'ls1',
  placementId: 'pl1',
  startedOn: '2024-06-01',
  reasonNewEpisode: 'S',
  legalStatus: 'V2',
  categoryOfNeed: 'N1',
  placementType: 'U6',
  provider: 'PR1',
  endedOn: null,
  reasonCeased: null,
  reasonPlacementChange: null,
  homePostcode: 'LS1 4AP',
  placementPostcode: 'LS2 7HY',
  urn: 'SC123456',
  ...over,
});

const child = (over: Partial<ChildForReturn>): ChildForReturn => ({
  laChildId: 'A1',
  sex: 'F',
  dateOfBirth: '2012-05-14',
  ethnicity: 'WBRI',
  upn: null,
  upnUnknown: null,
  motherhood: null,
  periods: [{ startedOn: '2024-06-01', endedOn: null, reasonCeased: null }],
  episodes: [episode({})],
  reviews: [],
  missing: [],
  uasc: [],
  careLeaverContacts: [],
  adoptionDecisions: [],
  adoptions: [],
  previousPermanence: [],
  outcomes: [],
  socialWorkers: [],
  ...over,
});

const ids = (r: ReturnType<typeof returnFromRecord>) => r.header?.rows.map((row) => row.record.CHILD);

describe('the return from Hearth’s record', () => {
  it('writes every file of the year but DoLOs, which Hearth does not record: social worker episodes from 2023-24', () => {
    expect(filesHearthWrites(2023)).toEqual([
      'header',
      'episodes',
      'reviews',
      'uasc',
      'oc2',
      'oc3',
      'ad1',
      'placedAdoption',
      'prevPerm',
      'missing',
    ]);
    expect(filesHearthWrites(2024)).toEqual([...filesHearthWrites(2023), 'swEpisodes']);
    expect(filesHearthWrites(2027)).toEqual(filesHearthWrites(2024));
  });

  it('writes social worker episodes for a child looked after at 31 March, not for one who left care or is on short breaks', () => {
    const socialWorkers = [
      { startedOn: '2024-05-20', endedOn: '2024-09-02', staffId: 'a', registrationNumber: 'SW10001', changeReason: 'FCONTA' },
      { startedOn: '2024-09-02', endedOn: null, staffId: 'b', registrationNumber: null, changeReason: 'LEFTRL' },
    ];
    const left = child({
      laChildId: 'L',
      socialWorkers,
      periods: [{ startedOn: '2024-06-01', endedOn: '2025-01-10', reasonCeased: 'E4A' }],
      episodes: [episode({ endedOn: '2025-01-10', reasonCeased: 'E4A' })],
    });
    const shortBreaks = child({ laChildId: 'S', socialWorkers, episodes: [episode({ legalStatus: 'V3' })] });
    const r = returnFromRecord([child({ socialWorkers }), left, shortBreaks], 2025);
    expect(r.swEpisodes?.rows).toEqual([
      {
        line: 2,
        record: { CHILD: 'A1', DOB: '14/05/2012', SW_ID: 'SW10001', SW_DECOM: '20/05/2024', SW_DEC: '02/09/2024', SW_REASON: 'FCONTA' },
      },
      { line: 3, record: { CHILD: 'A1', DOB: '14/05/2012', SW_ID: 'XXXXXX', SW_DECOM: '02/09/2024', SW_DEC: '', SW_REASON: 'LEFTRL' } },
    ]);
    expect(returnFromRecord([child({ socialWorkers })], 2023).swEpisodes).toBeUndefined();
  });

  it('includes a child looked after on any day of the year, and no child whose care ended the day before it began', () => {
    const endedBefore = child({
      laChildId: 'B',
      periods: [{ startedOn: '2023-01-01', endedOn: '2024-03-31', reasonCeased: 'E4A' }],
      episodes: [episode({ startedOn: '2023-01-01', endedOn: '2024-03-31', reasonCeased: 'E4A' })],
    });
    const endedOnFirstDay = child({
      laChildId: 'C',
      periods: [{ startedOn: '2023-01-01', endedOn: '2024-04-01', reasonCeased: 'E4A' }],
      episodes: [episode({ startedOn: '2023-01-01', endedOn: '2024-04-01', reasonCeased: 'E4A' })],
    });
    const startsOnLastDay = child({
      laChildId: 'D',
      episodes: [episode({ startedOn: '2025-03-31' })],
      periods: [{ startedOn: '2025-03-31', endedOn: null, reasonCeased: null }],
    });
    const startsAfter = child({
      laChildId: 'E',
      episodes: [episode({ startedOn: '2025-04-01' })],
      periods: [{ startedOn: '2025-04-01', endedOn: null, reasonCeased: null }],
    });
    expect(ids(returnFromRecord([startsAfter, startsOnLastDay, endedOnFirstDay, endedBefore], 2025))).toEqual(['C', 'D']);
  });

  it('shows an episode that ends after 31 March as open at the year end, without its reason for ending', () => {
    const r = returnFromRecord(
      [child({ episodes: [episode({ endedOn: '2025-04-10', reasonCeased: 'X1', reasonPlacementChange: 'CARPL' })] })],
      2025,
    );
    expect(r.episodes?.rows[0]?.record).toMatchObject({ DECOM: '01/06/2024', DEC: '', REC: '', REASON_PLACE_CHANGE: '' });
    expect(r.episodes?.rows[0]?.line).toBe(2);
  });

  it('writes sex as M/F/U from 2024-25 and as 1/2 before, with MOTHER only for girls', () => {
    const girl = child({ motherhood: { isMother: true, firstChildBornOn: '2023-02-01' } });
    const boy = child({ laChildId: 'A2', sex: 'M', motherhood: { isMother: false, firstChildBornOn: null } });
    const now = returnFromRecord([girl, boy], 2025).header?.rows.map((r) => [r.record.SEX, r.record.MOTHER, r.record.MC_DOB]);
    expect(now).toEqual([
      ['F', '1', '01/02/2023'],
      ['M', '', ''],
    ]);
    const earlier = [girl, boy].map((c) => ({ ...c, episodes: [episode({ startedOn: '2023-06-01' })] }));
    expect(returnFromRecord(earlier, 2024).header?.rows.map((r) => r.record.SEX)).toEqual(['2', '1']);
  });

  it('puts a child in OC2 when looked after for 12 months at 31 March, not a day less', () => {
    const twelveMonths = child({
      periods: [{ startedOn: '2024-03-31', endedOn: null, reasonCeased: null }],
      episodes: [episode({ startedOn: '2024-03-31' })],
    });
    const dayShort = child({
      laChildId: 'A2',
      periods: [{ startedOn: '2024-04-01', endedOn: null, reasonCeased: null }],
      episodes: [episode({ startedOn: '2024-04-01' })],
    });
    const r = returnFromRecord([twelveMonths, dayShort], 2025);
    expect(r.oc2?.rows.map((row) => row.record.CHILD)).toEqual(['A1']);
  });

  it('lists reviews and missing episodes in the year; a return after 31 March is left blank', () => {
    const r = returnFromRecord(
      [
        child({
          reviews: [
            { heldOn: '2024-03-31', participation: 'PN1' },
            { heldOn: '2024-07-01', participation: 'PN2' },
          ],
          missing: [
            { kind: 'M', startedOn: '2025-03-30', returnedOn: '2025-04-02' },
            { kind: 'A', startedOn: '2024-03-01', returnedOn: '2024-03-02' },
          ],
        }),
      ],
      2025,
    );
    expect(r.reviews?.rows.map((row) => row.record.REVIEW)).toEqual(['01/07/2024']);
    expect(r.missing?.rows.map((row) => row.record)).toEqual([
      { CHILD: 'A1', DOB: '14/05/2012', MISSING: 'M', MIS_START: '30/03/2025', MIS_END: '' },
    ]);
  });

  it('writes UASC for a child who was UASC in the year, with the date it ceased', () => {
    const r = returnFromRecord(
      [
        child({ uasc: [{ startedOn: '2024-06-01', ceasedOn: '2025-01-01' }] }),
        child({ laChildId: 'A2', uasc: [{ startedOn: '2020-01-01', ceasedOn: '2024-03-31' }] }),
      ],
      2025,
    );
    expect(r.uasc?.rows.map((row) => [row.record.CHILD, row.record.DUC])).toEqual([['A1', '01/01/2025']]);
  });

  it('writes AD1 for an adoption in the year and PrevPerm for care that started in it', () => {
    const adopted = child({
      periods: [{ startedOn: '2024-06-01', endedOn: '2025-01-15', reasonCeased: 'E11' }],
      episodes: [episode({ endedOn: '2025-01-15', reasonCeased: 'E11' })],
      adoptions: [
        {
          adoptedOn: '2025-01-15',
          shouldBePlacedOn: '2024-07-01',
          matchedOn: '2024-10-01',
          adoptedByFosterCarer: true,
          numberOfAdopters: 1,
          adoptersSex: 'F1',
          adoptersLegalStatus: 'L0',
        },
      ],
      previousPermanence: [{ periodStartedOn: '2024-06-01', arrangement: 'P2', localAuthority: 'Leeds', arrangementDate: 'zz/05/2019' }],
    });
    const r = returnFromRecord([adopted], 2025);
    expect(r.ad1?.rows[0]?.record).toEqual({
      CHILD: 'A1',
      DOB: '14/05/2012',
      DATE_INT: '01/07/2024',
      DATE_MATCH: '01/10/2024',
      FOSTER_CARE: '1',
      NB_ADOPTR: '1',
      SEX_ADOPTR: 'F1',
      LS_ADOPTR: 'L0',
    });
    expect(r.prevPerm?.rows[0]?.record).toEqual({
      CHILD: 'A1',
      DOB: '14/05/2012',
      PREV_PERM: 'P2',
      LA_PERM: 'Leeds',
      DATE_PERM: 'zz/05/2019',
    });
  });
});

describe('care leavers in the return (OC3)', () => {
  const leaver = (over: Partial<ChildForReturn> = {}) =>
    child({
      laChildId: 'L1',
      dateOfBirth: '2006-12-20',
      periods: [{ startedOn: '2021-01-01', endedOn: '2024-06-15', reasonCeased: 'E5' }],
      episodes: [],
      ...over,
    });

  it('reports a former eligible child on their birthday in the year, even with no episode in it', () => {
    expect(careLeaverBirthdayInYear(leaver(), 2025)).toBe('2024-12-20');
    const r = returnFromRecord(
      [leaver({ careLeaverContacts: [{ contactOn: '2024-12-01', inTouch: 'YES', activity: 'F2', accommodation: 'D1' }] })],
      2025,
    );
    expect(r.oc3?.rows[0]?.record).toEqual({ CHILD: 'L1', DOB: '20/12/2006', IN_TOUCH: 'YES', ACTIV: 'F2', ACCOM: 'D1' });
    expect(r.episodes?.rows).toEqual([]);
  });

  it('leaves out a young person still looked after on the birthday, one who died in care, and one who was never eligible', () => {
    expect(
      careLeaverBirthdayInYear(leaver({ periods: [{ startedOn: '2021-01-01', endedOn: '2024-12-21', reasonCeased: 'E5' }] }), 2025),
    ).toBeNull();
    expect(
      careLeaverBirthdayInYear(leaver({ periods: [{ startedOn: '2021-01-01', endedOn: '2024-06-15', reasonCeased: 'E2' }] }), 2025),
    ).toBeNull();
    expect(
      careLeaverBirthdayInYear(leaver({ periods: [{ startedOn: '2024-01-01', endedOn: '2024-02-01', reasonCeased: 'E4A' }] }), 2025),
    ).toBeNull();
  });

  it('reports the 17th to 21st birthdays only', () => {
    expect(
      careLeaverBirthdayInYear(
        leaver({ dateOfBirth: '2003-12-20', periods: [{ startedOn: '2018-01-01', endedOn: '2021-06-15', reasonCeased: 'E5' }] }),
        2025,
      ),
    ).toBe('2024-12-20');
    expect(
      careLeaverBirthdayInYear(
        leaver({ dateOfBirth: '2002-12-20', periods: [{ startedOn: '2017-01-01', endedOn: '2020-06-15', reasonCeased: 'E5' }] }),
        2025,
      ),
    ).toBeNull();
  });

  it('takes the latest contact from three months before the birthday to one month after', () => {
    const contacts = [
      { contactOn: '2024-09-19', inTouch: 'NO', activity: null, accommodation: null },
      { contactOn: '2024-09-20', inTouch: 'YES', activity: 'F2', accommodation: 'D1' },
      { contactOn: '2025-01-21', inTouch: 'REFU', activity: null, accommodation: null },
    ];
    expect(contactForBirthday(contacts, '2024-12-20')?.inTouch).toBe('YES');
    expect(
      contactForBirthday([...contacts, { contactOn: '2025-01-20', inTouch: 'NREQ', activity: null, accommodation: null }], '2024-12-20')
        ?.inTouch,
    ).toBe('NREQ');
    expect(contactForBirthday(contacts.slice(0, 1), '2024-12-20')).toBeUndefined();
  });
});
