import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { describeAge } from '../../domain/people/age.js';
import type { Actor } from '../../platform/actor.js';
import { signedIn } from '../../platform/request-context.js';
import type { Role } from '../../platform/roles.js';
import { todayInEngland } from '../../platform/today.js';
import { registerSourceLink } from '../chronology/service.js';
import * as merging from './service.js';

/** Merging two records is a manager's decision. */
const mergerRoles: readonly Role[] = ['team_manager', 'service_manager'];

const mergeForm = z.object({
  keep: z.enum(['this', 'other'], { message: 'Choose which record to keep' }),
  reason: z
    .string()
    .trim()
    .max(1000, 'The reason must be 1,000 characters or fewer')
    .pipe(z.string().min(1, 'Say how you know these are the same child')),
});

export async function mergingRoutes(app: FastifyInstance, { db }: { db: Kysely<Database> }) {
  registerSourceLink('person_merge', (personId) => `/children/${personId}/merges`);

  app.get('/children/:personId/merge', { config: { roles: mergerRoles } }, async (request, reply) => {
    const { personId } = request.params as { personId: string };
    const q = String((request.query as { q?: unknown }).q ?? '')
      .trim()
      .slice(0, 100);
    const { child, likely, found } = await merging.mergeCandidates(db, signedIn(request), personId, q.length >= 2 ? q : undefined);
    const today = todayInEngland();
    const withAge = <T extends { date_of_birth: string | null }>(list: T[]) =>
      list.map((c) => ({ ...c, age: c.date_of_birth ? describeAge(c.date_of_birth, today) : null }));
    return reply.page('merging/views/choose.njk', {
      pageTitle: `Merge with another record: ${child.given_name} ${child.family_name}`,
      child,
      section: 'summary',
      q,
      likely: withAge(likely),
      found: withAge(found),
    });
  });

  const renderCompare = async (
    reply: FastifyReply,
    actor: Actor,
    personId: string,
    otherId: string,
    values: Record<string, string>,
    errors: Record<string, string>,
  ) => {
    const { child, records } = await merging.compareRecords(db, actor, personId, otherId);
    if (Object.keys(errors).length > 0) reply.code(400);
    return reply.page('merging/views/compare.njk', {
      pageTitle: `Merge two records: ${child.given_name} ${child.family_name}`,
      child,
      section: 'summary',
      records,
      otherId,
      values,
      errors,
      errorList: Object.entries(errors).map(([field, text]) => ({ text, href: `#${field}` })),
    });
  };

  app.get('/children/:personId/merge/:otherId', { config: { roles: mergerRoles } }, async (request, reply) => {
    const { personId, otherId } = request.params as { personId: string; otherId: string };
    return renderCompare(reply, signedIn(request), personId, otherId, {}, {});
  });

  app.post('/children/:personId/merge/:otherId', { config: { roles: mergerRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const { personId, otherId } = request.params as { personId: string; otherId: string };
    const parsed = mergeForm.safeParse(request.body);
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
      return renderCompare(reply, actor, personId, otherId, (request.body ?? {}) as Record<string, string>, errors);
    }
    const [survivorId, mergedId] = parsed.data.keep === 'this' ? [personId, otherId] : [otherId, personId];
    await merging.mergeRecords(db, actor, survivorId, mergedId, parsed.data.reason);
    return reply.redirect(`/children/${survivorId}?notice=merged`, 303);
  });

  app.get('/children/:personId/merges', { config: { roles: mergerRoles } }, async (request, reply) => {
    const { personId } = request.params as { personId: string };
    const { child, merges } = await merging.mergesInto(db, signedIn(request), personId);
    return reply.page('merging/views/merges.njk', {
      pageTitle: `Records merged into this one: ${child.given_name} ${child.family_name}`,
      child,
      section: 'summary',
      merges,
    });
  });

  app.post('/merges/:mergeId/undo', { config: { roles: mergerRoles } }, async (request, reply) => {
    const { mergeId } = request.params as { mergeId: string };
    const { survivorId } = await merging.undoMerge(db, signedIn(request), mergeId);
    return reply.redirect(`/children/${survivorId}?notice=unmerged`, 303);
  });
}
