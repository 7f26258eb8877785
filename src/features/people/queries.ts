import type { Insertable, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { AddressesTable, Database, PeopleTable } from '../../db/schema.js';
import type { ChildRecordAccess } from '../../platform/access.js';

export function addressesOf(access: ChildRecordAccess) {
  return access.trx
    .selectFrom('addresses')
    .select(['id', 'line_1', 'line_2', 'town', 'postcode', 'from_on', 'to_on'])
    .where('person_id', '=', access.personId)
    .orderBy(sql`to_on is null`, 'desc')
    .orderBy('from_on', 'desc')
    .execute();
}

export async function insertAddress(access: ChildRecordAccess, address: Omit<Insertable<AddressesTable>, 'person_id'>): Promise<string> {
  const row = await access.trx
    .insertInto('addresses')
    .values({ ...address, person_id: access.personId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Ends the current addresses the person has lived at since before `on`: they moved. */
export async function endCurrentAddresses(access: ChildRecordAccess, on: string): Promise<void> {
  await access.trx
    .updateTable('addresses')
    .set({ to_on: on })
    .where('person_id', '=', access.personId)
    .where('to_on', 'is', null)
    .where((eb) => eb.or([eb('from_on', 'is', null), eb('from_on', '<=', on)]))
    .execute();
}

export function otherNamesOf(access: ChildRecordAccess) {
  return access.trx
    .selectFrom('person_aliases')
    .select(['id', 'given_name', 'family_name'])
    .where('person_id', '=', access.personId)
    .orderBy('recorded_at')
    .execute();
}

export async function insertOtherName(access: ChildRecordAccess, givenName: string, familyName: string): Promise<string> {
  const row = await access.trx
    .insertInto('person_aliases')
    .values({ person_id: access.personId, given_name: givenName, family_name: familyName, recorded_by: access.actor.staffId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteOtherName(access: ChildRecordAccess, aliasId: string): Promise<boolean> {
  const result = await access.trx
    .deleteFrom('person_aliases')
    .where('id', '=', aliasId)
    .where('person_id', '=', access.personId)
    .executeTakeFirst();
  return result.numDeletedRows === 1n;
}

export function activeAlertsOf(access: ChildRecordAccess) {
  return access.trx
    .selectFrom('person_alerts')
    .leftJoin('staff', 'staff.id', 'person_alerts.recorded_by')
    .select(['person_alerts.id', 'person_alerts.alert', 'person_alerts.recorded_at', 'staff.display_name as recorded_by_name'])
    .where('person_alerts.person_id', '=', access.personId)
    .where('person_alerts.removed_at', 'is', null)
    .orderBy('person_alerts.recorded_at', 'desc')
    .execute();
}

export async function insertAlert(access: ChildRecordAccess, alert: string): Promise<string> {
  const row = await access.trx
    .insertInto('person_alerts')
    .values({ person_id: access.personId, alert, recorded_by: access.actor.staffId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function markAlertRemoved(access: ChildRecordAccess, alertId: string): Promise<boolean> {
  const result = await access.trx
    .updateTable('person_alerts')
    .set({ removed_at: sql`now()`, removed_by: access.actor.staffId })
    .where('id', '=', alertId)
    .where('person_id', '=', access.personId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function insertPerson(trx: Transaction<Database>, person: Insertable<PeopleTable>): Promise<string> {
  const row = await trx.insertInto('people').values(person).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export function nameOf(access: ChildRecordAccess) {
  return access.trx
    .selectFrom('people')
    .select(['given_name', 'family_name', 'search_name'])
    .where('id', '=', access.personId)
    .executeTakeFirstOrThrow();
}

type OwnedTable = 'addresses' | 'person_aliases' | 'person_alerts';

/** Moves one kind of the person's own records to another person; returns the ids moved. */
export async function moveOwned(trx: Transaction<Database>, table: OwnedTable, fromId: string, toId: string): Promise<string[]> {
  const rows = await trx.updateTable(table).set({ person_id: toId }).where('person_id', '=', fromId).returning('id').execute();
  return rows.map((r) => r.id);
}

export async function moveOwnedBack(trx: Transaction<Database>, table: OwnedTable, ids: readonly string[], toId: string): Promise<void> {
  if (ids.length === 0) return;
  await trx.updateTable(table).set({ person_id: toId }).where('id', 'in', ids).execute();
}

export async function deleteOtherNames(trx: Transaction<Database>, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await trx.deleteFrom('person_aliases').where('id', 'in', ids).execute();
}
