import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { adopterLegalStatusCodes, isAdopterLegalStatusCode } from '../../domain/codes/ssda903-adopter-legal-status.js';
import { adopterSexCodes, isAdopterSexCode } from '../../domain/codes/ssda903-adopter-sex.js';
import {
  isReasonNoLongerPlacedForAdoptionCode,
  reasonNoLongerPlacedForAdoptionCodes,
} from '../../domain/codes/ssda903-reason-no-longer-placed-for-adoption.js';
import type { Actor } from '../../platform/actor.js';
import { NotFoundError } from '../../platform/errors.js';
import { type DateField, emptyForm, type FormState, radioItems, readForm, withErrors } from '../../platform/form-fields.js';
import { signedIn } from '../../platform/request-context.js';
import { todayInEngland } from '../../platform/today.js';
import { careRecorders, careViewers } from '../looked-after/service.js';
import * as adoption from './service.js';

const params = z.object({ personId: z.string(), decisionId: z.string().optional(), adoptionId: z.string().optional() });
const version = z.object({ version: z.coerce.number().int().positive() });
const yesNo = (message: string) => z.enum(['yes', 'no'], { error: message });

const decisionDates: DateField[] = [{ name: 'decidedOn', label: 'Date of the decision' }];
const reversalDates: DateField[] = [{ name: 'reversedOn', label: 'Date the decision was reversed' }];
const reversalSchema = version.extend({
  reason: z.string({ error: 'Select why the decision was reversed' }).refine(isReasonNoLongerPlacedForAdoptionCode, {
    message: 'Select why the decision was reversed',
  }),
});
const adoptionDates: DateField[] = [
  { name: 'adoptedOn', label: 'Date of the adoption order' },
  { name: 'shouldBePlacedOn', label: 'Date of the decision that the child should be placed for adoption' },
  { name: 'matchedOn', label: 'Date the child was matched with the adopters' },
];
const adoptionSchema = z.object({
  version: z.coerce.number().int().positive().optional(),
  adoptedByFosterCarer: yesNo('Select whether the child was adopted by their foster carers'),
  numberOfAdopters: z.enum(['1', '2'], { error: 'Select one adopter or a couple' }),
  adoptersSex: z.string({ error: 'Select the adopters' }).refine(isAdopterSexCode, { message: 'Select the adopters' }),
  adoptersLegalStatus: z
    .string({ error: 'Select the adopters’ legal status' })
    .refine(isAdopterLegalStatusCode, { message: 'Select the adopters’ legal status' }),
});
const adoptionOrder = [
  'adoptedOn',
  'shouldBePlacedOn',
  'matchedOn',
  'adoptedByFosterCarer',
  'numberOfAdopters',
  'adoptersSex',
  'adoptersLegalStatus',
];

export async function adoptionRoutes(app: FastifyInstance, { db }: { db: Kysely<Database> }) {
  const viewers = { config: { roles: careViewers } };
  const recorders = { config: { roles: careRecorders } };
  const page = `/children/:personId/adoption`;

  app.get(page, viewers, async (request, reply) => {
    const actor = signedIn(request);
    const view = await adoption.viewAdoption(db, actor, params.parse(request.params).personId);
    return reply.page('adoption/views/overview.njk', {
      pageTitle: `Adoption and permanence before care: ${view.header.child.given_name} ${view.header.child.family_name}`,
      section: 'adoption',
      ...view,
      canRecord: careRecorders.includes(actor.role),
    });
  });

  const render = async (
    reply: FastifyReply,
    actor: Actor,
    personId: string,
    template: string,
    title: string,
    extra: object,
    status = 200,
  ) => {
    const view = await adoption.viewAdoption(db, actor, personId);
    reply.code(status);
    return reply.page(`adoption/views/${template}.njk`, { pageTitle: title, section: 'adoption', header: view.header, ...extra });
  };

  const renderDecision = (reply: FastifyReply, actor: Actor, personId: string, form: FormState, status = 200) =>
    render(reply, actor, personId, 'decision', 'Record a decision to place for adoption', { form }, status);
  app.get(`${page}/decision`, recorders, async (request, reply) =>
    renderDecision(reply, signedIn(request), params.parse(request.params).personId, emptyForm(decisionDates)),
  );
  app.post(`${page}/decision`, recorders, async (request, reply) => {
    const actor = signedIn(request);
    const { personId } = params.parse(request.params);
    const parsed = readForm(request.body, z.object({}), decisionDates);
    if (!parsed.ok) return renderDecision(reply, actor, personId, parsed.form, 400);
    const result = await adoption.recordDecision(db, actor, personId, {
      decidedOn: parsed.dates.decidedOn as string,
      today: todayInEngland(),
    });
    if (!result.ok) return renderDecision(reply, actor, personId, withErrors(parsed.form, result.problems, decisionDates), 400);
    return reply.redirect(`/children/${personId}/adoption`, 303);
  });

  const renderReversal = async (reply: FastifyReply, actor: Actor, personId: string, decisionId: string, form: FormState, status = 200) => {
    const view = await adoption.viewAdoption(db, actor, personId);
    const decision = view.decisions.find((d) => d.id === decisionId && d.reversed_on === null);
    if (!decision) throw new NotFoundError();
    return render(
      reply,
      actor,
      personId,
      'reversal',
      'Record that a decision to place for adoption was reversed',
      {
        form,
        decision,
        reasons: radioItems(
          reasonNoLongerPlacedForAdoptionCodes.map((c) => ({ value: c.code, text: c.label })),
          form.values.reason,
        ),
      },
      status,
    );
  };
  app.get(`${page}/decision/:decisionId/reversal`, recorders, async (request, reply) => {
    const actor = signedIn(request);
    const { personId, decisionId = '' } = params.parse(request.params);
    const view = await adoption.viewAdoption(db, actor, personId);
    const decision = view.decisions.find((d) => d.id === decisionId);
    return renderReversal(reply, actor, personId, decisionId, emptyForm(reversalDates, { version: String(decision?.version ?? '') }));
  });
  app.post(`${page}/decision/:decisionId/reversal`, recorders, async (request, reply) => {
    const actor = signedIn(request);
    const { personId, decisionId = '' } = params.parse(request.params);
    const parsed = readForm(request.body, reversalSchema, reversalDates, [], ['reversedOn', 'reason']);
    if (!parsed.ok) return renderReversal(reply, actor, personId, decisionId, parsed.form, 400);
    const result = await adoption.reverseDecision(db, actor, personId, {
      decisionId,
      version: parsed.data.version,
      reversedOn: parsed.dates.reversedOn as string,
      reason: parsed.data.reason,
      today: todayInEngland(),
    });
    if (!result.ok) return renderReversal(reply, actor, personId, decisionId, withErrors(parsed.form, result.problems, reversalDates), 400);
    return reply.redirect(`/children/${personId}/adoption`, 303);
  });

  const renderAdoption = (reply: FastifyReply, actor: Actor, personId: string, form: FormState, changing: boolean, status = 200) =>
    render(
      reply,
      actor,
      personId,
      'adoption-form',
      changing ? 'Change the adoption details' : 'Record the adoption',
      {
        form,
        changing,
        fosterCarer: radioItems(
          [
            { value: 'yes', text: 'Yes' },
            { value: 'no', text: 'No' },
          ],
          form.values.adoptedByFosterCarer,
        ),
        numbers: radioItems(
          [
            { value: '1', text: 'One adopter' },
            { value: '2', text: 'A couple' },
          ],
          form.values.numberOfAdopters,
        ),
        sexes: radioItems(
          adopterSexCodes.map((c) => ({ value: c.code, text: c.label })),
          form.values.adoptersSex,
        ),
        statuses: radioItems(
          adopterLegalStatusCodes.map((c) => ({ value: c.code, text: c.label })),
          form.values.adoptersLegalStatus,
        ),
      },
      status,
    );

  app.get(`${page}/adoption`, recorders, async (request, reply) => {
    const actor = signedIn(request);
    const { personId } = params.parse(request.params);
    const view = await adoption.viewAdoption(db, actor, personId);
    const adoptedOn = view.adoptionsToRecord[0];
    const decided = view.decisions.filter((d) => d.reversed_on === null).at(-1)?.decided_on;
    return renderAdoption(
      reply,
      actor,
      personId,
      emptyForm(adoptionDates, {}, { ...(adoptedOn ? { adoptedOn } : {}), ...(decided ? { shouldBePlacedOn: decided } : {}) }),
      false,
    );
  });
  app.get(`${page}/adoption/:adoptionId`, recorders, async (request, reply) => {
    const actor = signedIn(request);
    const { personId, adoptionId = '' } = params.parse(request.params);
    const a = await adoption.adoptionToChange(db, actor, personId, adoptionId);
    const dates = { adoptedOn: a.adopted_on, shouldBePlacedOn: a.should_be_placed_on, matchedOn: a.matched_on };
    return renderAdoption(
      reply,
      actor,
      personId,
      emptyForm(
        adoptionDates,
        {
          version: String(a.version),
          adoptedByFosterCarer: a.adopted_by_foster_carer === null ? '' : a.adopted_by_foster_carer ? 'yes' : 'no',
          numberOfAdopters: a.number_of_adopters ? String(a.number_of_adopters) : '',
          adoptersSex: a.adopters_sex ?? '',
          adoptersLegalStatus: a.adopters_legal_status ?? '',
        },
        Object.fromEntries(Object.entries(dates).filter((e): e is [string, string] => e[1] !== null)),
      ),
      true,
    );
  });
  for (const path of [`${page}/adoption`, `${page}/adoption/:adoptionId`]) {
    app.post(path, recorders, async (request, reply) => {
      const actor = signedIn(request);
      const { personId, adoptionId } = params.parse(request.params);
      const changing = adoptionId !== undefined;
      const parsed = readForm(request.body, adoptionSchema, adoptionDates, [], adoptionOrder);
      if (!parsed.ok) return renderAdoption(reply, actor, personId, parsed.form, changing, 400);
      const f = parsed.data;
      const result = await adoption.saveAdoption(db, actor, personId, {
        adoptedOn: parsed.dates.adoptedOn as string,
        shouldBePlacedOn: parsed.dates.shouldBePlacedOn as string,
        matchedOn: parsed.dates.matchedOn as string,
        adoptedByFosterCarer: f.adoptedByFosterCarer === 'yes',
        numberOfAdopters: f.numberOfAdopters === '2' ? 2 : 1,
        adoptersSex: f.adoptersSex,
        adoptersLegalStatus: f.adoptersLegalStatus,
        change: changing ? { id: adoptionId, version: f.version ?? 0 } : null,
      });
      if (!result.ok) return renderAdoption(reply, actor, personId, withErrors(parsed.form, result.problems, adoptionDates), changing, 400);
      return reply.redirect(`/children/${personId}/adoption`, 303);
    });
  }
}
