import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { agencies, isAgency } from '../../domain/child-protection/agencies.js';
import { strategyDecisions } from '../../domain/child-protection/strategy-decisions.js';
import type { Actor } from '../../platform/actor.js';
import { type DateField, emptyForm, type FormState, radioItems, readForm, withErrors } from '../../platform/form-fields.js';
import { signedIn } from '../../platform/request-context.js';
import { todayInEngland } from '../../platform/today.js';
import { caseworkRoles } from '../assessments/service.js';
import * as discussions from './service.js';

const params = z.object({ personId: z.string() });
const heldOnField: DateField[] = [{ name: 'heldOn', label: 'Date of the strategy discussion' }];
const schema = z.object({
  agencies: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : ([] as string[]).concat(v)))
    .refine((v) => v.every(isAgency), 'Select agencies from the list'),
  participants: z
    .string()
    .trim()
    .max(2000, 'Write 2,000 characters or fewer')
    .optional()
    .transform((v) => v || null),
  decision: z.enum(['section_47', 'single_agency_assessment', 'no_further_action'], { error: 'Select what the discussion decided' }),
  rationale: z.string().trim().min(1, 'Say why the discussion decided this').max(5000, 'Write 5,000 characters or fewer'),
});

export async function strategyDiscussionRoutes(app: FastifyInstance, { db }: { db: Kysely<Database> }) {
  const render = async (reply: FastifyReply, actor: Actor, personId: string, form: FormState, ticked: readonly string[], status = 200) => {
    const view = await discussions.strategyDiscussionForm(db, actor, personId);
    reply.code(status);
    return reply.page('strategy-discussions/views/new.njk', {
      pageTitle: 'Record a strategy discussion',
      section: 'child-protection',
      header: view.header,
      referral: view.referral,
      form,
      agencyItems: agencies.map((a) => ({ value: a.code, text: a.label, checked: ticked.includes(a.code) })),
      decisionItems: radioItems(
        strategyDecisions.map((d) => ({ value: d.code, text: d.label })),
        form.values.decision,
      ),
    });
  };
  app.get('/children/:personId/casework/strategy-discussions/new', { config: { roles: caseworkRoles } }, async (request, reply) =>
    render(reply, signedIn(request), params.parse(request.params).personId, emptyForm(heldOnField, {}, { heldOn: todayInEngland() }), [
      'social_care',
      'police',
      'health',
    ]),
  );
  app.post('/children/:personId/casework/strategy-discussions/new', { config: { roles: caseworkRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const { personId } = params.parse(request.params);
    const ticked = ([] as unknown[]).concat((request.body as Record<string, unknown> | undefined)?.agencies ?? []).map(String);
    const parsed = readForm(request.body, schema, heldOnField, [], ['heldOn', 'agencies', 'participants', 'decision', 'rationale']);
    if (!parsed.ok) return render(reply, actor, personId, parsed.form, ticked, 400);
    const result = await discussions.recordStrategyDiscussion(db, actor, personId, {
      ...parsed.data,
      heldOn: parsed.dates.heldOn as string,
      today: todayInEngland(),
    });
    if (!result.ok) return render(reply, actor, personId, withErrors(parsed.form, result.problems, heldOnField), ticked, 400);
    return reply.redirect(`/children/${personId}/casework/child-protection`, 303);
  });
}
