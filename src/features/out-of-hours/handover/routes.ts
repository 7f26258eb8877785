import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { callActionLabel } from '../../../domain/out-of-hours/call-actions.js';
import { callAnswerLabel } from '../../../domain/out-of-hours/call-answer.js';
import { callerTypeLabel } from '../../../domain/out-of-hours/caller-types.js';
import { isRecordId } from '../../../platform/access.js';
import { signedIn } from '../../../platform/request-context.js';
import { todayInEngland } from '../../../platform/today.js';
import { formatDate } from '../../../platform/view-filters.js';
import { acceptHandover, acceptingRoles, handoverList, overseeingRoles, teamsFor } from './service.js';

export async function handoverRoutes(app: FastifyInstance, { db }: { db: Kysely<Database> }) {
  const roles = [...acceptingRoles, ...overseeingRoles.filter((r) => !acceptingRoles.includes(r))];

  app.get('/handover', { config: { roles } }, async (request, reply) => {
    const actor = signedIn(request);
    const teams = await teamsFor(db, actor);
    const asked = String((request.query as { team?: string }).team ?? '');
    const teamId = isRecordId(asked) ? asked : (actor.teamId ?? teams.find((t) => t.is_front_door)?.id ?? teams[0]?.id);
    if (!teamId) {
      return reply.page('out-of-hours/handover/views/handover.njk', { pageTitle: 'Out-of-hours handover', noTeam: true });
    }
    const { team, mayAccept, items } = await handoverList(db, actor, teamId);
    const today = todayInEngland();
    const waiting = items.filter((i) => i.accepted_at === null);
    return reply.page('out-of-hours/handover/views/handover.njk', {
      pageTitle: `Out-of-hours handover: ${team.name}`,
      team,
      teamItems: teams.map((t) => ({ value: t.id, text: t.name, selected: t.id === team.id })),
      mayChooseTeam: teams.length > 1,
      mayAccept,
      counts: { waiting: waiting.length, fromEarlierDays: waiting.filter((i) => i.handover_on < today).length },
      items: items.map((i) => ({
        ...i,
        answerText: callAnswerLabel(i.answer),
        callerText: callerTypeLabel(i.caller_type),
        actionsText: i.actions.map((a) => callActionLabel(a)).join(', '),
        waitingSinceEarlierDay: i.handover_on < today,
        dueText:
          i.handover_on < today
            ? `Waiting since ${formatDate(i.handover_on)}`
            : i.handover_on === today
              ? 'Waiting: for today'
              : `Waiting: for ${formatDate(i.handover_on)}`,
      })),
    });
  });

  app.post('/handover/:itemId/accept', { config: { roles: acceptingRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const { itemId } = request.params as { itemId: string };
    await acceptHandover(db, actor, itemId);
    return reply.redirect(`/handover${actor.teamId ? `?team=${actor.teamId}` : ''}`, 303);
  });
}
