import type { Kysely } from 'kysely';
import type { Database, IsoDate } from '../../../db/schema.js';
import { calendarDaysBetween } from '../../../domain/calendar/iso-date.js';
import { NIGHT_ENDS_AFTER_MINUTES } from '../../../domain/out-of-hours/night.js';
import type { Actor } from '../../../platform/actor.js';
import { recordAudit } from '../../../platform/audit.js';
import { BadRequestError } from '../../../platform/errors.js';
import type { Role } from '../../../platform/roles.js';
import * as queries from './queries.js';

/** The head of service, the out-of-hours service itself and performance analysts. */
export const figuresRoles: readonly Role[] = ['service_manager', 'emergency_duty', 'performance_analyst'];

/** The longest period one page of figures covers. */
export const longestPeriodDays = 366;

/**
 * What the head of service needs to know about the out-of-hours service for a period of nights
 * (each named by the date it began): calls per night, % answered, median time to answer, visits
 * made against visits needed, children seen in custody. Counted in the database from the call log.
 */
export async function outOfHoursFigures(db: Kysely<Database>, actor: Actor, from: IsoDate, to: IsoDate) {
  const nights = calendarDaysBetween(from, to) + 1;
  if (nights < 1) throw new BadRequestError('The period must end on or after the day it starts.');
  if (nights > longestPeriodDays) throw new BadRequestError(`Choose a period of ${longestPeriodDays} nights or fewer.`);
  const [perNight, totals] = await Promise.all([
    queries.callsPerNight(db, from, to, NIGHT_ENDS_AFTER_MINUTES),
    queries.periodTotals(db, from, to, NIGHT_ENDS_AFTER_MINUTES),
  ]);
  await recordAudit(db, {
    staffId: actor.staffId,
    action: 'out_of_hours.figures.view',
    outcome: 'allowed',
    recordType: 'out_of_hours_figures',
    ipAddress: actor.ipAddress,
    detail: { from, to },
  });
  if (!totals) throw new Error('The out-of-hours totals query returned no row');
  const t = totals;
  return {
    nights,
    perNight,
    totals: t,
    callsPerNight: t.calls / nights,
    percentAnswered: t.calls === 0 ? null : (100 * t.answered) / t.calls,
  };
}
