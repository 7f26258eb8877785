import { addYears, ageOn } from '../calendar/date-arithmetic.js';
import type { IsoDate } from '../calendar/iso-date.js';
import { collectionYearOf } from './episodes.js';

/**
 * The yearly outcomes of a child looked after (SSDA903 OC2): asked for each collection year at
 * whose 31 March the child had been looked after continuously for at least 12 months.
 */

/** How many collection years back the outcomes page offers (the return is made each year). */
const yearsOffered = 6;

/**
 * The collection years, latest first, in which the child is or will be in the outcomes cohort:
 * looked after on 31 March of the year before and without a break to 31 March of the year (a
 * period still open counts for the year in progress). Only years up to the one `today` is in.
 */
export function outcomesYears(periods: readonly { startedOn: IsoDate; endedOn: IsoDate | null }[], today: IsoDate): number[] {
  const current = collectionYearOf(today);
  const years: number[] = [];
  for (let year = current; year > current - yearsOffered; year--) {
    const yearEnd = `${year}-03-31`;
    const yearBefore = addYears(yearEnd, -1);
    if (periods.some((p) => p.startedOn <= yearBefore && (p.endedOn === null || p.endedOn > yearEnd))) years.push(year);
  }
  return years;
}

/** Which of the age-dependent outcomes questions apply to a child in a collection year (DfE rules 186, 543 and 545). */
export function outcomesQuestionsFor(dateOfBirth: IsoDate | null, year: number) {
  const start = `${year - 1}-04-01`;
  const end = `${year}-03-31`;
  const ageAtStart = dateOfBirth ? ageOn(dateOfBirth, start) : null;
  const ageAtEnd = dateOfBirth ? ageOn(dateOfBirth, end) : null;
  return {
    /** A strengths and difficulties questionnaire score (or the reason there is none): aged 4 at the start of the year to 16 at its end. */
    strengthsAndDifficulties: ageAtStart !== null && ageAtEnd !== null && ageAtStart >= 4 && ageAtEnd <= 16,
    /** Whether convicted in the year: aged 10 or over on 31 March. */
    conviction: ageAtEnd !== null && ageAtEnd >= 10,
    /** Whether development checks are up to date: under 5 on 31 March. */
    developmentChecks: ageAtEnd !== null && ageAtEnd < 5,
  };
}
