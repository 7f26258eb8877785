import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** PostgreSQL allows 65,535 bind parameters a statement; stay well under it. */
const parametersPerStatement = 30_000;

/**
 * Writes rows with multi-row INSERTs, as many rows a statement as the parameter limit allows.
 * Every row must give the same columns (the first row's decide). Call it inside the generator's
 * transaction: the rows are then saved with everything else, or not at all.
 */
export async function insertRows<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
  onWritten: (count: number) => void = () => {},
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] as object).length;
  const perStatement = Math.max(1, Math.floor(parametersPerStatement / Math.max(1, columns)));
  for (let start = 0; start < rows.length; start += perStatement) {
    // Kysely cannot narrow a generic table's insert type; the rows are typed by the caller.
    const chunk = rows.slice(start, start + perStatement);
    await db
      .insertInto(table)
      .values(chunk as never)
      .execute();
    onWritten(chunk.length);
  }
}
