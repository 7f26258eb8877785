import JSZip from 'jszip';
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { ClockEventsTable, Database, IsoDate } from '../../db/schema.js';
import { primaryNeedLabel } from '../../domain/codes/cin-primary-need.js';
import { careLeaverActivityLabel } from '../../domain/codes/ssda903-care-leaver-activity.js';
import { careLeaverInTouchLabel } from '../../domain/codes/ssda903-care-leaver-in-touch.js';
import { legalStatusLabel } from '../../domain/codes/ssda903-legal-status.js';
import { placementTypeLabel } from '../../domain/codes/ssda903-placement-type.js';
import { reasonEpisodeCeasedLabel } from '../../domain/codes/ssda903-reason-episode-ceased.js';
import { reasonPlacementChangeLabel } from '../../domain/codes/ssda903-reason-placement-change.js';
import { reviewParticipationLabel } from '../../domain/codes/ssda903-review-participation.js';
import type { CareHistory, PlacementSpell } from '../../domain/looked-after/care-history.js';
import { type CareEpisode, deriveEpisodes } from '../../domain/looked-after/episodes.js';
import { eligibleChildFrom } from '../../domain/looked-after/leaving-care.js';
import { describeCollectionYear, ssda903CollectionYear } from '../../domain/returns/ssda903/collection-year.js';
import { type ValidationFailure, validateReturn } from '../../domain/returns/ssda903/evaluate.js';
import { type FileKind, fileSpecs } from '../../domain/returns/ssda903/files.js';
import { type ChildForReturn, filesHearthWrites, returnFromRecord } from '../../domain/returns/ssda903/from-record.js';
import type { ReadProblem, Ssda903Return } from '../../domain/returns/ssda903/return.js';
import { toReturnDate } from '../../domain/returns/ssda903/return-date.js';
import { ssda903Rules } from '../../domain/returns/ssda903/rules.js';
import { type ChildToImport, collectionYearOfEpisodes, type ImportError, planImport } from '../../domain/returns/ssda903/to-record.js';
import { returnFileName, writeReturnFile } from '../../domain/returns/ssda903/write.js';
import { childrenVisibleTo } from '../../platform/access.js';
import { decideChildAccess } from '../../platform/access-policy.js';
import type { Actor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import type { Role } from '../../platform/roles.js';
import { todayInEngland } from '../../platform/today.js';
import { adoptionDecisionsForReturns, adoptionsForReturns } from '../adoption/service.js';
import { socialWorkerAllocationsForReturns } from '../allocation/service.js';
import { contactsForReturn } from '../care-leavers/service.js';
import { childSummaries, detailsForReturns, laChildIdsInUse, upnsInUse } from '../children/service.js';
import { recomputeClocks } from '../clocks/service.js';
import { careForReturn, childrenLookedAfterBy } from '../looked-after/service.js';
import { outcomesForReturns } from '../looked-after-outcomes/service.js';
import { reviewsForReturn } from '../looked-after-reviews/service.js';
import { missingEpisodesForReturn } from '../missing-episodes/service.js';
import { motherhoodForReturns } from '../motherhood/service.js';
import { previousPermanenceForReturns } from '../previous-permanence/service.js';
import * as queries from './queries.js';

/** Who prepares the SSDA903 return in Hearth: performance analysts, and heads of service who answer for it. */
export const returnRoles: readonly Role[] = ['performance_analyst', 'service_manager'];

/** The return as Hearth's record gives it for a collection year, and which person each CHILD is. */
export interface LiveReturn {
  year: number;
  ssda903: Ssda903Return;
  personIdOf: ReadonlyMap<string, string>;
}

function groupBy<T extends { person_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(row.person_id, [...(groups.get(row.person_id) ?? []), row]);
  return groups;
}

/**
 * Reads what the return needs of every child who had begun to be looked after by 31 March of the
 * year (the return picks out those in scope) and maps it to the return's files. A system read for
 * the authority's statutory return: callers decide who sees which child.
 */
export async function liveReturn(db: Kysely<Database>, year: number): Promise<LiveReturn> {
  const { end } = ssda903CollectionYear(year);
  const ids = await childrenLookedAfterBy(db, end);
  const details = await detailsForReturns(db, ids);
  const personIds = details.map((d) => d.id);
  const care = await careForReturn(db, personIds);
  const [reviews, missing, contacts, decisions, adoptions, previous, outcomes, motherhood, socialWorkers] = await Promise.all([
    reviewsForReturn(db, personIds),
    missingEpisodesForReturn(db, personIds),
    contactsForReturn(db, personIds),
    adoptionDecisionsForReturns(db, personIds),
    adoptionsForReturns(db, personIds),
    previousPermanenceForReturns(db, personIds),
    outcomesForReturns(db, personIds, year),
    motherhoodForReturns(db, personIds),
    socialWorkerAllocationsForReturns(db, personIds, ssda903CollectionYear(year).start),
  ]);
  const by = {
    periods: groupBy(care.periods),
    episodes: groupBy(care.episodes),
    uasc: groupBy(care.uasc),
    reviews: groupBy(reviews),
    missing: groupBy(missing),
    contacts: groupBy(contacts),
    decisions: groupBy(decisions),
    adoptions: groupBy(adoptions),
    previous: groupBy(previous),
    outcomes: groupBy(outcomes),
    socialWorkers: groupBy(socialWorkers),
  };
  const mothers = new Map(motherhood.map((m) => [m.person_id, m]));
  const personIdOf = new Map<string, string>();
  const children: ChildForReturn[] = [];
  for (const d of details) {
    if (!d.la_child_id) continue;
    personIdOf.set(d.la_child_id, d.id);
    const mother = mothers.get(d.id);
    children.push({
      laChildId: d.la_child_id,
      sex: d.sex,
      dateOfBirth: d.date_of_birth,
      ethnicity: d.ethnicity,
      upn: d.upn,
      upnUnknown: d.upn_unknown,
      motherhood: mother ? { isMother: mother.is_mother, firstChildBornOn: mother.first_child_born_on } : null,
      periods: (by.periods.get(d.id) ?? []).map((p) => ({ startedOn: p.started_on, endedOn: p.ended_on, reasonCeased: p.reason_ceased })),
      episodes: (by.episodes.get(d.id) ?? []).map(
        (e): CareEpisode => ({
          periodOfCareId: e.period_of_care_id,
          legalStatusId: e.legal_status_id,
          placementId: e.placement_id,
          startedOn: e.started_on,
          reasonNewEpisode: e.reason_new_episode as CareEpisode['reasonNewEpisode'],
          legalStatus: e.legal_status,
          categoryOfNeed: e.category_of_need,
          placementType: e.placement_type,
          provider: e.provider,
          endedOn: e.ended_on,
          reasonCeased: e.reason_ceased,
          reasonPlacementChange: e.reason_placement_change,
          homePostcode: e.home_postcode,
          placementPostcode: e.placement_postcode,
          urn: e.urn,
        }),
      ),
      reviews: (by.reviews.get(d.id) ?? []).map((r) => ({ heldOn: r.held_on, participation: r.participation })),
      missing: (by.missing.get(d.id) ?? []).map((m) => ({ kind: m.kind, startedOn: m.started_on, returnedOn: m.returned_on })),
      uasc: (by.uasc.get(d.id) ?? []).map((u) => ({ startedOn: u.started_on, ceasedOn: u.ceased_on })),
      careLeaverContacts: (by.contacts.get(d.id) ?? []).map((c) => ({
        contactOn: c.contact_on,
        inTouch: c.in_touch,
        activity: c.activity,
        accommodation: c.accommodation,
      })),
      adoptionDecisions: (by.decisions.get(d.id) ?? []).map((a) => ({
        decidedOn: a.decided_on,
        reversedOn: a.reversed_on,
        reasonReversed: a.reason_reversed,
      })),
      adoptions: (by.adoptions.get(d.id) ?? []).map((a) => ({
        adoptedOn: a.adopted_on,
        shouldBePlacedOn: a.should_be_placed_on,
        matchedOn: a.matched_on,
        adoptedByFosterCarer: a.adopted_by_foster_carer,
        numberOfAdopters: a.number_of_adopters,
        adoptersSex: a.adopters_sex,
        adoptersLegalStatus: a.adopters_legal_status,
      })),
      previousPermanence: (by.previous.get(d.id) ?? []).map((p) => ({
        periodStartedOn: p.period_started_on,
        arrangement: p.arrangement,
        localAuthority: p.local_authority,
        arrangementDate: p.arrangement_date,
      })),
      outcomes: (by.outcomes.get(d.id) ?? []).map((o) => ({
        collectionYear: o.collection_year,
        sdqScore: o.sdq_score,
        sdqReason: o.sdq_reason,
        convicted: o.convicted,
        healthCheck: o.health_check,
        immunisations: o.immunisations,
        teethCheck: o.teeth_check,
        healthAssessment: o.health_assessment,
        substanceMisuse: o.substance_misuse,
        interventionReceived: o.intervention_received,
        interventionOffered: o.intervention_offered,
      })),
      socialWorkers: (by.socialWorkers.get(d.id) ?? []).map((a) => ({
        startedOn: a.started_on,
        endedOn: a.ended_on,
        staffId: a.staff_id,
        registrationNumber: a.swe_registration_number,
        changeReason: a.change_reason,
      })),
    });
  }
  return { year, ssda903: returnFromRecord(children, year), personIdOf };
}

/** Hearth's own data checked against the DfE rules for a collection year: `hearth validate ssda903 --year YYYY`. */
export async function validateLiveReturn(db: Kysely<Database>, year: number): Promise<ValidationFailure[]> {
  return validateReturn((await liveReturn(db, year)).ssda903, year);
}

/** One file of the return as written. */
export interface ReturnFileText {
  name: string;
  text: string;
  lines: number;
}

/** The return's CSV files for a year, after checking them: the failures are for the analyst to weigh, the files are written regardless. */
export async function exportReturn(
  db: Kysely<Database>,
  year: number,
): Promise<{ files: ReturnFileText[]; failures: ValidationFailure[] }> {
  const live = await liveReturn(db, year);
  return { files: filesOf(live), failures: validateReturn(live.ssda903, year) };
}

function filesOf(live: LiveReturn): ReturnFileText[] {
  return filesHearthWrites(live.year).map((kind) => {
    const records = (live.ssda903[kind]?.rows ?? []).map((row) => row.record);
    return { name: returnFileName(kind), text: writeReturnFile(kind, records as never), lines: records.length };
  });
}

/** Failures counted by rule, most first: for the command line and the page. */
export function failuresByRule(failures: readonly ValidationFailure[]) {
  const descriptions = new Map(ssda903Rules.map((rule) => [rule.code, rule.description]));
  const byRule = new Map<string, ValidationFailure[]>();
  for (const failure of failures) byRule.set(failure.rule, [...(byRule.get(failure.rule) ?? []), failure]);
  return [...byRule.entries()]
    .map(([rule, list]) => ({
      rule,
      severity: (list[0] as ValidationFailure).severity,
      description: descriptions.get(rule) ?? '',
      count: list.length,
      failures: list,
    }))
    .sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule, 'en', { numeric: true }));
}

/** The collection years the page offers: the current one and the five before it. */
export function collectionYearChoices(today: IsoDate = todayInEngland()): number[] {
  const current = today.slice(5) >= '04-01' ? Number(today.slice(0, 4)) + 1 : Number(today.slice(0, 4));
  return [0, 1, 2, 3, 4, 5].map((back) => current - back);
}

/** Where on a child's record the facts behind each file are put right. */
const pageFor: Record<FileKind, string> = {
  header: '',
  episodes: '/looked-after',
  reviews: '/reviews',
  uasc: '/looked-after',
  oc2: '/outcomes',
  oc3: '/leaving-care',
  ad1: '/adoption',
  placedAdoption: '/adoption',
  prevPerm: '/adoption#permanence-before-care',
  missing: '/missing',
  swEpisodes: '',
  dolo: '',
};

/** Rules about facts recorded somewhere other than their file's page: a young woman's motherhood (Header), the outcomes (on Episodes when OC2 is missing), and so on. */
const pageForRule: Record<string, string> = {
  '165': '/outcomes#motherhood',
  '174': '/outcomes#motherhood',
  '393': '/outcomes#motherhood',
  '607': '/outcomes#motherhood',
  '611': '/outcomes#motherhood',
  '620': '/outcomes#motherhood',
  '621': '/outcomes#motherhood',
  '191': '/outcomes',
  '601': '/adoption',
  '551': '/adoption',
  '553': '/adoption',
  '557': '/adoption',
  '630': '/adoption#permanence-before-care',
};

/** A failure as the page lists it: the child, their record's page to fix it, and the file by its DfE name. */
const failureView = (f: ValidationFailure, personId: string, childName: string) => ({
  ...f,
  personId,
  childName,
  fileName: fileSpecs[f.file].name,
  fixHref: `/children/${personId}${pageForRule[f.rule] ?? pageFor[f.file]}`,
});

/**
 * The analyst's page: every failure of the return for the year, by rule and by child, each child
 * linked to their record. Only children the person may open are named; the others are counted.
 */
export async function viewReturn(db: Kysely<Database>, actor: Actor, year: number) {
  const live = await liveReturn(db, year);
  const failures = validateReturn(live.ssda903, year);
  const failingIds = [...new Set(failures.flatMap((f) => live.personIdOf.get(f.la_child_id) ?? []))];
  const visible = new Set(await childrenVisibleTo(db, actor, failingIds, 'ssda903.failures.view'));
  const shown = (f: ValidationFailure) => visible.has(live.personIdOf.get(f.la_child_id) ?? '');
  const names = new Map((await childSummaries(db, [...visible])).map((c) => [c.id, `${c.given_name} ${c.family_name}`]));
  const view = (f: ValidationFailure) => {
    const personId = live.personIdOf.get(f.la_child_id) as string;
    return failureView(f, personId, names.get(personId) ?? f.la_child_id);
  };
  const rules = failuresByRule(failures).map((r) => {
    const named = r.failures.filter(shown);
    return {
      rule: r.rule,
      severity: r.severity,
      description: r.description,
      count: r.count,
      failures: named.map(view),
      withheld: r.count - named.length,
    };
  });
  const byChild = new Map<string, { laChildId: string; childName: string; failures: ReturnType<typeof failureView>[] }>();
  for (const f of failures.filter(shown)) {
    const failure = view(f);
    const entry = byChild.get(f.la_child_id) ?? { laChildId: f.la_child_id, childName: failure.childName, failures: [] };
    entry.failures.push(failure);
    byChild.set(f.la_child_id, entry);
  }
  return {
    pageTitle: `SSDA903 return ${describeCollectionYear(year)}`,
    year,
    yearName: describeCollectionYear(year),
    period: ssda903CollectionYear(year),
    fileSummary: filesOf(live)
      .map((f) => `${f.name} ${f.lines}`)
      .join(', '),
    children: live.ssda903.header?.rows.length ?? 0,
    failureCount: failures.length,
    childrenFailing: new Set(failures.map((f) => f.la_child_id)).size,
    withheldChildren: failingIds.length - visible.size,
    rules,
    byChild: [...byChild.values()],
  };
}

/** The return's CSV files for a year in one zip, for submission; the download is audited. */
export async function downloadReturn(db: Kysely<Database>, actor: Actor, year: number): Promise<{ fileName: string; zip: Buffer }> {
  const live = await liveReturn(db, year);
  const zip = new JSZip();
  const files = filesOf(live);
  for (const file of files) zip.file(file.name, file.text);
  await recordAudit(db, {
    staffId: actor.staffId,
    action: 'ssda903.download',
    outcome: 'allowed',
    recordType: 'ssda903_return',
    recordId: String(year),
    ipAddress: actor.ipAddress,
    detail: { children: live.ssda903.header?.rows.length ?? 0 },
  });
  return {
    fileName: `SSDA903-${describeCollectionYear(year)}.zip`,
    zip: await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }),
  };
}

export type ImportOutcome = { ok: true; year: number; children: number; notes: string[] } | { ok: false; errors: ImportError[] };

/**
 * Loads a return's files into Hearth, all or nothing: the children (with their LA child ID, sex,
 * date of birth, ethnicity and UPN), their periods of care, legal statuses and placements (and the
 * episodes derived from them), reviews, missing episodes, UASC status, care leaver contacts,
 * adoption decisions and adoptions, previous permanence, outcomes and motherhood, with chronology
 * entries and case events, in one transaction; clocks are computed like any others. A child whose
 * LA child ID or UPN is already in Hearth is refused: the import adds children, it does not merge
 * records. The year is the collection year the files are for (the year of the latest episode
 * date when not given). The person importing must be allowed to add children's records.
 */
export async function importReturn(
  db: Kysely<Database>,
  actor: Actor,
  read: { return: Ssda903Return; problems: readonly ReadProblem[] },
  givenYear?: number,
): Promise<ImportOutcome> {
  const unallocated = { restricted: false, namedStaffIds: [], allocatedTeamIds: [], allocatedServiceIds: [], allocatedStaffIds: [] };
  const decision = decideChildAccess(actor, unallocated, 'edit');
  if (!decision.allowed) {
    await recordAudit(db, {
      staffId: actor.staffId,
      action: 'ssda903.import',
      outcome: 'denied',
      ipAddress: actor.ipAddress,
      detail: { reason: decision.reason },
    });
    return {
      ok: false,
      errors: [{ fileName: '', line: 0, message: `${actor.displayName} may not add children's records (${decision.reason})` }],
    };
  }
  const year = givenYear ?? collectionYearOfEpisodes(read.return);
  if (year === undefined)
    return {
      ok: false,
      errors: [{ fileName: read.return.episodes?.fileName ?? 'Episodes', line: 0, message: 'No episode has a date: give --year' }],
    };
  const plan = planImport(read.return, year, read.problems);
  if (!plan.ok) return plan;

  const headerLine = new Map((read.return.header?.rows ?? []).map((row) => [row.record.CHILD, row.line]));
  const headerFile = read.return.header?.fileName ?? 'Header';
  const errors: ImportError[] = [];
  for (const id of await laChildIdsInUse(
    db,
    plan.children.map((c) => c.laChildId),
  )) {
    errors.push({
      fileName: headerFile,
      line: headerLine.get(id) ?? 0,
      column: 'CHILD',
      message: `A child with LA child ID ${id} is already in Hearth: the import adds new children and does not merge records`,
    });
  }
  const upnOwner = new Map(plan.children.flatMap((c) => (c.upn ? [[c.upn, c.laChildId] as const] : [])));
  for (const upn of await upnsInUse(db, [...upnOwner.keys()])) {
    errors.push({
      fileName: headerFile,
      line: headerLine.get(upnOwner.get(upn) ?? '') ?? 0,
      column: 'UPN',
      message: `UPN ${upn} already belongs to a child in Hearth`,
    });
  }
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };

  await db.transaction().execute(async (trx) => {
    for (const child of plan.children) await importChild(trx, actor, child, year);
  });
  return { ok: true, year, children: plan.children.length, notes: plan.notes };
}

const placementWords = (p: Pick<PlacementSpell, 'placementType' | 'carerName'>) =>
  `${placementTypeLabel(p.placementType) ?? p.placementType} (${p.placementType})${p.carerName ? `, with ${p.carerName}` : ''}`;

type NewEvent = Omit<Insertable<ClockEventsTable>, 'person_id'>;
type NewEntry = { kind: string; occurred_on: IsoDate; summary: string; source_type: string; source_id: string };

/** Writes one child of the import, the rows the services write when the same facts are recorded one by one. */
async function importChild(trx: Transaction<Database>, actor: Actor, child: ChildToImport, year: number): Promise<void> {
  const by = actor.staffId;
  const personId = await queries.insertChild(trx, {
    is_child: true,
    la_child_id: child.laChildId,
    given_name: 'Unknown',
    family_name: 'Unknown',
    date_of_birth: child.dateOfBirth,
    sex: child.sex,
    ethnicity: child.ethnicity,
    upn: child.upn,
    upn_unknown: child.upnUnknown,
    unaccompanied_asylum_seeking: child.uasc !== null,
  });
  await recordAudit(trx, {
    staffId: by,
    action: 'ssda903.import',
    outcome: 'allowed',
    recordType: 'child',
    recordId: personId,
    personId,
    ipAddress: actor.ipAddress,
  });
  const entries: NewEntry[] = [
    {
      kind: 'record',
      occurred_on: todayInEngland(),
      summary: 'Record created from an SSDA903 return import',
      source_type: 'child',
      source_id: personId,
    },
  ];
  const events: NewEvent[] = [];
  await writeCareHistory(trx, personId, by, child.history, entries, events);

  const eligibleFrom = eligibleChildFrom(child.dateOfBirth, child.history.periods);
  if (eligibleFrom) {
    events.push({ kind: 'became_eligible_child', occurred_on: eligibleFrom, source_type: 'leaving_care_eligibility', source_id: personId });
  }
  for (const review of child.reviews) {
    const id = await queries.insertReview(trx, {
      person_id: personId,
      held_on: review.heldOn,
      participation: review.participation,
      recorded_by: by,
    });
    entries.push({
      kind: 'review',
      occurred_on: review.heldOn,
      summary: `Looked-after review held. Participation ${review.participation}: ${reviewParticipationLabel(review.participation)}.`,
      source_type: 'looked_after_review',
      source_id: id,
    });
    events.push({ kind: 'lac_review_held', occurred_on: review.heldOn, source_type: 'looked_after_review', source_id: id });
  }
  for (const m of child.missing) {
    const id = await queries.insertMissingEpisode(trx, {
      person_id: personId,
      kind: m.kind,
      missing_from: m.from,
      started_on: m.startedOn,
      returned_on: m.returnedOn,
      recorded_by: by,
    });
    entries.push({
      kind: 'missing',
      occurred_on: m.startedOn,
      summary: `${m.kind === 'M' ? 'Missing' : 'Away from placement without authorisation'} from ${m.from} from ${toReturnDate(m.startedOn)}${m.returnedOn ? `; returned ${toReturnDate(m.returnedOn)}` : ''}.`,
      source_type: 'missing_episode',
      source_id: id,
    });
    if (m.returnedOn)
      events.push({ kind: 'returned_from_missing', occurred_on: m.returnedOn, ref: id, source_type: 'missing_episode', source_id: id });
  }
  if (child.uasc) {
    const id = await queries.insertUascStatus(trx, {
      person_id: personId,
      started_on: child.uasc.startedOn,
      ceased_on: child.uasc.ceasedOn,
      recorded_by: by,
    });
    entries.push({
      kind: 'uasc',
      occurred_on: child.uasc.startedOn,
      summary: 'Recorded as an unaccompanied asylum-seeking child.',
      source_type: 'uasc_status',
      source_id: id,
    });
    if (child.uasc.ceasedOn) {
      entries.push({
        kind: 'uasc',
        occurred_on: child.uasc.ceasedOn,
        summary: 'Unaccompanied asylum-seeking child status ceased.',
        source_type: 'uasc_status',
        source_id: id,
      });
    }
  }
  const contact = child.careLeaverContact;
  if (contact) {
    const id = await queries.insertCareLeaverContact(trx, {
      person_id: personId,
      contact_on: contact.contactOn,
      in_touch: contact.inTouch,
      activity: contact.activity,
      accommodation: contact.accommodation,
      recorded_by: by,
    });
    entries.push({
      kind: 'care_leaver',
      occurred_on: contact.contactOn,
      summary: `Care leaver contact: ${careLeaverInTouchLabel(contact.inTouch)}${contact.activity ? `; ${careLeaverActivityLabel(contact.activity)}` : ''}${contact.accommodation ? `; accommodation ${contact.accommodation}` : ''}.`,
      source_type: 'care_leaver_contact',
      source_id: id,
    });
  }
  await queries.insertAdoptionDecisions(
    trx,
    child.adoptionDecisions.map((d) => ({
      person_id: personId,
      decided_on: d.decidedOn,
      reversed_on: d.reversedOn,
      reason_reversed: d.reasonReversed,
      recorded_by: by,
    })),
  );
  await queries.insertAdoptions(
    trx,
    child.adoptions.map((a) => ({
      person_id: personId,
      adopted_on: a.adoptedOn,
      should_be_placed_on: a.shouldBePlacedOn,
      matched_on: a.matchedOn,
      adopted_by_foster_carer: a.adoptedByFosterCarer,
      number_of_adopters: a.numberOfAdopters,
      adopters_sex: a.adoptersSex,
      adopters_legal_status: a.adoptersLegalStatus,
      recorded_by: by,
    })),
  );
  await queries.insertPreviousPermanence(
    trx,
    child.previousPermanence.map((p) => ({
      person_id: personId,
      period_started_on: p.periodStartedOn,
      arrangement: p.arrangement,
      local_authority: p.localAuthority,
      arrangement_date: p.arrangementDate,
      recorded_by: by,
    })),
  );
  const o = child.outcomes;
  if (o) {
    await queries.insertOutcomes(trx, {
      person_id: personId,
      collection_year: year,
      sdq_score: o.sdqScore,
      sdq_reason: o.sdqReason,
      convicted: o.convicted,
      health_check: o.healthCheck,
      immunisations: o.immunisations,
      teeth_check: o.teethCheck,
      health_assessment: o.healthAssessment,
      substance_misuse: o.substanceMisuse,
      intervention_received: o.interventionReceived,
      intervention_offered: o.interventionOffered,
      recorded_by: by,
    });
  }
  if (child.motherhood) {
    await queries.insertMotherhood(trx, {
      person_id: personId,
      is_mother: child.motherhood.isMother,
      first_child_born_on: child.motherhood.firstChildBornOn,
      recorded_by: by,
    });
  }
  await queries.insertChronologyEntries(
    trx,
    entries.map((e) => ({ ...e, person_id: personId, recorded_by: by })),
  );
  const ordered = events.map((e, i) => ({ e, i })).sort((a, b) => a.e.occurred_on.localeCompare(b.e.occurred_on) || a.i - b.i);
  await queries.insertCaseEvents(
    trx,
    ordered.map(({ e }) => ({ ...e, person_id: personId })),
  );
  await recomputeClocks(trx, personId);
}

/**
 * Writes the periods of care, legal statuses and placements of one child and the episodes derived
 * from them, with the chronology entries and case events that starting care, a change of legal
 * status, a move and the end of care record.
 */
async function writeCareHistory(
  trx: Transaction<Database>,
  personId: string,
  by: string,
  history: CareHistory,
  entries: NewEntry[],
  events: NewEvent[],
): Promise<void> {
  const ids = new Map<string, string>();
  const id = (local: string) => ids.get(local) as string;
  for (const period of history.periods) {
    const periodId = await queries.insertPeriod(trx, {
      person_id: personId,
      started_on: period.startedOn,
      ended_on: period.endedOn,
      reason_ceased: period.reasonCeased,
      category_of_need: period.categoryOfNeed,
      home_postcode: period.homePostcode,
      recorded_by: by,
    });
    ids.set(period.id, periodId);
    const statuses = history.legalStatuses.filter((s) => s.periodOfCareId === period.id);
    const placements = history.placements.filter((p) => p.periodOfCareId === period.id);
    for (const s of statuses) {
      ids.set(
        s.id,
        await queries.insertLegalStatus(trx, {
          person_id: personId,
          period_of_care_id: periodId,
          legal_status: s.legalStatus,
          started_on: s.startedOn,
          ended_on: s.endedOn,
          recorded_by: by,
        }),
      );
    }
    for (const p of placements) {
      ids.set(
        p.id,
        await queries.insertPlacement(trx, {
          person_id: personId,
          period_of_care_id: periodId,
          placement_type: p.placementType,
          provider: p.provider,
          postcode: p.postcode,
          urn: p.urn,
          carer_name: p.carerName,
          started_on: p.startedOn,
          ended_on: p.endedOn,
          reason_for_change: p.reasonForChange,
          recorded_by: by,
        }),
      );
    }
    const [firstStatus] = statuses;
    const [firstPlacement] = placements;
    if (!firstStatus || !firstPlacement) continue;
    entries.push({
      kind: 'looked_after',
      occurred_on: period.startedOn,
      summary: `Became looked after: ${legalStatusLabel(firstStatus.legalStatus)} (${firstStatus.legalStatus}); placed in ${placementWords(firstPlacement)}. Category of need ${period.categoryOfNeed} (${primaryNeedLabel(period.categoryOfNeed)}).`,
      source_type: 'period_of_care',
      source_id: periodId,
    });
    events.push(
      { kind: 'became_looked_after', occurred_on: period.startedOn, ref: periodId, source_type: 'period_of_care', source_id: periodId },
      {
        kind: 'placement_started',
        occurred_on: period.startedOn,
        ref: id(firstPlacement.id),
        source_type: 'placement',
        source_id: id(firstPlacement.id),
      },
    );
    const changeDays = [...new Set([...statuses.slice(1), ...placements.slice(1)].map((s) => s.startedOn))].sort();
    for (const day of changeDays) {
      const statusIndex = statuses.findIndex((s, i) => i > 0 && s.startedOn === day);
      const status = statuses[statusIndex];
      const before = statuses[statusIndex - 1];
      if (status && before) {
        entries.push({
          kind: 'legal_status',
          occurred_on: day,
          summary: `Legal status changed from ${before.legalStatus} to ${legalStatusLabel(status.legalStatus)} (${status.legalStatus}).`,
          source_type: 'legal_status',
          source_id: id(status.id),
        });
        const placedThen = placements.find((p) => p.startedOn < day && (p.endedOn === null || p.endedOn >= day));
        if (status.legalStatus === 'C2' && placedThen?.placementType === 'P1') {
          events.push({
            kind: 'care_order_made_living_with_parent',
            occurred_on: day,
            ref: id(placedThen.id),
            source_type: 'legal_status',
            source_id: id(status.id),
          });
        }
      }
      const placementIndex = placements.findIndex((p, i) => i > 0 && p.startedOn === day);
      const placement = placements[placementIndex];
      const ended = placements[placementIndex - 1];
      if (placement && ended) {
        entries.push({
          kind: 'placement',
          occurred_on: day,
          summary: `Moved to ${placementWords(placement)}${ended.reasonForChange ? `. Reason for the move: ${reasonPlacementChangeLabel(ended.reasonForChange)} (${ended.reasonForChange})` : ''}.`,
          source_type: 'placement',
          source_id: id(placement.id),
        });
        events.push(
          { kind: 'placement_ended', occurred_on: day, ref: id(ended.id), source_type: 'placement', source_id: id(ended.id) },
          { kind: 'placement_started', occurred_on: day, ref: id(placement.id), source_type: 'placement', source_id: id(placement.id) },
        );
      }
    }
    if (period.endedOn && period.reasonCeased) {
      const last = placements.at(-1) as PlacementSpell;
      entries.push({
        kind: 'looked_after',
        occurred_on: period.endedOn,
        summary: `Stopped being looked after: ${reasonEpisodeCeasedLabel(period.reasonCeased)} (${period.reasonCeased}).`,
        source_type: 'period_of_care',
        source_id: periodId,
      });
      events.push(
        { kind: 'placement_ended', occurred_on: period.endedOn, ref: id(last.id), source_type: 'placement', source_id: id(last.id) },
        { kind: 'ceased_looked_after', occurred_on: period.endedOn, ref: periodId, source_type: 'period_of_care', source_id: periodId },
      );
    }
  }
  await queries.insertEpisodes(
    trx,
    deriveEpisodes(history).map((e) => ({
      person_id: personId,
      period_of_care_id: id(e.periodOfCareId),
      legal_status_id: id(e.legalStatusId),
      placement_id: id(e.placementId),
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

/** The adoption decisions (and reversals) and adoptions of many children at once, for the authority's Annex A. */
export async function adoptionsForReturn(db: Kysely<Database>, personIds: readonly string[]) {
  const decisions = await adoptionDecisionsForReturns(db, personIds);
  const adoptions = await adoptionsForReturns(db, personIds);
  return { decisions, adoptions };
}
