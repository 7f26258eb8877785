import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ChildRecordAccess } from '../../platform/access.js';
import type { PersonColumn } from '../../platform/record-movers.js';

export async function insertMerge(
  trx: Transaction<Database>,
  merge: { survivorId: string; mergedId: string; reason: string; moved: Record<string, string[]>; mergedBy: string },
): Promise<string> {
  const row = await trx
    .insertInto('person_merges')
    .values({
      survivor_id: merge.survivorId,
      merged_id: merge.mergedId,
      reason: merge.reason,
      moved: JSON.stringify(merge.moved),
      merged_by: merge.mergedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function mergeById(db: Kysely<Database>, mergeId: string) {
  return db
    .selectFrom('person_merges')
    .select(['id', 'survivor_id', 'merged_id', 'moved', 'undone_at'])
    .where('id', '=', mergeId)
    .executeTakeFirst();
}

/** Locks the merge row so two people cannot undo it at once. */
export function lockMerge(trx: Transaction<Database>, mergeId: string) {
  return trx.selectFrom('person_merges').select(['id', 'moved', 'undone_at']).where('id', '=', mergeId).forUpdate().executeTakeFirst();
}

export async function markUndone(trx: Transaction<Database>, mergeId: string, staffId: string): Promise<void> {
  await trx.updateTable('person_merges').set({ undone_at: sql`now()`, undone_by: staffId }).where('id', '=', mergeId).execute();
}

export async function setMergedInto(trx: Transaction<Database>, personId: string, survivorId: string | null): Promise<void> {
  await trx
    .updateTable('people')
    .set({ merged_into_id: survivorId, version: sql<number>`version + 1`, updated_at: sql`now()` })
    .where('id', '=', personId)
    .execute();
}

export function mergeState(trx: Transaction<Database>, personIds: readonly string[]) {
  return trx
    .selectFrom('people')
    .select(['id', 'la_child_id', 'merged_into_id', 'restricted'])
    .where('id', 'in', personIds)
    .forUpdate()
    .execute();
}

export function mergesInto(access: ChildRecordAccess) {
  return access.trx
    .selectFrom('person_merges')
    .innerJoin('people as merged', 'merged.id', 'person_merges.merged_id')
    .innerJoin('staff as merger', 'merger.id', 'person_merges.merged_by')
    .leftJoin('staff as undoer', 'undoer.id', 'person_merges.undone_by')
    .select([
      'person_merges.id',
      'person_merges.reason',
      'person_merges.merged_at',
      'person_merges.undone_at',
      'merged.id as merged_id',
      'merged.la_child_id',
      'merged.given_name',
      'merged.family_name',
      'merger.display_name as merged_by_name',
      'undoer.display_name as undone_by_name',
    ])
    .where('person_merges.survivor_id', '=', access.personId)
    .orderBy('person_merges.merged_at', 'desc')
    .execute();
}

/** Every column of the database that refers to a person (a foreign key to `people.id`), as `table.column`, read from the catalogue. */
export async function personColumns(trx: Transaction<Database>): Promise<PersonColumn[]> {
  const result = await sql<{ column: PersonColumn }>`
    select (referring.relname || '.' || attribute.attname) as "column"
    from pg_constraint foreign_key
    join pg_class referring on referring.oid = foreign_key.conrelid
    join pg_attribute attribute on attribute.attrelid = foreign_key.conrelid and attribute.attnum = any (foreign_key.conkey)
    where foreign_key.contype = 'f' and foreign_key.confrelid = 'people'::regclass
    order by 1`.execute(trx);
  return result.rows.map((row) => row.column);
}

/** Of these columns, the ones with a row referring to the person. */
export async function columnsReferringTo(
  trx: Transaction<Database>,
  columns: readonly PersonColumn[],
  personId: string,
): Promise<PersonColumn[]> {
  const found: PersonColumn[] = [];
  for (const column of columns) {
    const [table = '', name = ''] = column.split('.');
    const result = await sql<{
      found: boolean;
    }>`select exists (select 1 from ${sql.table(table)} where ${sql.ref(`${table}.${name}`)} = ${personId}) as found`.execute(trx);
    if (result.rows[0]?.found) found.push(column);
  }
  return found;
}
