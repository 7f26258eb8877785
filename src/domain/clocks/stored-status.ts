import { addCalendarDays, compareDates, compareMoments, type IsoDate, type Moment } from '../calendar/index.js';
import type { ClockStatus } from './status.js';
import { addTimescale, type CountingRules, type Timescale } from './timescale.js';

/**
 * The first date on which an outstanding occurrence due on `dueOn` shows as due soon: the
 * earliest day from which the due-soon window reaches the due date. Stored with each instance so
 * a worktray can tell the status from dates alone, and it agrees with the evaluator's status.
 */
export function dueSoonFrom(dueOn: IsoDate, dueSoon: Timescale, counting: CountingRules): IsoDate {
  const rules = { ...counting, convention: 'start_is_day_zero' as const };
  const reaches = (from: IsoDate) => {
    const end = addTimescale({ date: from }, dueSoon, rules);
    return end !== null && compareDates(end.date, dueOn) >= 0;
  };
  let from = dueOn;
  while (reaches(addCalendarDays(from, -1))) from = addCalendarDays(from, -1);
  return from;
}

/** What a stored clock instance holds: enough to tell its status on any date. */
export interface StoredInstance {
  dueOn: IsoDate | null;
  dueAt: string | null;
  dueSoonFrom: IsoDate | null;
  completedOn: IsoDate | null;
  completedAt: string | null;
}

/**
 * The status of a stored instance as at a date (and time): met on time or late once completed;
 * otherwise overdue after the due date (or due time), due soon from `dueSoonFrom`, else not due.
 * Only for dates on or after the instance was computed from its events; for an earlier date,
 * evaluate the events as at that date.
 */
export function statusAsAt(instance: StoredInstance, asOf: Moment): ClockStatus {
  const due: Moment | null = instance.dueOn ? { date: instance.dueOn, ...(instance.dueAt ? { time: instance.dueAt } : {}) } : null;
  if (instance.completedOn) {
    const completed: Moment = { date: instance.completedOn, ...(instance.completedAt ? { time: instance.completedAt } : {}) };
    return due === null || compareMoments(completed, due) <= 0 ? 'met_on_time' : 'met_late';
  }
  if (due === null) return 'not_due';
  if (compareMoments(asOf, due) > 0) return 'overdue';
  return instance.dueSoonFrom !== null && compareDates(asOf.date, instance.dueSoonFrom) >= 0 ? 'due_soon' : 'not_due';
}
