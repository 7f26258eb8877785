import { addCalendarDays, addYears, ageOn, type IsoDate } from '../calendar/index.js';

/** Days looked after since the 14th birthday that make a young person an eligible child: 13 weeks (CPPCR 2010 reg 40). */
export const ELIGIBLE_CHILD_DAYS = 13 * 7;

interface Period {
  startedOn: IsoDate;
  endedOn: IsoDate | null;
}

const lookedAfterOn = (periods: readonly Period[], day: IsoDate) =>
  periods.some((p) => p.startedOn <= day && (p.endedOn === null || p.endedOn > day));

/**
 * The day a young person becomes an eligible child (CPPCR 2010 reg 40): aged 16 or 17, looked
 * after that day, and looked after for at least 13 weeks in all since their 14th birthday. An open
 * period of care is taken to continue, so the date can be in the future. Null if it never happens
 * before 18 on the care recorded.
 */
export function eligibleChildFrom(dateOfBirth: IsoDate, periods: readonly Period[]): IsoDate | null {
  const fourteen = addYears(dateOfBirth, 14);
  const sixteen = addYears(dateOfBirth, 16);
  const eighteen = addYears(dateOfBirth, 18);
  let days = 0;
  for (let day = fourteen; day < eighteen; day = addCalendarDays(day, 1)) {
    if (!lookedAfterOn(periods, day)) continue;
    days += 1;
    if (day >= sixteen && days >= ELIGIBLE_CHILD_DAYS) return day;
  }
  return null;
}

export type CareLeaverCategory = 'eligible' | 'relevant' | 'former_relevant' | 'qualifying' | 'none';

export const careLeaverCategoryNames: Record<CareLeaverCategory, string> = {
  eligible: 'Eligible child (16 or 17, still looked after)',
  relevant: 'Relevant child (16 or 17, has left care)',
  former_relevant: 'Former relevant child (18 or over)',
  qualifying: 'Qualifying care leaver',
  none: 'Not a care leaver',
};

/** Which leaving care duties apply on `asOf`, from the date of birth and the periods of care. */
export function careLeaverCategory(dateOfBirth: IsoDate, periods: readonly Period[], asOf: IsoDate): CareLeaverCategory {
  const eligibleFrom = eligibleChildFrom(dateOfBirth, periods);
  const age = ageOn(dateOfBirth, asOf);
  const wasEligible = eligibleFrom !== null && eligibleFrom <= asOf;
  if (wasEligible) {
    if (age >= 18) return 'former_relevant';
    return lookedAfterOn(periods, asOf) ? 'eligible' : 'relevant';
  }
  const sixteen = addYears(dateOfBirth, 16);
  const lookedAfterAfterSixteen = periods.some((p) => p.endedOn === null || p.endedOn > sixteen);
  if (age >= 16 && lookedAfterAfterSixteen && !lookedAfterOn(periods, asOf)) return 'qualifying';
  return 'none';
}
