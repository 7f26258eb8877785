import type { IsoDate } from './iso-date.js';
import type { WorkingDayCalendar } from './working-day-calendar.js';

/**
 * How "within N working days" is counted.
 * - `start_is_day_zero` (DfE, the default): the start date is day 0 and the due date is the Nth
 *   working day after it. DfE reports assessment duration this way ("same day" = 0).
 * - `start_is_day_one` (D2I's CIN validator): a start on a working day counts as day 1, so the due
 *   date is N-1 working days after it, one working day earlier than the DfE count.
 * Either way a start on a non-working day counts from the next working day: Saturday + 1 = Monday.
 */
export type CountingConvention = 'start_is_day_zero' | 'start_is_day_one';

export const DEFAULT_COUNTING_CONVENTION: CountingConvention = 'start_is_day_zero';

export function dueAfterWorkingDays(
  calendar: WorkingDayCalendar,
  start: IsoDate,
  workingDays: number,
  convention: CountingConvention = DEFAULT_COUNTING_CONVENTION,
): IsoDate {
  if (convention === 'start_is_day_one' && workingDays > 0) {
    return calendar.addWorkingDays(calendar.onOrNextWorkingDay(start), workingDays - 1);
  }
  return calendar.addWorkingDays(start, workingDays);
}
