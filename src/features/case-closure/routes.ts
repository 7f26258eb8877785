import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { reasonForClosureCodes } from '../../domain/codes/cin-reason-for-closure.js';
import type { Actor } from '../../platform/actor.js';
import { BadRequestError } from '../../platform/errors.js';
import { type DateField, emptyForm, type FormState, readForm, selectItems, withErrors } from '../../platform/form-fields.js';
import { signedIn } from '../../platform/request-context.js';
import { todayInEngland } from '../../platform/today.js';
import { caseworkRoles } from '../assessments/service.js';
import { managerRoles } from '../management-decisions/service.js';
import * as closure from './service.js';

const params = z.object({ personId: z.string() });
/** The reasons Hearth gives for not closing the case, listed on the page with their own anchors. */
const refusalFields = ['form', 'openAssessment', 'openEnquiry', 'openProtectionPlan', 'openChildInNeedPlan', 'authorisation'];
const closedOnField: DateField[] = [{ name: 'closedOn', label: 'Date of closure' }];
const schema = z.object({
  version: z.coerce.number().int().positive(),
  reason: z
    .string()
    .optional()
    .transform((v) => v || null),
});

export async function caseClosureRoutes(app: FastifyInstance, { db }: { db: Kysely<Database> }) {
  const render = async (reply: FastifyReply, actor: Actor, personId: string, form: FormState, status = 200) => {
    const view = await closure.viewClosure(db, actor, personId);
    reply.code(status);
    return reply.page('case-closure/views/close.njk', {
      pageTitle: 'Close the case',
      section: 'child-in-need',
      ...view,
      version: form.values.version ?? String(view.referral?.version ?? ''),
      refusals: refusalFields.flatMap((field) => (form.errors[field] ? [{ field, message: form.errors[field] }] : [])),
      isManager: managerRoles.includes(actor.role),
      form,
      reasonItems: selectItems(reasonForClosureCodes, form.values.reason),
    });
  };
  app.get('/children/:personId/casework/closure', { config: { roles: caseworkRoles } }, async (request, reply) =>
    render(reply, signedIn(request), params.parse(request.params).personId, emptyForm(closedOnField, {}, { closedOn: todayInEngland() })),
  );
  app.post('/children/:personId/casework/closure', { config: { roles: caseworkRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const { personId } = params.parse(request.params);
    const parsed = readForm(request.body, schema, closedOnField, [], [...refusalFields, 'closedOn', 'reason']);
    if (!parsed.ok) {
      if (parsed.form.errors.version)
        throw new BadRequestError('The form was missing the referral’s version. Reload the page and try again.');
      return render(reply, actor, personId, parsed.form, 400);
    }
    const result = await closure.closeCase(db, actor, personId, {
      ...parsed.data,
      closedOn: parsed.dates.closedOn as string,
      today: todayInEngland(),
    });
    if (!result.ok) return render(reply, actor, personId, withErrors(parsed.form, result.problems, closedOnField), 400);
    return reply.redirect(`/children/${personId}/casework`, 303);
  });
}
