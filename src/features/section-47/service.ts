import type { Kysely } from 'kysely';
import type { Database, IsoDate } from '../../db/schema.js';
import type { CaseworkProblem } from '../../domain/child-protection/problem.js';
import { type Section47Outcome, section47OutcomeLabel, section47Outcomes } from '../../domain/child-protection/section-47-outcomes.js';
import { checkSection47Outcome } from '../../domain/child-protection/strategy-rules.js';
import { type ChildRecordAccess, withChildRecord } from '../../platform/access.js';
import type { Actor } from '../../platform/actor.js';
import { moveChildRows, moveChildRowsBack } from '../../platform/child-rows.js';
import { ConflictError, NotFoundError } from '../../platform/errors.js';
import { registerRecordMover } from '../../platform/record-movers.js';
import { childHeader } from '../children/service.js';
import { recordChronologyEntry, registerSourceLink } from '../chronology/service.js';
import { recordCaseEvents } from '../clocks/service.js';
import * as queries from './queries.js';

registerSourceLink('section_47', (personId) => `/children/${personId}/casework/child-protection`);

export type Enquiry = Awaited<ReturnType<typeof queries.enquiriesOf>>[number];

/** The child's section 47 enquiries, newest first. */
export function enquiriesOf(access: ChildRecordAccess): Promise<Enquiry[]> {
  return queries.enquiriesOf(access);
}

/**
 * Starts a section 47 enquiry from the strategy discussion that decided on one, inside the caller's
 * transaction: it starts on the discussion's date (CIN census S47ActualStartDate), which starts the
 * 15-working-day clock to the initial conference.
 */
export async function startEnquiry(
  access: ChildRecordAccess,
  input: { referralId: string; strategyDiscussionId: string; startedOn: IsoDate },
): Promise<string> {
  const id = await queries.insertEnquiry(access, {
    referral_id: input.referralId,
    strategy_discussion_id: input.strategyDiscussionId,
    started_on: input.startedOn,
    recorded_by: access.actor.staffId,
  });
  await recordCaseEvents(access, [
    { kind: 's47_enquiry_started', occurredOn: input.startedOn, ref: input.referralId, source: { type: 'section_47', id } },
  ]);
  await recordChronologyEntry(access, {
    kind: 'section_47',
    occurredOn: input.startedOn,
    summary: 'Section 47 enquiry started.',
    source: { type: 'section_47', id },
  });
  return id;
}

/** One enquiry for its outcome form. */
export function viewEnquiry(db: Kysely<Database>, actor: Actor, personId: string, enquiryId: string) {
  return withChildRecord(db, actor, personId, 'view', 'section_47.view', async (access) => {
    const [header, enquiries] = await Promise.all([childHeader(access), queries.enquiriesOf(access)]);
    const enquiry = enquiries.find((e) => e.id === enquiryId);
    if (!enquiry) throw new NotFoundError();
    return { header, enquiry };
  });
}

export type EnquiryChange = { ok: true } | { ok: false; problems: CaseworkProblem[] };

/** Records what the enquiry found and whether an initial child protection conference is needed (CIN census ICPCnotRequired). */
export function recordEnquiryOutcome(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  enquiryId: string,
  input: { version: number; completedOn: IsoDate; outcome: Section47Outcome; today: IsoDate },
): Promise<EnquiryChange> {
  return withChildRecord(db, actor, personId, 'edit', 'section_47.outcome', async (access) => {
    const enquiry = (await queries.enquiriesOf(access)).find((e) => e.id === enquiryId);
    if (!enquiry) throw new NotFoundError();
    if (enquiry.version !== input.version) throw new ConflictError();
    const problems = checkSection47Outcome({
      startedOn: enquiry.started_on,
      completedOn: input.completedOn,
      today: input.today,
      outcomeRecorded: enquiry.outcome !== null,
    });
    if (problems.length > 0) return { ok: false, problems };
    const icpcRequired = section47Outcomes.find((o) => o.code === input.outcome)?.icpcRequired ?? false;
    const saved = await queries.updateEnquiry(access, enquiryId, input.version, {
      completed_on: input.completedOn,
      outcome: input.outcome,
      icpc_required: icpcRequired,
    });
    if (!saved) throw new ConflictError();
    const source = { type: 'section_47', id: enquiryId };
    await recordCaseEvents(access, [
      { kind: 's47_outcome_authorised', occurredOn: input.completedOn, ref: enquiry.referral_id, source },
      ...(icpcRequired ? [] : [{ kind: 'icpc_not_required' as const, occurredOn: input.completedOn, ref: enquiry.referral_id, source }]),
    ]);
    await recordChronologyEntry(access, {
      kind: 'section_47',
      occurredOn: input.completedOn,
      summary: `Section 47 enquiry outcome: ${section47OutcomeLabel(input.outcome)?.toLowerCase()}.`,
      source: { type: 'section_47', id: enquiryId },
    });
    return { ok: true };
  });
}

/** For the statutory returns (CIN census, Annex A), which cover the whole authority: every section 47 enquiry of these referrals. */
export function enquiriesForReturns(db: Kysely<Database>, referralIds: readonly string[]) {
  return queries.enquiriesForReturns(db, referralIds);
}

/**
 * On merging two records of a child, the merged record's section 47 enquiries go to the one kept,
 * as the strategy discussions they started from do.
 */
registerRecordMover({
  name: 'section 47 enquiries',
  columns: ['section_47_enquiries.person_id'],
  move: (merged, survivor) => moveChildRows(merged, survivor, ['section_47_enquiries']),
  restore: (merged, _survivor, moved) => moveChildRowsBack(merged, ['section_47_enquiries'], moved),
});
