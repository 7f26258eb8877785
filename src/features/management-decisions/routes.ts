import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import {
  isStepDownDestination,
  isStepDownTarget,
  managementDecisionKindLabel,
  stepDownDestinationLabel,
  stepDownDestinations,
  stepDownTargetLabel,
  stepDownTargets,
} from '../../domain/child-protection/management-decision-kinds.js';
import type { Actor } from '../../platform/actor.js';
import { type DateField, emptyForm, type FormState, radioItems, readForm, withErrors } from '../../platform/form-fields.js';
import { signedIn } from '../../platform/request-context.js';
import { todayInEngland } from '../../platform/today.js';
import { formatDate } from '../../platform/view-filters.js';
import { childRecordRoles } from '../children/service.js';
import * as decisions from './service.js';

const params = z.object({ personId: z.string() });
const decidedOnField: DateField[] = [{ name: 'decidedOn', label: 'Date of the decision' }];
const text = (max: number, message: string) => z.string().trim().max(max, message);
const oversightSchema = z.object({
  kind: z.enum(['threshold', 'escalation'], { error: 'Select the kind of decision' }),
  rationale: text(5000, 'The reasons must be 5,000 characters or fewer').min(1, 'Say what you decided and why'),
});
const stepDownSchema = z.object({
  target: z
    .string()
    .optional()
    .transform((v) => (v && isStepDownTarget(v) ? v : null)),
  to: z
    .string()
    .optional()
    .transform((v) => (v && isStepDownDestination(v) ? v : null)),
  evidenceOfProgress: text(10_000, 'The evidence must be 10,000 characters or fewer')
    .optional()
    .transform((v) => v || null),
  rationale: text(5000, 'The reasons must be 5,000 characters or fewer')
    .optional()
    .transform((v) => v || null),
});

export async function managementDecisionRoutes(app: FastifyInstance, { db }: { db: Kysely<Database> }) {
  app.get('/children/:personId/casework/decisions', { config: { roles: childRecordRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const view = await decisions.viewDecisions(db, actor, params.parse(request.params).personId);
    return reply.page('management-decisions/views/decisions.njk', {
      pageTitle: `Manager decisions: ${view.header.given_name} ${view.header.family_name}`,
      section: 'decisions',
      header: view.header,
      canDecide: decisions.managerRoles.includes(actor.role),
      decisions: view.decisions.map((d) => ({
        heading: `${managementDecisionKindLabel(d.kind)}, ${formatDate(d.decided_on)}`,
        rows: [
          { key: { text: 'Decided by' }, value: { text: d.decided_by_name } },
          { key: { text: 'Why' }, value: { text: d.rationale } },
          ...(d.step_down_target
            ? [
                {
                  key: { text: 'Authorises' },
                  value: {
                    text: `${stepDownTargetLabel(d.step_down_target)}, to ${stepDownDestinationLabel(d.step_down_to)?.toLowerCase()}`,
                  },
                },
                { key: { text: 'Evidence of progress' }, value: { text: d.evidence_of_progress ?? '' } },
                { key: { text: 'Used' }, value: { text: d.used_for_type ? 'Yes' : 'Not yet' } },
              ]
            : []),
        ],
      })),
    });
  });

  const renderOversight = async (reply: FastifyReply, actor: Actor, personId: string, form: FormState, status = 200) => {
    const view = await decisions.viewDecisions(db, actor, personId);
    reply.code(status);
    return reply.page('management-decisions/views/decision-form.njk', {
      pageTitle: 'Record a manager’s decision',
      section: 'decisions',
      header: view.header,
      form,
      kindItems: radioItems(
        [
          { value: 'threshold', text: 'Threshold decision', hint: 'Whether the child’s needs meet the threshold for a service, and which' },
          {
            value: 'escalation',
            text: 'Escalation',
            hint: 'Stepping the work up: a strategy discussion, legal planning, a higher level of plan',
          },
        ],
        form.values.kind,
      ),
    });
  };
  app.get('/children/:personId/casework/decisions/new', { config: { roles: decisions.managerRoles } }, async (request, reply) =>
    renderOversight(
      reply,
      signedIn(request),
      params.parse(request.params).personId,
      emptyForm(decidedOnField, {}, { decidedOn: todayInEngland() }),
    ),
  );
  app.post('/children/:personId/casework/decisions/new', { config: { roles: decisions.managerRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const { personId } = params.parse(request.params);
    const parsed = readForm(request.body, oversightSchema, decidedOnField, [], ['kind', 'decidedOn', 'rationale']);
    if (!parsed.ok) return renderOversight(reply, actor, personId, parsed.form, 400);
    const result = await decisions.recordOversightDecision(db, actor, personId, {
      ...parsed.data,
      decidedOn: parsed.dates.decidedOn as string,
      today: todayInEngland(),
    });
    if (!result.ok) return renderOversight(reply, actor, personId, withErrors(parsed.form, result.problems, decidedOnField), 400);
    return reply.redirect(`/children/${personId}/casework/decisions`, 303);
  });

  const renderStepDown = async (reply: FastifyReply, actor: Actor, personId: string, form: FormState, status = 200) => {
    const view = await decisions.viewDecisions(db, actor, personId);
    reply.code(status);
    return reply.page('management-decisions/views/step-down-form.njk', {
      pageTitle: 'Authorise a step-down or closure',
      section: 'decisions',
      header: view.header,
      form,
      targetItems: radioItems(
        stepDownTargets.map((t) => ({ value: t.code, text: t.label })),
        form.values.target,
      ),
      toItems: radioItems(
        stepDownDestinations.map((d) => ({ value: d.code, text: d.label })),
        form.values.to,
      ),
    });
  };
  app.get('/children/:personId/casework/decisions/step-down', { config: { roles: decisions.managerRoles } }, async (request, reply) => {
    const target = String((request.query as { target?: unknown }).target ?? '');
    return renderStepDown(
      reply,
      signedIn(request),
      params.parse(request.params).personId,
      emptyForm(decidedOnField, isStepDownTarget(target) ? { target } : {}, { decidedOn: todayInEngland() }),
    );
  });
  app.post('/children/:personId/casework/decisions/step-down', { config: { roles: decisions.managerRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const { personId } = params.parse(request.params);
    const parsed = readForm(
      request.body,
      stepDownSchema,
      decidedOnField,
      [],
      ['target', 'to', 'decidedOn', 'evidenceOfProgress', 'rationale'],
    );
    if (!parsed.ok) return renderStepDown(reply, actor, personId, parsed.form, 400);
    const result = await decisions.authoriseStepDown(db, actor, personId, {
      ...parsed.data,
      decidedOn: parsed.dates.decidedOn as string,
      today: todayInEngland(),
    });
    if (!result.ok) return renderStepDown(reply, actor, personId, withErrors(parsed.form, result.problems, decidedOnField), 400);
    return reply.redirect(`/children/${personId}/casework/decisions`, 303);
  });
}
