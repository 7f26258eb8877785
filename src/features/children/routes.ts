import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { describeAge } from '../../domain/people/age.js';
import { mayReadAuditTrail } from '../../platform/access-policy.js';
import { signedIn } from '../../platform/request-context.js';
import { type Role, roleNames } from '../../platform/roles.js';
import { todayInEngland } from '../../platform/today.js';
import { formatDate } from '../../platform/view-filters.js';
import * as children from './service.js';

/** Roles whose work involves opening children's records. */
export const childRecordRoles: readonly Role[] = [
  'social_worker',
  'team_manager',
  'service_manager',
  'front_door',
  'emergency_duty',
  'reviewing_officer',
  'performance_analyst',
];

const searchQuery = z.object({ q: z.string().trim().max(100, 'Search for 100 characters or fewer').default('') });

const allocationKinds = { social_worker: 'Social worker', reviewing_officer: 'Independent reviewing officer' } as const;

export async function childRoutes(app: FastifyInstance, { db }: { db: Kysely<Database> }) {
  app.get('/children', { config: { roles: childRecordRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const parsed = searchQuery.safeParse(request.query);
    if (!parsed.success) {
      reply.code(400);
      return reply.page('children/views/search.njk', { pageTitle: 'Find a child', q: '', error: parsed.error.issues[0]?.message });
    }
    const { q } = parsed.data;
    const today = todayInEngland();
    const results = q.length >= 2 ? await children.searchChildren(db, actor, q) : null;
    return reply.page('children/views/search.njk', {
      pageTitle: q ? `Find a child: ${q}` : 'Find a child',
      q,
      error: q.length === 1 ? 'Enter at least 2 characters' : undefined,
      results: results?.map((c) => ({
        ...c,
        age: c.date_of_birth ? describeAge(c.date_of_birth, today) : 'Unborn',
      })),
    });
  });

  app.get('/children/:personId', { config: { roles: childRecordRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const { personId } = request.params as { personId: string };
    const { child, allocations } = await children.viewChildRecord(db, actor, personId);
    const today = todayInEngland();
    return reply.page('children/views/record.njk', {
      pageTitle: `${child.given_name} ${child.family_name}`,
      child: { ...child, age: child.date_of_birth ? describeAge(child.date_of_birth, today) : null },
      allocations: allocations.map((a) => ({ ...a, kindName: allocationKinds[a.kind] })),
      current: allocations
        .filter((a) => a.ended_on === null)
        .map((a) => ({
          key: { text: allocationKinds[a.kind] },
          value: { text: `${a.staff_name ?? 'No worker yet'}, ${a.team_name}, since ${formatDate(a.started_on)}` },
        })),
      canReadAuditTrail: mayReadAuditTrail(actor.role),
    });
  });

  app.get('/children/:personId/audit', { config: { roles: ['administrator', 'service_manager'] } }, async (request, reply) => {
    const actor = signedIn(request);
    const { personId } = request.params as { personId: string };
    const trail = await children.viewAuditTrail(db, actor, personId);
    return reply.page('children/views/audit-trail.njk', {
      pageTitle: `Audit trail for child ${trail.laChildId}`,
      personId,
      laChildId: trail.laChildId,
      events: trail.events.map((e) => ({ ...e, roleName: e.role ? roleNames[e.role] : '' })),
    });
  });
}
