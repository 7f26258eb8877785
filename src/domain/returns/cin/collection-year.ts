import type { IsoDate } from '../../calendar/iso-date.js';
import { isGenderCurrentCode, lastYearOfGenderCurrent } from '../../codes/cin-gender-current.js';
import { isSexCode } from '../../codes/sex.js';

/**
 * A CIN census collection year, named by the year it ends: collection year 2025 runs from
 * 1 April 2024 to 31 March 2025, and 31 March 2025 is its reference date.
 */
export interface CinCollectionYear {
  year: number;
  /** 1 April of the year before. */
  start: IsoDate;
  /** 31 March: the header ReferenceDate and the end of the period. */
  referenceDate: IsoDate;
}

export function cinCollectionYear(year: number): CinCollectionYear {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new RangeError(`Not a collection year: ${year}`);
  return { year, start: `${year - 1}-04-01`, referenceDate: `${year}-03-31` };
}

/** GenderCurrent (1/2/0/9) up to 2023-24; Sex (M/F/U) from 2024-25. */
export function sexElementFor(year: number): 'GenderCurrent' | 'Sex' {
  return year <= lastYearOfGenderCurrent ? 'GenderCurrent' : 'Sex';
}

export function isSexValidFor(year: number, code: string): boolean {
  return sexElementFor(year) === 'GenderCurrent' ? isGenderCurrentCode(code) : isSexCode(code);
}

/** The code for an unborn child (rule 8750), which is also "not recorded" for the 2886Q count. */
export function unknownSexFor(year: number): '0' | 'U' {
  return sexElementFor(year) === 'GenderCurrent' ? '0' : 'U';
}
