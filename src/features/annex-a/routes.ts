import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Config } from '../../platform/config.js';
import { dateFieldsFrom, dateFieldsOf, dateInputItems, readDate } from '../../platform/date-time-fields.js';
import { signedIn } from '../../platform/request-context.js';
import { todayInEngland } from '../../platform/today.js';
import { annexAForDownload, annexARoles, writeAnnexAWorkbook } from './service.js';

/** The as-at date chosen (today when none is given), or the error to show on the form. */
function asAtDate(query: Record<string, unknown>, today: string) {
  const chosen = query['as-of-day'] !== undefined || query['as-of-month'] !== undefined || query['as-of-year'] !== undefined;
  const fields = chosen ? dateFieldsFrom(query, 'as-of') : dateFieldsOf(today);
  const read = readDate(fields, 'As at date');
  const error = 'error' in read ? read.error : read.date > today ? 'The as at date must be today or in the past' : null;
  return { fields, error, asOf: 'date' in read && !error ? read.date : null };
}

export async function annexARoutes(app: FastifyInstance, { db, config }: { db: Kysely<Database>; config: Config }) {
  app.get('/returns/annex-a', { config: { roles: annexARoles } }, async (request, reply) => {
    const { fields, error, asOf } = asAtDate(request.query as Record<string, unknown>, todayInEngland());
    const model = {
      dateItems: dateInputItems(fields, Boolean(error)),
      dateError: error,
      errorSummary: error ? [{ text: error, href: '#as-of-day' }] : [],
      downloadHref: asOf ? `/returns/annex-a/download?as-of-day=${fields.day}&as-of-month=${fields.month}&as-of-year=${fields.year}` : null,
      asOf,
    };
    if (error) reply.code(400);
    return reply.page('annex-a/views/annex-a.njk', model);
  });

  app.get('/returns/annex-a/download', { config: { roles: annexARoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const { error, asOf } = asAtDate(request.query as Record<string, unknown>, todayInEngland());
    if (error || !asOf)
      return reply
        .code(400)
        .type('text/plain; charset=utf-8')
        .send(error ?? 'Give the as at date');
    const lists = await annexAForDownload(db, actor, asOf);
    const body = new PassThrough();
    const chunks: Buffer[] = [];
    body.on('data', (chunk: Buffer) => chunks.push(chunk));
    await writeAnnexAWorkbook(body, lists, { authority: config.localAuthorityName, asOf });
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="Annex-A-${asOf}.xlsx"`)
      .send(Buffer.concat(chunks));
  });
}
