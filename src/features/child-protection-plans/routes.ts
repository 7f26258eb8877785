import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { planEndReasons } from '../../domain/child-protection/plan-end-reasons.js';
import type { Actor } from '../../platform/actor.js';
import { BadRequestError } from '../../platform/errors.js';
import { type DateField, emptyForm, type FormState, radioItems, readForm, withErrors } from '../../platform/form-fields.js';
import { signedIn } from '../../platform/request-context.js';
import { todayInEngland } from '../../platform/today.js';
import { caseworkRoles } from '../assessments/service.js';
import { managerRoles } from '../management-decisions/service.js';
import * as plans from './service.js';

const params = z.object({ personId: z.string() });
const heldOnField: DateField[] = [{ name: 'heldOn', label: 'Date of the core group meeting' }];
const endedOnField: DateField[] = [{ name: 'endedOn', label: 'Date the plan ended' }];
const coreGroupSchema = z.object({
  notes: z
    .string()
    .trim()
    .max(10_000, 'Write 10,000 characters or fewer')
    .optional()
    .transform((v) => v || null),
});
const endSchema = z.object({
  version: z.coerce.number().int().positive(),
  reason: z
    .string()
    .optional()
    .transform((v) => v || null),
});

export async function protectionPlanRoutes(app: FastifyInstance, { db }: { db: Kysely<Database> }) {
  const renderCoreGroup = async (reply: FastifyReply, actor: Actor, personId: string, form: FormState, status = 200) => {
    const view = await plans.viewOpenPlan(db, actor, personId);
    reply.code(status);
    return reply.page('child-protection-plans/views/core-group.njk', {
      pageTitle: 'Record a core group meeting',
      section: 'child-protection',
      ...view,
      form,
    });
  };
  app.get('/children/:personId/casework/protection-plan/core-groups/new', { config: { roles: caseworkRoles } }, async (request, reply) =>
    renderCoreGroup(
      reply,
      signedIn(request),
      params.parse(request.params).personId,
      emptyForm(heldOnField, {}, { heldOn: todayInEngland() }),
    ),
  );
  app.post('/children/:personId/casework/protection-plan/core-groups/new', { config: { roles: caseworkRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const { personId } = params.parse(request.params);
    const parsed = readForm(request.body, coreGroupSchema, heldOnField, [], ['heldOn', 'notes']);
    if (!parsed.ok) return renderCoreGroup(reply, actor, personId, parsed.form, 400);
    const result = await plans.recordCoreGroup(db, actor, personId, {
      ...parsed.data,
      heldOn: parsed.dates.heldOn as string,
      today: todayInEngland(),
    });
    if (!result.ok) return renderCoreGroup(reply, actor, personId, withErrors(parsed.form, result.problems, heldOnField), 400);
    return reply.redirect(`/children/${personId}/casework/child-protection`, 303);
  });

  const renderEnd = async (reply: FastifyReply, actor: Actor, personId: string, form: FormState, status = 200) => {
    const view = await plans.viewOpenPlan(db, actor, personId);
    reply.code(status);
    return reply.page('child-protection-plans/views/end.njk', {
      pageTitle: 'End the child protection plan',
      section: 'child-protection',
      ...view,
      version: form.values.version ?? String(view.plan?.version ?? ''),
      refused: status === 400 && Boolean(form.errors.authorisation),
      isManager: managerRoles.includes(actor.role),
      form,
      reasonItems: radioItems(
        planEndReasons.filter((r) => r.code !== 'stepped_up').map((r) => ({ value: r.code, text: r.label })),
        form.values.reason,
      ),
    });
  };
  app.get('/children/:personId/casework/protection-plan/end', { config: { roles: caseworkRoles } }, async (request, reply) =>
    renderEnd(reply, signedIn(request), params.parse(request.params).personId, emptyForm(endedOnField, {}, { endedOn: todayInEngland() })),
  );
  app.post('/children/:personId/casework/protection-plan/end', { config: { roles: caseworkRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const { personId } = params.parse(request.params);
    const parsed = readForm(request.body, endSchema, endedOnField, [], ['form', 'authorisation', 'endedOn', 'reason']);
    if (!parsed.ok) {
      if (parsed.form.errors.version) throw new BadRequestError('The form was missing the plan’s version. Reload the page and try again.');
      return renderEnd(reply, actor, personId, parsed.form, 400);
    }
    const result = await plans.endProtectionPlan(db, actor, personId, {
      ...parsed.data,
      endedOn: parsed.dates.endedOn as string,
      today: todayInEngland(),
    });
    if (!result.ok) return renderEnd(reply, actor, personId, withErrors(parsed.form, result.problems, endedOnField), 400);
    return reply.redirect(`/children/${personId}/casework/child-protection`, 303);
  });
}
