import type { Kysely } from 'kysely';
import type { AdopterHouseholdsTable, Database, IsoDate } from '../../db/schema.js';
import {
  type AdopterJourney,
  type AdopterMatch,
  type AdopterStage,
  adopterStageNames,
  type JourneyStep,
  journeyProblems,
  nextSteps,
  stageAsAt,
  stageClockEvents,
  stepRules,
} from '../../domain/adopters/journey.js';
import { matchProblems, placementProblems } from '../../domain/adopters/matching.js';
import { type ClockInstance, createClockEngine } from '../../domain/clocks/index.js';
import { adopterLeavingReasonLabel } from '../../domain/codes/annex-a-adopter-leaving-reason.js';
import { ethnicityLabel } from '../../domain/codes/ethnicity.js';
import { normaliseLaChildId } from '../../domain/people/la-child-id.js';
import type { AnnexAAdopterHousehold } from '../../domain/returns/annex-a/adopters-list.js';
import { childrenVisibleTo, isRecordId, withChildRecord } from '../../platform/access.js';
import type { Actor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { moveChildRows, moveChildRowsBack } from '../../platform/child-rows.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors.js';
import { registerRecordMover } from '../../platform/record-movers.js';
import type { Role } from '../../platform/roles.js';
import { childSummaries, searchChildren } from '../children/service.js';
import { recordChronologyEntry, registerSourceLink } from '../chronology/service.js';
import { readClockSettings } from '../clock-settings/service.js';
import { calendar } from '../clocks/service.js';
import { adoptionsForReturn } from '../ssda903-return/service.js';
import * as queries from './queries.js';

/**
 * Who works with prospective adopters. Adopters are adults, not children's records, so access is
 * by role: the adoption and fostering workers who assess them and their managers record their
 * journey; performance analysts read it to prepare Annex A. Every read and write is audited all
 * the same. Approval is the agency decision maker's decision, so only a manager records it.
 * Matching and placing touch the child's record and go through `withChildRecord` as well.
 */
export const adopterViewerRoles: readonly Role[] = ['fostering_worker', 'team_manager', 'service_manager', 'performance_analyst'];
export const adopterRecorderRoles: readonly Role[] = ['fostering_worker', 'team_manager', 'service_manager'];
const managerRoles: readonly Role[] = ['team_manager', 'service_manager'];

const adopterMatchTables = ['adopter_matches'] as const;

registerSourceLink('adopter_match', (personId) => `/children/${personId}/chronology`);

const stepColumns: Record<JourneyStep, keyof AdopterHouseholdsTable & `${string}_on`> = {
  enquiryReceived: 'enquiry_received_on',
  stageOneStarted: 'stage_one_started_on',
  stageOneEnded: 'stage_one_ended_on',
  stageTwoStarted: 'stage_two_started_on',
  stageTwoEnded: 'stage_two_ended_on',
  applicationSubmitted: 'application_submitted_on',
  approved: 'approved_on',
};

type HouseholdRow = Awaited<ReturnType<typeof queries.households>>[number];

function journeyOf(row: HouseholdRow): AdopterJourney {
  return {
    enquiryReceived: row.enquiry_received_on,
    stageOneStarted: row.stage_one_started_on,
    stageOneEnded: row.stage_one_ended_on,
    stageTwoStarted: row.stage_two_started_on,
    stageTwoEnded: row.stage_two_ended_on,
    applicationSubmitted: row.application_submitted_on,
    approved: row.approved_on,
    leftOn: row.left_on,
    reasonLeft: row.reason_left,
  };
}

/** The day each matched child was adopted, from the child's own record (SSDA903 AD1): the first adoption order on or after the match. */
async function matchesWithAdoptions(db: Kysely<Database>, householdIds: readonly string[]) {
  const matches = await queries.matchesOf(db, householdIds);
  const { adoptions } = await adoptionsForReturn(db, [...new Set(matches.map((m) => m.person_id))]);
  return matches.map((m) => ({
    ...m,
    adoptedOn:
      adoptions
        .filter((a) => a.person_id === m.person_id && a.adopted_on >= m.matched_on)
        .map((a) => a.adopted_on)
        .sort()[0] ?? null,
  }));
}

const asMatch = (m: { matched_on: IsoDate; placed_on: IsoDate | null; adoptedOn: IsoDate | null }): AdopterMatch => ({
  matchedOn: m.matched_on,
  placedOn: m.placed_on,
  adoptedOn: m.adoptedOn,
});

/** The stage 1 and stage 2 clocks of a household, from the clock rule table with the authority's own timescales. */
async function stageClockReader(db: Kysely<Database>) {
  const { local } = await readClockSettings(db);
  const engine = createClockEngine({ calendar, settings: local });
  return (journey: AdopterJourney, asOf: IsoDate): ClockInstance[] => {
    const history = { events: stageClockEvents(journey) };
    return [...engine.evaluate('adopter_stage_one', history, asOf), ...engine.evaluate('adopter_stage_two', history, asOf)];
  };
}

const clockNames = { adopter_stage_one: 'Stage 1', adopter_stage_two: 'Stage 2' } as Record<string, string>;

function describeClock(instance: ClockInstance) {
  return {
    name: clockNames[instance.clockId] ?? instance.clockId,
    startedOn: instance.startedOn,
    dueOn: instance.dueOn,
    completedOn: instance.completedOn,
    status: instance.status,
  };
}

const householdName = (adopters: readonly { given_name: string; family_name: string }[]) =>
  adopters.map((a) => `${a.given_name} ${a.family_name}`).join(' and ');

function audit(
  db: Kysely<Database>,
  actor: Actor,
  action: string,
  householdId?: string,
  detail?: Record<string, string | number | boolean | null>,
) {
  return recordAudit(db, {
    staffId: actor.staffId,
    action,
    outcome: 'allowed',
    recordType: householdId ? 'adopter_household' : 'adopter_household_list',
    ...(householdId ? { recordId: householdId } : {}),
    ipAddress: actor.ipAddress,
    ...(detail ? { detail } : {}),
  });
}

const urgency: Record<string, number> = { overdue: 0, due_soon: 1, not_due: 2 };

/**
 * The households in the adoption process (or all of them), each with its stage and its running
 * stage clock, the most urgent first: overdue, then due soon, then the rest by due date.
 */
export async function listHouseholds(db: Kysely<Database>, actor: Actor, options: { includeLeft: boolean; today: IsoDate }) {
  const rows = await queries.households(db, options);
  const ids = rows.map((r) => r.id);
  const [adopters, matches, clocksOf] = await Promise.all([
    queries.adoptersOf(db, ids),
    matchesWithAdoptions(db, ids),
    stageClockReader(db),
  ]);
  await audit(db, actor, 'adopters.list.view', undefined, { shown: rows.length, includeLeft: options.includeLeft });
  const listed = rows.map((row) => {
    const journey = journeyOf(row);
    const mine = matches.filter((m) => m.household_id === row.id);
    const running = clocksOf(journey, options.today).find((c) => c.completedOn === null && !c.endedOn);
    const stage = stageAsAt(journey, mine.map(asMatch), options.today);
    return {
      id: row.id,
      familyIdentifier: row.family_identifier,
      name: householdName(adopters.filter((a) => a.household_id === row.id)),
      enquiryReceivedOn: row.enquiry_received_on,
      stage: adopterStageNames[stage],
      fosteringForAdoption: row.fostering_for_adoption,
      clock: running ? describeClock(running) : null,
    };
  });
  return listed.sort(
    (a, b) =>
      (urgency[a.clock?.status ?? ''] ?? 3) - (urgency[b.clock?.status ?? ''] ?? 3) ||
      (a.clock?.dueOn ?? '9999').localeCompare(b.clock?.dueOn ?? '9999'),
  );
}

async function householdOrNotFound(db: Kysely<Database>, id: string) {
  const row = isRecordId(id) ? await queries.household(db, id) : undefined;
  if (!row) throw new NotFoundError();
  return row;
}

/** One household: the adopters, the journey and what can be recorded next, the stage clocks, and the children matched with them. */
export async function viewHousehold(db: Kysely<Database>, actor: Actor, id: string, today: IsoDate) {
  const row = await householdOrNotFound(db, id);
  const [adopters, matches, clocksOf] = await Promise.all([
    queries.adoptersOf(db, [id]),
    matchesWithAdoptions(db, [id]),
    stageClockReader(db),
  ]);
  await audit(db, actor, 'adopters.household.view', id);
  const visible =
    matches.length > 0
      ? await childrenVisibleTo(
          db,
          actor,
          matches.map((m) => m.person_id),
          'adopters.household.children.view',
        )
      : [];
  const children = await childSummaries(db, visible);
  const journey = journeyOf(row);
  const stage: AdopterStage = stageAsAt(journey, matches.map(asMatch), today);
  const mayApprove = managerRoles.includes(actor.role);
  return {
    id: row.id,
    version: row.version,
    familyIdentifier: row.family_identifier,
    name: householdName(adopters),
    fosteringForAdoption: row.fostering_for_adoption,
    stage: adopterStageNames[stage],
    left: row.left_on ? { on: row.left_on, reason: adopterLeavingReasonLabel(row.reason_left) ?? row.reason_left } : null,
    adopters: adopters.map((a) => ({
      identifier: a.adopter_identifier,
      name: `${a.given_name} ${a.family_name}`,
      gender: a.gender.replace(/^[a-z]\) /, ''),
      ethnicity: ethnicityLabel(a.ethnicity) ?? a.ethnicity,
      disabled: a.disabled,
    })),
    steps: (Object.keys(stepColumns) as JourneyStep[]).map((step) => ({
      step,
      label: stepRules[step].label,
      on: journey[step],
      mayChange: journey[step] !== null && step !== 'enquiryReceived' && (mayApprove || !stepRules[step].managersOnly),
    })),
    nextSteps: nextSteps(journey)
      .filter((step) => mayApprove || !stepRules[step].managersOnly)
      .map((step) => ({ step, label: stepRules[step].label })),
    approvalWaitsForManager: !mayApprove && nextSteps(journey).some((step) => stepRules[step].managersOnly),
    clocks: clocksOf(journey, today).map(describeClock),
    mayMatch: row.approved_on !== null && row.left_on === null,
    matches: matches.map((m) => {
      const child = children.find((c) => c.id === m.person_id);
      return {
        id: m.id,
        version: m.version,
        personId: m.person_id,
        childName: child ? `${child.given_name} ${child.family_name}` : null,
        laChildId: child?.la_child_id ?? null,
        matchedOn: m.matched_on,
        placedOn: m.placed_on,
        adoptedOn: m.adoptedOn,
      };
    }),
  };
}

export type HouseholdView = Awaited<ReturnType<typeof viewHousehold>>;

export interface NewAdopter {
  givenName: string;
  familyName: string;
  gender: string;
  ethnicity: string;
  disabled: boolean | null;
}

export type Outcome<T = undefined> = { ok: true; value: T } | { ok: false; problems: { field: string; message: string }[] };

/** Adds a household of one or two prospective adopters, from the day their enquiry came in. */
export async function addHousehold(
  db: Kysely<Database>,
  actor: Actor,
  input: { adopters: NewAdopter[]; enquiryReceivedOn: IsoDate; fosteringForAdoption: boolean; today: IsoDate },
): Promise<Outcome<{ id: string }>> {
  if (input.enquiryReceivedOn > input.today)
    return { ok: false, problems: [{ field: 'enquiryReceivedOn', message: 'The date of the enquiry cannot be in the future' }] };
  return db.transaction().execute(async (trx) => {
    const row = await queries.insertHousehold(
      trx,
      { enquiry_received_on: input.enquiryReceivedOn, fostering_for_adoption: input.fosteringForAdoption, recorded_by: actor.staffId },
      input.adopters.map((a, index) => ({
        position: index + 1,
        given_name: a.givenName,
        family_name: a.familyName,
        gender: a.gender,
        ethnicity: a.ethnicity,
        disabled: a.disabled,
      })),
    );
    await audit(trx, actor, 'adopters.household.add', row.id, { adopters: input.adopters.length });
    return { ok: true, value: { id: row.id } };
  });
}

/** Records (or corrects) the date of one step of the journey, if the journey stays in order and no one else changed it meanwhile. */
export async function recordStep(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  input: { step: JourneyStep; on: IsoDate; version: number; today: IsoDate },
): Promise<Outcome> {
  if (stepRules[input.step].managersOnly && !managerRoles.includes(actor.role))
    throw new ForbiddenError(
      'Only a manager records the approval of prospective adopters: it is the agency decision maker\u2019s decision.',
    );
  const row = await householdOrNotFound(db, id);
  if (row.version !== input.version) throw new ConflictError();
  const journey = { ...journeyOf(row), [input.step]: input.on };
  const problems = journeyProblems(journey, input.today);
  if (problems.length > 0) return { ok: false, problems: problems.map((p) => ({ field: 'on', message: p.message })) };
  return db.transaction().execute(async (trx) => {
    if (!(await queries.updateHouseholdAtVersion(trx, id, input.version, { [stepColumns[input.step]]: input.on })))
      throw new ConflictError();
    await audit(trx, actor, 'adopters.step.record', id, { step: input.step });
    return { ok: true, value: undefined };
  });
}

/** Records that the household left the adoption process, when and why (Annex A reason 1-3). */
export async function recordLeaving(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  input: { leftOn: IsoDate; reason: string; version: number; today: IsoDate },
): Promise<Outcome> {
  const row = await householdOrNotFound(db, id);
  if (row.version !== input.version) throw new ConflictError();
  if (row.left_on !== null) return { ok: false, problems: [{ field: 'leftOn', message: 'The household has already left the process' }] };
  const problems = journeyProblems({ ...journeyOf(row), leftOn: input.leftOn, reasonLeft: input.reason }, input.today);
  if (problems.length > 0)
    return { ok: false, problems: problems.map((p) => ({ field: p.step === 'reasonLeft' ? 'reason' : 'leftOn', message: p.message })) };
  return db.transaction().execute(async (trx) => {
    if (!(await queries.updateHouseholdAtVersion(trx, id, input.version, { left_on: input.leftOn, reason_left: input.reason })))
      throw new ConflictError();
    await audit(trx, actor, 'adopters.leaving.record', id, { reason: input.reason });
    return { ok: true, value: undefined };
  });
}

/**
 * Matches a child with the household, found by LA child ID among the children the person may
 * open; the match is written through the child's record (access-checked and audited there too)
 * with an entry in the child's chronology.
 */
export async function recordMatch(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  input: { laChildId: string; matchedOn: IsoDate; placedOn: IsoDate | null; today: IsoDate },
): Promise<Outcome> {
  const row = await householdOrNotFound(db, id);
  const wanted = normaliseLaChildId(input.laChildId);
  const found = (await searchChildren(db, actor, input.laChildId)).find(
    (c) => c.la_child_id !== null && normaliseLaChildId(c.la_child_id) === wanted,
  );
  if (!found)
    return {
      ok: false,
      problems: [
        { field: 'laChildId', message: 'No child you may open has this LA child ID. The child\u2019s team manager can record the match.' },
      ],
    };
  return withChildRecord(db, actor, found.id, 'edit', 'adopters.match.record', async (access) => {
    const { decisions } = await adoptionsForReturn(access.trx, [access.personId]);
    const current =
      decisions
        .filter((d) => d.reversed_on === null)
        .map((d) => d.decided_on)
        .sort()
        .at(-1) ?? null;
    const problems = matchProblems(journeyOf(row), row.fostering_for_adoption, input, { placementDecidedOn: current }, input.today);
    if ((await queries.matchesOf(access.trx, [id])).some((m) => m.person_id === access.personId))
      problems.push({ field: 'child', message: 'This child is already matched with this household' });
    if (problems.length > 0)
      return { ok: false, problems: problems.map((p) => ({ field: p.field === 'child' ? 'laChildId' : p.field, message: p.message })) };
    const matchId = await queries.insertMatch(access, { householdId: id, ...input, recordedBy: actor.staffId });
    await recordChronologyEntry(access, {
      kind: 'adoption',
      occurredOn: input.matchedOn,
      summary: `Matched with prospective adopters (family ${row.family_identifier}).`,
      source: { type: 'adopter_match', id: matchId },
    });
    if (input.placedOn)
      await recordChronologyEntry(access, {
        kind: 'adoption',
        occurredOn: input.placedOn,
        summary: `Moved in with prospective adopters (family ${row.family_identifier}).`,
        source: { type: 'adopter_match', id: matchId },
      });
    await audit(access.trx, actor, 'adopters.match.record', id, { match: matchId });
    return { ok: true, value: undefined };
  });
}

/** Records the day a matched child moved in with the household, through the child's record. */
export async function recordPlacement(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  input: { matchId: string; placedOn: IsoDate; version: number; today: IsoDate },
): Promise<Outcome> {
  const row = await householdOrNotFound(db, id);
  const matched = isRecordId(input.matchId) ? await queries.match(db, input.matchId) : undefined;
  if (!matched || matched.household_id !== id) throw new NotFoundError();
  return withChildRecord(db, actor, matched.person_id, 'edit', 'adopters.placement.record', async (access) => {
    const problems = placementProblems(
      journeyOf(row),
      row.fostering_for_adoption,
      { matchedOn: matched.matched_on, placedOn: input.placedOn },
      input.today,
    );
    if (problems.length > 0) return { ok: false, problems };
    if (!(await queries.placeAtVersion(access, input.matchId, input.version, input.placedOn))) throw new ConflictError();
    await recordChronologyEntry(access, {
      kind: 'adoption',
      occurredOn: input.placedOn,
      summary: `Moved in with prospective adopters (family ${row.family_identifier}).`,
      source: { type: 'adopter_match', id: input.matchId },
    });
    await audit(access.trx, actor, 'adopters.placement.record', id, { match: input.matchId });
    return { ok: true, value: undefined };
  });
}

/** Every household of prospective adopters whose enquiry came by the as-at date, as Annex A list 11 needs them. */
export async function adopterHouseholdsForAnnexA(db: Kysely<Database>, asOf: IsoDate): Promise<AnnexAAdopterHousehold[]> {
  const rows = await queries.householdsEnquiringBy(db, asOf);
  const ids = rows.map((r) => r.id);
  const [adopters, matches] = await Promise.all([queries.adoptersOf(db, ids), matchesWithAdoptions(db, ids)]);
  return rows.map((row) => ({
    familyIdentifier: row.family_identifier,
    fosteringForAdoption: row.fostering_for_adoption,
    journey: journeyOf(row),
    adopters: adopters
      .filter((a) => a.household_id === row.id)
      .map((a) => ({ adopterIdentifier: a.adopter_identifier, gender: a.gender, ethnicity: a.ethnicity, disabled: a.disabled })),
    matches: matches.filter((m) => m.household_id === row.id).map(asMatch),
  }));
}

/** On merging two records of a child, the merged record's matches with adopters go to the one kept. */
registerRecordMover({
  name: 'matches with prospective adopters',
  columns: ['adopter_matches.person_id'],
  move: (merged, survivor) => moveChildRows(merged, survivor, adopterMatchTables),
  restore: (merged, _survivor, moved) => moveChildRowsBack(merged, adopterMatchTables, moved),
});
