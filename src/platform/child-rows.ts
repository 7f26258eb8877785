import { sql, type Updateable } from 'kysely';
import type { Database } from '../db/schema.js';
import type { ChildRecordAccess } from './access.js';

/** A table whose rows each belong to one child: it has its own `id` and a `person_id`. */
export type ChildRowTable = {
  [T in keyof Database]: 'id' extends keyof Database[T] ? ('person_id' extends keyof Database[T] ? T : never) : never;
}[keyof Database];

/**
 * For a record mover: moves every row of these tables from the merged record to the survivor,
 * unchanged but for `person_id`. Returns what moved as "table:id", for `moveChildRowsBack`.
 */
export async function moveChildRows(
  merged: ChildRecordAccess,
  survivor: ChildRecordAccess,
  tables: readonly ChildRowTable[],
): Promise<string[]> {
  const moved: string[] = [];
  for (const table of tables) {
    const rows = await sql<{ id: string }>`
      update ${sql.table(table)} set person_id = ${survivor.personId} where person_id = ${merged.personId} returning id`.execute(
      merged.trx,
    );
    moved.push(...rows.rows.map((row) => `${table}:${row.id}`));
  }
  return moved;
}

/** Undoes `moveChildRows`: the rows it moved (and only those, of these tables) go back to the merged record. */
export async function moveChildRowsBack(
  merged: ChildRecordAccess,
  tables: readonly ChildRowTable[],
  moved: readonly string[],
): Promise<void> {
  for (const table of tables) {
    const ids = moved.filter((entry) => entry.startsWith(`${table}:`)).map((entry) => entry.slice(table.length + 1));
    if (ids.length === 0) continue;
    await sql`update ${sql.table(table)} set person_id = ${merged.personId} where id in (${sql.join(ids)})`.execute(merged.trx);
  }
}

/** A child's table with a `version` column, whose rows change only if no one else changed them first. */
export type VersionedChildRowTable = {
  [T in ChildRowTable]: 'version' extends keyof Database[T] ? T : never;
}[ChildRowTable];

/**
 * Optimistic concurrency for every versioned row of a child: applies `changes` to row `id` of
 * the child only if it is still at `version` (and, with `whileNull`, only while that column is
 * still empty, e.g. a plan not yet ended), moving it to the next version. False when someone else
 * saved first, so the caller can answer 409 rather than overwrite their work.
 */
export async function updateChildRowAtVersion<T extends VersionedChildRowTable>(
  access: ChildRecordAccess,
  table: T,
  id: string,
  version: number,
  changes: Updateable<Database[T]>,
  whileNull?: string,
): Promise<boolean> {
  const assignments = Object.entries({ ...changes, version: version + 1 })
    .filter(([, value]) => value !== undefined)
    .map(([column, value]) => sql`${sql.ref(column)} = ${value}`);
  const stillOpen = whileNull ? sql` and ${sql.ref(whileNull)} is null` : sql``;
  const result = await sql`
    update ${sql.table(table)} set ${sql.join(assignments)}
    where id = ${id} and person_id = ${access.personId} and version = ${version}${stillOpen}`.execute(access.trx);
  return Number(result.numAffectedRows) === 1;
}

/**
 * Deletes row `id` of the child (a fact recorded in error) only if it is still at `version`, so
 * no one removes what someone else has just corrected. False when it changed or is already gone.
 */
export async function deleteChildRowAtVersion<T extends VersionedChildRowTable>(
  access: ChildRecordAccess,
  table: T,
  id: string,
  version: number,
): Promise<boolean> {
  const result = await sql`
    delete from ${sql.table(table)} where id = ${id} and person_id = ${access.personId} and version = ${version}`.execute(access.trx);
  return Number(result.numAffectedRows) === 1;
}
