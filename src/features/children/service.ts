import type { Kysely } from 'kysely';
import type { Database, IsoDate } from '../../db/schema.js';
import { disabilityLabel } from '../../domain/codes/disability.js';
import { ethnicityLabel } from '../../domain/codes/ethnicity.js';
import { sexLabel } from '../../domain/codes/sex.js';
import { describeAge } from '../../domain/people/age.js';
import { isLikelySamePerson, matchScore } from '../../domain/people/duplicate-match.js';
import { generatedLaChildId } from '../../domain/people/la-child-id.js';
import type { ChildDetails } from '../../domain/people/person-details.js';
import { parseSearchTerm } from '../../domain/people/search-term.js';
import { type ChildRecordAccess, childrenVisibleTo, isRecordId, withChildRecord, withNewChildRecord } from '../../platform/access.js';
import { mayReadAuditTrail } from '../../platform/access-policy.js';
import type { Actor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors.js';
import type { Role } from '../../platform/roles.js';
import { todayInEngland } from '../../platform/today.js';
import { recordChronologyEntry } from '../chronology/service.js';
import { openStrategyMeetingPrompts } from '../missing-episodes/service.js';
import * as people from '../people/service.js';
import * as queries from './queries.js';

/** Roles whose work involves opening children's records. */
export const childRecordRoles: readonly Role[] = [
  'social_worker',
  'team_manager',
  'service_manager',
  'front_door',
  'emergency_duty',
  'reviewing_officer',
  'performance_analyst',
];

/** Roles that record on a child's record (the access policy then decides which children). */
export const childRecordEditorRoles: readonly Role[] = ['social_worker', 'team_manager', 'service_manager', 'front_door', 'emergency_duty'];

/** Roles that add a new child's record: the front door, out of hours and managers. */
export const childCreatorRoles: readonly Role[] = ['front_door', 'emergency_duty', 'team_manager', 'service_manager'];

const searchLimit = 50;
const matchLimit = 10;

/** Children matching what was typed (name, date of birth, LA child ID, UPN or postcode), best match first, only those the person may open. */
export async function searchChildren(db: Kysely<Database>, actor: Actor, text: string) {
  const candidates = await queries.findChildIds(db, parseSearchTerm(text), searchLimit);
  const visible = await childrenVisibleTo(db, actor, candidates, 'children.search');
  const summaries = await queries.childSummaries(db, visible);
  const rank = new Map(candidates.map((id, i) => [id, i]));
  return summaries.sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
}

/**
 * Existing children who may be the one about to be added (alike name, same date of birth or
 * postcode), most alike first: those the person may open, and how many more they may not.
 */
export async function likelyExistingRecords(
  db: Kysely<Database>,
  actor: Actor,
  wanted: { givenName: string; familyName: string; dateOfBirth?: IsoDate; postcode?: string },
  exceptPersonId?: string,
) {
  const rows = await queries.possibleMatches(
    db,
    { name: `${wanted.givenName} ${wanted.familyName}`.toLowerCase(), dateOfBirth: wanted.dateOfBirth, postcode: wanted.postcode },
    200,
  );
  const likely = rows
    .map((r) => ({
      id: r.id,
      evidence: { nameSimilarity: r.name_similarity, sameDateOfBirth: r.same_date_of_birth, samePostcode: r.same_postcode },
    }))
    .filter((r) => r.id !== exceptPersonId && isLikelySamePerson(r.evidence))
    .sort((a, b) => matchScore(b.evidence) - matchScore(a.evidence))
    .slice(0, matchLimit);
  const visible = new Set(
    await childrenVisibleTo(
      db,
      actor,
      likely.map((l) => l.id),
      'children.possible_duplicates',
    ),
  );
  const summaries = await queries.childSummaries(db, [...visible]);
  const byId = new Map(summaries.map((s) => [s.id, s]));
  return {
    matches: likely.flatMap((l) => {
      const summary = byId.get(l.id);
      return summary ? [{ ...summary, ...l.evidence }] : [];
    }),
    withheld: likely.length - visible.size,
  };
}

export interface NewChild extends ChildDetails {
  address?: people.NewAddress;
}

export type AddChildOutcome = { added: true; personId: string } | { added: false; problems: Record<string, string> };

/** Adds a child's record with its first address; the LA child ID is generated when none is given. */
export async function addChild(db: Kysely<Database>, actor: Actor, child: NewChild): Promise<AddChildOutcome> {
  const problems = await identifierProblems(db, child);
  if (Object.keys(problems).length > 0) return { added: false, problems };
  const personId = await withNewChildRecord(
    db,
    actor,
    'child.record.create',
    async (trx) => {
      let laChildId = child.laChildId;
      while (!laChildId) {
        const candidate = generatedLaChildId(await queries.nextGeneratedNumber(trx));
        if (!(await queries.laChildIdInUse(trx, candidate))) laChildId = candidate;
      }
      return queries.insertChild(trx, { is_child: true, la_child_id: laChildId, ...detailColumns(child) });
    },
    async (access) => {
      if (child.address) await people.addAddressTo(access, child.address);
      await recordChronologyEntry(access, {
        kind: 'record',
        occurredOn: todayInEngland(),
        summary: 'Record created',
        source: { type: 'child', id: access.personId },
      });
      return access.personId;
    },
  );
  return { added: true, personId };
}

/** Saves changed details; a stale `version` (someone else saved first) is refused with 409. */
export async function editChildDetails(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  version: number,
  details: ChildDetails,
): Promise<{ saved: true } | { saved: false; problems: Record<string, string> }> {
  const problems = await identifierProblems(db, details, personId);
  if (Object.keys(problems).length > 0) return { saved: false, problems };
  await withChildRecord(db, actor, personId, 'edit', 'child.details.edit', async (access) => {
    if (!(await queries.updateChildDetails(access, version, detailColumns(details)))) throw new ConflictError();
    await recordChronologyEntry(access, {
      kind: 'record',
      occurredOn: todayInEngland(),
      summary: 'Details changed',
      source: { type: 'child', id: personId },
    });
  });
  return { saved: true };
}

async function identifierProblems(db: Kysely<Database>, child: ChildDetails, personId?: string): Promise<Record<string, string>> {
  const problems: Record<string, string> = {};
  if (child.laChildId && !personId && (await queries.laChildIdInUse(db, child.laChildId)))
    problems.laChildId = `LA child ID ${child.laChildId} belongs to another child: search for them, or leave this blank for a new ID`;
  if (child.upn && (await queries.upnInUse(db, child.upn, personId)))
    problems.upn = 'This UPN belongs to another child: search for them by UPN before adding a record';
  return problems;
}

function detailColumns(child: ChildDetails) {
  return {
    given_name: child.givenName,
    family_name: child.familyName,
    date_of_birth: child.born ? (child.dateOfBirth ?? null) : null,
    expected_date_of_birth: child.born ? null : (child.expectedDateOfBirth ?? null),
    sex: child.sex ?? null,
    ethnicity: child.ethnicity ?? null,
    disabilities: [...child.disabilities],
    upn: child.upn ?? null,
    former_upn: child.formerUpn ?? null,
    unaccompanied_asylum_seeking: child.unaccompaniedAsylumSeeking,
    first_language: child.firstLanguage ?? null,
    gp_practice: child.gpPractice ?? null,
    school: child.school ?? null,
  };
}

/** The record a merged record now lives in, if it was merged into another. */
export function survivorOf(db: Kysely<Database>, personId: string): Promise<string | null> {
  if (!isRecordId(personId)) return Promise.resolve(null);
  return queries.mergedInto(db, personId);
}

/** The child's identity and alerts as every page of their record shows them at the top. */
export async function childHeader(access: ChildRecordAccess) {
  const [child, alerts, strategyMeetingPrompts] = await Promise.all([
    queries.childRecord(access),
    people.alertsOf(access),
    openStrategyMeetingPrompts(access),
  ]);
  const today = todayInEngland();
  return {
    id: child.id,
    given_name: child.given_name,
    family_name: child.family_name,
    la_child_id: child.la_child_id,
    date_of_birth: child.date_of_birth,
    expected_date_of_birth: child.expected_date_of_birth,
    restricted: child.restricted,
    age: child.date_of_birth ? describeAge(child.date_of_birth, today) : null,
    alerts,
    /** Prompts to consider a strategy meeting (exploitation risk raised, or repeated missing episodes) not yet answered. */
    strategyMeetingPrompts,
  };
}

export type ChildHeader = Awaited<ReturnType<typeof childHeader>>;

/** Opens a child's record for a page that shows only its header (the forms that add to it). */
export function openChildHeader(db: Kysely<Database>, actor: Actor, personId: string, purpose: string) {
  return withChildRecord(db, actor, personId, 'edit', purpose, childHeader);
}

/** The child's details, with code labels, for the summary, the edit form and the merge comparison. */
export async function childDetails(access: ChildRecordAccess) {
  const [child, addresses, otherNames] = await Promise.all([
    queries.childRecord(access),
    people.addressesOf(access),
    people.otherNamesOf(access),
  ]);
  return {
    ...child,
    sexLabel: sexLabel(child.sex) ?? child.sex,
    ethnicityLabel: ethnicityLabel(child.ethnicity) ?? child.ethnicity,
    disabilityLabels: child.disabilities.map((c) => disabilityLabel(c) ?? c),
    addresses,
    currentAddress: addresses.find((a) => a.to_on === null),
    otherNames,
  };
}

export type ChildDetailsView = Awaited<ReturnType<typeof childDetails>>;

/** The child's record as its summary page shows it. */
export function viewChildRecord(db: Kysely<Database>, actor: Actor, personId: string) {
  return withChildRecord(db, actor, personId, 'view', 'child.record.view', async (access) => {
    const [header, details, allocations] = await Promise.all([
      childHeader(access),
      childDetails(access),
      queries.allocationHistory(access),
    ]);
    return { header, details, allocations };
  });
}

/** The details and their version, for the edit form. */
export function childDetailsForEditing(db: Kysely<Database>, actor: Actor, personId: string) {
  return withChildRecord(db, actor, personId, 'edit', 'child.details.edit_form', async (access) => {
    const [header, details] = await Promise.all([childHeader(access), childDetails(access)]);
    return { header, details };
  });
}

/** Who viewed or changed a child's record: for administrators and service managers. */
export async function viewAuditTrail(db: Kysely<Database>, actor: Actor, personId: string) {
  if (!isRecordId(personId)) throw new NotFoundError();
  const child = await queries.childExists(db, personId);
  if (!child) throw new NotFoundError();
  const audit = {
    staffId: actor.staffId,
    action: 'child.audit_trail.view',
    recordType: 'child',
    recordId: personId,
    personId,
    ipAddress: actor.ipAddress,
  };
  if (!mayReadAuditTrail(actor.role)) {
    await recordAudit(db, { ...audit, outcome: 'denied' });
    throw new ForbiddenError();
  }
  await recordAudit(db, { ...audit, outcome: 'allowed' });
  return { laChildId: child.la_child_id, events: await queries.auditTrail(db, personId, 500) };
}

export const childSummaries = queries.childSummaries;

/** For the statutory returns (CIN census, Annex A): identifiers and characteristics of these children. */
export const childrenForReturns = queries.childrenForReturns;

/** The identifying details the statutory returns read (LA child ID, sex, date of birth, ethnicity, UPN or why it is unknown) of many children at once. */
export function detailsForReturns(db: Kysely<Database>, personIds: readonly string[]) {
  return personIds.length === 0 ? Promise.resolve([]) : queries.returnDetailsOf(db, personIds);
}

/** Which of these LA child IDs Hearth already gives to someone (an import must not reuse them). */
export function laChildIdsInUse(db: Kysely<Database>, laChildIds: readonly string[]): Promise<string[]> {
  return laChildIds.length === 0 ? Promise.resolve([]) : queries.laChildIdsAmong(db, laChildIds);
}

/** Which of these UPNs already belong to a child in Hearth. */
export function upnsInUse(db: Kysely<Database>, upns: readonly string[]): Promise<string[]> {
  return upns.length === 0 ? Promise.resolve([]) : queries.upnsAmong(db, upns);
}
