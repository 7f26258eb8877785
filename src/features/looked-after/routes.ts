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
import { type DateField, emptyForm, type FormState, selectItems } from '../../platform/form-fields.js';
import { correctionReason, removalRoutes, submitRecordForm, versionField } from '../../platform/record-form.js';
import { signedIn } from '../../platform/request-context.js';
import { formatDate } from '../../platform/view-filters.js';
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
const placementFields = {
  placementType: code(isPlacementTypeCode, 'Select the placement type'),
  provider: optionalCode(isPlacementProviderCode, 'Select a placement provider from the list'),
  carerName: optionalText(200, 'Carer or home name must be 200 characters or fewer'),
  postcode: optionalText(10, 'Enter a full UK postcode, like SW1A 2AA'),
  urn: optionalText(8, 'Enter the Ofsted URN as SC and 6 digits, or 7 digits, or XXXXXXX'),
};
const placementOrder = ['placementType', 'provider', 'carerName', 'postcode', 'urn'];
const placementOf = (data: care.PlacementDetails) => ({
  placementType: data.placementType,
  provider: data.provider,
  carerName: data.carerName,
  postcode: data.postcode,
  urn: data.urn,
});
const reasonForChange = optionalCode(isReasonPlacementChangeCode, 'Select why the current placement is ending');
const overviewOf = (personId: string) => `/children/${personId}/looked-after`;

const startDates: DateField[] = [{ name: 'startedOn', label: 'Date the child became looked after' }];
const startForm = {
  schema: z.object({
    legalStatus: code(isLegalStatusCode, 'Select the legal status'),
    categoryOfNeed: code((v) => categoriesOfNeed.some((c) => c.code === v), 'Select the category of need'),
    homePostcode: optionalText(10, 'Enter a full UK postcode for the home address, like SW1A 2AA'),
    ...placementFields,
  }),
  dates: startDates,
  order: ['startedOn', 'legalStatus', 'categoryOfNeed', 'homePostcode', ...placementOrder],
};
const legalStatusDates: DateField[] = [{ name: 'changedOn', label: 'Date the new legal status started' }];
const legalStatusForm = {
  schema: z.object({ periodId: z.uuid(), version: versionField, legalStatus: code(isLegalStatusCode, 'Select the new legal status') }),
  dates: legalStatusDates,
  order: ['changedOn', 'legalStatus'],
};
const placementDates: DateField[] = [{ name: 'changedOn', label: 'Date of the move' }];
const placementForm = {
  schema: z.object({ periodId: z.uuid(), version: versionField, reasonForChange, ...placementFields }),
  dates: placementDates,
  order: ['changedOn', 'reasonForChange', ...placementOrder],
};
const endDates: DateField[] = [{ name: 'endedOn', label: 'Date the child stopped being looked after' }];
const endForm = {
  schema: z.object({
    periodId: z.uuid(),
    version: versionField,
    reasonCeased: code((v) => isReasonEpisodeCeasedCode(v) && v !== 'X1', 'Select why the child stopped being looked after'),
  }),
  dates: endDates,
  order: ['endedOn', 'reasonCeased'],
};
const uascDates: DateField[] = [{ name: 'startedOn', label: 'Date UASC status started' }];
const uascForm = { schema: z.object({}), dates: uascDates };
const uascCeaseDates: DateField[] = [{ name: 'ceasedOn', label: 'Date UASC status ceased' }];
const uascCeaseForm = { schema: z.object({ version: versionField }), dates: uascCeaseDates };

const correctionDates: DateField[] = [{ name: 'startedOn', label: 'Start date' }];
const correctPlacementForm = {
  schema: z.object({ version: versionField, reasonForChange, ...placementFields, correctionReason }),
  dates: correctionDates,
  order: ['startedOn', ...placementOrder, 'reasonForChange', 'correctionReason'],
};
const correctLegalStatusForm = {
  schema: z.object({ version: versionField, legalStatus: code(isLegalStatusCode, 'Select the legal status'), correctionReason }),
  dates: correctionDates,
  order: ['startedOn', 'legalStatus', 'correctionReason'],
};

const spellDates = (spell: { startedOn: string; endedOn: string | null }) =>
  `${formatDate(spell.startedOn)} to ${spell.endedOn ? formatDate(spell.endedOn) : 'now'}`;

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
    const actor = signedIn(request);
    const personId = personIdOf(request);
    return submitRecordForm(reply, request.body, startForm, {
      render: (form, status) => renderStart(reply, actor, personId, form, status),
      save: ({ data, dates }) =>
        care.startPeriodOfCare(db, actor, personId, {
          startedOn: dates.startedOn as string,
          legalStatus: data.legalStatus,
          categoryOfNeed: data.categoryOfNeed,
          homePostcode: data.homePostcode,
          placement: placementOf(data),
        }),
      done: overviewOf(personId),
    });
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
    const actor = signedIn(request);
    const personId = personIdOf(request);
    return submitRecordForm(reply, request.body, legalStatusForm, {
      render: (form, status) => renderChange(reply, actor, personId, 'legal-status', form, status),
      save: ({ data, dates }) =>
        care.changeLegalStatus(db, actor, personId, {
          periodId: data.periodId,
          version: data.version,
          changedOn: dates.changedOn as string,
          legalStatus: data.legalStatus,
        }),
      done: overviewOf(personId),
    });
  });

  app.get('/children/:personId/looked-after/placement', recorders, async (request, reply) =>
    renderChange(reply, signedIn(request), personIdOf(request), 'placement', null),
  );
  app.post('/children/:personId/looked-after/placement', recorders, async (request, reply) => {
    const actor = signedIn(request);
    const personId = personIdOf(request);
    return submitRecordForm(reply, request.body, placementForm, {
      render: (form, status) => renderChange(reply, actor, personId, 'placement', form, status),
      save: ({ data, dates }) =>
        care.changePlacement(db, actor, personId, {
          periodId: data.periodId,
          version: data.version,
          changedOn: dates.changedOn as string,
          reasonForChange: data.reasonForChange,
          placement: placementOf(data),
        }),
      done: overviewOf(personId),
    });
  });

  app.get('/children/:personId/looked-after/end', recorders, async (request, reply) =>
    renderChange(reply, signedIn(request), personIdOf(request), 'end', null),
  );
  app.post('/children/:personId/looked-after/end', recorders, async (request, reply) => {
    const actor = signedIn(request);
    const personId = personIdOf(request);
    return submitRecordForm(reply, request.body, endForm, {
      render: (form, status) => renderChange(reply, actor, personId, 'end', form, status),
      save: ({ data, dates }) =>
        care.endPeriodOfCare(db, actor, personId, {
          periodId: data.periodId,
          version: data.version,
          endedOn: dates.endedOn as string,
          reasonCeased: data.reasonCeased,
        }),
      done: overviewOf(personId),
    });
  });

  const renderCorrection = async (
    reply: FastifyReply,
    actor: Actor,
    personId: string,
    fact: care.CareFact,
    id: string,
    form: FormState | null,
    status = 200,
  ) => {
    const view = await care.viewCareFact(db, actor, personId, fact, id);
    const spell = view.spell;
    const recorded: Record<string, string> =
      'placementType' in spell
        ? {
            placementType: spell.placementType,
            provider: spell.provider ?? '',
            carerName: spell.carerName ?? '',
            postcode: spell.postcode ?? '',
            urn: spell.urn ?? '',
            reasonForChange: spell.reasonForChange ?? '',
          }
        : { legalStatus: spell.legalStatus };
    const shown = form ?? emptyForm(correctionDates, { version: String(view.version), ...recorded }, { startedOn: spell.startedOn });
    reply.code(status);
    return reply.page('looked-after/views/correct.njk', {
      pageTitle: fact === 'placement' ? 'Change a placement' : 'Change a legal status',
      section: 'looked-after',
      header: view.header,
      fact,
      spell,
      isFirst: view.isFirst,
      endedByMove: view.endedByMove,
      period: view.period,
      form: shown,
      legalStatuses: selectItems(legalStatusCodes, shown.values.legalStatus),
      reasonsForChange: selectItems(reasonPlacementChangeCodes, shown.values.reasonForChange),
      ...placementChoices(shown),
    });
  };
  const itemParams = z.object({ personId: z.string(), itemId: z.string() });

  app.get('/children/:personId/looked-after/placements/:itemId/change', recorders, async (request, reply) => {
    const { personId, itemId } = itemParams.parse(request.params);
    return renderCorrection(reply, signedIn(request), personId, 'placement', itemId, null);
  });
  app.post('/children/:personId/looked-after/placements/:itemId/change', recorders, async (request, reply) => {
    const actor = signedIn(request);
    const { personId, itemId } = itemParams.parse(request.params);
    return submitRecordForm(reply, request.body, correctPlacementForm, {
      render: (form, status) => renderCorrection(reply, actor, personId, 'placement', itemId, form, status),
      save: ({ data, dates }) =>
        care.correctPlacement(db, actor, personId, {
          placementId: itemId,
          version: data.version,
          startedOn: dates.startedOn as string,
          reasonForChange: data.reasonForChange,
          placement: placementOf(data),
          reason: data.correctionReason,
        }),
      done: overviewOf(personId),
    });
  });

  app.get('/children/:personId/looked-after/legal-statuses/:itemId/change', recorders, async (request, reply) => {
    const { personId, itemId } = itemParams.parse(request.params);
    return renderCorrection(reply, signedIn(request), personId, 'legal_status', itemId, null);
  });
  app.post('/children/:personId/looked-after/legal-statuses/:itemId/change', recorders, async (request, reply) => {
    const actor = signedIn(request);
    const { personId, itemId } = itemParams.parse(request.params);
    return submitRecordForm(reply, request.body, correctLegalStatusForm, {
      render: (form, status) => renderCorrection(reply, actor, personId, 'legal_status', itemId, form, status),
      save: ({ data, dates }) =>
        care.correctLegalStatus(db, actor, personId, {
          legalStatusId: itemId,
          version: data.version,
          startedOn: dates.startedOn as string,
          legalStatus: data.legalStatus,
          reason: data.correctionReason,
        }),
      done: overviewOf(personId),
    });
  });

  for (const [fact, path] of [
    ['placement', 'placements'],
    ['legal_status', 'legal-statuses'],
  ] as const) {
    removalRoutes(app, {
      path: `/children/:personId/looked-after/${path}/:itemId/remove`,
      roles: care.careRecorders,
      template: 'looked-after/views/remove.njk',
      section: 'looked-after',
      load: async (actor, personId, itemId) => {
        const view = await care.viewCareFact(db, actor, personId, fact, itemId);
        const spell = view.spell;
        const dates = { key: { text: 'Dates' }, value: { text: spellDates(spell) } };
        return {
          header: view.header,
          what: `${fact === 'placement' ? 'the placement' : 'the legal status'} from ${formatDate(spell.startedOn)}`,
          rows:
            'placementType' in spell
              ? [
                  { key: { text: 'Placement' }, value: { text: `${spell.placementType}: ${placementTypeLabel(spell.placementType)}` } },
                  { key: { text: 'Carer or home' }, value: { text: spell.carerName ?? 'Not recorded' } },
                  dates,
                ]
              : [{ key: { text: 'Legal status' }, value: { text: `${spell.legalStatus}: ${legalStatusLabel(spell.legalStatus)}` } }, dates],
          version: view.version,
          consequence: `The ${fact === 'placement' ? 'placement' : 'legal status'} before it will run on in its place, and the SSDA903 episodes and the child’s clocks will be worked out again.`,
        };
      },
      remove: (actor, personId, itemId, input) => care.removeCareFact(db, actor, personId, fact, { id: itemId, ...input }),
      done: overviewOf,
    });
  }

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
    const actor = signedIn(request);
    const personId = personIdOf(request);
    return submitRecordForm(reply, request.body, uascForm, {
      render: (form, status) => renderUasc(reply, actor, personId, form, null, status),
      save: ({ dates }) => care.recordUascStatus(db, actor, personId, dates.startedOn as string),
      done: overviewOf(personId),
    });
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
    const actor = signedIn(request);
    const { personId, statusId } = statusParams.parse(request.params);
    return submitRecordForm(reply, request.body, uascCeaseForm, {
      render: (form, status) => renderUasc(reply, actor, personId, form, statusId, status),
      save: ({ data, dates }) =>
        care.ceaseUascStatus(db, actor, personId, { statusId, version: data.version, ceasedOn: dates.ceasedOn as string }),
      done: overviewOf(personId),
    });
  });
}
