import type { IsoDate } from '../../db/schema.js';
import type { ChildRecordAccess } from '../../platform/access.js';
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
