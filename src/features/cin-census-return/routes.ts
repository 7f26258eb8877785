import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Config } from '../../platform/config.js';
import { NotFoundError } from '../../platform/errors.js';
import { signedIn } from '../../platform/request-context.js';
import { todayInEngland } from '../../platform/today.js';
import { cinReturnPeriod, downloadCinCensus, returnChoices, returnRoles, viewCinCensusReturn } from './service.js';

/** The chosen return: a collection year or the year to date, from the list offered. */
function chosenPeriod(value: unknown, today: string) {
  const choices = returnChoices(today);
  const choice = choices.find((c) => c.value === (value ?? choices[0]?.value));
  return { choices, choice, period: choice ? cinReturnPeriod(choice.year, { yearToDate: choice.yearToDate, today }) : null };
}

export async function cinCensusReturnRoutes(app: FastifyInstance, { db, config }: { db: Kysely<Database>; config: Config }) {
  app.get('/returns/cin-census', { config: { roles: returnRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const today = todayInEngland();
    const { choices, choice, period } = chosenPeriod((request.query as { year?: string }).year, today);
    const items = choices.map((c) => ({ value: c.value, text: c.text, selected: c.value === choice?.value }));
    if (!choice || !period) {
      reply.code(400);
      const message = 'Select a collection year from the list';
      return reply.page('cin-census-return/views/return.njk', {
        yearItems: items,
        yearError: message,
        errorSummary: [{ text: message, href: '#year' }],
      });
    }
    const view = await viewCinCensusReturn(db, config, actor, period);
    return reply.page('cin-census-return/views/return.njk', {
      pageTitle: `CIN census: ${choice.text}`,
      yearItems: items,
      choice: choice.value,
      choiceText: choice.text,
      ...view,
    });
  });

  app.get('/returns/cin-census/:year/download', { config: { roles: returnRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const { period } = chosenPeriod((request.params as { year?: string }).year, todayInEngland());
    if (!period) throw new NotFoundError();
    const { fileName, xml } = await downloadCinCensus(db, config, actor, period);
    return reply
      .header('content-type', 'application/xml; charset=utf-8')
      .header('content-disposition', `attachment; filename="${fileName}"`)
      .send(xml);
  });
}
