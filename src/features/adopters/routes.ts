import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { isJourneyStep, type JourneyStep, stepRules } from '../../domain/adopters/journey.js';
import { adopterLeavingReasonCodes, isAdopterLeavingReasonCode } from '../../domain/codes/annex-a-adopter-leaving-reason.js';
import { annexAGenderCodes } from '../../domain/codes/annex-a-gender.js';
import { ethnicityCodes, isEthnicityCode } from '../../domain/codes/ethnicity.js';
import type { Actor } from '../../platform/actor.js';
import { NotFoundError } from '../../platform/errors.js';
import { type DateField, emptyForm, type FormState, radioItems, readForm, selectItems, withErrors } from '../../platform/form-fields.js';
import { signedIn } from '../../platform/request-context.js';
import { todayInEngland } from '../../platform/today.js';
import * as adopters from './service.js';

const viewers = { config: { roles: adopters.adopterViewerRoles } };
const recorders = { config: { roles: adopters.adopterRecorderRoles } };
const params = z.object({ id: z.string(), step: z.string().optional(), matchId: z.string().optional() });
const version = z.coerce.number().int().positive();

const genderItems = (checked: string | undefined) =>
  radioItems(
    annexAGenderCodes.map((g) => ({ value: g.code, text: g.code.replace(/^[a-z]\) /, '') })),
    checked,
  );
const disabilityItems = (checked: string | undefined) =>
  radioItems(
    [
      { value: 'yes', text: 'Yes' },
      { value: 'no', text: 'No' },
      { value: 'unknown', text: 'Not known' },
    ],
    checked,
  );
const disabledFrom = (answer: string | undefined) => (answer === 'yes' ? true : answer === 'no' ? false : null);

const name = (label: string) => z.string().trim().min(1, `Enter the ${label}`).max(100, `The ${label} must be 100 characters or fewer`);
const adopterFields = (n: 1 | 2) => ({
  [`givenName${n}`]: name(n === 1 ? 'first adopter’s first name' : 'second adopter’s first name'),
  [`familyName${n}`]: name(n === 1 ? 'first adopter’s last name' : 'second adopter’s last name'),
  [`gender${n}`]: z.enum(annexAGenderCodes.map((g) => g.code) as [string, ...string[]], { error: 'Select a gender' }),
  [`ethnicity${n}`]: z.string({ error: 'Select an ethnicity' }).refine(isEthnicityCode, 'Select an ethnicity'),
  [`disability${n}`]: z.enum(['yes', 'no', 'unknown'], { error: 'Select whether they have a disability' }),
});
const householdSchema = z.object({
  ...adopterFields(1),
  fostering: z.enum(['yes', 'no'], { error: 'Select whether the household is fostering for adoption' }),
  secondAdopter: z.enum(['yes', 'no'], { error: 'Select whether there is a second adopter' }),
});
const secondAdopterSchema = z.object(adopterFields(2));
const householdDates: DateField[] = [{ name: 'enquiryReceivedOn', label: 'Date the enquiry was received' }];
const householdOrder = [
  'givenName1',
  'familyName1',
  'gender1',
  'ethnicity1',
  'disability1',
  'secondAdopter',
  'givenName2',
  'familyName2',
  'gender2',
  'ethnicity2',
  'disability2',
  'enquiryReceivedOn',
  'fostering',
];

const stepDates: DateField[] = [{ name: 'on', label: 'Date' }];
const leavingDates: DateField[] = [{ name: 'leftOn', label: 'Date they left the process' }];
const leavingSchema = z.object({
  version,
  reason: z
    .string({ error: 'Select why they left the adoption process' })
    .refine(isAdopterLeavingReasonCode, 'Select why they left the adoption process'),
});
const matchDates: DateField[] = [
  { name: 'matchedOn', label: 'Date of the match' },
  { name: 'placedOn', label: 'Date the child moved in', optional: true },
];
const matchSchema = z.object({ laChildId: z.string().trim().min(1, 'Enter the child’s LA child ID') });
const placementDates: DateField[] = [{ name: 'placedOn', label: 'Date the child moved in' }];

const stepFrom = (value: string | undefined): JourneyStep => {
  if (!value || !isJourneyStep(value) || value === 'enquiryReceived') throw new NotFoundError();
  return value;
};

export async function adopterRoutes(app: FastifyInstance, { db }: { db: Kysely<Database> }) {
  app.get('/adopters', viewers, async (request, reply) => {
    const actor = signedIn(request);
    const includeLeft = (request.query as Record<string, unknown>).left === 'include';
    const households = await adopters.listHouseholds(db, actor, { includeLeft, today: todayInEngland() });
    return reply.page('adopters/views/list.njk', {
      pageTitle: 'Prospective adopters',
      households,
      includeLeft,
      mayRecord: adopters.adopterRecorderRoles.includes(actor.role),
    });
  });

  const renderNew = (reply: FastifyReply, form: FormState, status = 200) => {
    reply.code(status);
    return reply.page('adopters/views/new.njk', {
      pageTitle: 'Add prospective adopters',
      form,
      genders: [1, 2].map((n) => genderItems(form.values[`gender${n}`])),
      ethnicities: [1, 2].map((n) => selectItems(ethnicityCodes, form.values[`ethnicity${n}`])),
      disabilities: [1, 2].map((n) => disabilityItems(form.values[`disability${n}`])),
      secondAdopter: radioItems(
        [
          { value: 'no', text: 'No, one adopter' },
          { value: 'yes', text: 'Yes, a couple' },
        ],
        form.values.secondAdopter,
      ),
      fostering: radioItems(
        [
          { value: 'yes', text: 'Yes', hint: 'Approved as foster carers too, so a child can live with them before the match' },
          { value: 'no', text: 'No' },
        ],
        form.values.fostering,
      ),
    });
  };

  app.get('/adopters/new', recorders, async (_request, reply) => renderNew(reply, emptyForm(householdDates)));
  app.post('/adopters/new', recorders, async (request, reply) => {
    const actor = signedIn(request);
    const parsed = readForm(request.body, householdSchema, householdDates, [], householdOrder);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const second = body.secondAdopter === 'yes' ? readForm(request.body, secondAdopterSchema, [], [], householdOrder) : null;
    if (!parsed.ok || (second && !second.ok)) {
      const errors = second && !second.ok ? second.form.errorList.map((e) => ({ field: e.href.slice(1), message: e.text })) : [];
      return renderNew(reply, withErrors(parsed.form, errors, householdDates), 400);
    }
    const adopter = (n: 1 | 2, values: Record<string, string>): adopters.NewAdopter => ({
      givenName: String(values[`givenName${n}`]).trim(),
      familyName: String(values[`familyName${n}`]).trim(),
      gender: String(values[`gender${n}`]),
      ethnicity: String(values[`ethnicity${n}`]),
      disabled: disabledFrom(values[`disability${n}`]),
    });
    const values = parsed.form.values;
    const result = await adopters.addHousehold(db, actor, {
      adopters: second ? [adopter(1, values), adopter(2, values)] : [adopter(1, values)],
      enquiryReceivedOn: parsed.dates.enquiryReceivedOn as string,
      fosteringForAdoption: parsed.data.fostering === 'yes',
      today: todayInEngland(),
    });
    if (!result.ok) return renderNew(reply, withErrors(parsed.form, result.problems, householdDates), 400);
    return reply.redirect(`/adopters/${result.value.id}`, 303);
  });

  app.get('/adopters/:id', viewers, async (request, reply) => {
    const actor = signedIn(request);
    const household = await adopters.viewHousehold(db, actor, params.parse(request.params).id, todayInEngland());
    return reply.page('adopters/views/household.njk', {
      pageTitle: `Prospective adopters ${household.familyIdentifier}`,
      household,
      mayRecord: adopters.adopterRecorderRoles.includes(actor.role),
    });
  });

  const renderForm = async (
    reply: FastifyReply,
    actor: Actor,
    id: string,
    model: { kind: 'step'; step: JourneyStep } | { kind: 'leaving' } | { kind: 'match' } | { kind: 'placement'; matchId: string },
    form: FormState | null,
    status = 200,
  ) => {
    const household = await adopters.viewHousehold(db, actor, id, todayInEngland());
    const matched = model.kind === 'placement' ? household.matches.find((m) => m.id === model.matchId) : undefined;
    if (model.kind === 'placement' && !matched) throw new NotFoundError();
    const dates = { step: stepDates, leaving: leavingDates, match: matchDates, placement: placementDates }[model.kind];
    const shown =
      form ??
      emptyForm(
        dates,
        { version: String(matched?.version ?? household.version) },
        model.kind === 'step' && household.steps.find((s) => s.step === model.step)?.on
          ? { on: household.steps.find((s) => s.step === model.step)?.on as string }
          : {},
      );
    reply.code(status);
    const titles = {
      step: model.kind === 'step' ? `${stepRules[model.step].label}: record the date` : '',
      leaving: 'Record that they left the adoption process',
      match: 'Record a match with a child',
      placement: 'Record the day the child moved in',
    };
    return reply.page('adopters/views/form.njk', {
      pageTitle: titles[model.kind],
      kind: model.kind,
      household,
      matched,
      form: shown,
      reasons: radioItems(
        adopterLeavingReasonCodes.map((r) => ({ value: r.code, text: r.label })),
        shown.values.reason,
      ),
    });
  };

  app.get('/adopters/:id/steps/:step', recorders, async (request, reply) => {
    const { id, step } = params.parse(request.params);
    return renderForm(reply, signedIn(request), id, { kind: 'step', step: stepFrom(step) }, null);
  });
  app.post('/adopters/:id/steps/:step', recorders, async (request, reply) => {
    const actor = signedIn(request);
    const { id, step: raw } = params.parse(request.params);
    const step = stepFrom(raw);
    const parsed = readForm(request.body, z.object({ version }), stepDates);
    if (!parsed.ok) return renderForm(reply, actor, id, { kind: 'step', step }, parsed.form, 400);
    const result = await adopters.recordStep(db, actor, id, {
      step,
      on: parsed.dates.on as string,
      version: parsed.data.version,
      today: todayInEngland(),
    });
    if (!result.ok) return renderForm(reply, actor, id, { kind: 'step', step }, withErrors(parsed.form, result.problems, stepDates), 400);
    return reply.redirect(`/adopters/${id}`, 303);
  });

  app.get('/adopters/:id/leaving', recorders, async (request, reply) =>
    renderForm(reply, signedIn(request), params.parse(request.params).id, { kind: 'leaving' }, null),
  );
  app.post('/adopters/:id/leaving', recorders, async (request, reply) => {
    const actor = signedIn(request);
    const { id } = params.parse(request.params);
    const parsed = readForm(request.body, leavingSchema, leavingDates, [], ['leftOn', 'reason']);
    if (!parsed.ok) return renderForm(reply, actor, id, { kind: 'leaving' }, parsed.form, 400);
    const result = await adopters.recordLeaving(db, actor, id, {
      leftOn: parsed.dates.leftOn as string,
      reason: parsed.data.reason,
      version: parsed.data.version,
      today: todayInEngland(),
    });
    if (!result.ok) return renderForm(reply, actor, id, { kind: 'leaving' }, withErrors(parsed.form, result.problems, leavingDates), 400);
    return reply.redirect(`/adopters/${id}`, 303);
  });

  app.get('/adopters/:id/matches/new', recorders, async (request, reply) =>
    renderForm(reply, signedIn(request), params.parse(request.params).id, { kind: 'match' }, null),
  );
  app.post('/adopters/:id/matches/new', recorders, async (request, reply) => {
    const actor = signedIn(request);
    const { id } = params.parse(request.params);
    const parsed = readForm(request.body, matchSchema, matchDates, [], ['laChildId', 'matchedOn', 'placedOn']);
    if (!parsed.ok) return renderForm(reply, actor, id, { kind: 'match' }, parsed.form, 400);
    const result = await adopters.recordMatch(db, actor, id, {
      laChildId: parsed.data.laChildId,
      matchedOn: parsed.dates.matchedOn as string,
      placedOn: parsed.dates.placedOn ?? null,
      today: todayInEngland(),
    });
    if (!result.ok) return renderForm(reply, actor, id, { kind: 'match' }, withErrors(parsed.form, result.problems, matchDates), 400);
    return reply.redirect(`/adopters/${id}#children`, 303);
  });

  app.get('/adopters/:id/matches/:matchId/placement', recorders, async (request, reply) => {
    const { id, matchId = '' } = params.parse(request.params);
    return renderForm(reply, signedIn(request), id, { kind: 'placement', matchId }, null);
  });
  app.post('/adopters/:id/matches/:matchId/placement', recorders, async (request, reply) => {
    const actor = signedIn(request);
    const { id, matchId = '' } = params.parse(request.params);
    const parsed = readForm(request.body, z.object({ version }), placementDates);
    if (!parsed.ok) return renderForm(reply, actor, id, { kind: 'placement', matchId }, parsed.form, 400);
    const result = await adopters.recordPlacement(db, actor, id, {
      matchId,
      placedOn: parsed.dates.placedOn as string,
      version: parsed.data.version,
      today: todayInEngland(),
    });
    if (!result.ok)
      return renderForm(reply, actor, id, { kind: 'placement', matchId }, withErrors(parsed.form, result.problems, placementDates), 400);
    return reply.redirect(`/adopters/${id}#children`, 303);
  });
}
