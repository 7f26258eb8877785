import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database, OutOfHoursCallbacksTable, OutOfHoursCallsTable } from '../../../db/schema.js';

export async function insertCall(trx: Transaction<Database>, call: Insertable<OutOfHoursCallsTable>, personIds: readonly string[]) {
  const row = await trx.insertInto('out_of_hours_calls').values(call).returning('id').executeTakeFirstOrThrow();
  if (personIds.length > 0) {
    await trx
      .insertInto('out_of_hours_call_children')
      .values(personIds.map((personId) => ({ call_id: row.id, person_id: personId })))
      .execute();
  }
  return row.id;
}

export function childrenOfCall(db: Kysely<Database>, callId: string) {
  return db.selectFrom('out_of_hours_call_children').select('person_id').where('call_id', '=', callId).execute();
}

export function callById(db: Kysely<Database>, callId: string) {
  return db
    .selectFrom('out_of_hours_calls')
    .innerJoin('staff', 'staff.id', 'out_of_hours_calls.worker_id')
    .selectAll('out_of_hours_calls')
    .select('staff.display_name as worker_name')
    .where('out_of_hours_calls.id', '=', callId)
    .executeTakeFirst();
}

export function callbacksOf(db: Kysely<Database>, callId: string) {
  return db
    .selectFrom('out_of_hours_callbacks')
    .innerJoin('staff', 'staff.id', 'out_of_hours_callbacks.attempted_by')
    .select([
      'out_of_hours_callbacks.id',
      'out_of_hours_callbacks.attempted_at',
      'out_of_hours_callbacks.result',
      'staff.display_name as attempted_by_name',
    ])
    .where('out_of_hours_callbacks.call_id', '=', callId)
    .orderBy('out_of_hours_callbacks.attempted_at')
    .execute();
}

export async function insertCallback(trx: Transaction<Database>, callback: Insertable<OutOfHoursCallbacksTable>) {
  await trx.insertInto('out_of_hours_callbacks').values(callback).execute();
}

/** Calls received in a period, newest first, with how many children each was about and whether a call-back reached the caller. */
export function callsBetween(db: Kysely<Database>, from: Date, to: Date) {
  return db
    .selectFrom('out_of_hours_calls as call')
    .innerJoin('staff', 'staff.id', 'call.worker_id')
    .select([
      'call.id',
      'call.received_at',
      'call.answer',
      'call.answered_at',
      'call.caller_type',
      'call.actions',
      'call.children_not_known',
      'staff.display_name as worker_name',
    ])
    .select((eb) => [
      eb
        .selectFrom('out_of_hours_call_children')
        .select((sub) => sub.fn.agg<string[]>('array_agg', ['out_of_hours_call_children.person_id']).as('ids'))
        .whereRef('out_of_hours_call_children.call_id', '=', 'call.id')
        .as('person_ids'),
      eb
        .exists(
          eb
            .selectFrom('out_of_hours_callbacks')
            .select('out_of_hours_callbacks.id')
            .whereRef('out_of_hours_callbacks.call_id', '=', 'call.id')
            .where('out_of_hours_callbacks.result', '=', 'reached'),
        )
        .as('caller_reached'),
      eb
        .selectFrom('out_of_hours_callbacks')
        .select((sub) => sub.fn.countAll<string>().as('n'))
        .whereRef('out_of_hours_callbacks.call_id', '=', 'call.id')
        .as('callback_count'),
    ])
    .where('call.received_at', '>=', from)
    .where('call.received_at', '<', to)
    .orderBy('call.received_at', 'desc')
    .execute();
}

/**
 * On merging two records of a child: the merged child's calls become calls about the survivor.
 * Where the survivor is already named on the same call, the merged child's place is removed
 * instead; both lists are returned so an undo can put everything back.
 */
export async function moveCallChildren(trx: Transaction<Database>, fromId: string, toId: string) {
  const theirs = (await trx.selectFrom('out_of_hours_call_children').select('call_id').where('person_id', '=', fromId).execute()).map(
    (r) => r.call_id,
  );
  if (theirs.length === 0) return { moved: [], removed: [] };
  const shared = new Set(
    (
      await trx
        .selectFrom('out_of_hours_call_children')
        .select('call_id')
        .where('person_id', '=', toId)
        .where('call_id', 'in', theirs)
        .execute()
    ).map((r) => r.call_id),
  );
  const removed = theirs.filter((id) => shared.has(id));
  const moved = theirs.filter((id) => !shared.has(id));
  if (removed.length > 0)
    await trx.deleteFrom('out_of_hours_call_children').where('person_id', '=', fromId).where('call_id', 'in', removed).execute();
  if (moved.length > 0)
    await trx
      .updateTable('out_of_hours_call_children')
      .set({ person_id: toId })
      .where('person_id', '=', fromId)
      .where('call_id', 'in', moved)
      .execute();
  return { moved, removed };
}

/** Undoes `moveCallChildren`. */
export async function moveCallChildrenBack(
  trx: Transaction<Database>,
  survivorId: string,
  mergedId: string,
  moved: readonly string[],
  removed: readonly string[],
) {
  if (moved.length > 0)
    await trx
      .updateTable('out_of_hours_call_children')
      .set({ person_id: mergedId })
      .where('person_id', '=', survivorId)
      .where('call_id', 'in', moved)
      .execute();
  if (removed.length > 0)
    await trx
      .insertInto('out_of_hours_call_children')
      .values(removed.map((callId) => ({ call_id: callId, person_id: mergedId })))
      .execute();
}
