import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database, HandoverItemsTable } from '../../../db/schema.js';

export async function insertItem(trx: Transaction<Database>, item: Insertable<HandoverItemsTable>) {
  await trx.insertInto('handover_items').values(item).execute();
}

/** Items for a team (and, for the front door, items with no team) waiting, or accepted since a moment. */
export function itemsFor(db: Kysely<Database>, teamId: string, includeUnassigned: boolean, acceptedSince: Date) {
  return db
    .selectFrom('handover_items')
    .innerJoin('out_of_hours_calls as call', 'call.id', 'handover_items.call_id')
    .innerJoin('staff as worker', 'worker.id', 'call.worker_id')
    .leftJoin('staff as accepter', 'accepter.id', 'handover_items.accepted_by')
    .select([
      'handover_items.id',
      'handover_items.person_id',
      'handover_items.handover_on',
      'handover_items.accepted_at',
      'accepter.display_name as accepted_by_name',
      'call.id as call_id',
      'call.received_at',
      'call.answer',
      'call.caller_type',
      'call.actions',
      'call.concern',
      'call.children_not_known',
      'worker.display_name as worker_name',
    ])
    .where((eb) =>
      includeUnassigned
        ? eb.or([eb('handover_items.team_id', '=', teamId), eb('handover_items.team_id', 'is', null)])
        : eb('handover_items.team_id', '=', teamId),
    )
    .where((eb) => eb.or([eb('handover_items.accepted_at', 'is', null), eb('handover_items.accepted_at', '>=', acceptedSince)]))
    .orderBy('handover_items.accepted_at', (o) => o.desc().nullsFirst())
    .orderBy('handover_items.handover_on')
    .orderBy('call.received_at')
    .execute();
}

export function lockItem(trx: Transaction<Database>, itemId: string) {
  return trx
    .selectFrom('handover_items')
    .leftJoin('staff', 'staff.id', 'handover_items.accepted_by')
    .select([
      'handover_items.id',
      'handover_items.person_id',
      'handover_items.team_id',
      'handover_items.call_id',
      'handover_items.accepted_at',
      'staff.display_name as accepted_by_name',
    ])
    .where('handover_items.id', '=', itemId)
    .forUpdate('handover_items')
    .executeTakeFirst();
}

export function itemById(db: Kysely<Database>, itemId: string) {
  return db.selectFrom('handover_items').select(['id', 'person_id']).where('id', '=', itemId).executeTakeFirst();
}

export async function accept(trx: Transaction<Database>, itemId: string, staffId: string) {
  await trx.updateTable('handover_items').set({ accepted_by: staffId, accepted_at: new Date() }).where('id', '=', itemId).execute();
}

export function itemsOfCall(db: Kysely<Database>, callId: string) {
  return db
    .selectFrom('handover_items')
    .leftJoin('teams', 'teams.id', 'handover_items.team_id')
    .leftJoin('staff', 'staff.id', 'handover_items.accepted_by')
    .select([
      'handover_items.id',
      'handover_items.person_id',
      'handover_items.handover_on',
      'handover_items.accepted_at',
      'teams.name as team_name',
      'staff.display_name as accepted_by_name',
    ])
    .where('handover_items.call_id', '=', callId)
    .execute();
}

export async function moveItems(trx: Transaction<Database>, fromId: string, toId: string): Promise<string[]> {
  const rows = await trx.updateTable('handover_items').set({ person_id: toId }).where('person_id', '=', fromId).returning('id').execute();
  return rows.map((r) => r.id);
}

export async function moveItemsBack(trx: Transaction<Database>, ids: readonly string[], toId: string): Promise<void> {
  if (ids.length === 0) return;
  await trx.updateTable('handover_items').set({ person_id: toId }).where('id', 'in', ids).execute();
}
