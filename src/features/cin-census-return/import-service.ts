import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type { ChronologyEntriesTable, ClockEventsTable, Database, IsoDate } from '../../db/schema.js';
import { agencyLabel } from '../../domain/child-protection/agencies.js';
import { assessmentKindLabel } from '../../domain/child-protection/assessment-kinds.js';
import { planEndReasonLabel } from '../../domain/child-protection/plan-end-reasons.js';
import type { EventKind } from '../../domain/clocks/events.js';
import { categoryOfAbuseLabel } from '../../domain/codes/cin-category-of-abuse.js';
import { primaryNeedLabel } from '../../domain/codes/cin-primary-need.js';
import { reasonForClosureLabel } from '../../domain/codes/cin-reason-for-closure.js';
import { isReReferral } from '../../domain/front-door/re-referral.js';
import { parseCinCensus } from '../../domain/returns/cin/parse.js';
import type { CinRecord } from '../../domain/returns/cin/record.js';
import { type CinImportProblem, cinRecordFromMessage } from '../../domain/returns/cin/to-record.js';
import { recordAudit } from '../../platform/audit.js';
import type { Config } from '../../platform/config.js';
import { recomputeClocksOf } from '../clocks/service.js';
import * as queries from './queries.js';
import { authorityLaCode } from './service.js';

export type CinImportOutcome =
  | { ok: true; laCode: string; adoptedLaCode: boolean; children: number; referrals: number }
  | { ok: false; problems: CinImportProblem[] };

/** Who imports: a member of staff (their id goes on the rows and in the audit trail), or the command line (none). */
export interface Importer {
  staffId: string | null;
  ipAddress?: string;
}

/** The collection year a file is for, from its header's ReferenceDate (31 March YYYY). */
export function collectionYearOfFile(xml: string): number | null {
  const match = /<ReferenceDate>\s*(\d{4})-03-31\s*<\/ReferenceDate>/.exec(xml);
  return match ? Number(match[1]) : null;
}

/** The import's case agency for the strategy discussion that started an imported enquiry. */
const importedDiscussionAgencies = ['social_care'];
/** The census holds no end reason for plans; Hearth's own plans always have one. */
const importedPlanEndReason = 'other';
/** The census holds no names; the record says so until names are added. */
const nameNotRecorded = { given_name: 'Name not recorded', family_name: '' };

/**
 * `hearth import cin-census FILE.xml`: loads another system's CIN census file, all or nothing.
 * Every problem (not well-formed, unknown codes, missing items, dates out of order, LA child IDs
 * or UPNs Hearth already holds, a file for another authority) is reported with the child and the
 * element, and then nothing is written. Otherwise the children, referrals, assessments, strategy
 * discussions and section 47 enquiries, conferences, plans and closures are written in one
 * transaction with the chronology entries and case events Hearth's own forms write, and the
 * children's clocks are computed like any others.
 */
export async function importCinCensus(
  db: Kysely<Database>,
  config: Config,
  importer: Importer,
  xml: string,
  options: { collectionYear?: number; today: IsoDate },
): Promise<CinImportOutcome> {
  const collectionYear = options.collectionYear ?? collectionYearOfFile(xml);
  if (collectionYear === null)
    return {
      ok: false,
      problems: [
        {
          laChildId: null,
          path: 'Message/Header/CollectionDetails/ReferenceDate',
          message: 'The header has no ReferenceDate of 31 March YYYY, so the collection year is not known: give --year',
        },
      ],
    };
  const parsed = parseCinCensus(xml, { collectionYear });
  const problems: CinImportProblem[] = parsed.problems.map((p) => ({ laChildId: p.laChildId, path: p.path, message: p.message }));
  if (!parsed.message) return { ok: false, problems };
  const { record, problems: recordProblems } = cinRecordFromMessage(parsed.message, { collectionYear, newId: randomUUID });
  problems.push(...recordProblems);

  const fileLaCode = parsed.message.header?.laCode ?? null;
  const stored = await queries.storedLaCode(db);
  const adopt = stored === null && !(await queries.holdsAnyChild(db));
  const servedLaCode = adopt ? fileLaCode : await authorityLaCode(db, config);
  if (fileLaCode !== null && !adopt && fileLaCode !== servedLaCode)
    problems.push({
      laChildId: null,
      path: 'Message/Header/Source/LEA',
      message: `This file is for local authority ${fileLaCode}, but Hearth serves local authority ${servedLaCode}: it was not imported`,
    });

  const inUse = await queries.identifiersInUse(
    db,
    record.children.map((c) => c.laChildId),
    record.children.flatMap((c) => (c.upn ? [c.upn] : [])),
  );
  const seen = new Set<string>();
  for (const child of record.children) {
    if (inUse.laChildIds.has(child.laChildId))
      problems.push({
        laChildId: child.laChildId,
        path: 'ChildIdentifiers/LAchildID',
        message: `Hearth already holds a child with LA child ID ${child.laChildId}`,
      });
    if (seen.has(child.laChildId))
      problems.push({
        laChildId: child.laChildId,
        path: 'ChildIdentifiers/LAchildID',
        message: 'This LA child ID appears more than once in the file',
      });
    seen.add(child.laChildId);
    if (child.upn && inUse.upns.has(child.upn))
      problems.push({ laChildId: child.laChildId, path: 'ChildIdentifiers/UPN', message: 'Hearth already holds a child with this UPN' });
  }
  if (problems.length > 0 || fileLaCode === null) return { ok: false, problems: sortProblems(problems) };

  await db.transaction().execute(async (trx) => {
    if (adopt) await queries.storeLaCode(trx, fileLaCode);
    await writeRecord(trx, record, importer.staffId);
    await recomputeClocksOf(
      trx,
      record.children.map((c) => c.personId),
      options.today,
    );
    await recordAudit(trx, {
      staffId: importer.staffId,
      action: 'cin_census.import',
      outcome: 'allowed',
      recordType: 'cin_census',
      ...(importer.ipAddress ? { ipAddress: importer.ipAddress } : {}),
      detail: {
        collection_year: collectionYear,
        la_code: fileLaCode,
        children: record.children.length,
        referrals: record.referrals.length,
      },
    });
  });
  return { ok: true, laCode: fileLaCode, adoptedLaCode: adopt, children: record.children.length, referrals: record.referrals.length };
}

function sortProblems(problems: CinImportProblem[]): CinImportProblem[] {
  return problems.sort(
    (a, b) =>
      (a.laChildId ?? '').localeCompare(b.laChildId ?? '', 'en', { numeric: true }) ||
      a.path.localeCompare(b.path, 'en', { numeric: true }),
  );
}

/** The rows, chronology entries and case events Hearth's own forms write for the same facts. */
async function writeRecord(trx: Parameters<typeof queries.storeLaCode>[0], record: CinRecord, recordedBy: string | null): Promise<void> {
  const chronology: Insertable<ChronologyEntriesTable>[] = [];
  const events: (Insertable<ClockEventsTable> & { occurred_on: IsoDate })[] = [];
  const entry = (personId: string, kind: string, occurredOn: IsoDate, summary: string, source: { type: string; id: string }) =>
    chronology.push({
      person_id: personId,
      kind,
      occurred_on: occurredOn,
      summary,
      source_type: source.type,
      source_id: source.id,
      recorded_by: recordedBy,
    });
  const event = (personId: string, kind: EventKind, occurredOn: IsoDate, ref: string, source: { type: string; id: string }) =>
    events.push({ person_id: personId, kind, occurred_on: occurredOn, ref, source_type: source.type, source_id: source.id });
  const personOf = new Map(record.referrals.map((r) => [r.id, r.personId]));
  const person = (referralId: string) => personOf.get(referralId) as string;

  await queries.insertImportedRows(
    trx,
    'people',
    record.children.map((c) => ({
      id: c.personId,
      is_child: true,
      la_child_id: c.laChildId,
      ...nameNotRecorded,
      date_of_birth: c.dateOfBirth,
      expected_date_of_birth: c.expectedDateOfBirth,
      sex: c.sex,
      ethnicity: c.ethnicity,
      upn: c.upn,
      former_upn: c.formerUpn,
      upn_unknown: c.upnUnknown,
      died_on: c.diedOn,
      disabilities: c.disabilities,
    })),
  );
  const firstReferral = new Map<string, IsoDate>();
  for (const r of record.referrals)
    if ((firstReferral.get(r.personId) ?? r.referralDate) >= r.referralDate) firstReferral.set(r.personId, r.referralDate);
  for (const c of record.children) {
    const on = firstReferral.get(c.personId) ?? c.dateOfBirth ?? c.expectedDateOfBirth;
    if (on) entry(c.personId, 'record', on, 'Record imported from a CIN census file', { type: 'child', id: c.personId });
  }

  const lastReferral = new Map<string, { id: string; date: IsoDate }>();
  const referralRows = [...record.referrals].sort((a, b) =>
    a.referralDate < b.referralDate ? -1 : a.referralDate > b.referralDate ? 1 : 0,
  );
  await queries.insertImportedRows(
    trx,
    'referrals',
    referralRows.map((r) => {
      const previous = lastReferral.get(r.personId);
      lastReferral.set(r.personId, { id: r.id, date: r.referralDate });
      return {
        id: r.id,
        person_id: r.personId,
        referral_date: r.referralDate,
        referral_source: r.referralSource,
        primary_need_code: r.primaryNeed,
        referral_nfa: r.referralNfa,
        is_re_referral: isReReferral(r.referralDate, previous?.date ?? null),
        previous_referral_id: previous?.id ?? null,
        closed_on: r.closedOn,
        closure_reason: r.closureReason,
        recorded_by: recordedBy,
      };
    }),
  );
  for (const r of referralRows) {
    const source = { type: 'referral', id: r.id };
    if (r.referralNfa) entry(r.personId, 'referral', r.referralDate, 'Referral to children’s social care: no further action', source);
    else {
      event(r.personId, 'referral_received', r.referralDate, r.id, source);
      entry(
        r.personId,
        'referral',
        r.referralDate,
        `Referral to children's social care: ${primaryNeedLabel(r.primaryNeed)?.toLowerCase() ?? r.primaryNeed}`,
        source,
      );
    }
    if (r.closedOn !== null && r.closureReason !== null) {
      event(r.personId, 'episode_closed', r.closedOn, r.id, source);
      entry(
        r.personId,
        'closure',
        r.closedOn,
        `Case closed: ${r.closureReason} ${reasonForClosureLabel(r.closureReason)?.toLowerCase() ?? ''}.`,
        source,
      );
    }
  }

  await queries.insertImportedRows(
    trx,
    'assessments',
    record.assessments.map((a) => ({
      id: a.id,
      person_id: person(a.referralId),
      referral_id: a.referralId,
      kind: 'child_and_family' as const,
      started_on: a.startedOn,
      internal_review_on: a.internalReviewOn,
      status: a.authorisedOn === null ? ('in_progress' as const) : ('authorised' as const),
      factors: a.factors,
      authorised_on: a.authorisedOn,
      recorded_by: recordedBy,
    })),
  );
  for (const a of record.assessments) {
    const source = { type: 'assessment', id: a.id };
    entry(person(a.referralId), 'assessment', a.startedOn, `${assessmentKindLabel('child_and_family')} started.`, source);
    if (a.authorisedOn !== null) event(person(a.referralId), 'assessment_authorised', a.authorisedOn, a.referralId, source);
  }

  const discussionOf = new Map(record.enquiries.map((e) => [e.id, randomUUID()]));
  await queries.insertImportedRows(
    trx,
    'strategy_discussions',
    record.enquiries.map((e) => ({
      id: discussionOf.get(e.id) as string,
      person_id: person(e.referralId),
      referral_id: e.referralId,
      held_on: e.startedOn,
      agencies: importedDiscussionAgencies,
      decision: 'section_47' as const,
      rationale: 'Imported from a CIN census file: the strategy discussion that started the section 47 enquiry.',
      recorded_by: recordedBy,
    })),
  );
  await queries.insertImportedRows(
    trx,
    'section_47_enquiries',
    record.enquiries.map((e) => ({
      id: e.id,
      person_id: person(e.referralId),
      referral_id: e.referralId,
      strategy_discussion_id: discussionOf.get(e.id) as string,
      started_on: e.startedOn,
      icpc_required: e.icpcRequired,
      recorded_by: recordedBy,
    })),
  );
  for (const e of record.enquiries) {
    const discussion = { type: 'strategy_discussion', id: discussionOf.get(e.id) as string };
    event(person(e.referralId), 'strategy_discussion_held', e.startedOn, e.referralId, discussion);
    entry(
      person(e.referralId),
      'strategy_discussion',
      e.startedOn,
      `Strategy discussion (${importedDiscussionAgencies.map(agencyLabel).join(', ')}): section 47 enquiry.`,
      discussion,
    );
    event(person(e.referralId), 's47_enquiry_started', e.startedOn, e.referralId, { type: 'section_47', id: e.id });
    // The census gives no date the enquiry found no conference was needed: the start date stands for it.
    if (!e.icpcRequired) event(person(e.referralId), 'icpc_not_required', e.startedOn, e.referralId, { type: 'section_47', id: e.id });
    entry(person(e.referralId), 'section_47', e.startedOn, 'Section 47 enquiry started.', { type: 'section_47', id: e.id });
  }

  await queries.insertImportedRows(
    trx,
    'child_protection_plans',
    record.protectionPlans.map((p) => ({
      id: p.id,
      person_id: person(p.referralId),
      referral_id: p.referralId,
      started_on: p.startedOn,
      initial_category: p.initialCategory,
      latest_category: p.latestCategory,
      number_of_previous_plans: p.numberOfPreviousPlans,
      ended_on: p.endedOn,
      end_reason: p.endedOn === null ? null : importedPlanEndReason,
      recorded_by: recordedBy,
    })),
  );
  const planOf = new Map(record.protectionPlans.map((p) => [p.id, p]));
  const planStartingAt = (referralId: string, date: IsoDate) =>
    record.protectionPlans.find((p) => p.referralId === referralId && p.startedOn === date);
  await queries.insertImportedRows(
    trx,
    'child_protection_conferences',
    record.conferences.map((c) => {
      const plan = c.kind === 'initial' ? planStartingAt(c.referralId, c.heldOn) : planOf.get(c.planId as string);
      return {
        id: c.id,
        person_id: person(c.referralId),
        referral_id: c.referralId,
        kind: c.kind,
        section_47_id: c.section47Id,
        plan_id: plan?.id ?? null,
        held_on: c.heldOn,
        decision: c.kind === 'initial' ? (plan ? ('plan' as const) : ('no_plan' as const)) : ('continue_plan' as const),
        category_of_abuse: plan ? (c.kind === 'initial' ? plan.initialCategory : plan.latestCategory) : null,
        recorded_by: recordedBy,
      };
    }),
  );
  for (const c of record.conferences) {
    const source = { type: 'conference', id: c.id };
    if (c.kind === 'initial') {
      const plan = planStartingAt(c.referralId, c.heldOn);
      event(person(c.referralId), 'icpc_held', c.heldOn, c.referralId, source);
      entry(
        person(c.referralId),
        'conference',
        c.heldOn,
        `Initial child protection conference: ${plan ? 'child protection plan' : 'no child protection plan'}.`,
        source,
      );
    } else {
      event(person(c.referralId), 'rcpc_held', c.heldOn, c.planId as string, source);
      entry(person(c.referralId), 'conference', c.heldOn, 'Review child protection conference: the plan continues.', source);
    }
  }
  for (const p of record.protectionPlans) {
    const source = { type: 'child_protection_plan', id: p.id };
    event(person(p.referralId), 'cp_plan_started', p.startedOn, p.id, source);
    entry(
      person(p.referralId),
      'plan',
      p.startedOn,
      `Child protection plan started: ${categoryOfAbuseLabel(p.initialCategory)?.toLowerCase()}.`,
      source,
    );
    if (p.endedOn !== null) {
      event(person(p.referralId), 'cp_plan_ended', p.endedOn, p.id, source);
      entry(
        person(p.referralId),
        'plan',
        p.endedOn,
        `Child protection plan ended: ${planEndReasonLabel(importedPlanEndReason)?.toLowerCase()}.`,
        source,
      );
    }
  }

  await queries.insertImportedRows(
    trx,
    'child_in_need_plans',
    record.childInNeedPlans.map((p) => ({
      id: p.id,
      person_id: person(p.referralId),
      referral_id: p.referralId,
      started_on: p.startedOn,
      ended_on: p.endedOn,
      end_reason: p.endedOn === null ? null : importedPlanEndReason,
      recorded_by: recordedBy,
    })),
  );
  for (const p of record.childInNeedPlans) {
    const source = { type: 'child_in_need_plan', id: p.id };
    event(person(p.referralId), 'cin_plan_started', p.startedOn, p.id, source);
    entry(person(p.referralId), 'plan', p.startedOn, 'Child in need plan started.', source);
    if (p.endedOn !== null) {
      event(person(p.referralId), 'cin_plan_ended', p.endedOn, p.id, source);
      entry(
        person(p.referralId),
        'plan',
        p.endedOn,
        `Child in need plan ended: ${planEndReasonLabel(importedPlanEndReason)?.toLowerCase()}.`,
        source,
      );
    }
  }

  await queries.insertImportedRows(trx, 'chronology_entries', chronology);
  await queries.insertImportedRows(
    trx,
    'clock_events',
    events.sort((a, b) => (a.occurred_on < b.occurred_on ? -1 : a.occurred_on > b.occurred_on ? 1 : 0)),
  );
}
