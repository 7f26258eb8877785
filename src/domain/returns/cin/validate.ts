import { type CountingConvention, DEFAULT_COUNTING_CONVENTION, dueAfterWorkingDays } from '../../calendar/counting-convention.js';
import { addCalendarDays } from '../../calendar/date-arithmetic.js';
import type { IsoDate } from '../../calendar/iso-date.js';
import { createCalendar, type WorkingDayCalendar } from '../../calendar/working-day-calendar.js';
import { cinCollectionYear } from './collection-year.js';
import type { CinCensusMessage } from './message.js';
import { childPath } from './paths.js';
import type { CinReturnIndex, CinRuleContext, CinValidationFailure } from './rule.js';
import { cinRulesFor } from './rules.js';

export interface CinValidationOptions {
  /** The collection year, named by the 31 March it ends on. */
  collectionYear: number;
  /** Working days: England & Wales bank holidays plus the authority's own closure days. */
  calendar?: WorkingDayCalendar;
  countingConvention?: CountingConvention;
}

/**
 * Runs every CIN census rule that applies in the collection year over the message: return-wide
 * rules once, child rules once per child. Returns the failures sorted by child, then rule.
 */
export function validateCinCensus(message: CinCensusMessage, options: CinValidationOptions): CinValidationFailure[] {
  const period = cinCollectionYear(options.collectionYear);
  const calendar = options.calendar ?? createCalendar();
  const context: CinRuleContext = {
    period,
    dueAfterWorkingDays: rememberedDueDates(calendar, options.countingConvention ?? DEFAULT_COUNTING_CONVENTION),
    index: indexReturn(message),
    earliestNfaReferralDate: earliestNfaReferralDate(calendar, period.start),
  };
  const failures: CinValidationFailure[] = [];
  for (const rule of cinRulesFor(period.year)) {
    if (rule.scope !== 'return') continue;
    for (const finding of rule.check(message, context)) {
      failures.push({
        rule: rule.code,
        laChildId: null,
        severity: rule.severity,
        message: finding.message ?? rule.message,
        path: finding.path,
      });
    }
  }
  const childRules = cinRulesFor(period.year).flatMap((rule) => (rule.scope === 'child' ? [rule] : []));
  message.children.forEach((child, index) => {
    const path = childPath(index);
    for (const rule of childRules) {
      for (const finding of rule.check(child, path, context)) {
        failures.push({
          rule: rule.code,
          laChildId: child.laChildId,
          severity: rule.severity,
          message: finding.message ?? rule.message,
          path: finding.path,
        });
      }
    }
  });
  return sortCinFailures(failures);
}

function rememberedDueDates(calendar: WorkingDayCalendar, convention: CountingConvention): CinRuleContext['dueAfterWorkingDays'] {
  const known = new Map<string, IsoDate>();
  return (start, workingDays) => {
    const key = `${start}+${workingDays}`;
    let due = known.get(key);
    if (due === undefined) {
      due = dueAfterWorkingDays(calendar, start, workingDays, convention);
      known.set(key, due);
    }
    return due;
  };
}

function indexReturn(message: CinCensusMessage): CinReturnIndex {
  const childrenPerLaChildId = new Map<string, number>();
  const childrenPerUpn = new Map<string, number>();
  for (const child of message.children) {
    if (child.laChildId !== null) childrenPerLaChildId.set(child.laChildId, (childrenPerLaChildId.get(child.laChildId) ?? 0) + 1);
    if (child.upn !== null) {
      const upn = child.upn.toUpperCase();
      childrenPerUpn.set(upn, (childrenPerUpn.get(upn) ?? 0) + 1);
    }
  }
  return { childrenPerLaChildId, childrenPerUpn };
}

/**
 * The earliest referral date that is at most 1 working day before the start of the year: the
 * working days after the referral date up to and including the start date number 1 or fewer.
 */
function earliestNfaReferralDate(calendar: WorkingDayCalendar, start: IsoDate): IsoDate {
  let earliest = start;
  while (calendar.workingDaysBetween(addCalendarDays(earliest, -1), start) <= 1) earliest = addCalendarDays(earliest, -1);
  return earliest;
}

/** By child (failures of the whole return first), then DfE rule number, then place in the file. */
export function sortCinFailures(failures: CinValidationFailure[]): CinValidationFailure[] {
  return failures.sort(
    (a, b) =>
      compareChildIds(a.laChildId, b.laChildId) ||
      compareRuleCodes(a.rule, b.rule) ||
      a.path.localeCompare(b.path, 'en', { numeric: true }),
  );
}

function compareChildIds(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

export function compareRuleCodes(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
