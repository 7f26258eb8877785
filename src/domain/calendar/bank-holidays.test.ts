import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bankHolidaysInYear } from './bank-holidays.js';
import { easterSunday } from './easter.js';

interface SharedBankHolidays {
  _meta: { division: string; coverage: string };
  holidays: { date: string; name: string }[];
}

const shared = JSON.parse(readFileSync(resolve(process.cwd(), '../shared/domain/bank_holidays.json'), 'utf8')) as SharedBankHolidays;

const datesIn = (year: number): string[] => bankHolidaysInYear(year).map((holiday) => holiday.date);

describe('bank holidays computed from the standing rules', () => {
  it('match the shared gov.uk list for 2022-2027 exactly, dates and names', () => {
    expect(shared._meta.division).toBe('england-and-wales');
    const computed = [2022, 2023, 2024, 2025, 2026, 2027].flatMap((year) => bankHolidaysInYear(year));
    expect(computed).toEqual(shared.holidays);
    expect(computed).toHaveLength(51);
  });

  it('2020: early May bank holiday moved to Friday 8 May for VE Day', () => {
    expect(datesIn(2020)).toEqual([
      '2020-01-01',
      '2020-04-10',
      '2020-04-13',
      '2020-05-08',
      '2020-05-25',
      '2020-08-31',
      '2020-12-25',
      '2020-12-28',
    ]);
  });

  it('2012: Diamond Jubilee, spring bank holiday moved to 4 June', () => {
    expect(datesIn(2012)).toEqual([
      '2012-01-02',
      '2012-04-06',
      '2012-04-09',
      '2012-05-07',
      '2012-06-04',
      '2012-06-05',
      '2012-08-27',
      '2012-12-25',
      '2012-12-26',
    ]);
  });

  it('2011: royal wedding on 29 April, Christmas Day on a Sunday', () => {
    expect(datesIn(2011)).toEqual([
      '2011-01-03',
      '2011-04-22',
      '2011-04-25',
      '2011-04-29',
      '2011-05-02',
      '2011-05-30',
      '2011-08-29',
      '2011-12-26',
      '2011-12-27',
    ]);
  });

  it('2002: Golden Jubilee on 3 June, spring bank holiday moved to Tuesday 4 June', () => {
    expect(datesIn(2002)).toEqual([
      '2002-01-01',
      '2002-03-29',
      '2002-04-01',
      '2002-05-06',
      '2002-06-03',
      '2002-06-04',
      '2002-08-26',
      '2002-12-25',
      '2002-12-26',
    ]);
  });

  it('1999: millennium holiday on Friday 31 December after substitute Christmas days', () => {
    expect(datesIn(1999)).toEqual([
      '1999-01-01',
      '1999-04-02',
      '1999-04-05',
      '1999-05-03',
      '1999-05-31',
      '1999-08-30',
      '1999-12-27',
      '1999-12-28',
      '1999-12-31',
    ]);
  });

  it('1995: early May bank holiday moved to 8 May for VE Day; 2 January substitute', () => {
    expect(datesIn(1995)).toEqual([
      '1995-01-02',
      '1995-04-14',
      '1995-04-17',
      '1995-05-08',
      '1995-05-29',
      '1995-08-28',
      '1995-12-25',
      '1995-12-26',
    ]);
  });

  it('ordinary years with weekend Christmases (2016, 2021)', () => {
    expect(datesIn(2016)).toEqual([
      '2016-01-01',
      '2016-03-25',
      '2016-03-28',
      '2016-05-02',
      '2016-05-30',
      '2016-08-29',
      '2016-12-26',
      '2016-12-27',
    ]);
    expect(datesIn(2021)).toEqual([
      '2021-01-01',
      '2021-04-02',
      '2021-04-05',
      '2021-05-03',
      '2021-05-31',
      '2021-08-30',
      '2021-12-27',
      '2021-12-28',
    ]);
  });

  it('works for future years beyond the shared data', () => {
    expect(bankHolidaysInYear(2028)[0]).toEqual({ date: '2028-01-03', name: "New Year's Day (substitute)" });
    expect(datesIn(2032)).toContain('2032-12-27');
  });
});

describe('Easter Sunday', () => {
  it.each([
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('in %i is %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });
});
