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
const startedOnField: DateField[] = [{ name: 'startedOn', label: 'Date the plan started' }];
const reviewedOnField: DateField[] = [{ name: 'reviewedOn', label: 'Date of the review' }];
const endedOnField: DateField[] = [{ name: 'endedOn', label: 'Date the plan ended' }];
const reviewSchema = z.object({
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

export async function childInNeedPlanRoutes(app: FastifyInstance, { db }: { db: Kysely<Database> }) {
  const base = (personId: string) => `/children/${personId}/casework/child-in-need`;
  const render = async (
    reply: FastifyReply,
    actor: Actor,
    personId: string,
    template: string,
    pageTitle: string,
    form: FormState,
    status = 200,
  ) => {
    const view = await plans.viewChildInNeedPlans(db, actor, personId);
    const open = view.plans.find((p) => p.ended_on === null) ?? null;
    reply.code(status);
    return reply.page(`child-in-need-plans/views/${template}.njk`, {
      pageTitle,
      section: 'child-in-need',
      ...view,
      plan: open,
      version: form.values.version ?? String(open?.version ?? ''),
      refused: status === 400 && Boolean(form.errors.authorisation),
      isManager: managerRoles.includes(actor.role),
      form,
      reasonItems: radioItems(
        planEndReasons.filter((r) => r.code !== 'stepped_up').map((r) => ({ value: r.code, text: r.label })),
        form.values.reason,
      ),
    });
  };

  app.get('/children/:personId/casework/child-in-need-plans/new', { config: { roles: caseworkRoles } }, async (request, reply) =>
    render(
      reply,
      signedIn(request),
      params.parse(request.params).personId,
      'start',
      'Start a child in need plan',
      emptyForm(startedOnField, {}, { startedOn: todayInEngland() }),
    ),
  );
  app.post('/children/:personId/casework/child-in-need-plans/new', { config: { roles: caseworkRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const { personId } = params.parse(request.params);
    const parsed = readForm(request.body, z.object({}), startedOnField, [], ['form', 'startedOn']);
    if (!parsed.ok) return render(reply, actor, personId, 'start', 'Start a child in need plan', parsed.form, 400);
    const result = await plans.startChildInNeedPlan(db, actor, personId, {
      startedOn: parsed.dates.startedOn as string,
      today: todayInEngland(),
    });
    if (!result.ok)
      return render(
        reply,
        actor,
        personId,
        'start',
        'Start a child in need plan',
        withErrors(parsed.form, result.problems, startedOnField),
        400,
      );
    return reply.redirect(base(personId), 303);
  });

  app.get('/children/:personId/casework/child-in-need-plans/review', { config: { roles: caseworkRoles } }, async (request, reply) =>
    render(
      reply,
      signedIn(request),
      params.parse(request.params).personId,
      'review',
      'Record a child in need plan review',
      emptyForm(reviewedOnField, {}, { reviewedOn: todayInEngland() }),
    ),
  );
  app.post('/children/:personId/casework/child-in-need-plans/review', { config: { roles: caseworkRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const { personId } = params.parse(request.params);
    const parsed = readForm(request.body, reviewSchema, reviewedOnField, [], ['form', 'reviewedOn', 'notes']);
    if (!parsed.ok) return render(reply, actor, personId, 'review', 'Record a child in need plan review', parsed.form, 400);
    const result = await plans.reviewChildInNeedPlan(db, actor, personId, {
      ...parsed.data,
      reviewedOn: parsed.dates.reviewedOn as string,
      today: todayInEngland(),
    });
    if (!result.ok)
      return render(
        reply,
        actor,
        personId,
        'review',
        'Record a child in need plan review',
        withErrors(parsed.form, result.problems, reviewedOnField),
        400,
      );
    return reply.redirect(base(personId), 303);
  });

  app.get('/children/:personId/casework/child-in-need-plans/end', { config: { roles: caseworkRoles } }, async (request, reply) =>
    render(
      reply,
      signedIn(request),
      params.parse(request.params).personId,
      'end',
      'End the child in need plan',
      emptyForm(endedOnField, {}, { endedOn: todayInEngland() }),
    ),
  );
  app.post('/children/:personId/casework/child-in-need-plans/end', { config: { roles: caseworkRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const { personId } = params.parse(request.params);
    const parsed = readForm(request.body, endSchema, endedOnField, [], ['form', 'authorisation', 'endedOn', 'reason']);
    if (!parsed.ok) {
      if (parsed.form.errors.version) throw new BadRequestError('The form was missing the plan’s version. Reload the page and try again.');
      return render(reply, actor, personId, 'end', 'End the child in need plan', parsed.form, 400);
    }
    const result = await plans.endChildInNeedPlan(db, actor, personId, {
      ...parsed.data,
      endedOn: parsed.dates.endedOn as string,
      today: todayInEngland(),
    });
    if (!result.ok)
      return render(
        reply,
        actor,
        personId,
        'end',
        'End the child in need plan',
        withErrors(parsed.form, result.problems, endedOnField),
        400,
      );
    return reply.redirect(base(personId), 303);
  });
}
