import type { IsoDate } from '../calendar/index.js';

const format = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A statutory date as a social worker reads it in a message: 3 March 2026. */
export function spokenDate(date: IsoDate): string {
  return format.format(new Date(`${date}T00:00:00Z`));
}
