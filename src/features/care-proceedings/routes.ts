import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { isLegalGatewayOutcomeCode, legalGatewayOutcomeCodes } from '../../domain/codes/ssd-legal-gateway-outcome.js';
import type { Actor } from '../../platform/actor.js';
import { NotFoundError } from '../../platform/errors.js';
import { type DateField, emptyForm, type FormState, readForm, selectItems, withErrors } from '../../platform/form-fields.js';
import { signedIn } from '../../platform/request-context.js';
import { todayInEngland } from '../../platform/today.js';
import { careRecorders, careViewers } from '../looked-after/service.js';
import * as court from './service.js';

const params = z.object({ personId: z.string(), itemId: z.string().optional() });
const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .optional()
    .transform((v) => v || null);
const version = z.coerce.number().int().positive();

const forms = {
  'pre-proceedings': {
    title: 'Start pre-proceedings',
    dates: [
      { name: 'gatewayOn', label: 'Date of the legal gateway meeting', optional: true },
      { name: 'startedOn', label: 'Date pre-proceedings started' },
    ] as DateField[],
    schema: z.object({
      gatewayOutcome: z
        .string()
        .optional()
        .refine((v) => !v || isLegalGatewayOutcomeCode(v), { message: 'Select the outcome of the legal gateway meeting' })
        .transform((v) => v || null),
    }),
    order: ['gatewayOn', 'gatewayOutcome', 'startedOn'],
  },
  'end-pre-proceedings': {
    title: 'End pre-proceedings',
    dates: [{ name: 'endedOn', label: 'Date pre-proceedings ended' }] as DateField[],
    schema: z.object({ version, reason: z.enum(['concerns_reduced', 'other'], { error: 'Select why pre-proceedings ended' }) }),
    order: ['endedOn', 'reason'],
  },
  issue: {
    title: 'Record care proceedings issued',
    dates: [
      { name: 'issuedOn', label: 'Date the application was issued' },
      { name: 'finalHearingOn', label: 'Date of the final hearing', optional: true },
    ] as DateField[],
    schema: z.object({ court: optionalText(200, 'Court'), caseNumber: optionalText(50, 'Case number') }),
    order: ['issuedOn', 'court', 'caseNumber', 'finalHearingOn'],
  },
  conclude: {
    title: 'Record how care proceedings ended',
    dates: [{ name: 'concludedOn', label: 'Date proceedings ended' }] as DateField[],
    schema: z.object({
      version,
      finalOrder: z.enum(court.finalOrders.map((o) => o.code) as [court.FinalOrder, ...court.FinalOrder[]], {
        error: 'Select the final order',
      }),
    }),
    order: ['concludedOn', 'finalOrder'],
  },
} as const;
type FormName = keyof typeof forms;

export async function careProceedingsRoutes(app: FastifyInstance, { db }: { db: Kysely<Database> }) {
  app.get('/children/:personId/court', { config: { roles: careViewers } }, async (request, reply) => {
    const actor = signedIn(request);
    const view = await court.viewCourtWork(db, actor, params.parse(request.params).personId);
    return reply.page('care-proceedings/views/overview.njk', {
      pageTitle: `Court: ${view.header.child.given_name} ${view.header.child.family_name}`,
      section: 'court',
      header: view.header,
      preProceedings: view.preProceedings,
      careProceedings: view.careProceedings,
      canRecord: careRecorders.includes(actor.role),
    });
  });

  const render = async (
    reply: FastifyReply,
    actor: Actor,
    personId: string,
    name: FormName,
    form: FormState,
    itemId: string | null,
    status = 200,
  ) => {
    const view = await court.viewCourtWork(db, actor, personId);
    const item =
      name === 'end-pre-proceedings'
        ? view.preProceedings.find((p) => p.id === itemId && p.ended_on === null)
        : name === 'conclude'
          ? view.careProceedings.find((p) => p.id === itemId && p.concluded_on === null)
          : null;
    if (itemId !== null && !item) throw new NotFoundError();
    reply.code(status);
    return reply.page('care-proceedings/views/form.njk', {
      pageTitle: forms[name].title,
      section: 'court',
      header: view.header,
      name,
      item,
      form: item && !form.values.version ? { ...form, values: { ...form.values, version: String(item.version) } } : form,
      gatewayOutcomes: selectItems(legalGatewayOutcomeCodes, form.values.gatewayOutcome, 'No legal gateway meeting recorded'),
      endReasons: selectItems(court.preProceedingsEndReasons, form.values.reason),
      finalOrders: selectItems(court.finalOrders, form.values.finalOrder),
    });
  };

  const routes: { path: string; name: FormName }[] = [
    { path: '/children/:personId/court/pre-proceedings', name: 'pre-proceedings' },
    { path: '/children/:personId/court/pre-proceedings/:itemId/end', name: 'end-pre-proceedings' },
    { path: '/children/:personId/court/proceedings', name: 'issue' },
    { path: '/children/:personId/court/proceedings/:itemId/conclude', name: 'conclude' },
  ];
  for (const { path, name } of routes) {
    app.get(path, { config: { roles: careRecorders } }, async (request, reply) => {
      const { personId, itemId } = params.parse(request.params);
      return render(reply, signedIn(request), personId, name, emptyForm(forms[name].dates), itemId ?? null);
    });
    app.post(path, { config: { roles: careRecorders } }, async (request, reply) => {
      const actor = signedIn(request);
      const { personId, itemId = null } = params.parse(request.params);
      const spec = forms[name];
      const parsed = readForm(request.body, spec.schema, spec.dates, [], spec.order);
      if (!parsed.ok) return render(reply, actor, personId, name, parsed.form, itemId, 400);
      const today = todayInEngland();
      const data = parsed.data as Record<string, unknown>;
      const d = parsed.dates;
      const result =
        name === 'pre-proceedings'
          ? await court.startPreProceedings(db, actor, personId, {
              gatewayOn: d.gatewayOn ?? null,
              gatewayOutcome: (data.gatewayOutcome as string | null) ?? null,
              startedOn: d.startedOn as string,
              today,
            })
          : name === 'end-pre-proceedings'
            ? await court.endPreProceedings(db, actor, personId, {
                id: itemId ?? '',
                version: data.version as number,
                endedOn: d.endedOn as string,
                reason: data.reason as 'concerns_reduced' | 'other',
                today,
              })
            : name === 'issue'
              ? await court.issueCareProceedings(db, actor, personId, {
                  issuedOn: d.issuedOn as string,
                  court: (data.court as string | null) ?? null,
                  caseNumber: (data.caseNumber as string | null) ?? null,
                  finalHearingOn: d.finalHearingOn ?? null,
                  today,
                })
              : await court.concludeCareProceedings(db, actor, personId, {
                  id: itemId ?? '',
                  version: data.version as number,
                  concludedOn: d.concludedOn as string,
                  finalOrder: data.finalOrder as court.FinalOrder,
                  today,
                });
      if (!result.ok) return render(reply, actor, personId, name, withErrors(parsed.form, result.problems, spec.dates), itemId, 400);
      return reply.redirect(`/children/${personId}/court`, 303);
    });
  }
}
