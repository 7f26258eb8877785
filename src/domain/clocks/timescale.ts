import {
  addCalendarDays,
  addHours,
  addMonths,
  addWeeks,
  addYears,
  type CountingConvention,
  compareDates,
  dueAfterWorkingDays,
  type IsoDate,
  type Moment,
  type WorkingDayCalendar,
} from '../calendar/index.js';

export const TIME_UNITS = ['working_days', 'calendar_days', 'weeks', 'months', 'years', 'hours', 'school_terms'] as const;

export type TimeUnit = (typeof TIME_UNITS)[number];

/** "How long": a negative amount means the work is due that long BEFORE the start event. */
export interface Timescale {
  amount: number;
  unit: TimeUnit;
}

/** One school term, first and last day, from the authority's (virtual school's) term dates. */
export interface SchoolTerm {
  startsOn: IsoDate;
  endsOn: IsoDate;
}

export interface CountingRules {
  calendar: WorkingDayCalendar;
  convention: CountingConvention;
  schoolTerms: readonly SchoolTerm[];
}

/**
 * "N school terms": work done in a term is next due by the end of the Nth term after it; work
 * done in a holiday is due by the end of the Nth term from the next one. Null when the term
 * dates needed are not known.
 */
function addSchoolTerms(date: IsoDate, terms: number, schoolTerms: readonly SchoolTerm[]): IsoDate | null {
  const sorted = [...schoolTerms].sort((a, b) => compareDates(a.startsOn, b.startsOn));
  const current = sorted.findIndex((term) => compareDates(term.endsOn, date) >= 0);
  if (current < 0) return null;
  const inTerm = compareDates(sorted[current]?.startsOn ?? date, date) <= 0;
  return sorted[current + terms - (inTerm ? 0 : 1)]?.endsOn ?? null;
}

/** When something is due, `timescale` after `from`. Null when it cannot be worked out (school terms unknown). */
export function addTimescale(from: Moment, timescale: Timescale, rules: CountingRules): Moment | null {
  const { amount } = timescale;
  switch (timescale.unit) {
    case 'working_days':
      return { date: dueAfterWorkingDays(rules.calendar, from.date, amount, rules.convention) };
    case 'calendar_days':
      return { date: addCalendarDays(from.date, amount) };
    case 'weeks':
      return { date: addWeeks(from.date, amount) };
    case 'months':
      return { date: addMonths(from.date, amount) };
    case 'years':
      return { date: addYears(from.date, amount) };
    case 'hours':
      return addHours(from, amount);
    case 'school_terms': {
      const date = addSchoolTerms(from.date, amount, rules.schoolTerms);
      return date === null ? null : { date };
    }
  }
}

export function describeTimescale(timescale: Timescale): string {
  const unit = timescale.unit.replace('_', ' ');
  return `${timescale.amount} ${Math.abs(timescale.amount) === 1 ? unit.replace(/s$/, '') : unit}`;
}
