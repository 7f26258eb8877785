import { addHours, compareMoments, type Moment } from '../calendar/index.js';

/** Hours after a child's return within which a return home interview must be offered (statutory guidance, 2014). */
export const RETURN_INTERVIEW_HOURS = 72;

/**
 * Was the return home interview offered within 72 hours of the return? With times, by the clock;
 * with a date only, by the third calendar day after the return (see docs/clocks.md).
 */
export function offeredInTime(returned: Moment, offered: Moment): boolean {
  return compareMoments(offered, addHours(returned, RETURN_INTERVIEW_HOURS)) <= 0;
}
