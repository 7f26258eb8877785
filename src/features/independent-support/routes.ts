import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import type { Actor } from '../../platform/actor.js';
import { NotFoundError } from '../../platform/errors.js';
import { type DateField, emptyForm, type FormState, radioItems, readForm, withErrors } from '../../platform/form-fields.js';
import { signedIn } from '../../platform/request-context.js';
import type { Role } from '../../platform/roles.js';
import { todayInEngland } from '../../platform/today.js';
import { viewReviews } from '../looked-after-reviews/service.js';
import * as support from './service.js';

const supportRecorders: readonly Role[] = ['social_worker', 'team_manager', 'service_manager', 'reviewing_officer'];
const params = z.object({ personId: z.string(), supportId: z.string().optional() });
const recordDates: DateField[] = [
  { name: 'childAskedOn', label: 'Date the child asked', optional: true },
  { name: 'offeredOn', label: 'Date it was offered', optional: true },
  { name: 'declinedOn', label: 'Date the child declined', optional: true },
  { name: 'startedOn', label: 'Date it started', optional: true },
];
const recordSchema = z.object({
  kind: z.enum(['independent_visitor', 'advocate'], { error: 'Select an independent visitor or an advocate' }),
  providedBy: z
    .string()
    .trim()
    .max(200, 'Who it is must be 200 characters or fewer')
    .optional()
    .transform((v) => v || null),
});
const endDates: DateField[] = [{ name: 'endedOn', label: 'Date it stopped' }];

export async function independentSupportRoutes(app: FastifyInstance, { db }: { db: Kysely<Database> }) {
  const recorders = { config: { roles: supportRecorders } };
  const render = async (reply: FastifyReply, actor: Actor, personId: string, form: FormState, ending: string | null, status = 200) => {
    const view = await viewReviews(db, actor, personId);
    const item = ending ? view.support.find((s) => s.id === ending && s.started_on !== null && s.ended_on === null) : null;
    if (ending && !item) throw new NotFoundError();
    reply.code(status);
    return reply.page('independent-support/views/form.njk', {
      pageTitle: item
        ? `Record that the ${support.supportKindNames[item.kind].toLowerCase()} stopped`
        : 'Record an independent visitor or advocate',
      section: 'reviews',
      header: view.header,
      ending: item,
      form,
      kinds: radioItems(
        [
          { value: 'advocate', text: 'Advocate', hint: 'Helps the child say what they want, for example at reviews' },
          { value: 'independent_visitor', text: 'Independent visitor', hint: 'A volunteer who visits and befriends the child' },
        ],
        form.values.kind,
      ),
    });
  };

  app.get('/children/:personId/independent-support/new', recorders, async (request, reply) =>
    render(reply, signedIn(request), params.parse(request.params).personId, emptyForm(recordDates), null),
  );
  app.post('/children/:personId/independent-support/new', recorders, async (request, reply) => {
    const actor = signedIn(request);
    const { personId } = params.parse(request.params);
    const parsed = readForm(
      request.body,
      recordSchema,
      recordDates,
      [],
      ['kind', 'childAskedOn', 'offeredOn', 'declinedOn', 'startedOn', 'providedBy'],
    );
    if (!parsed.ok) return render(reply, actor, personId, parsed.form, null, 400);
    const result = await support.recordSupport(db, actor, personId, {
      kind: parsed.data.kind,
      childAskedOn: parsed.dates.childAskedOn ?? null,
      offeredOn: parsed.dates.offeredOn ?? null,
      declinedOn: parsed.dates.declinedOn ?? null,
      startedOn: parsed.dates.startedOn ?? null,
      providedBy: parsed.data.providedBy,
      today: todayInEngland(),
    });
    if (!result.ok) return render(reply, actor, personId, withErrors(parsed.form, result.problems, recordDates), null, 400);
    return reply.redirect(`/children/${personId}/reviews#independent-support`, 303);
  });

  app.get('/children/:personId/independent-support/:supportId/end', recorders, async (request, reply) => {
    const actor = signedIn(request);
    const { personId, supportId = '' } = params.parse(request.params);
    const view = await viewReviews(db, actor, personId);
    const item = view.support.find((s) => s.id === supportId);
    return render(reply, actor, personId, emptyForm(endDates, { version: String(item?.version ?? '') }), supportId);
  });
  app.post('/children/:personId/independent-support/:supportId/end', recorders, async (request, reply) => {
    const actor = signedIn(request);
    const { personId, supportId = '' } = params.parse(request.params);
    const parsed = readForm(request.body, z.object({ version: z.coerce.number().int().positive() }), endDates);
    if (!parsed.ok) return render(reply, actor, personId, parsed.form, supportId, 400);
    const result = await support.endSupport(db, actor, personId, {
      supportId,
      version: parsed.data.version,
      endedOn: parsed.dates.endedOn as string,
    });
    if (!result.ok) return render(reply, actor, personId, withErrors(parsed.form, result.problems, endDates), supportId, 400);
    return reply.redirect(`/children/${personId}/reviews#independent-support`, 303);
  });
}
