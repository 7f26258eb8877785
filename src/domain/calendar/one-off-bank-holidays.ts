import type { IsoDate } from './iso-date.js';

/**
 * Changes to the standing England & Wales bank holidays made by royal proclamation for one year.
 * `additional`: an extra day. `moved`: a standing holiday taken on another date instead.
 * Add new proclaimed days here (and authorities can add their own through `extraHolidays`).
 */
export type OneOffBankHolidayChange =
  | { change: 'additional'; date: IsoDate; name: string }
  | { change: 'moved'; from: IsoDate; to: IsoDate; name: string };

export const ONE_OFF_BANK_HOLIDAY_CHANGES: readonly OneOffBankHolidayChange[] = [
  { change: 'additional', date: '1973-11-14', name: 'Wedding of Princess Anne' },
  { change: 'additional', date: '1977-06-07', name: 'Silver Jubilee of Queen Elizabeth II' },
  { change: 'additional', date: '1981-07-29', name: 'Wedding of Prince Charles and Lady Diana Spencer' },
  { change: 'moved', from: '1995-05-01', to: '1995-05-08', name: 'Early May bank holiday (VE Day)' },
  { change: 'additional', date: '1999-12-31', name: 'Millennium Celebrations' },
  { change: 'moved', from: '2002-05-27', to: '2002-06-04', name: 'Spring bank holiday (moved)' },
  { change: 'additional', date: '2002-06-03', name: 'Golden Jubilee bank holiday' },
  { change: 'additional', date: '2011-04-29', name: 'Royal wedding' },
  { change: 'moved', from: '2012-05-28', to: '2012-06-04', name: 'Spring bank holiday (moved)' },
  { change: 'additional', date: '2012-06-05', name: 'Diamond Jubilee bank holiday' },
  { change: 'moved', from: '2020-05-04', to: '2020-05-08', name: 'Early May bank holiday (VE Day)' },
  { change: 'moved', from: '2022-05-30', to: '2022-06-02', name: 'Spring bank holiday (moved)' },
  { change: 'additional', date: '2022-06-03', name: 'Platinum Jubilee bank holiday' },
  { change: 'additional', date: '2022-09-19', name: 'State Funeral of Queen Elizabeth II' },
  { change: 'additional', date: '2023-05-08', name: 'Coronation bank holiday' },
];
