import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { describeCollectionYear } from '../../domain/returns/ssda903/collection-year.js';
import { NotFoundError } from '../../platform/errors.js';
import { signedIn } from '../../platform/request-context.js';
import { collectionYearChoices, downloadReturn, returnRoles, viewReturn } from './service.js';

const yearField = (choices: readonly number[]) =>
  z.coerce
    .number({ error: 'Select a collection year' })
    .int('Select a collection year')
    .refine((year) => choices.includes(year), 'Select a collection year from the list');

export async function ssda903ReturnRoutes(app: FastifyInstance, { db }: { db: Kysely<Database> }) {
  app.get('/returns/ssda903', { config: { roles: returnRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const choices = collectionYearChoices();
    const query = request.query as Record<string, unknown>;
    const parsed = yearField(choices).safeParse(query.year ?? choices[0]);
    const yearItems = (chosen: number | undefined) =>
      choices.map((year) => ({
        value: String(year),
        text: `${describeCollectionYear(year)} (to 31 March ${year})`,
        selected: year === chosen,
      }));
    if (!parsed.success) {
      reply.code(400);
      const message = parsed.error.issues[0]?.message ?? 'Select a collection year';
      return reply.page('ssda903-return/views/return.njk', {
        yearItems: yearItems(undefined),
        yearError: message,
        errorSummary: [{ text: message, href: '#year' }],
      });
    }
    const view = await viewReturn(db, actor, parsed.data);
    return reply.page('ssda903-return/views/return.njk', { yearItems: yearItems(parsed.data), ...view });
  });

  app.get('/returns/ssda903/:year/download', { config: { roles: returnRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const parsed = yearField(collectionYearChoices()).safeParse((request.params as { year?: string }).year);
    if (!parsed.success) throw new NotFoundError();
    const { fileName, zip } = await downloadReturn(db, actor, parsed.data);
    return reply.header('content-type', 'application/zip').header('content-disposition', `attachment; filename="${fileName}"`).send(zip);
  });
}
