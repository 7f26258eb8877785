import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { chronologyKindLabel, chronologyKinds } from '../../domain/chronology/entry-kinds.js';
import { signedIn } from '../../platform/request-context.js';
import { formatDateTime } from '../../platform/view-filters.js';
import { childHeader, childRecordRoles } from '../children/service.js';
import { viewChronology } from './service.js';

const filter = z.object({
  kind: z
    .union([z.string().max(40), z.array(z.string().max(40)).max(40)])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
});

export async function chronologyRoutes(app: FastifyInstance, { db }: { db: Kysely<Database> }) {
  app.get('/children/:personId/chronology', { config: { roles: childRecordRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const { personId } = request.params as { personId: string };
    const parsed = filter.safeParse(request.query);
    const kinds = parsed.success ? parsed.data.kind : [];
    const { child, entries, present } = await viewChronology(db, actor, personId, kinds, childHeader);
    const known = chronologyKinds.map((k) => k.kind as string);
    const offered = [...known.filter((k) => present.includes(k)), ...present.filter((k) => !known.includes(k))];
    return reply.page('chronology/views/chronology.njk', {
      pageTitle: `Chronology: ${child.given_name} ${child.family_name}`,
      child,
      section: 'chronology',
      filtered: kinds.length > 0,
      kindItems: offered.map((k) => ({ value: k, text: chronologyKindLabel(k), checked: kinds.includes(k) })),
      items: entries.map((e) => ({
        label: { text: chronologyKindLabel(e.kind).replace(/s$/, '') },
        html: e.link
          ? `<p class="govuk-body">${escapeHtml(e.summary)}</p><p class="govuk-body-s"><a class="govuk-link" href="${escapeHtml(e.link)}">View the record<span class="govuk-visually-hidden">: ${escapeHtml(e.summary)}</span></a></p>`
          : undefined,
        text: e.link ? undefined : e.summary,
        datetime: { timestamp: e.occurred_on },
        byline: { text: `${e.recorded_by_name ?? 'Hearth'}, recorded ${formatDateTime(e.recorded_at)}` },
      })),
    });
  });
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
