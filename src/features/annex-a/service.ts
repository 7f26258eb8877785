import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database, IsoDate } from '../../db/schema.js';
import { addCalendarDays, addMonths } from '../../domain/calendar/date-arithmetic.js';
import { type AnnexACell, type AnnexAList, buildAnnexALists } from '../../domain/returns/annex-a/build-lists.js';
import type { AnnexAListKey } from '../../domain/returns/annex-a/lists.js';
import { childrenVisibleTo } from '../../platform/access.js';
import type { Actor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import type { Role } from '../../platform/roles.js';
import { currentAllocationsForReturns } from '../allocation/service.js';
import { assessmentsForReturns } from '../assessments/service.js';
import { childrenForReturns } from '../children/service.js';
import { readCinRecord } from '../cin-census-return/live-record.js';
import { conferencesForReturns } from '../conferences/service.js';
import { contactsForReturns } from '../front-door/contacts/service.js';
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
 * allocations and statutory visits. Only the children in `visible` when it is given.
 */
export async function annexALists(
  db: Kysely<Database>,
  asOf: IsoDate,
  visible?: (personIds: string[]) => Promise<string[]>,
): Promise<AnnexAList[]> {
  const from = addCalendarDays(addMonths(asOf, -12), 1);
  const period = { year: Number(asOf.slice(0, 4)), start: from, end: asOf };
  const [record, contacts] = await Promise.all([
    readCinRecord(db, period),
    contactsForReturns(db, addCalendarDays(addMonths(asOf, -6), 1), asOf),
  ]);
  const referralIds = record.referrals.map((r) => r.id);
  const everyone = [...new Set([...record.children.map((c) => c.personId), ...contacts.map((c) => c.person_id)])];
  const shown = new Set(visible ? await visible(everyone) : everyone);
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
  return buildAnnexALists(
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
