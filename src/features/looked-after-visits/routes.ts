import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import type { Actor } from '../../platform/actor.js';
import { type DateField, emptyForm, type FormState, radioItems, readForm, withErrors } from '../../platform/form-fields.js';
import { signedIn } from '../../platform/request-context.js';
import { todayInEngland } from '../../platform/today.js';
import { careRecorders, careViewers } from '../looked-after/service.js';
import * as visits from './service.js';

const params = z.object({ personId: z.string() });
const visitDates: DateField[] = [{ name: 'visitedOn', label: 'Date of the visit' }];
const yesNo = (message: string) => z.enum(['yes', 'no'], { error: message }).transform((v) => v === 'yes');
const visitSchema = z.object({
  childSeen: yesNo('Select whether the child was seen'),
  seenAlone: yesNo('Select whether the child was seen alone'),
  bedroomSeen: yesNo('Select whether the child’s bedroom was seen'),
  childsViews: z
    .string()
    .trim()
    .max(10_000, 'The child’s views must be 10,000 characters or fewer')
    .optional()
    .transform((v) => v || null),
  lateReason: z
    .string()
    .trim()
    .max(1000, 'The reason must be 1,000 characters or fewer')
    .optional()
    .transform((v) => v || null),
});
const yesNoItems = (checked: string | undefined) =>
  radioItems(
    [
      { value: 'yes', text: 'Yes' },
      { value: 'no', text: 'No' },
    ],
    checked,
  );

export async function lookedAfterVisitRoutes(app: FastifyInstance, { db }: { db: Kysely<Database> }) {
  app.get('/children/:personId/visits', { config: { roles: careViewers } }, async (request, reply) => {
    const actor = signedIn(request);
    const view = await visits.viewVisits(db, actor, params.parse(request.params).personId);
    return reply.page('looked-after-visits/views/overview.njk', {
      pageTitle: `Visits: ${view.header.child.given_name} ${view.header.child.family_name}`,
      section: 'visits',
      header: view.header,
      visits: view.visits,
      nextDue: view.nextDue,
      canRecord: careRecorders.includes(actor.role),
    });
  });

  const render = async (reply: FastifyReply, actor: Actor, personId: string, form: FormState, status = 200) => {
    const view = await visits.viewVisits(db, actor, personId);
    reply.code(status);
    return reply.page('looked-after-visits/views/visit.njk', {
      pageTitle: 'Record a statutory visit',
      section: 'visits',
      header: view.header,
      nextDue: view.nextDue,
      form,
      childSeen: yesNoItems(form.values.childSeen),
      seenAlone: yesNoItems(form.values.seenAlone),
      bedroomSeen: yesNoItems(form.values.bedroomSeen),
    });
  };
  app.get('/children/:personId/visits/new', { config: { roles: careRecorders } }, async (request, reply) =>
    render(reply, signedIn(request), params.parse(request.params).personId, emptyForm(visitDates, {}, { visitedOn: todayInEngland() })),
  );
  app.post('/children/:personId/visits/new', { config: { roles: careRecorders } }, async (request, reply) => {
    const actor = signedIn(request);
    const { personId } = params.parse(request.params);
    const parsed = readForm(
      request.body,
      visitSchema,
      visitDates,
      [],
      ['visitedOn', 'childSeen', 'seenAlone', 'bedroomSeen', 'childsViews', 'lateReason'],
    );
    if (!parsed.ok) return render(reply, actor, personId, parsed.form, 400);
    const result = await visits.recordVisit(db, actor, personId, {
      visitedOn: parsed.dates.visitedOn as string,
      ...parsed.data,
      today: todayInEngland(),
    });
    if (!result.ok) return render(reply, actor, personId, withErrors(parsed.form, result.problems, visitDates), 400);
    return reply.redirect(`/children/${personId}/visits`, 303);
  });
}
