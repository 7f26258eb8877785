import { sql } from 'kysely';
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
