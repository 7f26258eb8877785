import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { section47Outcomes } from '../../domain/child-protection/section-47-outcomes.js';
import type { Actor } from '../../platform/actor.js';
import { BadRequestError } from '../../platform/errors.js';
import { type DateField, emptyForm, type FormState, radioItems, readForm, withErrors } from '../../platform/form-fields.js';
import { signedIn } from '../../platform/request-context.js';
import { todayInEngland } from '../../platform/today.js';
import { caseworkRoles } from '../assessments/service.js';
import * as section47 from './service.js';

const params = z.object({ personId: z.string(), enquiryId: z.string().uuid() });
const completedOnField: DateField[] = [{ name: 'completedOn', label: 'Date the enquiry finished' }];
const schema = z.object({
  version: z.coerce.number().int().positive(),
  outcome: z.enum(['concerns_substantiated_icpc', 'concerns_substantiated_no_icpc', 'concerns_not_substantiated'], {
    error: 'Select what the enquiry found',
  }),
});

export async function section47Routes(app: FastifyInstance, { db }: { db: Kysely<Database> }) {
  const render = async (reply: FastifyReply, actor: Actor, personId: string, enquiryId: string, form: FormState, status = 200) => {
    const view = await section47.viewEnquiry(db, actor, personId, enquiryId);
    reply.code(status);
    return reply.page('section-47/views/outcome.njk', {
      pageTitle: 'Record the outcome of the section 47 enquiry',
      section: 'child-protection',
      header: view.header,
      enquiry: view.enquiry,
      version: form.values.version ?? String(view.enquiry.version),
      form,
      outcomeItems: radioItems(
        section47Outcomes.map((o) => ({ value: o.code, text: o.label })),
        form.values.outcome,
      ),
    });
  };
  app.get('/children/:personId/casework/section-47/:enquiryId/outcome', { config: { roles: caseworkRoles } }, async (request, reply) => {
    const { personId, enquiryId } = params.parse(request.params);
    return render(reply, signedIn(request), personId, enquiryId, emptyForm(completedOnField, {}, { completedOn: todayInEngland() }));
  });
  app.post('/children/:personId/casework/section-47/:enquiryId/outcome', { config: { roles: caseworkRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const { personId, enquiryId } = params.parse(request.params);
    const parsed = readForm(request.body, schema, completedOnField, [], ['completedOn', 'outcome']);
    if (!parsed.ok) {
      if (parsed.form.errors.version)
        throw new BadRequestError('The form was missing the enquiry’s version. Reload the page and try again.');
      return render(reply, actor, personId, enquiryId, parsed.form, 400);
    }
    const result = await section47.recordEnquiryOutcome(db, actor, personId, enquiryId, {
      ...parsed.data,
      completedOn: parsed.dates.completedOn as string,
      today: todayInEngland(),
    });
    if (!result.ok) return render(reply, actor, personId, enquiryId, withErrors(parsed.form, result.problems, completedOnField), 400);
    return reply.redirect(`/children/${personId}/casework/child-protection`, 303);
  });
}
