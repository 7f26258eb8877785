import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { signedIn } from '../../platform/request-context.js';
import * as organisation from './service.js';

const config = { roles: organisation.teamAdministrationRoles };

const summaryOf = (errors: Record<string, string>) => Object.entries(errors).map(([field, text]) => ({ text, href: `#${field}` }));

export async function teamRoutes(app: FastifyInstance, { db }: { db: Kysely<Database> }) {
  app.get('/admin/teams', { config }, async (request, reply) => {
    const query = request.query as { added?: string; frontDoor?: string };
    const [services, frontDoor] = await Promise.all([organisation.servicesWithTeams(db), organisation.frontDoorTeam(db)]);
    const notice =
      query.frontDoor === '1' && frontDoor
        ? `${frontDoor.name} is now the front door`
        : query.added === 'team'
          ? 'Team added'
          : query.added === 'service'
            ? 'Service added'
            : null;
    return reply.page('teams/views/list.njk', { pageTitle: 'Services and teams', services, frontDoor, notice });
  });

  const renderNewTeam = async (values: Record<string, string>, errors: Record<string, string>) => ({
    pageTitle: 'Add a team',
    values,
    errors,
    errorSummary: summaryOf(errors),
    serviceItems: [
      { value: '', text: 'Choose a service' },
      ...(await organisation.servicesWithTeams(db)).map((s) => ({ value: s.id, text: s.name, selected: s.id === values.serviceId })),
    ],
  });

  app.get('/admin/teams/new', { config }, async (request, reply) => {
    const serviceId = String((request.query as { service?: string }).service ?? '');
    return reply.page('teams/views/new-team.njk', await renderNewTeam({ serviceId }, {}));
  });

  app.post('/admin/teams/new', { config }, async (request, reply) => {
    const actor = signedIn(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = { name: String(body.name ?? ''), serviceId: String(body.serviceId ?? '') };
    const outcome = await organisation.addTeam(db, { staffId: actor.staffId, ipAddress: actor.ipAddress }, values);
    if (!outcome.added) {
      reply.code(400);
      return reply.page('teams/views/new-team.njk', await renderNewTeam(values, outcome.problems));
    }
    return reply.redirect('/admin/teams?added=team', 303);
  });

  app.get('/admin/services/new', { config }, async (_request, reply) =>
    reply.page('teams/views/new-service.njk', { pageTitle: 'Add a service', values: {}, errors: {}, errorSummary: [] }),
  );

  app.post('/admin/services/new', { config }, async (request, reply) => {
    const actor = signedIn(request);
    const name = String((request.body as Record<string, unknown> | undefined)?.name ?? '');
    const outcome = await organisation.addService(db, { staffId: actor.staffId, ipAddress: actor.ipAddress }, name);
    if (!outcome.added) {
      reply.code(400);
      return reply.page('teams/views/new-service.njk', {
        pageTitle: 'Add a service',
        values: { name },
        errors: outcome.problems,
        errorSummary: summaryOf(outcome.problems),
      });
    }
    return reply.redirect('/admin/teams?added=service', 303);
  });

  app.post('/admin/teams/:teamId/front-door', { config }, async (request, reply) => {
    const actor = signedIn(request);
    const { teamId } = request.params as { teamId: string };
    await organisation.setFrontDoorTeam(db, { staffId: actor.staffId, ipAddress: actor.ipAddress }, teamId);
    return reply.redirect('/admin/teams?frontDoor=1', 303);
  });
}
