import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { primaryNeedCodes } from '../../domain/codes/cin-primary-need.js';
import { isLegalStatusCode, legalStatusCodes, legalStatusLabel } from '../../domain/codes/ssda903-legal-status.js';
import { isPlacementProviderCode, placementProviderCodes, placementProviderLabel } from '../../domain/codes/ssda903-placement-provider.js';
import { isPlacementTypeCode, placementTypeCodes, placementTypeLabel } from '../../domain/codes/ssda903-placement-type.js';
import {
  isReasonEpisodeCeasedCode,
  reasonEpisodeCeasedCodes,
  reasonEpisodeCeasedLabel,
} from '../../domain/codes/ssda903-reason-episode-ceased.js';
import { reasonNewEpisodeLabel } from '../../domain/codes/ssda903-reason-new-episode.js';
import {
  isReasonPlacementChangeCode,
  reasonPlacementChangeCodes,
  reasonPlacementChangeLabel,
} from '../../domain/codes/ssda903-reason-placement-change.js';
import { isTemporaryPlacement } from '../../domain/looked-after/care-history.js';
import type { Actor } from '../../platform/actor.js';
import { NotFoundError } from '../../platform/errors.js';
import { type DateField, emptyForm, type FormState, readForm, selectItems, withErrors } from '../../platform/form-fields.js';
import { signedIn } from '../../platform/request-context.js';
import * as care from './service.js';

const categoriesOfNeed = primaryNeedCodes.filter((c) => /^N[1-8]$/.test(c.code));
const endReasons = reasonEpisodeCeasedCodes.filter((c) => c.code !== 'X1');
const params = z.object({ personId: z.string() });
const personIdOf = (request: { params: unknown }) => params.parse(request.params).personId;

const code = (isCode: (value: string) => boolean, message: string) =>
  z
    .string({ error: message })
    .trim()
    .refine((v) => isCode(v), { message });
const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((v) => v || null);
const optionalCode = (isCode: (value: string) => boolean, message: string) =>
  z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || isCode(v), { message })
    .transform((v) => v || null);
const version = z.coerce.number().int().positive();

const placementFields = {
  placementType: code(isPlacementTypeCode, 'Select the placement type'),
  provider: optionalCode(isPlacementProviderCode, 'Select a placement provider from the list'),
  carerName: optionalText(200, 'Carer or home name must be 200 characters or fewer'),
  postcode: optionalText(10, 'Enter a full UK postcode, like SW1A 2AA'),
  urn: optionalText(8, 'Enter the Ofsted URN as SC and 6 digits, or 7 digits, or XXXXXXX'),
};
const placementOrder = ['placementType', 'provider', 'carerName', 'postcode', 'urn'];

const startDates: DateField[] = [{ name: 'startedOn', label: 'Date the child became looked after' }];
const startSchema = z.object({
  legalStatus: code(isLegalStatusCode, 'Select the legal status'),
  categoryOfNeed: code((v) => categoriesOfNeed.some((c) => c.code === v), 'Select the category of need'),
  homePostcode: optionalText(10, 'Enter a full UK postcode for the home address, like SW1A 2AA'),
  ...placementFields,
});
const legalStatusDates: DateField[] = [{ name: 'changedOn', label: 'Date the new legal status started' }];
const legalStatusSchema = z.object({ periodId: z.uuid(), version, legalStatus: code(isLegalStatusCode, 'Select the new legal status') });
const placementDates: DateField[] = [{ name: 'changedOn', label: 'Date of the move' }];
const placementSchema = z.object({
  periodId: z.uuid(),
  version,
  reasonForChange: optionalCode(isReasonPlacementChangeCode, 'Select why the current placement is ending'),
  ...placementFields,
});
const endDates: DateField[] = [{ name: 'endedOn', label: 'Date the child stopped being looked after' }];
const endSchema = z.object({
  periodId: z.uuid(),
  version,
  reasonCeased: code((v) => isReasonEpisodeCeasedCode(v) && v !== 'X1', 'Select why the child stopped being looked after'),
});
const uascDates: DateField[] = [{ name: 'startedOn', label: 'Date UASC status started' }];
const uascCeaseDates: DateField[] = [{ name: 'ceasedOn', label: 'Date UASC status ceased' }];

function placementChoices(form: FormState) {
  return {
    placementTypes: selectItems(placementTypeCodes, form.values.placementType),
    providers: selectItems(placementProviderCodes, form.values.provider, 'None (temporary or Z placement)'),
  };
}

function describePlacement<T extends { placement_type: string; provider: string | null; reason_for_change: string | null }>(p: T) {
  return {
    ...p,
    typeLabel: placementTypeLabel(p.placement_type),
    providerLabel: p.provider ? placementProviderLabel(p.provider) : null,
    reasonLabel: p.reason_for_change ? reasonPlacementChangeLabel(p.reason_for_change) : null,
  };
}

export async function lookedAfterRoutes(app: FastifyInstance, { db }: { db: Kysely<Database> }) {
  const viewers = { config: { roles: care.careViewers } };
  const recorders = { config: { roles: care.careRecorders } };

  app.get('/children/:personId/looked-after', viewers, async (request, reply) => {
    const actor = signedIn(request);
    const view = await care.viewCareAndPlacements(db, actor, personIdOf(request));
    return reply.page('looked-after/views/overview.njk', {
      pageTitle: `Care and placements: ${view.header.child.given_name} ${view.header.child.family_name}`,
      section: 'looked-after',
      header: view.header,
      canRecord: care.careRecorders.includes(actor.role),
      open: view.open,
      currentLegalStatus: view.currentLegalStatus
        ? { ...view.currentLegalStatus, label: legalStatusLabel(view.currentLegalStatus.legal_status) }
        : null,
      currentPlacement: view.currentPlacement ? describePlacement(view.currentPlacement) : null,
      periods: view.periods.map((p) => ({
        ...p,
        reasonCeasedLabel: p.reason_ceased ? reasonEpisodeCeasedLabel(p.reason_ceased) : null,
        legalStatuses: p.legalStatuses.map((s) => ({ ...s, label: legalStatusLabel(s.legal_status) })),
        placements: p.placements.map(describePlacement),
      })),
      episodes: view.episodes.map((e) => ({ ...e, rneLabel: reasonNewEpisodeLabel(e.reason_new_episode) })),
      uasc: view.uasc,
    });
  });

  const renderStart = async (reply: FastifyReply, actor: Actor, personId: string, form: FormState, status = 200) => {
    const view = await care.viewOpenPeriod(db, actor, personId);
    reply.code(status);
    return reply.page('looked-after/views/start.njk', {
      pageTitle: 'Start a period of care',
      section: 'looked-after',
      header: view.header,
      alreadyLookedAfter: view.open !== null,
      form,
      legalStatuses: selectItems(legalStatusCodes, form.values.legalStatus),
      categoriesOfNeed: selectItems(categoriesOfNeed, form.values.categoryOfNeed),
      ...placementChoices(form),
    });
  };

  app.get('/children/:personId/looked-after/start', recorders, async (request, reply) =>
    renderStart(reply, signedIn(request), personIdOf(request), emptyForm(startDates)),
  );

  app.post('/children/:personId/looked-after/start', recorders, async (request, reply) => {
    const personId = personIdOf(request);
    const parsed = readForm(
      request.body,
      startSchema,
      startDates,
      [],
      ['startedOn', 'legalStatus', 'categoryOfNeed', 'homePostcode', ...placementOrder],
    );
    if (!parsed.ok) return renderStart(reply, signedIn(request), personId, parsed.form, 400);
    const { legalStatus, categoryOfNeed, homePostcode, placementType, provider, carerName, postcode, urn } = parsed.data;
    const result = await care.startPeriodOfCare(db, signedIn(request), personId, {
      startedOn: parsed.dates.startedOn as string,
      legalStatus,
      categoryOfNeed,
      homePostcode,
      placement: { placementType, provider, carerName, postcode, urn },
    });
    if (!result.ok) return renderStart(reply, signedIn(request), personId, withErrors(parsed.form, result.problems, startDates), 400);
    return reply.redirect(`/children/${personId}/looked-after`, 303);
  });

  const renderChange = async (
    reply: FastifyReply,
    actor: Actor,
    personId: string,
    template: 'legal-status' | 'placement' | 'end',
    form: FormState | null,
    status = 200,
  ) => {
    const view = await care.viewOpenPeriod(db, actor, personId);
    const dates = template === 'end' ? endDates : template === 'legal-status' ? legalStatusDates : placementDates;
    const shown = form ?? emptyForm(dates, view.open ? { periodId: view.open.id, version: String(view.open.version) } : {});
    reply.code(view.open ? status : 409);
    return reply.page(`looked-after/views/${template}.njk`, {
      pageTitle: { 'legal-status': 'Change legal status', placement: 'Move to a new placement', end: 'End the period of care' }[template],
      section: 'looked-after',
      header: view.header,
      open: view.open,
      legalStatus: view.legalStatus ? { ...view.legalStatus, label: legalStatusLabel(view.legalStatus.legal_status) } : null,
      placement: view.placement
        ? { ...describePlacement(view.placement), temporary: isTemporaryPlacement(view.placement.placement_type) }
        : null,
      form: shown,
      legalStatuses: selectItems(legalStatusCodes, shown.values.legalStatus),
      reasonsForChange: selectItems(reasonPlacementChangeCodes, shown.values.reasonForChange),
      endReasons: selectItems(endReasons, shown.values.reasonCeased),
      ...placementChoices(shown),
    });
  };

  app.get('/children/:personId/looked-after/legal-status', recorders, async (request, reply) =>
    renderChange(reply, signedIn(request), personIdOf(request), 'legal-status', null),
  );
  app.post('/children/:personId/looked-after/legal-status', recorders, async (request, reply) => {
    const personId = personIdOf(request);
    const parsed = readForm(request.body, legalStatusSchema, legalStatusDates, [], ['changedOn', 'legalStatus']);
    if (!parsed.ok) return renderChange(reply, signedIn(request), personId, 'legal-status', parsed.form, 400);
    const result = await care.changeLegalStatus(db, signedIn(request), personId, {
      periodId: parsed.data.periodId,
      version: parsed.data.version,
      changedOn: parsed.dates.changedOn as string,
      legalStatus: parsed.data.legalStatus,
    });
    if (!result.ok)
      return renderChange(
        reply,
        signedIn(request),
        personId,
        'legal-status',
        withErrors(parsed.form, result.problems, legalStatusDates),
        400,
      );
    return reply.redirect(`/children/${personId}/looked-after`, 303);
  });

  app.get('/children/:personId/looked-after/placement', recorders, async (request, reply) =>
    renderChange(reply, signedIn(request), personIdOf(request), 'placement', null),
  );
  app.post('/children/:personId/looked-after/placement', recorders, async (request, reply) => {
    const personId = personIdOf(request);
    const parsed = readForm(request.body, placementSchema, placementDates, [], ['changedOn', 'reasonForChange', ...placementOrder]);
    if (!parsed.ok) return renderChange(reply, signedIn(request), personId, 'placement', parsed.form, 400);
    const { periodId, version: seen, reasonForChange, placementType, provider, carerName, postcode, urn } = parsed.data;
    const result = await care.changePlacement(db, signedIn(request), personId, {
      periodId,
      version: seen,
      changedOn: parsed.dates.changedOn as string,
      reasonForChange,
      placement: { placementType, provider, carerName, postcode, urn },
    });
    if (!result.ok)
      return renderChange(reply, signedIn(request), personId, 'placement', withErrors(parsed.form, result.problems, placementDates), 400);
    return reply.redirect(`/children/${personId}/looked-after`, 303);
  });

  app.get('/children/:personId/looked-after/end', recorders, async (request, reply) =>
    renderChange(reply, signedIn(request), personIdOf(request), 'end', null),
  );
  app.post('/children/:personId/looked-after/end', recorders, async (request, reply) => {
    const personId = personIdOf(request);
    const parsed = readForm(request.body, endSchema, endDates, [], ['endedOn', 'reasonCeased']);
    if (!parsed.ok) return renderChange(reply, signedIn(request), personId, 'end', parsed.form, 400);
    const result = await care.endPeriodOfCare(db, signedIn(request), personId, {
      periodId: parsed.data.periodId,
      version: parsed.data.version,
      endedOn: parsed.dates.endedOn as string,
      reasonCeased: parsed.data.reasonCeased,
    });
    if (!result.ok) return renderChange(reply, signedIn(request), personId, 'end', withErrors(parsed.form, result.problems, endDates), 400);
    return reply.redirect(`/children/${personId}/looked-after`, 303);
  });

  const renderUasc = async (reply: FastifyReply, actor: Actor, personId: string, form: FormState, ceasing: string | null, status = 200) => {
    const view = await care.viewCareAndPlacements(db, actor, personId);
    reply.code(status);
    return reply.page('looked-after/views/uasc.njk', {
      pageTitle: ceasing ? 'Record that UASC status ceased' : 'Record as an unaccompanied asylum-seeking child',
      section: 'looked-after',
      header: view.header,
      ceasing: ceasing ? (view.uasc.find((s) => s.id === ceasing) ?? null) : null,
      form,
    });
  };

  app.get('/children/:personId/looked-after/uasc', recorders, async (request, reply) =>
    renderUasc(reply, signedIn(request), personIdOf(request), emptyForm(uascDates), null),
  );
  app.post('/children/:personId/looked-after/uasc', recorders, async (request, reply) => {
    const personId = personIdOf(request);
    const parsed = readForm(request.body, z.object({}), uascDates);
    if (!parsed.ok) return renderUasc(reply, signedIn(request), personId, parsed.form, null, 400);
    const result = await care.recordUascStatus(db, signedIn(request), personId, parsed.dates.startedOn as string);
    if (!result.ok) return renderUasc(reply, signedIn(request), personId, withErrors(parsed.form, result.problems, uascDates), null, 400);
    return reply.redirect(`/children/${personId}/looked-after`, 303);
  });

  const statusParams = z.object({ personId: z.string(), statusId: z.string() });
  app.get('/children/:personId/looked-after/uasc/:statusId/cease', recorders, async (request, reply) => {
    const { personId, statusId } = statusParams.parse(request.params);
    const view = await care.viewCareAndPlacements(db, signedIn(request), personId);
    const status = view.uasc.find((s) => s.id === statusId && s.ceased_on === null);
    if (!status) throw new NotFoundError();
    return renderUasc(reply, signedIn(request), personId, emptyForm(uascCeaseDates, { version: String(status.version) }), statusId);
  });
  app.post('/children/:personId/looked-after/uasc/:statusId/cease', recorders, async (request, reply) => {
    const { personId, statusId } = statusParams.parse(request.params);
    const parsed = readForm(request.body, z.object({ version }), uascCeaseDates);
    if (!parsed.ok) return renderUasc(reply, signedIn(request), personId, parsed.form, statusId, 400);
    const result = await care.ceaseUascStatus(db, signedIn(request), personId, {
      statusId,
      version: parsed.data.version,
      ceasedOn: parsed.dates.ceasedOn as string,
    });
    if (!result.ok)
      return renderUasc(reply, signedIn(request), personId, withErrors(parsed.form, result.problems, uascCeaseDates), statusId, 400);
    return reply.redirect(`/children/${personId}/looked-after`, 303);
  });
}
