import { addCalendarDays, compareDates, type IsoDate, type WorkingDayCalendar } from '../calendar/index.js';

/**
 * How far overdue work may go before the level above sees it marked, and how long an open case
 * may go without a visit or recorded management oversight before it shows as drifting. All in
 * working days; local settings of the authority.
 */
export interface OversightSettings {
  /** Overdue by this many working days: escalated to the team manager. */
  escalateToTeamManagerAfter: number;
  /** A further this many working days: escalated to the service manager too. */
  escalateToServiceManagerAfterFurther: number;
  /** No visit or management oversight for more than this many working days: drifting. */
  driftAfter: number;
}

export const DEFAULT_OVERSIGHT: OversightSettings = {
  escalateToTeamManagerAfter: 5,
  escalateToServiceManagerAfterFurther: 10,
  driftAfter: 20,
};

export const ESCALATION_LEVELS = ['none', 'team_manager', 'service_manager'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

/**
 * The latest date on or before `asOf` that lies at least `workingDays` working days before `asOf` (counted as
 * `workingDaysBetween` does: days after it, up to and including `asOf`). 0 gives `asOf` itself.
 * A date on or before it is that far behind, so one date comparison answers the question in SQL.
 */
export function latestDateWorkingDaysBefore(calendar: WorkingDayCalendar, asOf: IsoDate, workingDays: number): IsoDate {
  if (!Number.isInteger(workingDays) || workingDays < 0)
    throw new RangeError(`Working days must be a whole number, 0 or more: ${workingDays}`);
  let date = asOf;
  for (let counted = 0; counted < workingDays; date = addCalendarDays(date, -1)) {
    if (calendar.isWorkingDay(date)) counted += 1;
  }
  return date;
}

/** The dates that decide escalation and drift as at a day, for one comparison each in a query. */
export interface OversightCutoffs {
  /** Outstanding and due on or before this date: escalated to the team manager. */
  teamManagerDueOnOrBefore: IsoDate;
  /** Outstanding and due on or before this date: escalated to the service manager. */
  serviceManagerDueOnOrBefore: IsoDate;
  /** Last visit or oversight (or the allocation, if none since) on or before this date: drifting. */
  driftingIfLastOnOrBefore: IsoDate;
}

export function oversightCutoffs(calendar: WorkingDayCalendar, asOf: IsoDate, settings: OversightSettings): OversightCutoffs {
  const overdueBy = (workingDays: number) => {
    const latest = latestDateWorkingDaysBefore(calendar, asOf, workingDays);
    const dayBefore = addCalendarDays(asOf, -1);
    return compareDates(latest, dayBefore) < 0 ? latest : dayBefore;
  };
  return {
    teamManagerDueOnOrBefore: overdueBy(settings.escalateToTeamManagerAfter),
    serviceManagerDueOnOrBefore: overdueBy(settings.escalateToTeamManagerAfter + settings.escalateToServiceManagerAfterFurther),
    driftingIfLastOnOrBefore: latestDateWorkingDaysBefore(calendar, asOf, settings.driftAfter + 1),
  };
}

/**
 * Who must see an outstanding item marked: nobody above the worker until it is overdue by the
 * first threshold, then the team manager, then (a further threshold on) the service manager too.
 */
export function escalationLevel(calendar: WorkingDayCalendar, dueOn: IsoDate, asOf: IsoDate, settings: OversightSettings): EscalationLevel {
  const cutoffs = oversightCutoffs(calendar, asOf, settings);
  if (compareDates(dueOn, cutoffs.serviceManagerDueOnOrBefore) <= 0) return 'service_manager';
  if (compareDates(dueOn, cutoffs.teamManagerDueOnOrBefore) <= 0) return 'team_manager';
  return 'none';
}

/** An open case is drifting when its last visit or management oversight is more than `driftAfter` working days ago. */
export function isDrifting(calendar: WorkingDayCalendar, lastSeenOn: IsoDate, asOf: IsoDate, settings: OversightSettings): boolean {
  return calendar.workingDaysBetween(lastSeenOn, asOf) > settings.driftAfter;
}
