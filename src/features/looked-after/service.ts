import type { Kysely } from 'kysely';
import type { Database, IsoDate } from '../../db/schema.js';
import { primaryNeedLabel } from '../../domain/codes/cin-primary-need.js';
import { legalStatusLabel } from '../../domain/codes/ssda903-legal-status.js';
import { placementTypeLabel } from '../../domain/codes/ssda903-placement-type.js';
import { reasonEpisodeCeasedLabel } from '../../domain/codes/ssda903-reason-episode-ceased.js';
import { reasonPlacementChangeLabel } from '../../domain/codes/ssda903-reason-placement-change.js';
import type { CareHistory, LegalStatusSpell, PeriodOfCare, PlacementSpell } from '../../domain/looked-after/care-history.js';
import { inForceAtEndOf, isTemporaryPlacement } from '../../domain/looked-after/care-history.js';
import { type CareHistoryProblem, checkCareHistory } from '../../domain/looked-after/care-history-checks.js';
import { deriveEpisodes } from '../../domain/looked-after/episodes.js';
import { eligibleChildFrom } from '../../domain/looked-after/leaving-care.js';
import { normalisePostcode } from '../../domain/people/postcode.js';
import { type ChildRecordAccess, withChildRecord } from '../../platform/access.js';
import type { Actor } from '../../platform/actor.js';
import { moveChildRows, moveChildRowsBack } from '../../platform/child-rows.js';
import { BadRequestError, ConflictError, NotFoundError } from '../../platform/errors.js';
import { registerRecordMover } from '../../platform/record-movers.js';
import type { Role } from '../../platform/roles.js';
import { formatDate } from '../../platform/view-filters.js';
import * as children from '../children/service.js';
import { correctedFacts, recordChronologyEntry, recordCorrection, registerSourceLink } from '../chronology/service.js';
import { type CaseEvent, recordCaseEvents, replaceCaseEvents } from '../clocks/service.js';
import * as queries from './queries.js';

const careHistoryTables = ['periods_of_care', 'legal_statuses', 'placements', 'care_episodes', 'uasc_statuses'] as const;

registerSourceLink('period_of_care', (personId) => `/children/${personId}/looked-after`);
registerSourceLink('placement', (personId) => `/children/${personId}/looked-after`);
registerSourceLink('legal_status', (personId) => `/children/${personId}/looked-after`);
registerSourceLink('uasc_status', (personId) => `/children/${personId}/looked-after`);

/** Who opens the pages about a child's care: everyone whose work involves children's records. */
export const careViewers: readonly Role[] = [
  'social_worker',
  'team_manager',
  'service_manager',
  'front_door',
  'emergency_duty',
  'reviewing_officer',
  'performance_analyst',
];

/** Who records the facts of a child's care: the child's social worker and their managers. */
export const careRecorders: readonly Role[] = ['social_worker', 'team_manager', 'service_manager'];

/** A change refused because the care history would not make sense: say why, save nothing. */
export type CareChange = { ok: true } | { ok: false; problems: CareHistoryProblem[] };

/** Where a child is placed, as the person recording it describes the placement. */
export interface PlacementDetails {
  placementType: string;
  provider: string | null;
  postcode: string | null;
  urn: string | null;
  carerName: string | null;
}

/** What the pages about a child's care show above their content. */
export async function childHeader(access: ChildRecordAccess) {
  return { child: await children.childHeader(access) };
}

async function loadHistory(access: ChildRecordAccess) {
  const [[child], periods, statuses, placements] = await Promise.all([
    children.childSummaries(access.trx, [access.personId]),
    queries.periodsOfCare(access),
    queries.legalStatuses(access),
    queries.placements(access),
  ]);
  const history: CareHistory = {
    dateOfBirth: child?.date_of_birth ?? null,
    periods: periods.map(
      (p): PeriodOfCare => ({
        id: p.id,
        startedOn: p.started_on,
        endedOn: p.ended_on,
        reasonCeased: p.reason_ceased,
        categoryOfNeed: p.category_of_need,
        homePostcode: p.home_postcode,
      }),
    ),
    legalStatuses: statuses.map(
      (s): LegalStatusSpell => ({
        id: s.id,
        periodOfCareId: s.period_of_care_id,
        legalStatus: s.legal_status,
        startedOn: s.started_on,
        endedOn: s.ended_on,
      }),
    ),
    placements: placements.map(
      (p): PlacementSpell => ({
        id: p.id,
        periodOfCareId: p.period_of_care_id,
        placementType: p.placement_type,
        provider: p.provider,
        postcode: p.postcode,
        urn: p.urn,
        carerName: p.carer_name,
        startedOn: p.started_on,
        endedOn: p.ended_on,
        reasonForChange: p.reason_for_change,
      }),
    ),
  };
  return { history, periods };
}

/**
 * Re-derives and stores the child's SSDA903 episodes from what is now recorded, and the date they
 * become an eligible child for leaving care (which starts the needs assessment clock).
 */
async function refreshEpisodes(access: ChildRecordAccess): Promise<void> {
  const { history } = await loadHistory(access);
  const eligibleFrom = history.dateOfBirth ? eligibleChildFrom(history.dateOfBirth, history.periods) : null;
  const eligibility = { type: 'leaving_care_eligibility', id: access.personId };
  await replaceCaseEvents(
    access,
    eligibility,
    eligibleFrom ? [{ kind: 'became_eligible_child', occurredOn: eligibleFrom, source: eligibility }] : [],
  );
  await queries.replaceEpisodes(
    access,
    deriveEpisodes(history).map((e) => ({
      period_of_care_id: e.periodOfCareId,
      legal_status_id: e.legalStatusId,
      placement_id: e.placementId,
      started_on: e.startedOn,
      reason_new_episode: e.reasonNewEpisode,
      legal_status: e.legalStatus,
      category_of_need: e.categoryOfNeed,
      placement_type: e.placementType,
      provider: e.provider,
      ended_on: e.endedOn,
      reason_ceased: e.reasonCeased,
      reason_placement_change: e.reasonPlacementChange,
      home_postcode: e.homePostcode,
      placement_postcode: e.placementPostcode,
      urn: e.urn,
    })),
  );
}

const tidyPlacement = (p: PlacementDetails): PlacementDetails => ({
  ...p,
  postcode: p.postcode ? (normalisePostcode(p.postcode) ?? p.postcode) : null,
  urn: p.urn ? p.urn.trim().toUpperCase() : null,
  carerName: p.carerName?.trim() || null,
});

const placementSummary = (p: PlacementDetails) =>
  `${placementTypeLabel(p.placementType) ?? p.placementType} (${p.placementType})${p.carerName ? `, with ${p.carerName}` : ''}`;

/** The open period of care the person is changing, if it is still as they saw it (version). */
async function openPeriodAsSeen(access: ChildRecordAccess, periodId: string, version: number) {
  const { history, periods } = await loadHistory(access);
  const period = history.periods.find((p) => p.id === periodId);
  if (!period || period.endedOn !== null)
    throw new ConflictError('This period of care has ended or changed since you opened it. Reload the page and try again.');
  if (periods.find((p) => p.id === periodId)?.version !== version) throw new ConflictError();
  return { history, period };
}

/** Takes the period for this change: fails if someone else changed it in the meantime. */
async function claim(access: ChildRecordAccess, periodId: string, version: number): Promise<void> {
  if (!(await queries.claimPeriod(access, periodId, version))) throw new ConflictError();
}

/** Starts a period of care: the child becomes looked after with a legal status and a placement. */
export function startPeriodOfCare(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: { startedOn: IsoDate; categoryOfNeed: string; homePostcode: string | null; legalStatus: string; placement: PlacementDetails },
): Promise<CareChange> {
  return withChildRecord(db, actor, personId, 'edit', 'looked_after.start', async (access) => {
    const { history } = await loadHistory(access);
    const placement = tidyPlacement(input.placement);
    const homePostcode = input.homePostcode ? (normalisePostcode(input.homePostcode) ?? input.homePostcode) : null;
    const proposed: CareHistory = {
      ...history,
      periods: [
        ...history.periods,
        { id: 'new', startedOn: input.startedOn, endedOn: null, reasonCeased: null, categoryOfNeed: input.categoryOfNeed, homePostcode },
      ],
      legalStatuses: [
        ...history.legalStatuses,
        { id: 'new', periodOfCareId: 'new', legalStatus: input.legalStatus, startedOn: input.startedOn, endedOn: null },
      ],
      placements: [
        ...history.placements,
        { id: 'new', periodOfCareId: 'new', ...placement, startedOn: input.startedOn, endedOn: null, reasonForChange: null },
      ],
    };
    const problems = checkCareHistory(proposed);
    if (problems.length > 0) return { ok: false, problems };

    const periodId = await queries.insertPeriod(access, {
      started_on: input.startedOn,
      category_of_need: input.categoryOfNeed,
      home_postcode: homePostcode,
      recorded_by: actor.staffId,
    });
    await queries.insertLegalStatus(access, {
      period_of_care_id: periodId,
      legal_status: input.legalStatus,
      started_on: input.startedOn,
      recorded_by: actor.staffId,
    });
    const placementId = await queries.insertPlacement(access, {
      period_of_care_id: periodId,
      placement_type: placement.placementType,
      provider: placement.provider,
      postcode: placement.postcode,
      urn: placement.urn,
      carer_name: placement.carerName,
      started_on: input.startedOn,
      recorded_by: actor.staffId,
    });
    await refreshEpisodes(access);
    await recordChronologyEntry(access, {
      kind: 'looked_after',
      occurredOn: input.startedOn,
      summary: `Became looked after: ${legalStatusLabel(input.legalStatus)} (${input.legalStatus}); placed in ${placementSummary(placement)}. Category of need ${input.categoryOfNeed} (${primaryNeedLabel(input.categoryOfNeed)}).`,
      source: { type: 'period_of_care', id: periodId },
    });
    await recordCaseEvents(access, [
      { kind: 'became_looked_after', occurredOn: input.startedOn, ref: periodId, source: { type: 'period_of_care', id: periodId } },
      { kind: 'placement_started', occurredOn: input.startedOn, ref: placementId, source: { type: 'placement', id: placementId } },
    ]);
    return { ok: true };
  });
}

/** Records a new legal status from a date (a court order made, s20 consent given, …). */
export function changeLegalStatus(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: { periodId: string; version: number; changedOn: IsoDate; legalStatus: string },
): Promise<CareChange> {
  return withChildRecord(db, actor, personId, 'edit', 'looked_after.legal_status.change', async (access) => {
    const { history } = await openPeriodAsSeen(access, input.periodId, input.version);
    const current = history.legalStatuses.find((s) => s.periodOfCareId === input.periodId && s.endedOn === null);
    if (!current) throw new ConflictError();
    if (current.legalStatus === input.legalStatus) {
      return {
        ok: false,
        problems: [
          { field: 'legalStatus', message: `The child's legal status is already ${input.legalStatus}: select the new legal status` },
        ],
      };
    }
    if (input.changedOn < current.startedOn) {
      return {
        ok: false,
        problems: [{ field: 'changedOn', message: 'The new legal status must start on or after the date the current one started' }],
      };
    }
    const proposed: CareHistory = {
      ...history,
      legalStatuses: [
        ...history.legalStatuses.map((s) => (s.id === current.id ? { ...s, endedOn: input.changedOn } : s)),
        { id: 'new', periodOfCareId: input.periodId, legalStatus: input.legalStatus, startedOn: input.changedOn, endedOn: null },
      ],
    };
    const problems = checkCareHistory(proposed);
    if (problems.length > 0) return { ok: false, problems };

    await claim(access, input.periodId, input.version);
    await queries.endLegalStatus(access, current.id, input.changedOn);
    const id = await queries.insertLegalStatus(access, {
      period_of_care_id: input.periodId,
      legal_status: input.legalStatus,
      started_on: input.changedOn,
      recorded_by: actor.staffId,
    });
    await refreshEpisodes(access);
    await recordChronologyEntry(access, {
      kind: 'legal_status',
      occurredOn: input.changedOn,
      summary: `Legal status changed from ${current.legalStatus} to ${legalStatusLabel(input.legalStatus)} (${input.legalStatus}).`,
      source: { type: 'legal_status', id },
    });
    const placement = history.placements.find((p) => p.periodOfCareId === input.periodId && p.endedOn === null);
    const events: CaseEvent[] =
      input.legalStatus === 'C2' && placement?.placementType === 'P1'
        ? [
            {
              kind: 'care_order_made_living_with_parent',
              occurredOn: input.changedOn,
              ref: placement.id,
              source: { type: 'legal_status', id },
            },
          ]
        : [];
    if (events.length > 0) await recordCaseEvents(access, events);
    return { ok: true };
  });
}

/** Moves the child to a new placement from a date, saying why the last one ended. */
export function changePlacement(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: { periodId: string; version: number; changedOn: IsoDate; reasonForChange: string | null; placement: PlacementDetails },
): Promise<CareChange> {
  return withChildRecord(db, actor, personId, 'edit', 'looked_after.placement.change', async (access) => {
    const { history } = await openPeriodAsSeen(access, input.periodId, input.version);
    const current = history.placements.find((p) => p.periodOfCareId === input.periodId && p.endedOn === null);
    if (!current) throw new ConflictError();
    const temporary = isTemporaryPlacement(current.placementType);
    if (!temporary && input.reasonForChange === null) {
      return { ok: false, problems: [{ field: 'reasonForChange', message: 'Select why the current placement is ending' }] };
    }
    if (input.changedOn < current.startedOn) {
      return {
        ok: false,
        problems: [{ field: 'changedOn', message: 'The move must be on or after the date the current placement started' }],
      };
    }
    const placement = tidyPlacement(input.placement);
    const reasonForChange = temporary ? null : input.reasonForChange;
    const proposed: CareHistory = {
      ...history,
      placements: [
        ...history.placements.map((p) => (p.id === current.id ? { ...p, endedOn: input.changedOn, reasonForChange } : p)),
        { id: 'new', periodOfCareId: input.periodId, ...placement, startedOn: input.changedOn, endedOn: null, reasonForChange: null },
      ],
    };
    const problems = checkCareHistory(proposed);
    if (problems.length > 0) return { ok: false, problems };

    await claim(access, input.periodId, input.version);
    await queries.endPlacement(access, current.id, input.changedOn, reasonForChange);
    const placementId = await queries.insertPlacement(access, {
      period_of_care_id: input.periodId,
      placement_type: placement.placementType,
      provider: placement.provider,
      postcode: placement.postcode,
      urn: placement.urn,
      carer_name: placement.carerName,
      started_on: input.changedOn,
      recorded_by: actor.staffId,
    });
    await refreshEpisodes(access);
    await recordChronologyEntry(access, {
      kind: 'placement',
      occurredOn: input.changedOn,
      summary: `Moved to ${placementSummary(placement)}${reasonForChange ? `. Reason for the move: ${reasonPlacementChangeLabel(reasonForChange)} (${reasonForChange})` : ''}.`,
      source: { type: 'placement', id: placementId },
    });
    await recordCaseEvents(access, [
      { kind: 'placement_ended', occurredOn: input.changedOn, ref: current.id, source: { type: 'placement', id: current.id } },
      { kind: 'placement_started', occurredOn: input.changedOn, ref: placementId, source: { type: 'placement', id: placementId } },
    ]);
    return { ok: true };
  });
}

/** Ends the period of care: the child stops being looked after, for the reason given (an SSDA903 E code). */
export function endPeriodOfCare(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: { periodId: string; version: number; endedOn: IsoDate; reasonCeased: string },
): Promise<CareChange> {
  return withChildRecord(db, actor, personId, 'edit', 'looked_after.end', async (access) => {
    const { history } = await openPeriodAsSeen(access, input.periodId, input.version);
    const openStatus = history.legalStatuses.find((s) => s.periodOfCareId === input.periodId && s.endedOn === null);
    const openPlacement = history.placements.find((p) => p.periodOfCareId === input.periodId && p.endedOn === null);
    const proposed: CareHistory = {
      ...history,
      periods: history.periods.map((p) =>
        p.id === input.periodId ? { ...p, endedOn: input.endedOn, reasonCeased: input.reasonCeased } : p,
      ),
      legalStatuses: history.legalStatuses.map((s) => (s.id === openStatus?.id ? { ...s, endedOn: input.endedOn } : s)),
      placements: history.placements.map((p) => (p.id === openPlacement?.id ? { ...p, endedOn: input.endedOn } : p)),
    };
    const problems = checkCareHistory(proposed);
    if (problems.length > 0) return { ok: false, problems };

    await claim(access, input.periodId, input.version);
    await queries.endPeriod(access, input.periodId, input.endedOn, input.reasonCeased);
    if (openStatus) await queries.endLegalStatus(access, openStatus.id, input.endedOn);
    if (openPlacement) await queries.endPlacement(access, openPlacement.id, input.endedOn, null);
    await refreshEpisodes(access);
    await recordChronologyEntry(access, {
      kind: 'looked_after',
      occurredOn: input.endedOn,
      summary: `Stopped being looked after: ${reasonEpisodeCeasedLabel(input.reasonCeased)} (${input.reasonCeased}).`,
      source: { type: 'period_of_care', id: input.periodId },
    });
    await recordCaseEvents(access, [
      ...(openPlacement
        ? [
            {
              kind: 'placement_ended' as const,
              occurredOn: input.endedOn,
              ref: openPlacement.id,
              source: { type: 'placement', id: openPlacement.id },
            },
          ]
        : []),
      {
        kind: 'ceased_looked_after',
        occurredOn: input.endedOn,
        ref: input.periodId,
        source: { type: 'period_of_care', id: input.periodId },
      },
    ]);
    return { ok: true };
  });
}

/** Records that the child is an unaccompanied asylum-seeking child from a date. */
export function recordUascStatus(db: Kysely<Database>, actor: Actor, personId: string, startedOn: IsoDate): Promise<CareChange> {
  return withChildRecord(db, actor, personId, 'edit', 'looked_after.uasc.record', async (access) => {
    const existing = await queries.uascStatuses(access);
    if (existing.some((s) => s.ceased_on === null)) {
      return {
        ok: false,
        problems: [{ field: 'startedOn', message: 'The child is already recorded as an unaccompanied asylum-seeking child' }],
      };
    }
    if (existing.some((s) => s.ceased_on !== null && startedOn <= s.ceased_on)) {
      return { ok: false, problems: [{ field: 'startedOn', message: 'The date must be after the earlier UASC status ceased' }] };
    }
    const id = await queries.insertUascStatus(access, { started_on: startedOn, recorded_by: actor.staffId });
    await recordChronologyEntry(access, {
      kind: 'uasc',
      occurredOn: startedOn,
      summary: 'Recorded as an unaccompanied asylum-seeking child.',
      source: { type: 'uasc_status', id },
    });
    return { ok: true };
  });
}

/** Records the date UASC status ceased (SSDA903 DUC): for example, leave to remain, or age assessment. */
export function ceaseUascStatus(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: { statusId: string; version: number; ceasedOn: IsoDate },
): Promise<CareChange> {
  return withChildRecord(db, actor, personId, 'edit', 'looked_after.uasc.cease', async (access) => {
    const status = (await queries.uascStatuses(access)).find((s) => s.id === input.statusId);
    if (!status) throw new NotFoundError();
    if (input.ceasedOn < status.started_on) {
      return {
        ok: false,
        problems: [{ field: 'ceasedOn', message: 'The date UASC status ceased must be on or after the date it was recorded from' }],
      };
    }
    if (!(await queries.ceaseUascStatus(access, input.statusId, input.version, input.ceasedOn))) throw new ConflictError();
    await recordChronologyEntry(access, {
      kind: 'uasc',
      occurredOn: input.ceasedOn,
      summary: 'Unaccompanied asylum-seeking child status ceased.',
      source: { type: 'uasc_status', id: input.statusId },
    });
    return { ok: true };
  });
}

/** A legal status or a placement: the two facts within a period of care that can be corrected or removed. */
export type CareFact = 'legal_status' | 'placement';

const careFactWords: Record<CareFact, string> = { legal_status: 'Legal status', placement: 'Placement' };

/**
 * The legal status or placement being corrected, if its period of care is still as the person saw
 * it (every change to a period's history moves the period's version on), with the spells either
 * side of it in the same period.
 */
async function careFactAsSeen(access: ChildRecordAccess, fact: CareFact, id: string, version: number | null) {
  const { history, periods } = await loadHistory(access);
  const spells: readonly (LegalStatusSpell | PlacementSpell)[] = fact === 'placement' ? history.placements : history.legalStatuses;
  const spell = spells.find((s) => s.id === id);
  if (!spell) throw new NotFoundError();
  const period = history.periods.find((p) => p.id === spell.periodOfCareId) as PeriodOfCare;
  const periodVersion = periods.find((p) => p.id === period.id)?.version as number;
  if (version !== null && version !== periodVersion) throw new ConflictError();
  const inPeriod = spells.filter((s) => s.periodOfCareId === period.id);
  const index = inPeriod.findIndex((s) => s.id === id);
  return { history, period, periodVersion, spell, previous: inPeriod[index - 1] ?? null, next: inPeriod[index + 1] ?? null };
}

/** The case events that come from one placement or legal status, as the care history now stands. */
function careFactEvents(history: CareHistory, fact: CareFact, id: string): CaseEvent[] {
  const source = { type: fact, id };
  if (fact === 'placement') {
    const placement = history.placements.find((p) => p.id === id);
    if (!placement) return [];
    return [
      { kind: 'placement_started', occurredOn: placement.startedOn, ref: id, source },
      ...(placement.endedOn ? [{ kind: 'placement_ended' as const, occurredOn: placement.endedOn, ref: id, source }] : []),
    ];
  }
  const status = history.legalStatuses.find((s) => s.id === id);
  const period = history.periods.find((p) => p.id === status?.periodOfCareId);
  if (!status || !period || status.legalStatus !== 'C2' || status.startedOn === period.startedOn) return [];
  const placement = history.placements.find((p) => p.periodOfCareId === period.id && inForceAtEndOf(p, status.startedOn));
  return placement?.placementType === 'P1'
    ? [{ kind: 'care_order_made_living_with_parent', occurredOn: status.startedOn, ref: placement.id, source }]
    : [];
}

/**
 * Saves a corrected care history of one period: the legal statuses and placements changed or
 * removed, the SSDA903 episodes derived again, and the case events of every legal status and
 * placement in the period replaced (which recomputes the clocks), all in the caller's transaction.
 */
async function saveCorrectedPeriod(access: ChildRecordAccess, before: CareHistory, after: CareHistory, periodId: string, version: number) {
  await claim(access, periodId, version);
  await queries.replaceEpisodes(access, []);
  for (const status of before.legalStatuses.filter((s) => s.periodOfCareId === periodId)) {
    const corrected = after.legalStatuses.find((s) => s.id === status.id);
    if (!corrected) await queries.deleteLegalStatus(access, status.id);
    else if (JSON.stringify(corrected) !== JSON.stringify(status))
      await queries.correctLegalStatus(access, status.id, {
        legal_status: corrected.legalStatus,
        started_on: corrected.startedOn,
        ended_on: corrected.endedOn,
      });
  }
  for (const placement of before.placements.filter((p) => p.periodOfCareId === periodId)) {
    const corrected = after.placements.find((p) => p.id === placement.id);
    if (!corrected) await queries.deletePlacement(access, placement.id);
    else if (JSON.stringify(corrected) !== JSON.stringify(placement))
      await queries.correctPlacement(access, placement.id, {
        placement_type: corrected.placementType,
        provider: corrected.provider,
        postcode: corrected.postcode,
        urn: corrected.urn,
        carer_name: corrected.carerName,
        started_on: corrected.startedOn,
        ended_on: corrected.endedOn,
        reason_for_change: corrected.reasonForChange,
      });
  }
  await refreshEpisodes(access);
  for (const status of before.legalStatuses.filter((s) => s.periodOfCareId === periodId))
    await replaceCaseEvents(access, { type: 'legal_status', id: status.id }, careFactEvents(after, 'legal_status', status.id));
  for (const placement of before.placements.filter((p) => p.periodOfCareId === periodId))
    await replaceCaseEvents(access, { type: 'placement', id: placement.id }, careFactEvents(after, 'placement', placement.id));
}

const placementWords = (p: PlacementSpell) => ({
  'placement type': `${p.placementType}`,
  provider: p.provider ?? 'none',
  'carer or home': p.carerName ?? 'not recorded',
  postcode: p.postcode ?? 'not recorded',
  'Ofsted URN': p.urn ?? 'not recorded',
  'start date': formatDate(p.startedOn),
  'reason it ended': p.reasonForChange ?? 'none',
});
const legalStatusWords = (s: LegalStatusSpell) => ({ 'legal status': s.legalStatus, 'start date': formatDate(s.startedOn) });

const nothingChanged: CareChange = {
  ok: false,
  problems: [{ field: 'startedOn', message: 'Nothing has changed: change what was recorded wrongly, or go back' }],
};

/** The first legal status or placement of a period starts the day the child became looked after, and moves only with it. */
const firstSpellProblem = (period: PeriodOfCare): CareChange => ({
  ok: false,
  problems: [
    {
      field: 'startedOn',
      message: `This is the first of the period of care, so it starts on the day the child became looked after (${formatDate(period.startedOn)})`,
    },
  ],
});

/**
 * Corrects a placement recorded wrongly (its start date, type, provider, carer, postcode, URN or
 * why it ended). A new start date moves the end of the placement before it, as a move does; the
 * whole care history is checked again, the episodes derived again and the clocks recomputed.
 */
export function correctPlacement(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: {
    placementId: string;
    version: number;
    startedOn: IsoDate;
    reasonForChange: string | null;
    placement: PlacementDetails;
    reason: string;
  },
): Promise<CareChange> {
  return withChildRecord(db, actor, personId, 'edit', 'looked_after.placement.correct', async (access) => {
    const seen = await careFactAsSeen(access, 'placement', input.placementId, input.version);
    const spell = seen.spell as PlacementSpell;
    if (seen.previous === null && input.startedOn !== spell.startedOn) return firstSpellProblem(seen.period);
    const placement = tidyPlacement(input.placement);
    const endedByMove = seen.next !== null && !isTemporaryPlacement(placement.placementType);
    if (endedByMove && input.reasonForChange === null)
      return { ok: false, problems: [{ field: 'reasonForChange', message: 'Select why this placement ended' }] };
    const corrected: PlacementSpell = {
      ...spell,
      ...placement,
      startedOn: input.startedOn,
      reasonForChange: endedByMove ? input.reasonForChange : null,
    };
    const changes = correctedFacts(placementWords(spell), placementWords(corrected));
    if (changes.length === 0) return nothingChanged;
    const after: CareHistory = {
      ...seen.history,
      placements: seen.history.placements.map((p) =>
        p.id === spell.id ? corrected : p.id === seen.previous?.id ? { ...p, endedOn: input.startedOn } : p,
      ),
    };
    const problems = checkCareHistory(after);
    if (problems.length > 0) return { ok: false, problems };
    await saveCorrectedPeriod(access, seen.history, after, seen.period.id, input.version);
    await recordCorrection(access, {
      what: 'Placement',
      occurredOn: input.startedOn,
      changes,
      removed: false,
      reason: input.reason,
      source: { type: 'placement', id: spell.id },
    });
    return { ok: true };
  });
}

/** Corrects a legal status recorded wrongly (its code or start date); the history is checked and derived again as for a placement. */
export function correctLegalStatus(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: { legalStatusId: string; version: number; startedOn: IsoDate; legalStatus: string; reason: string },
): Promise<CareChange> {
  return withChildRecord(db, actor, personId, 'edit', 'looked_after.legal_status.correct', async (access) => {
    const seen = await careFactAsSeen(access, 'legal_status', input.legalStatusId, input.version);
    const spell = seen.spell as LegalStatusSpell;
    if (seen.previous === null && input.startedOn !== spell.startedOn) return firstSpellProblem(seen.period);
    const corrected: LegalStatusSpell = { ...spell, legalStatus: input.legalStatus, startedOn: input.startedOn };
    const changes = correctedFacts(legalStatusWords(spell), legalStatusWords(corrected));
    if (changes.length === 0) return nothingChanged;
    const sameAsNeighbour = [seen.previous, seen.next].some((s) => s !== null && (s as LegalStatusSpell).legalStatus === input.legalStatus);
    if (sameAsNeighbour)
      return {
        ok: false,
        problems: [{ field: 'legalStatus', message: 'The legal status before or after this one is the same: remove this one instead' }],
      };
    const after: CareHistory = {
      ...seen.history,
      legalStatuses: seen.history.legalStatuses.map((s) =>
        s.id === spell.id ? corrected : s.id === seen.previous?.id ? { ...s, endedOn: input.startedOn } : s,
      ),
    };
    const problems = checkCareHistory(after);
    if (problems.length > 0) return { ok: false, problems };
    await saveCorrectedPeriod(access, seen.history, after, seen.period.id, input.version);
    await recordCorrection(access, {
      what: 'Legal status',
      occurredOn: input.startedOn,
      changes,
      removed: false,
      reason: input.reason,
      source: { type: 'legal_status', id: spell.id },
    });
    return { ok: true };
  });
}

/**
 * Removes a legal status or placement recorded in error: the one before it runs on in its place
 * (to the next one's start, or the end of care). The first of a period cannot be removed, since
 * the child was looked after under something from the first day: correct it instead.
 */
export function removeCareFact(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  fact: CareFact,
  input: { id: string; version: number; reason: string },
): Promise<CareChange> {
  return withChildRecord(db, actor, personId, 'edit', `looked_after.${fact}.remove`, async (access) => {
    const seen = await careFactAsSeen(access, fact, input.id, input.version);
    const previous = seen.previous;
    if (previous === null)
      return {
        ok: false,
        problems: [
          {
            field: 'reason',
            message: `${careFactWords[fact]} is the first of the period of care, so it cannot be removed: change it instead`,
          },
        ],
      };
    const ended = seen.spell.endedOn;
    const after: CareHistory =
      fact === 'placement'
        ? {
            ...seen.history,
            placements: seen.history.placements
              .filter((p) => p.id !== input.id)
              .map((p) =>
                p.id === previous.id ? { ...p, endedOn: ended, reasonForChange: seen.next === null ? null : p.reasonForChange } : p,
              ),
          }
        : {
            ...seen.history,
            legalStatuses: seen.history.legalStatuses
              .filter((s) => s.id !== input.id)
              .map((s) => (s.id === previous.id ? { ...s, endedOn: ended } : s)),
          };
    const problems = checkCareHistory(after);
    if (problems.length > 0) return { ok: false, problems: problems.map((p) => ({ ...p, field: 'reason' })) };
    await saveCorrectedPeriod(access, seen.history, after, seen.period.id, input.version);
    await recordCorrection(access, {
      what: `${careFactWords[fact]} from ${formatDate(seen.spell.startedOn)}`,
      occurredOn: seen.spell.startedOn,
      changes: [],
      removed: true,
      reason: input.reason,
      source: { type: fact, id: input.id },
    });
    return { ok: true };
  });
}

/** One legal status or placement with its period's version and its place in the period, for the correction and removal pages. */
export function viewCareFact(db: Kysely<Database>, actor: Actor, personId: string, fact: CareFact, id: string) {
  return withChildRecord(db, actor, personId, 'view', 'looked_after.view', async (access) => {
    const [header, seen] = await Promise.all([childHeader(access), careFactAsSeen(access, fact, id, null)]);
    return {
      header,
      period: seen.period,
      version: seen.periodVersion,
      spell: seen.spell,
      isFirst: seen.previous === null,
      endedByMove: seen.next !== null,
    };
  });
}

/** Everything the care and placements page shows. */
export function viewCareAndPlacements(db: Kysely<Database>, actor: Actor, personId: string) {
  return withChildRecord(db, actor, personId, 'view', 'looked_after.view', async (access) => {
    const [header, periods, statuses, placements, episodes, uasc] = await Promise.all([
      childHeader(access),
      queries.periodsOfCare(access),
      queries.legalStatuses(access),
      queries.placements(access),
      queries.episodes(access),
      queries.uascStatuses(access),
    ]);
    const open = periods.find((p) => p.ended_on === null) ?? null;
    return {
      header,
      open,
      currentLegalStatus: open ? (statuses.find((s) => s.period_of_care_id === open.id && s.ended_on === null) ?? null) : null,
      currentPlacement: open ? (placements.find((p) => p.period_of_care_id === open.id && p.ended_on === null) ?? null) : null,
      periods: periods
        .map((p) => ({
          ...p,
          legalStatuses: statuses.filter((s) => s.period_of_care_id === p.id),
          placements: placements.filter((pl) => pl.period_of_care_id === p.id),
        }))
        .reverse(),
      episodes,
      uasc,
    };
  });
}

/** The open period of care with its current legal status and placement, for the change forms. */
export function viewOpenPeriod(db: Kysely<Database>, actor: Actor, personId: string) {
  return withChildRecord(db, actor, personId, 'view', 'looked_after.view', async (access) => {
    const [header, periods, statuses, placements] = await Promise.all([
      childHeader(access),
      queries.periodsOfCare(access),
      queries.legalStatuses(access),
      queries.placements(access),
    ]);
    const open = periods.find((p) => p.ended_on === null) ?? null;
    return {
      header,
      open,
      lastEnded: periods.filter((p) => p.ended_on !== null).at(-1) ?? null,
      legalStatus: open ? (statuses.find((s) => s.period_of_care_id === open.id && s.ended_on === null) ?? null) : null,
      placement: open ? (placements.find((p) => p.period_of_care_id === open.id && p.ended_on === null) ?? null) : null,
    };
  });
}

/** Was the child looked after at the end of this day? For other features (missing from care or home, visits). */
export async function careOn(access: ChildRecordAccess, date: IsoDate) {
  const [periods, placements] = await Promise.all([queries.periodsOfCare(access), queries.placements(access)]);
  const period = periods.find((p) => p.started_on <= date && (p.ended_on === null || p.ended_on > date)) ?? null;
  const placement = period
    ? (placements.find((p) => p.period_of_care_id === period.id && p.started_on <= date && (p.ended_on === null || p.ended_on > date)) ??
      null)
    : null;
  return { lookedAfter: period !== null, periodOfCareId: period?.id ?? null, placementId: placement?.id ?? null };
}

/** The child's periods of care, oldest first: for leaving care eligibility and the care leaver pages. */
export async function periodsOf(access: ChildRecordAccess) {
  return (await queries.periodsOfCare(access)).map((p) => ({
    startedOn: p.started_on,
    endedOn: p.ended_on,
    reasonCeased: p.reason_ceased,
  }));
}

/** The children who had begun to be looked after by a date: everyone an SSDA903 return up to that date can be about. */
export function childrenLookedAfterBy(db: Kysely<Database>, date: IsoDate): Promise<string[]> {
  return queries.childrenLookedAfterBy(db, date);
}

/**
 * Periods of care, SSDA903 episodes and UASC statuses of many children at once, for the
 * authority's SSDA903 return. No access check: the return is the authority's, not a person's view.
 */
export async function careForReturn(db: Kysely<Database>, personIds: readonly string[]) {
  if (personIds.length === 0) return { periods: [], episodes: [], uasc: [] };
  const periods = await queries.periodsOfCareOf(db, personIds);
  const episodes = await queries.episodesOf(db, personIds);
  const uasc = await queries.uascStatusesOf(db, personIds);
  return { periods, episodes, uasc };
}

/**
 * On merging two records of a child, the merged record's care history (periods of care, legal
 * statuses, placements, the SSDA903 episodes derived from them) and UASC statuses go to the one
 * kept. Two care histories are not interleaved: if both records have a period of care the merge is
 * refused, so the episodes moved are exactly those derived from the history moved with them.
 */
registerRecordMover({
  name: 'periods of care, legal statuses, placements and UASC statuses',
  columns: [
    'periods_of_care.person_id',
    'legal_statuses.person_id',
    'placements.person_id',
    'care_episodes.person_id',
    'uasc_statuses.person_id',
  ],
  move: async (merged, survivor) => {
    if ((await queries.hasPeriodOfCare(merged)) && (await queries.hasPeriodOfCare(survivor)))
      throw new BadRequestError(
        'Both records have a period of care. Hearth cannot combine two care histories: correct the care history so that only one record has periods of care before merging the records.',
      );
    if ((await queries.hasOpenUascStatus(merged)) && (await queries.hasOpenUascStatus(survivor)))
      throw new BadRequestError('Both records have a current UASC status. Cease one of them before merging the records.');
    return moveChildRows(merged, survivor, careHistoryTables);
  },
  restore: (merged, _survivor, moved) => moveChildRowsBack(merged, careHistoryTables, moved),
});
