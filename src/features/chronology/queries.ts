import type { Insertable } from 'kysely';
import type { ChronologyEntriesTable } from '../../db/schema.js';
import type { ChildRecordAccess } from '../../platform/access.js';

export async function insertEntry(access: ChildRecordAccess, entry: Omit<Insertable<ChronologyEntriesTable>, 'person_id'>) {
  await access.trx
    .insertInto('chronology_entries')
    .values({ ...entry, person_id: access.personId })
    .execute();
}

export function entriesOf(access: ChildRecordAccess, kinds: readonly string[] | undefined) {
  let query = access.trx
    .selectFrom('chronology_entries')
    .leftJoin('staff', 'staff.id', 'chronology_entries.recorded_by')
    .select([
      'chronology_entries.id',
      'chronology_entries.kind',
      'chronology_entries.occurred_on',
      'chronology_entries.occurred_at',
      'chronology_entries.summary',
      'chronology_entries.source_type',
      'chronology_entries.source_id',
      'chronology_entries.recorded_at',
      'staff.display_name as recorded_by_name',
    ])
    .where('chronology_entries.person_id', '=', access.personId);
  if (kinds && kinds.length > 0) query = query.where('chronology_entries.kind', 'in', kinds);
  return query.orderBy('chronology_entries.occurred_on', 'desc').orderBy('chronology_entries.recorded_at', 'desc').execute();
}

export function kindsOf(access: ChildRecordAccess) {
  return access.trx.selectFrom('chronology_entries').select('kind').distinct().where('person_id', '=', access.personId).execute();
}

export async function moveEntries(access: ChildRecordAccess, toPersonId: string): Promise<string[]> {
  const rows = await access.trx
    .updateTable('chronology_entries')
    .set({ person_id: toPersonId })
    .where('person_id', '=', access.personId)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function moveEntriesBack(access: ChildRecordAccess, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await access.trx.updateTable('chronology_entries').set({ person_id: access.personId }).where('id', 'in', ids).execute();
}
