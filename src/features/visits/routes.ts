import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import type { Actor } from '../../platform/actor.js';
import { type DateField, emptyForm, type FormState, radioItems, readForm, withErrors } from '../../platform/form-fields.js';
import { signedIn } from '../../platform/request-context.js';
import { todayInEngland } from '../../platform/today.js';
import { caseworkRoles } from '../assessments/service.js';
import { childRecordRoles } from '../children/service.js';
import * as visits from './service.js';

const params = z.object({ personId: z.string() });
const visitedOnField: DateField[] = [{ name: 'visitedOn', label: 'Date of the visit' }];
const yesNo = (message: string) => z.enum(['yes', 'no'], { error: message }).transform((v) => v === 'yes');
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Write ${max.toLocaleString('en-GB')} characters or fewer`)
    .optional()
    .transform((v) => v || null);
const schema = z.object({
  childSeen: yesNo('Select whether the child was seen'),
  seenAlone: yesNo('Select whether the child was seen alone'),
  bedroomSeen: yesNo('Select whether the child’s bedroom was seen'),
  childsViews: optionalText(10_000),
  lateReason: optionalText(1000),
});
const yesNoItems = (checked: string | undefined) =>
  radioItems(
    [
      { value: 'yes', text: 'Yes' },
      { value: 'no', text: 'No' },
    ],
    checked,
  );

export async function caseworkVisitRoutes(app: FastifyInstance, { db }: { db: Kysely<Database> }) {
  app.get('/children/:personId/casework/visits', { config: { roles: childRecordRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const view = await visits.viewVisits(db, actor, params.parse(request.params).personId);
    return reply.page('visits/views/visits.njk', {
      pageTitle: `Visits: ${view.header.given_name} ${view.header.family_name}`,
      section: 'visits',
      ...view,
      canRecord: caseworkRoles.includes(actor.role),
    });
  });

  const render = async (reply: FastifyReply, actor: Actor, personId: string, form: FormState, status = 200) => {
    const view = await visits.viewVisits(db, actor, personId);
    reply.code(status);
    return reply.page('visits/views/visit.njk', {
      pageTitle: 'Record a statutory visit',
      section: 'visits',
      ...view,
      form,
      childSeen: yesNoItems(form.values.childSeen),
      seenAlone: yesNoItems(form.values.seenAlone),
      bedroomSeen: yesNoItems(form.values.bedroomSeen),
    });
  };
  app.get('/children/:personId/casework/visits/new', { config: { roles: caseworkRoles } }, async (request, reply) =>
    render(reply, signedIn(request), params.parse(request.params).personId, emptyForm(visitedOnField, {}, { visitedOn: todayInEngland() })),
  );
  app.post('/children/:personId/casework/visits/new', { config: { roles: caseworkRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const { personId } = params.parse(request.params);
    const parsed = readForm(
      request.body,
      schema,
      visitedOnField,
      [],
      ['form', 'visitedOn', 'childSeen', 'seenAlone', 'bedroomSeen', 'childsViews', 'lateReason'],
    );
    if (!parsed.ok) return render(reply, actor, personId, parsed.form, 400);
    const result = await visits.recordVisit(db, actor, personId, {
      ...parsed.data,
      visitedOn: parsed.dates.visitedOn as string,
      today: todayInEngland(),
    });
    if (!result.ok) return render(reply, actor, personId, withErrors(parsed.form, result.problems, visitedOnField), 400);
    return reply.redirect(`/children/${personId}/casework/visits`, 303);
  });
}
