import { compareMoments, type Moment } from '../calendar/index.js';
import { addTimescale, type CountingRules, type Timescale } from './timescale.js';

export const CLOCK_STATUSES = ['not_due', 'due_soon', 'overdue', 'met_on_time', 'met_late'] as const;

export type ClockStatus = (typeof CLOCK_STATUSES)[number];

/**
 * Met on or before the due date (or due time, when both are recorded with times) is on time.
 * Outstanding: overdue the day after the due date; due soon from `dueSoon` before it.
 * A clock with no fixed timescale is never overdue.
 */
export function statusOf(
  due: Moment | null,
  completed: Moment | null,
  asOf: Moment,
  dueSoon: Timescale,
  counting: CountingRules,
): ClockStatus {
  if (completed) return due === null || compareMoments(completed, due) <= 0 ? 'met_on_time' : 'met_late';
  if (due === null) return 'not_due';
  if (compareMoments(asOf, due) > 0) return 'overdue';
  const soon = addTimescale({ date: asOf.date }, dueSoon, { ...counting, convention: 'start_is_day_zero' });
  return soon !== null && compareMoments({ date: due.date }, soon) <= 0 ? 'due_soon' : 'not_due';
}
