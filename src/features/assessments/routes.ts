import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { assessmentKindLabel, assessmentKinds } from '../../domain/child-protection/assessment-kinds.js';
import { assessmentOutcomes, isAssessmentOutcome } from '../../domain/child-protection/assessment-outcomes.js';
import { assessmentFactorCodes } from '../../domain/codes/cin-assessment-factors.js';
import type { Actor } from '../../platform/actor.js';
import { BadRequestError } from '../../platform/errors.js';
import { type DateField, emptyForm, type FormState, radioItems, readForm, withErrors } from '../../platform/form-fields.js';
import { signedIn } from '../../platform/request-context.js';
import { todayInEngland } from '../../platform/today.js';
import { childRecordRoles } from '../children/service.js';
import { managerRoles } from '../management-decisions/service.js';
import * as assessments from './service.js';

const params = z.object({ personId: z.string() });
const assessmentParams = z.object({ personId: z.string(), assessmentId: z.string().uuid() });
const version = z.coerce.number().int().positive();
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Write ${max.toLocaleString('en-GB')} characters or fewer`)
    .optional()
    .transform((v) => v || null);
const startDates: DateField[] = [{ name: 'startedOn', label: 'Date the assessment started' }];
const authorisedDates: DateField[] = [{ name: 'authorisedOn', label: 'Date of authorisation' }];
const startSchema = z.object({ kind: z.enum(['child_and_family', 'disabled_child'], { error: 'Select the kind of assessment' }) });
const submitSchema = z.object({
  version,
  factors: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
  outcome: z
    .string()
    .optional()
    .transform((v) => (v && isAssessmentOutcome(v) ? v : null)),
  summary: optionalText(20_000),
});
const authoriseSchema = z.object({ version, lateReason: optionalText(2000), rationale: optionalText(5000) });
const returnSchema = z.object({ version, comments: optionalText(5000) });

/** Every value of a multi-choice field as posted (one value arrives as a string). */
function chosen(body: unknown, name: string): string[] {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return value === undefined ? [] : ([] as unknown[]).concat(value).map(String);
}

export async function assessmentRoutes(app: FastifyInstance, { db }: { db: Kysely<Database> }) {
  const base = (personId: string) => `/children/${personId}/casework/assessments`;

  app.get('/children/:personId/casework/assessments', { config: { roles: childRecordRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const view = await assessments.viewAssessments(db, actor, params.parse(request.params).personId);
    return reply.page('assessments/views/list.njk', {
      pageTitle: `Assessments: ${view.header.given_name} ${view.header.family_name}`,
      section: 'assessments',
      header: view.header,
      referral: view.referral,
      dueOn: view.dueOn,
      canStart:
        assessments.caseworkRoles.includes(actor.role) &&
        view.referral !== null &&
        view.assessments.every((a) => a.status === 'authorised'),
      assessments: view.assessments.map((a) => ({ ...a, kindLabel: assessmentKindLabel(a.kind) })),
    });
  });

  const renderStart = async (reply: FastifyReply, actor: Actor, personId: string, form: FormState, status = 200) => {
    const view = await assessments.viewAssessments(db, actor, personId);
    reply.code(status);
    return reply.page('assessments/views/start.njk', {
      pageTitle: 'Start an assessment',
      section: 'assessments',
      header: view.header,
      referral: view.referral,
      dueOn: view.dueOn,
      form,
      kindItems: radioItems(
        assessmentKinds.map((k) => ({
          value: k.code,
          text: k.label,
          ...(k.code === 'disabled_child' ? { hint: 'Reported separately, so disabled children’s waits can be seen' } : {}),
        })),
        form.values.kind,
      ),
    });
  };
  app.get('/children/:personId/casework/assessments/new', { config: { roles: assessments.caseworkRoles } }, async (request, reply) =>
    renderStart(
      reply,
      signedIn(request),
      params.parse(request.params).personId,
      emptyForm(startDates, { kind: 'child_and_family' }, { startedOn: todayInEngland() }),
    ),
  );
  app.post('/children/:personId/casework/assessments/new', { config: { roles: assessments.caseworkRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const { personId } = params.parse(request.params);
    const parsed = readForm(request.body, startSchema, startDates, [], ['kind', 'startedOn']);
    if (!parsed.ok) return renderStart(reply, actor, personId, parsed.form, 400);
    const result = await assessments.startAssessment(db, actor, personId, {
      kind: parsed.data.kind,
      startedOn: parsed.dates.startedOn as string,
      today: todayInEngland(),
    });
    if (!result.ok) return renderStart(reply, actor, personId, withErrors(parsed.form, result.problems, startDates), 400);
    return reply.redirect(`${base(personId)}/${result.id}`, 303);
  });

  app.get('/children/:personId/casework/assessments/:assessmentId', { config: { roles: childRecordRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const { personId, assessmentId } = assessmentParams.parse(request.params);
    const view = await assessments.viewAssessment(db, actor, personId, assessmentId);
    const isManager = managerRoles.includes(actor.role);
    return reply.page('assessments/views/assessment.njk', {
      pageTitle: `${view.assessment.kindLabel}: ${view.header.given_name} ${view.header.family_name}`,
      section: 'assessments',
      ...view,
      canSubmit: view.assessment.status === 'in_progress' && assessments.caseworkRoles.includes(actor.role),
      canAuthorise: view.assessment.status === 'awaiting_authorisation' && isManager,
    });
  });

  const renderSubmit = async (
    reply: FastifyReply,
    actor: Actor,
    personId: string,
    assessmentId: string,
    form: FormState,
    factors: string[],
    status = 200,
  ) => {
    const view = await assessments.viewAssessment(db, actor, personId, assessmentId);
    reply.code(status);
    const ticked = new Set(factors);
    return reply.page('assessments/views/submit.njk', {
      pageTitle: 'Send the assessment for authorisation',
      section: 'assessments',
      ...view,
      version: form.values.version ?? String(view.assessment.version),
      form,
      factorItems: assessmentFactorCodes.map((f) => ({
        value: f.code,
        text: `${f.code}: ${f.label}`,
        checked: ticked.has(f.code),
        ...(f.code === '21' ? { behaviour: 'exclusive' } : {}),
      })),
      outcomeItems: radioItems(
        assessmentOutcomes.map((o) => ({ value: o.code, text: o.label })),
        form.values.outcome,
      ),
    });
  };
  app.get(
    '/children/:personId/casework/assessments/:assessmentId/submit',
    { config: { roles: assessments.caseworkRoles } },
    async (request, reply) => {
      const actor = signedIn(request);
      const { personId, assessmentId } = assessmentParams.parse(request.params);
      const view = await assessments.viewAssessment(db, actor, personId, assessmentId);
      const a = view.assessment;
      return renderSubmit(reply, actor, personId, assessmentId, emptyForm([], { outcome: a.outcome ?? '', summary: a.summary ?? '' }), [
        ...a.factors,
      ]);
    },
  );
  app.post(
    '/children/:personId/casework/assessments/:assessmentId/submit',
    { config: { roles: assessments.caseworkRoles } },
    async (request, reply) => {
      const actor = signedIn(request);
      const { personId, assessmentId } = assessmentParams.parse(request.params);
      const factors = chosen(request.body, 'factors');
      const parsed = readForm(request.body, submitSchema, [], [], ['factors', 'outcome', 'summary']);
      if (!parsed.ok) {
        if (parsed.form.errors.version)
          throw new BadRequestError('The form was missing the assessment’s version. Reload the page and try again.');
        return renderSubmit(reply, actor, personId, assessmentId, parsed.form, factors, 400);
      }
      const result = await assessments.submitAssessment(db, actor, personId, assessmentId, { ...parsed.data, today: todayInEngland() });
      if (!result.ok) return renderSubmit(reply, actor, personId, assessmentId, withErrors(parsed.form, result.problems), factors, 400);
      return reply.redirect(`${base(personId)}/${assessmentId}`, 303);
    },
  );

  const renderAuthorise = async (
    reply: FastifyReply,
    actor: Actor,
    personId: string,
    assessmentId: string,
    form: FormState,
    status = 200,
  ) => {
    const view = await assessments.viewAssessment(db, actor, personId, assessmentId);
    reply.code(status);
    return reply.page('assessments/views/authorise.njk', {
      pageTitle: 'Authorise the assessment',
      section: 'assessments',
      ...view,
      version: form.values.version ?? String(view.assessment.version),
      form,
    });
  };
  app.get(
    '/children/:personId/casework/assessments/:assessmentId/authorise',
    { config: { roles: managerRoles } },
    async (request, reply) => {
      const { personId, assessmentId } = assessmentParams.parse(request.params);
      return renderAuthorise(
        reply,
        signedIn(request),
        personId,
        assessmentId,
        emptyForm(authorisedDates, {}, { authorisedOn: todayInEngland() }),
      );
    },
  );
  app.post(
    '/children/:personId/casework/assessments/:assessmentId/authorise',
    { config: { roles: managerRoles } },
    async (request, reply) => {
      const actor = signedIn(request);
      const { personId, assessmentId } = assessmentParams.parse(request.params);
      const parsed = readForm(request.body, authoriseSchema, authorisedDates, [], ['authorisedOn', 'lateReason', 'rationale']);
      if (!parsed.ok) {
        if (parsed.form.errors.version)
          throw new BadRequestError('The form was missing the assessment’s version. Reload the page and try again.');
        return renderAuthorise(reply, actor, personId, assessmentId, parsed.form, 400);
      }
      const result = await assessments.authoriseAssessment(db, actor, personId, assessmentId, {
        ...parsed.data,
        authorisedOn: parsed.dates.authorisedOn as string,
        today: todayInEngland(),
      });
      if (!result.ok)
        return renderAuthorise(reply, actor, personId, assessmentId, withErrors(parsed.form, result.problems, authorisedDates), 400);
      return reply.redirect(`${base(personId)}/${assessmentId}`, 303);
    },
  );

  const renderReturn = async (reply: FastifyReply, actor: Actor, personId: string, assessmentId: string, form: FormState, status = 200) => {
    const view = await assessments.viewAssessment(db, actor, personId, assessmentId);
    reply.code(status);
    return reply.page('assessments/views/return.njk', {
      pageTitle: 'Return the assessment for more work',
      section: 'assessments',
      ...view,
      version: form.values.version ?? String(view.assessment.version),
      form,
    });
  };
  app.get('/children/:personId/casework/assessments/:assessmentId/return', { config: { roles: managerRoles } }, async (request, reply) => {
    const { personId, assessmentId } = assessmentParams.parse(request.params);
    return renderReturn(reply, signedIn(request), personId, assessmentId, emptyForm([]));
  });
  app.post('/children/:personId/casework/assessments/:assessmentId/return', { config: { roles: managerRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const { personId, assessmentId } = assessmentParams.parse(request.params);
    const parsed = readForm(request.body, returnSchema, [], [], ['comments']);
    if (!parsed.ok) {
      if (parsed.form.errors.version)
        throw new BadRequestError('The form was missing the assessment’s version. Reload the page and try again.');
      return renderReturn(reply, actor, personId, assessmentId, parsed.form, 400);
    }
    const result = await assessments.returnAssessment(db, actor, personId, assessmentId, { ...parsed.data, today: todayInEngland() });
    if (!result.ok) return renderReturn(reply, actor, personId, assessmentId, withErrors(parsed.form, result.problems), 400);
    return reply.redirect(`${base(personId)}/${assessmentId}`, 303);
  });
}
