import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AdopterJourney } from '../../adopters/journey.js';
import { type AnnexAAdopterHousehold, buildAdoptersList } from './adopters-list.js';

const shared = JSON.parse(readFileSync(new URL('../../../../../shared/domain/annex_a.json', import.meta.url), 'utf8')) as {
  lists: { list: string; fields: string[] }[];
};

const journey = (dates: Partial<AdopterJourney>): AdopterJourney => ({
  enquiryReceived: '2024-01-08',
  stageOneStarted: null,
  stageOneEnded: null,
  stageTwoStarted: null,
  stageTwoEnded: null,
  applicationSubmitted: null,
  approved: null,
  leftOn: null,
  reasonLeft: null,
  ...dates,
});

const household = (familyIdentifier: string, dates: Partial<AdopterJourney>, matches: AnnexAAdopterHousehold['matches'] = []) => ({
  familyIdentifier,
  fosteringForAdoption: false,
  journey: journey(dates),
  adopters: [{ adopterIdentifier: `${familyIdentifier}-1`, gender: 'b) Female', ethnicity: 'WBRI', disabled: false }],
  matches,
});

const asOf = '2026-03-31';

describe('Annex A list 11: adopters', () => {
  it("has annex_a.json's columns, in order", () => {
    const list11 = shared.lists.find((l) => l.list === 'List 11');
    expect(buildAdoptersList([], asOf).columns).toEqual(list11?.fields);
  });

  it('takes households whose contact ended on the first day of the 12 months, not the day before', () => {
    const list = buildAdoptersList(
      [
        household('AF1', { leftOn: '2025-04-01', reasonLeft: '1' }),
        household('AF2', { leftOn: '2025-03-31', reasonLeft: '1' }),
        household('AF3', { approved: null }, [{ matchedOn: '2024-06-01', placedOn: '2024-06-10', adoptedOn: '2025-03-31' }]),
        household('AF4', {}, [{ matchedOn: '2024-06-01', placedOn: '2024-06-10', adoptedOn: '2025-04-01' }]),
        household('AF5', { enquiryReceived: '2026-03-31' }),
        household('AF6', { enquiryReceived: '2026-04-01' }),
        household('AF7', { enquiryReceived: '2019-05-01' }),
      ],
      asOf,
    );
    expect(list.rows.map((row) => row[1])).toEqual(['AF1', 'AF4', 'AF5', 'AF7']);
  });

  it('writes one row per adopter, with dates as dates, only what had happened by the as-at date, and the children placed', () => {
    const couple = {
      ...household('AF9', {
        stageOneStarted: '2024-02-01',
        stageOneEnded: '2024-03-28',
        stageTwoStarted: '2024-04-02',
        stageTwoEnded: '2024-07-30',
        applicationSubmitted: '2024-04-02',
        approved: '2024-09-12',
      }),
      fosteringForAdoption: true,
      adopters: [
        { adopterIdentifier: 'AP1', gender: 'a) Male', ethnicity: 'WBRI', disabled: null },
        { adopterIdentifier: 'AP2', gender: 'b) Female', ethnicity: 'BAFR', disabled: true },
      ],
      matches: [
        { matchedOn: '2025-10-01', placedOn: '2025-10-20', adoptedOn: null },
        { matchedOn: '2025-10-01', placedOn: '2026-04-02', adoptedOn: null },
      ],
    };
    const [first, second] = buildAdoptersList([couple], asOf).rows;
    expect(first).toEqual([
      'AP1',
      'AF9',
      'a) Male',
      'WBRI',
      'c) Unknown',
      'a) Yes',
      { date: '2024-01-08' },
      { date: '2024-02-01' },
      { date: '2024-03-28' },
      { date: '2024-04-02' },
      { date: '2024-07-30' },
      { date: '2024-04-02' },
      { date: '2024-09-12' },
      { date: '2025-10-01' },
      { date: '2025-10-20' },
      1,
      null,
      null,
      null,
    ]);
    expect(second?.slice(0, 5)).toEqual(['AP2', 'AF9', 'b) Female', 'BAFR', 'a) Yes']);
  });

  it('gives the date and reason for leaving once they had left', () => {
    const [row] = buildAdoptersList(
      [household('AF8', { stageOneStarted: '2025-06-02', leftOn: '2025-07-01', reasonLeft: '2' })],
      asOf,
    ).rows;
    expect(row?.slice(-2)).toEqual([{ date: '2025-07-01' }, '2']);
  });
});
