import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { type ChildRecordAccess, isRecordId, withChildRecord, withChildRecords } from '../../platform/access.js';
import type { Actor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { BadRequestError, NotFoundError } from '../../platform/errors.js';
import { columnsThatStay, declareColumnsThatStay, recordMovers } from '../../platform/record-movers.js';
import { todayInEngland } from '../../platform/today.js';
import { childDetails, childHeader, likelyExistingRecords, searchChildren } from '../children/service.js';
import { recordChronologyEntry } from '../chronology/service.js';
import * as queries from './queries.js';

/** Records that may be the same child as this one: likely duplicates first, or a search. */
export async function mergeCandidates(db: Kysely<Database>, actor: Actor, personId: string, search: string | undefined) {
  const { child, details } = await withChildRecord(db, actor, personId, 'edit', 'child.merge.candidates', async (access) => ({
    child: await childHeader(access),
    details: await childDetails(access),
  }));
  const likely = await likelyExistingRecords(
    db,
    actor,
    {
      givenName: child.given_name,
      familyName: child.family_name,
      dateOfBirth: child.date_of_birth ?? child.expected_date_of_birth ?? undefined,
      postcode: details.currentAddress?.postcode ?? undefined,
    },
    personId,
  );
  const found = search ? (await searchChildren(db, actor, search)).filter((c) => c.id !== personId) : [];
  return { child, likely: likely.matches, found };
}

/** The two records side by side, for the manager to decide which one stays. */
export function compareRecords(db: Kysely<Database>, actor: Actor, personId: string, otherId: string) {
  if (personId === otherId) throw new NotFoundError();
  return withChildRecords(db, actor, [personId, otherId], 'edit', 'child.merge.compare', async ([mine, theirs]) => {
    if (!mine || !theirs) throw new NotFoundError();
    const [child, a, b] = await Promise.all([childHeader(mine), childDetails(mine), childDetails(theirs)]);
    return { child, records: [a, b] };
  });
}

/**
 * Merges two records of the same child: everything recorded on `mergedId` moves to `survivorId`
 * (each feature moves its own records, and the clocks are derived again from the events moved),
 * the merged record points to the survivor, and the merge is audited and noted on the chronology.
 * Reversible.
 */
export function mergeRecords(db: Kysely<Database>, actor: Actor, survivorId: string, mergedId: string, reason: string): Promise<string> {
  if (survivorId === mergedId) throw new BadRequestError('Choose two different records to merge.');
  return withChildRecords(db, actor, [survivorId, mergedId], 'edit', 'child.merge', async ([survivor, merged]) => {
    if (!survivor || !merged) throw new NotFoundError();
    const state = await queries.mergeState(survivor.trx, [survivorId, mergedId]);
    if (state.some((p) => p.merged_into_id !== null))
      throw new BadRequestError('One of these records has already been merged into another.');
    if (state.find((p) => p.id === mergedId)?.restricted)
      throw new BadRequestError(
        'The record to be merged away is restricted. Keep the restricted record, so that only the staff named on it can open the merged record.',
      );
    const leftBehind = await recordsNoMoverMoves(merged);
    if (leftBehind.length > 0)
      throw new BadRequestError(
        `These records cannot be merged yet: Hearth cannot yet move the ${leftBehind.join(', ')} recorded on the record to be merged away.`,
      );
    const moved: Record<string, string[]> = {};
    for (const mover of recordMovers()) moved[mover.name] = await mover.move(merged, survivor);
    await queries.setMergedInto(survivor.trx, mergedId, survivorId);
    const mergeId = await queries.insertMerge(survivor.trx, { survivorId, mergedId, reason, moved, mergedBy: actor.staffId });
    const mergedLaId = state.find((p) => p.id === mergedId)?.la_child_id ?? '';
    await recordAudit(survivor.trx, {
      staffId: actor.staffId,
      action: 'child.merge.done',
      outcome: 'allowed',
      recordType: 'person_merge',
      recordId: mergeId,
      personId: survivorId,
      ipAddress: actor.ipAddress,
      detail: { survivorId, mergedId, moved: Object.entries(moved).map(([name, ids]) => `${name}: ${ids.length}`) },
    });
    await recordChronologyEntry(survivor, {
      kind: 'merge',
      occurredOn: todayInEngland(),
      summary: `Record ${mergedLaId} merged into this record: ${reason}`,
      source: { type: 'person_merge', id: mergeId },
    });
    return mergeId;
  });
}

/** Undoes a merge exactly: each feature puts back what it moved (the clocks are derived again from the events put back). */
export async function undoMerge(db: Kysely<Database>, actor: Actor, mergeId: string): Promise<{ survivorId: string; mergedId: string }> {
  if (!isRecordId(mergeId)) throw new NotFoundError();
  const merge = await queries.mergeById(db, mergeId);
  if (!merge) throw new NotFoundError();
  return withChildRecords(db, actor, [merge.survivor_id, merge.merged_id], 'edit', 'child.merge.undo', async ([survivor, merged]) => {
    if (!survivor || !merged) throw new NotFoundError();
    const locked = await queries.lockMerge(survivor.trx, mergeId);
    if (!locked || locked.undone_at) throw new BadRequestError('This merge has already been undone.');
    const state = await queries.mergeState(survivor.trx, [merge.survivor_id]);
    if (state[0]?.merged_into_id)
      throw new BadRequestError('The record that was kept has since been merged into another. Undo that merge first.');
    for (const mover of recordMovers().reverse()) await mover.restore(merged, survivor, locked.moved[mover.name] ?? []);
    await queries.setMergedInto(survivor.trx, merge.merged_id, null);
    await queries.markUndone(survivor.trx, mergeId, actor.staffId);
    await recordAudit(survivor.trx, {
      staffId: actor.staffId,
      action: 'child.merge.undone',
      outcome: 'allowed',
      recordType: 'person_merge',
      recordId: mergeId,
      personId: merge.survivor_id,
      ipAddress: actor.ipAddress,
      detail: { survivorId: merge.survivor_id, mergedId: merge.merged_id },
    });
    for (const access of [survivor, merged]) {
      await recordChronologyEntry(access, {
        kind: 'merge',
        occurredOn: todayInEngland(),
        summary: 'Merge of two records undone: each record is as it was before the merge',
        source: { type: 'person_merge', id: mergeId },
      });
    }
    return { survivorId: merge.survivor_id, mergedId: merge.merged_id };
  });
}

/**
 * The merge's own bookkeeping stays with the merged record: it must keep naming both records to be
 * undone. Staff named on a record open it only while it is restricted, and a restricted record is
 * never merged away (see mergeRecords), so the names stay too.
 */
declareColumnsThatStay({
  columns: ['person_merges.survivor_id', 'person_merges.merged_id', 'people.merged_into_id'],
  why: 'the merge itself: which record was merged into which, kept so the merge can be undone',
});
declareColumnsThatStay({
  columns: ['restricted_record_access.person_id'],
  why: 'staff named on a record open it only while it is restricted, and a restricted record is never merged away',
});

/**
 * What the merged record has in tables whose feature has registered no record mover, by table
 * name: merging then would leave them on a record nobody opens, so it is refused instead.
 */
async function recordsNoMoverMoves(merged: ChildRecordAccess): Promise<string[]> {
  const declared = new Set([...recordMovers().flatMap((m) => m.columns), ...columnsThatStay().flatMap((s) => s.columns)]);
  const unclaimed = (await queries.personColumns(merged.trx)).filter((column) => !declared.has(column));
  const found = await queries.columnsReferringTo(merged.trx, unclaimed, merged.personId);
  return [...new Set(found.map((column) => column.split('.')[0]?.replace(/_/g, ' ') ?? column))];
}

/** The merges into this record, newest first, for the "records merged into this one" page. */
export function mergesInto(db: Kysely<Database>, actor: Actor, personId: string) {
  return withChildRecord(db, actor, personId, 'view', 'child.merges.view', async (access) => {
    const [child, merges] = await Promise.all([childHeader(access), queries.mergesInto(access)]);
    return { child, merges };
  });
}
