import type { Kysely } from 'kysely';
import type { Database, IsoDate } from '../../db/schema.js';
import { type ChildRecordAccess, withChildRecord } from '../../platform/access.js';
import type { Actor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { registerRecordMover } from '../../platform/record-movers.js';
import * as queries from './queries.js';

/** One significant event on a child's record, as the chronology shows it. */
export interface ChronologyEntry {
  /** contact, referral, decision, visit, case_note, plan, allocation, out_of_hours, … */
  kind: string;
  /** The date the event happened (not the date it was typed). */
  occurredOn: IsoDate;
  /** The moment it happened, where known. */
  occurredAt?: Date;
  /** One line a social worker can read at a glance; no more personal detail than the record needs. */
  summary: string;
  /** The record the entry comes from, for a link back to it. */
  source: { type: string; id: string };
}

/**
 * Adds an entry to the child's chronology, inside the caller's access-checked transaction, so the
 * entry and the record it describes are saved together or not at all.
 */
export function recordChronologyEntry(access: ChildRecordAccess, entry: ChronologyEntry): Promise<void> {
  return queries.insertEntry(access, {
    kind: entry.kind,
    occurred_on: entry.occurredOn,
    occurred_at: entry.occurredAt ?? null,
    summary: entry.summary,
    source_type: entry.source.type,
    source_id: entry.source.id,
    recorded_by: access.actor.staffId,
  });
}

/** One fact as it was and as it is now, in words, for a correction's chronology entry. */
export interface CorrectedFact {
  label: string;
  before: string;
  after: string;
}

/** The facts that differ between two descriptions of a record (label to words), for `recordCorrection`. */
export function correctedFacts(before: Record<string, string>, after: Record<string, string>): CorrectedFact[] {
  return Object.keys(before)
    .filter((label) => before[label] !== after[label])
    .map((label) => ({ label, before: before[label] as string, after: after[label] as string }));
}

/**
 * Records, in the caller's transaction, that a fact on the child's record was corrected or removed
 * as recorded in error: a chronology entry saying what changed and why (with who, as every entry
 * has), and an audit event naming the record. The entry stays when the record itself is removed.
 */
export async function recordCorrection(
  access: ChildRecordAccess,
  correction: {
    /** What the fact is, as a social worker says it: "Placement", "Return home interview". */
    what: string;
    occurredOn: IsoDate;
    /** The facts changed; none when the record was removed. */
    changes: readonly CorrectedFact[];
    removed: boolean;
    reason: string;
    source: { type: string; id: string };
  },
): Promise<void> {
  const changed = correction.changes.map((c) => `${c.label} from ${c.before} to ${c.after}`).join('; ');
  await recordChronologyEntry(access, {
    kind: 'correction',
    occurredOn: correction.occurredOn,
    summary: correction.removed
      ? `${correction.what} removed as recorded in error. Reason: ${correction.reason}`
      : `${correction.what} corrected: ${changed}. Reason: ${correction.reason}`,
    source: correction.source,
  });
  await recordAudit(access.trx, {
    staffId: access.actor.staffId,
    action: `${correction.source.type}.${correction.removed ? 'remove' : 'correct'}`,
    outcome: 'allowed',
    recordType: correction.source.type,
    recordId: correction.source.id,
    personId: access.personId,
    ipAddress: access.actor.ipAddress,
    detail: { changed: correction.changes.map((c) => c.label) },
  });
}

/** The chronology, newest first, optionally only some kinds of entry. */
export function chronologyOf(access: ChildRecordAccess, kinds?: readonly string[]) {
  return queries.entriesOf(access, kinds);
}

/** The kinds of entry a child's chronology holds, for its filter. */
export async function kindsInChronology(access: ChildRecordAccess): Promise<string[]> {
  return (await queries.kindsOf(access)).map((r) => r.kind);
}

type SourceLink = (personId: string, sourceId: string) => string;
const sourceLinks = new Map<string, SourceLink>();

/**
 * Tells the chronology where a kind of source record is shown, so each entry links back to it:
 * `registerSourceLink('case_note', (personId, id) => `/children/${personId}/case-notes/${id}`)`.
 */
export function registerSourceLink(sourceType: string, link: SourceLink): void {
  sourceLinks.set(sourceType, link);
}

/** Where the record an entry comes from is shown, if its feature said so. */
export function sourceLinkFor(personId: string, source: { type: string; id: string }): string | undefined {
  return sourceLinks.get(source.type)?.(personId, source.id);
}

registerRecordMover({
  name: 'chronology entries',
  columns: ['chronology_entries.person_id'],
  move: (merged, survivor) => queries.moveEntries(merged, survivor.personId),
  restore: (merged, _survivor, moved) => queries.moveEntriesBack(merged, moved),
});

/**
 * The chronology page: the child's entries, newest first, of the chosen kinds (all when none are
 * chosen), with the kinds present for the filter. `header` reads what the page shows at the top.
 */
export function viewChronology<H>(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  kinds: readonly string[],
  header: (access: ChildRecordAccess) => Promise<H>,
) {
  return withChildRecord(db, actor, personId, 'view', 'child.chronology.view', async (access) => {
    const [child, entries, present] = await Promise.all([header(access), chronologyOf(access, kinds), kindsInChronology(access)]);
    return {
      child,
      present,
      entries: entries.map((e) => ({ ...e, link: sourceLinkFor(personId, { type: e.source_type, id: e.source_id }) })),
    };
  });
}
