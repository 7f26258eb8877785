import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { agencies, isAgency } from '../../domain/child-protection/agencies.js';
import { categoryOfAbuseCodes } from '../../domain/codes/cin-category-of-abuse.js';
import type { Actor } from '../../platform/actor.js';
import { type DateField, emptyForm, type FormState, radioItems, readForm, selectItems, withErrors } from '../../platform/form-fields.js';
import { signedIn } from '../../platform/request-context.js';
import { todayInEngland } from '../../platform/today.js';
import { caseworkRoles } from '../assessments/service.js';
import * as conferences from './service.js';

const params = z.object({ personId: z.string() });
const heldOnField: DateField[] = [{ name: 'heldOn', label: 'Date of the conference' }];
const common = {
  chair: z
    .string()
    .trim()
    .max(200, 'Write 200 characters or fewer')
    .optional()
    .transform((v) => v || null),
  agencies: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : ([] as string[]).concat(v)))
    .refine((v) => v.every(isAgency), 'Select agencies from the list'),
  categoryOfAbuse: z
    .string()
    .optional()
    .transform((v) => v || null),
};
const initialSchema = z.object({ ...common, decision: z.enum(['plan', 'no_plan'], { error: 'Select what the conference decided' }) });
const reviewSchema = z.object({
  ...common,
  decision: z.enum(['continue_plan', 'end_plan'], { error: 'Select what the conference decided' }),
});
const order = ['heldOn', 'chair', 'agencies', 'decision', 'categoryOfAbuse'];

const ticked = (body: unknown) => ([] as unknown[]).concat((body as Record<string, unknown> | undefined)?.agencies ?? []).map(String);

export async function conferenceRoutes(app: FastifyInstance, { db }: { db: Kysely<Database> }) {
  const formModel = (form: FormState, chosenAgencies: readonly string[]) => ({
    form,
    agencyItems: agencies.map((a) => ({ value: a.code, text: a.label, checked: chosenAgencies.includes(a.code) })),
    categoryItems: selectItems(categoryOfAbuseCodes, form.values.categoryOfAbuse),
  });

  const renderInitial = async (
    reply: FastifyReply,
    actor: Actor,
    personId: string,
    form: FormState,
    chosen: readonly string[],
    status = 200,
  ) => {
    const view = await conferences.initialConferenceForm(db, actor, personId);
    reply.code(status);
    return reply.page('conferences/views/initial.njk', {
      pageTitle: 'Record the initial child protection conference',
      section: 'child-protection',
      ...view,
      ...formModel(form, chosen),
      decisionItems: radioItems(
        [
          { value: 'plan', text: 'The child needs a child protection plan', hint: 'The plan starts on the day of the conference' },
          { value: 'no_plan', text: 'No child protection plan' },
        ],
        form.values.decision,
      ),
    });
  };
  app.get('/children/:personId/casework/conferences/initial', { config: { roles: caseworkRoles } }, async (request, reply) =>
    renderInitial(
      reply,
      signedIn(request),
      params.parse(request.params).personId,
      emptyForm(heldOnField, {}, { heldOn: todayInEngland() }),
      [],
    ),
  );
  app.post('/children/:personId/casework/conferences/initial', { config: { roles: caseworkRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const { personId } = params.parse(request.params);
    const parsed = readForm(request.body, initialSchema, heldOnField, [], order);
    if (!parsed.ok) return renderInitial(reply, actor, personId, parsed.form, ticked(request.body), 400);
    const result = await conferences.recordInitialConference(db, actor, personId, {
      ...parsed.data,
      heldOn: parsed.dates.heldOn as string,
      today: todayInEngland(),
    });
    if (!result.ok)
      return renderInitial(reply, actor, personId, withErrors(parsed.form, result.problems, heldOnField), ticked(request.body), 400);
    return reply.redirect(`/children/${personId}/casework/child-protection`, 303);
  });

  const renderReview = async (
    reply: FastifyReply,
    actor: Actor,
    personId: string,
    form: FormState,
    chosen: readonly string[],
    status = 200,
  ) => {
    const view = await conferences.reviewConferenceForm(db, actor, personId);
    reply.code(status);
    return reply.page('conferences/views/review.njk', {
      pageTitle: 'Record a review child protection conference',
      section: 'child-protection',
      ...view,
      ...formModel(form, chosen),
      decisionItems: radioItems(
        [
          { value: 'continue_plan', text: 'The plan continues' },
          { value: 'end_plan', text: 'The plan can end', hint: 'A manager then authorises ending it, with the evidence of progress' },
        ],
        form.values.decision,
      ),
    });
  };
  app.get('/children/:personId/casework/conferences/review', { config: { roles: caseworkRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const { personId } = params.parse(request.params);
    const view = await conferences.reviewConferenceForm(db, actor, personId);
    return renderReview(
      reply,
      actor,
      personId,
      emptyForm(heldOnField, { categoryOfAbuse: view.plan?.latest_category ?? '' }, { heldOn: todayInEngland() }),
      [],
    );
  });
  app.post('/children/:personId/casework/conferences/review', { config: { roles: caseworkRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const { personId } = params.parse(request.params);
    const parsed = readForm(request.body, reviewSchema, heldOnField, [], order);
    if (!parsed.ok) return renderReview(reply, actor, personId, parsed.form, ticked(request.body), 400);
    const result = await conferences.recordReviewConference(db, actor, personId, {
      ...parsed.data,
      heldOn: parsed.dates.heldOn as string,
      today: todayInEngland(),
    });
    if (!result.ok)
      return renderReview(reply, actor, personId, withErrors(parsed.form, result.problems, heldOnField), ticked(request.body), 400);
    return reply.redirect(`/children/${personId}/casework/child-protection`, 303);
  });
}
