import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database, IsoDate } from '../../db/schema.js';
import { addCalendarDays, addMonths } from '../../domain/calendar/date-arithmetic.js';
import { buildAdoptersList } from '../../domain/returns/annex-a/adopters-list.js';
import { type AnnexACell, type AnnexAList, buildAnnexALists } from '../../domain/returns/annex-a/build-lists.js';
import { type AnnexACareFacts, buildCareLists } from '../../domain/returns/annex-a/care-lists.js';
import type { AnnexAListKey } from '../../domain/returns/annex-a/lists.js';
import { childrenVisibleTo } from '../../platform/access.js';
import type { Actor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import type { Role } from '../../platform/roles.js';
import { adopterHouseholdsForAnnexA } from '../adopters/service.js';
import { currentAllocationsForReturns } from '../allocation/service.js';
import { assessmentsForReturns } from '../assessments/service.js';
import { contactsForReturn as careLeaverContactsForReturn } from '../care-leavers/service.js';
import { carePlansForReturn } from '../care-plan/service.js';
import { childrenForReturns } from '../children/service.js';
import { readCinRecord } from '../cin-census-return/live-record.js';
import { conferencesForReturns } from '../conferences/service.js';
import { contactsForReturns } from '../front-door/contacts/service.js';
import { careForReturn, childrenLookedAfterBy } from '../looked-after/service.js';
import { reviewsForReturn } from '../looked-after-reviews/service.js';
import { visitsForReturn as lookedAfterVisitsForReturn } from '../looked-after-visits/service.js';
import { missingEpisodesForReturn, returnInterviewsForReturn } from '../missing-episodes/service.js';
import { adoptionsForReturn } from '../ssda903-return/service.js';
import { visitsForReturns } from '../visits/service.js';

/** Who prepares Annex A for an inspection: performance analysts, and heads of service who answer for it. */
export const annexARoles: readonly Role[] = ['performance_analyst', 'service_manager'];

/** Worksheet names (at most 31 characters, as Excel allows). */
const sheetNames: Record<AnnexAListKey, string> = {
  contacts: 'List 1 Contacts',
  earlyHelp: 'List 2 Early help',
  referrals: 'List 3 Referrals',
  assessments: 'List 4 Assessments',
  section47: 'List 5 S47 and ICPCs',
  childrenInNeed: 'List 6 Children in need',
  childProtection: 'List 7 Child protection',
  childrenInCare: 'List 8 Children in care',
  careLeavers: 'List 9 Care leavers',
  adoption: 'List 10 Adoption',
  adopters: 'List 11 Adopters',
};

export function annexASheetName(key: AnnexAListKey): string {
  return sheetNames[key];
}

/** Assessment outcomes that mean the child needs children's social care support (Annex A list 4). */
const outcomesFindingNeed = new Set(['child_in_need_plan', 'strategy_discussion', 'looked_after', 'continue_existing_plan']);

/**
 * The Annex A lists as at a date, read through each feature's service: the CIN census record for
 * the 12 months before (the lists look back 6 months; the counts 12), with contacts, current
 * allocations and statutory visits; and the care record of every child who had begun to be looked
 * after by then (lists 8-10); and the prospective adopters in contact with the adoption agency in
 * the 12 months before (list 11). Only the children in `visible` when it is given; list 11 is about
 * adults, so it is whole for everyone who may prepare Annex A.
 */
export async function annexALists(
  db: Kysely<Database>,
  asOf: IsoDate,
  visible?: (personIds: string[]) => Promise<string[]>,
): Promise<AnnexAList[]> {
  const from = addCalendarDays(addMonths(asOf, -12), 1);
  const period = { year: Number(asOf.slice(0, 4)), start: from, end: asOf };
  const [record, contacts, lookedAfter] = await Promise.all([
    readCinRecord(db, period),
    contactsForReturns(db, addCalendarDays(addMonths(asOf, -6), 1), asOf),
    childrenLookedAfterBy(db, asOf),
  ]);
  const referralIds = record.referrals.map((r) => r.id);
  const everyone = [...new Set([...record.children.map((c) => c.personId), ...contacts.map((c) => c.person_id), ...lookedAfter])];
  const shown = new Set(visible ? await visible(everyone) : everyone);
  const careChildren = lookedAfter.filter((id) => shown.has(id));
  const inRecord = new Set(record.children.map((c) => c.personId));
  const contactChildren = await readCinRecordChildren(
    db,
    contacts.map((c) => c.person_id).filter((id) => !inRecord.has(id)),
  );
  record.children = [...record.children, ...contactChildren].filter((c) => shown.has(c.personId));
  const personIds = record.children.map((c) => c.personId);
  const [allocations, visits, assessments, conferences] = await Promise.all([
    currentAllocationsForReturns(db, personIds),
    visitsForReturns(db, personIds, asOf),
    assessmentsForReturns(db, referralIds),
    conferencesForReturns(db, referralIds),
  ]);
  const careFacts = await readCareFacts(db, careChildren, [...record.children]);
  const lists = buildAnnexALists(
    {
      record,
      contacts: contacts.map((c) => ({ personId: c.person_id, receivedOn: c.received_on, referralSource: c.referral_source })),
      allocations: allocations.map((a) => ({ personId: a.person_id, teamName: a.team_name, workerName: a.worker_name })),
      visits: visits.map((v) => ({
        personId: v.person_id,
        planKind: v.plan_kind,
        planId: v.plan_id,
        visitedOn: v.visited_on,
        childSeen: v.child_seen,
        seenAlone: v.seen_alone,
      })),
      assessmentFoundNeed: new Map(assessments.map((a) => [a.id, a.outcome === null ? null : outcomesFindingNeed.has(a.outcome)])),
      conferencePlan: new Map(conferences.map((c) => [c.id, c.decision === 'plan'])),
    },
    asOf,
  );
  return [...lists, ...buildCareLists(careFacts, asOf), buildAdoptersList(await adopterHouseholdsForAnnexA(db, asOf), asOf)];
}

/** The care record of the looked after children and care leavers lists 8-10 can be about, read through each feature's service. */
async function readCareFacts(db: Kysely<Database>, personIds: string[], known: AnnexACareFacts['children']): Promise<AnnexACareFacts> {
  const inRecord = new Set(known.map((c) => c.personId));
  const [others, allocations, care, reviews, visits, plans, missing, interviews, contacts, adoption] = await Promise.all([
    readCinRecordChildren(
      db,
      personIds.filter((id) => !inRecord.has(id)),
    ),
    currentAllocationsForReturns(db, personIds),
    careForReturn(db, personIds),
    reviewsForReturn(db, personIds),
    lookedAfterVisitsForReturn(db, personIds),
    carePlansForReturn(db, personIds),
    missingEpisodesForReturn(db, personIds),
    returnInterviewsForReturn(db, personIds),
    careLeaverContactsForReturn(db, personIds),
    adoptionsForReturn(db, personIds),
  ]);
  const wanted = new Set(personIds);
  return {
    children: [...known.filter((c) => wanted.has(c.personId)), ...others],
    allocations: allocations.map((a) => ({ personId: a.person_id, teamName: a.team_name, workerName: a.worker_name })),
    periods: care.periods.map((p) => ({
      personId: p.person_id,
      startedOn: p.started_on,
      endedOn: p.ended_on,
      reasonCeased: p.reason_ceased,
    })),
    episodes: care.episodes.map((e) => ({
      personId: e.person_id,
      placementId: e.placement_id,
      startedOn: e.started_on,
      endedOn: e.ended_on,
      legalStatus: e.legal_status,
      categoryOfNeed: e.category_of_need,
      placementType: e.placement_type,
      provider: e.provider,
      placementPostcode: e.placement_postcode,
      urn: e.urn,
    })),
    uasc: care.uasc.map((u) => ({ personId: u.person_id, startedOn: u.started_on, ceasedOn: u.ceased_on })),
    reviews: reviews.map((r) => ({ personId: r.person_id, heldOn: r.held_on })),
    visits: visits.map((v) => ({ personId: v.person_id, visitedOn: v.visited_on })),
    healthAssessments: plans.healthAssessments.map((h) => ({ personId: h.person_id, completedOn: h.completed_on })),
    permanencePlans: plans.permanencePlans.map((p) => ({ personId: p.person_id, plan: p.plan, agreedOn: p.agreed_on })),
    missing: missing
      .filter((m) => m.missing_from === 'care')
      .map((m) => ({ id: m.id, personId: m.person_id, kind: m.kind, startedOn: m.started_on })),
    returnInterviews: interviews.map((i) => ({ missingEpisodeId: i.missing_episode_id, offeredOn: i.offered_on, outcome: i.outcome })),
    careLeaverContacts: contacts.map((c) => ({
      personId: c.person_id,
      contactOn: c.contact_on,
      inTouch: c.in_touch,
      activity: c.activity,
      accommodation: c.accommodation,
    })),
    adoptionDecisions: adoption.decisions.map((d) => ({
      personId: d.person_id,
      decidedOn: d.decided_on,
      reversedOn: d.reversed_on,
      reasonReversed: d.reason_reversed,
    })),
    adoptions: adoption.adoptions.map((a) => ({
      personId: a.person_id,
      adoptedOn: a.adopted_on,
      shouldBePlacedOn: a.should_be_placed_on,
      matchedOn: a.matched_on,
    })),
  };
}

/** Children who had a contact but no referral in the period: their identifiers for list 1. */
async function readCinRecordChildren(db: Kysely<Database>, personIds: string[]) {
  if (personIds.length === 0) return [];
  return (await childrenForReturns(db, [...new Set(personIds)])).map((c) => ({
    personId: c.id,
    laChildId: c.la_child_id ?? '',
    upn: c.upn,
    formerUpn: c.former_upn,
    upnUnknown: c.upn_unknown,
    dateOfBirth: c.date_of_birth,
    expectedDateOfBirth: c.expected_date_of_birth,
    sex: c.sex,
    diedOn: c.died_on,
    ethnicity: c.ethnicity,
    disabilities: c.disabilities,
  }));
}

const asSpreadsheetValue = (cell: AnnexACell): ExcelJS.CellValue => {
  if (cell !== null && typeof cell === 'object') {
    const [y, m, d] = cell.date.split('-').map(Number) as [number, number, number];
    return new Date(Date.UTC(y, m - 1, d));
  }
  return cell;
};

/**
 * Writes the workbook to `output` with exceljs's streaming writer, a row at a time: a cover sheet
 * with the authority, the as-at date and each list's count, then one worksheet per list with
 * Annex A's columns in order and dates as real spreadsheet dates.
 */
export async function writeAnnexAWorkbook(
  output: Writable,
  lists: AnnexAList[],
  cover: { authority: string; asOf: IsoDate },
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true });
  workbook.creator = 'Hearth';
  const dateFormat = 'dd/mm/yyyy';
  const front = workbook.addWorksheet('Cover');
  front.columns = [{ width: 36 }, { width: 48 }, { width: 12 }];
  front.addRow(['Ofsted Annex A']).commit();
  front.addRow(['Local authority', cover.authority]).commit();
  const asAt = front.addRow(['As at', asSpreadsheetValue({ date: cover.asOf })]);
  asAt.getCell(2).numFmt = dateFormat;
  asAt.commit();
  front.addRow([]).commit();
  front.addRow(['List', 'Title', 'Rows']).commit();
  for (const list of lists) front.addRow([sheetNames[list.key], list.title, list.rows.length]).commit();
  front.commit();
  for (const list of lists) {
    const sheet = workbook.addWorksheet(sheetNames[list.key]);
    sheet.columns = list.columns.map((header) => ({ header, width: Math.min(40, Math.max(12, header.length * 0.6)) }));
    for (const cells of list.rows) {
      const row = sheet.addRow(cells.map(asSpreadsheetValue));
      cells.forEach((cell, index) => {
        if (cell !== null && typeof cell === 'object') row.getCell(index + 1).numFmt = dateFormat;
      });
      row.commit();
    }
    sheet.commit();
  }
  await workbook.commit();
}

/** The browser download: only the children the person may open; the download is audited. */
export async function annexAForDownload(db: Kysely<Database>, actor: Actor, asOf: IsoDate): Promise<AnnexAList[]> {
  const lists = await annexALists(db, asOf, (ids) => childrenVisibleTo(db, actor, ids, 'annex_a.children.view'));
  await recordAudit(db, {
    staffId: actor.staffId,
    action: 'annex_a.download',
    outcome: 'allowed',
    recordType: 'annex_a',
    recordId: asOf,
    ipAddress: actor.ipAddress,
    detail: Object.fromEntries(lists.map((l) => [l.key, l.rows.length])),
  });
  return lists;
}
