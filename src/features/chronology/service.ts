import type { Kysely } from 'kysely';
import type { Database, IsoDate } from '../../db/schema.js';
import { type ChildRecordAccess, withChildRecord } from '../../platform/access.js';
import type { Actor } from '../../platform/actor.js';
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
