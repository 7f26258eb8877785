import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { dateFromInput } from '../../domain/calendar/typed-date.js';
import {
  isSocialWorkerChangeReasonCode,
  type SocialWorkerChangeReasonCode,
  socialWorkerChangeReasonCodes,
} from '../../domain/codes/ssda903-social-worker-change-reason.js';
import { describeAge } from '../../domain/people/age.js';
import type { Actor } from '../../platform/actor.js';
import { signedIn } from '../../platform/request-context.js';
import type { Role } from '../../platform/roles.js';
import { todayInEngland } from '../../platform/today.js';
import { registerSourceLink } from '../chronology/service.js';
import * as allocation from './service.js';

const allocatorRoles: readonly Role[] = ['team_manager', 'service_manager'];
const notAllocatedRoles: readonly Role[] = ['team_manager', 'service_manager', 'front_door'];
const uuid = z.string().regex(/^[0-9a-f-]{36}$/i);

const allocationForm = z.object({
  teamId: uuid.or(z.literal('')).default(''),
  staffId: uuid.or(z.literal('')).default(''),
  changeReason: z.string().max(10).default(''),
  'startedOn-day': z.string().trim().max(2).default(''),
  'startedOn-month': z.string().trim().max(2).default(''),
  'startedOn-year': z.string().trim().max(4).default(''),
});

export async function allocationRoutes(app: FastifyInstance, { db }: { db: Kysely<Database> }) {
  registerSourceLink('allocation', (personId) => `/children/${personId}`);

  const render = async (
    reply: FastifyReply,
    actor: Actor,
    personId: string,
    values: Record<string, string>,
    errors: Record<string, string>,
  ) => {
    const { child, current, teams, workers } = await allocation.allocationChoices(db, actor, personId);
    const teamId = values.teamId ?? current?.team_id ?? actor.teamId ?? '';
    const staffId = values.staffId ?? current?.staff_id ?? '';
    if (Object.keys(errors).length > 0) reply.code(400);
    return reply.page('allocation/views/allocate.njk', {
      pageTitle: `Allocate: ${child.given_name} ${child.family_name}`,
      child,
      section: 'summary',
      current,
      currentTeam: teams.find((t) => t.id === current?.team_id)?.name,
      currentWorker: workers.find((w) => w.id === current?.staff_id)?.display_name,
      teamItems: [{ value: '', text: 'Choose a team' }, ...teams.map((t) => ({ value: t.id, text: t.name, selected: t.id === teamId }))],
      workerItems: [
        { value: '', text: 'No social worker yet (the team will allocate one)', selected: staffId === '' },
        ...workers.map((w) => ({ value: w.id, text: `${w.display_name} (${w.team_name})`, selected: w.id === staffId })),
      ],
      reasonItems: socialWorkerChangeReasonCodes
        .filter((c) => c.code !== 'FCONTA')
        .map((c) => ({ value: c.code, text: c.label, checked: values.changeReason === c.code })),
      values,
      errors,
      errorList: Object.entries(errors).map(([field, text]) => ({ text, href: field === 'startedOn' ? '#startedOn-day' : `#${field}` })),
    });
  };

  app.get('/children/:personId/allocation', { config: { roles: allocatorRoles } }, async (request, reply) => {
    const { personId } = request.params as { personId: string };
    const today = todayInEngland();
    return render(
      reply,
      signedIn(request),
      personId,
      { 'startedOn-day': today.slice(8), 'startedOn-month': today.slice(5, 7), 'startedOn-year': today.slice(0, 4) },
      {},
    );
  });

  app.post('/children/:personId/allocation', { config: { roles: allocatorRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const { personId } = request.params as { personId: string };
    const parsed = allocationForm.safeParse(request.body);
    const values = (request.body ?? {}) as Record<string, string>;
    if (!parsed.success) return render(reply, actor, personId, values, { teamId: 'Choose a team and social worker from the lists' });
    const f = parsed.data;
    const errors: Record<string, string> = {};
    if (!f.teamId) errors.teamId = 'Choose the team';
    if (f.changeReason && !isSocialWorkerChangeReasonCode(f.changeReason)) errors.changeReason = 'Select why the social worker is changing';
    const startedOn = dateFromInput(f['startedOn-day'], f['startedOn-month'], f['startedOn-year']);
    if (!startedOn) errors.startedOn = 'Enter the date the allocation starts, for example 25 11 2026';
    else if (startedOn > todayInEngland()) errors.startedOn = 'The allocation must start today or earlier';
    if (Object.keys(errors).length > 0 || !startedOn) return render(reply, actor, personId, values, errors);
    const problems = await allocation.allocate(db, actor, personId, {
      teamId: f.teamId,
      staffId: f.staffId || null,
      startedOn,
      changeReason: (f.changeReason || null) as SocialWorkerChangeReasonCode | null,
    });
    if (Object.keys(problems).length > 0) return render(reply, actor, personId, values, problems);
    return reply.redirect(`/children/${personId}`, 303);
  });

  app.get('/children/not-allocated', { config: { roles: notAllocatedRoles } }, async (request, reply) => {
    const children = await allocation.childrenNotAllocated(db, signedIn(request));
    const today = todayInEngland();
    return reply.page('allocation/views/not-allocated.njk', {
      pageTitle: 'Children not allocated to a team',
      children: children.map((c) => ({ ...c, age: c.date_of_birth ? describeAge(c.date_of_birth, today) : null })),
    });
  });
}
