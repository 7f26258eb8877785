import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { addCalendarDays } from '../../../domain/calendar/date-arithmetic.js';
import { dateFieldsFrom, dateFieldsOf, dateInputItems, readDate } from '../../../platform/date-time-fields.js';
import { signedIn } from '../../../platform/request-context.js';
import { todayInEngland } from '../../../platform/today.js';
import { outOfHoursTabs } from '../tabs.js';
import { figuresRoles, longestPeriodDays, outOfHoursFigures } from './service.js';

const minutesAndSeconds = (seconds: number | null) => {
  if (seconds === null) return 'No calls answered';
  const whole = Math.round(seconds);
  const minutes = Math.floor(whole / 60);
  return minutes ? `${minutes} min ${whole % 60} s` : `${whole} s`;
};

const oneDecimal = (n: number) => (Math.round(n * 10) / 10).toLocaleString('en-GB');

export async function figuresRoutes(app: FastifyInstance, { db }: { db: Kysely<Database> }) {
  app.get('/out-of-hours/figures', { config: { roles: figuresRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const query = request.query as Record<string, unknown>;
    const yesterday = addCalendarDays(todayInEngland(), -1);
    const chosen = query['from-year'] !== undefined || query['to-year'] !== undefined;
    const fromFields = chosen ? dateFieldsFrom(query, 'from') : dateFieldsOf(addCalendarDays(yesterday, -13));
    const toFields = chosen ? dateFieldsFrom(query, 'to') : dateFieldsOf(yesterday);
    const from = readDate(fromFields, 'First night');
    const to = readDate(toFields, 'Last night');
    const errors: Record<string, string> = {};
    if ('error' in from) errors.from = from.error;
    if ('error' in to) errors.to = to.error;
    if ('date' in from && 'date' in to) {
      if (to.date < from.date) errors.to = 'The last night must be the same as or after the first night';
      else if (addCalendarDays(from.date, longestPeriodDays - 1) < to.date)
        errors.to = `Choose a period of ${longestPeriodDays} nights or fewer`;
    }
    const model = {
      pageTitle: 'Out-of-hours figures',
      tabs: outOfHoursTabs(actor.role, 'figures'),
      fromItems: dateInputItems(fromFields, Boolean(errors.from)),
      toItems: dateInputItems(toFields, Boolean(errors.to)),
      errors,
      errorSummary: ['from', 'to'].filter((f) => errors[f]).map((f) => ({ text: errors[f], href: `#${f}-day` })),
    };
    if (Object.keys(errors).length || !('date' in from) || !('date' in to)) {
      reply.code(400);
      return reply.page('out-of-hours/figures/views/figures.njk', model);
    }
    const figures = await outOfHoursFigures(db, actor, from.date, to.date);
    return reply.page('out-of-hours/figures/views/figures.njk', {
      ...model,
      from: from.date,
      to: to.date,
      figures: {
        ...figures,
        callsPerNightText: oneDecimal(figures.callsPerNight),
        percentAnsweredText: figures.percentAnswered === null ? 'No calls' : `${oneDecimal(figures.percentAnswered)}%`,
        medianText: minutesAndSeconds(figures.totals.median_seconds_to_answer),
      },
    });
  });
}
