import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';

/** The settings key holding the authority's DfE LA code once Hearth has adopted one (from an import). */
const laCodeKey = 'dfe_la_code';

export async function storedLaCode(db: Kysely<Database>): Promise<string | null> {
  return (await db.selectFrom('settings').select('value').where('key', '=', laCodeKey).executeTakeFirst())?.value ?? null;
}

export async function storeLaCode(trx: Transaction<Database>, code: string): Promise<void> {
  await trx
    .insertInto('settings')
    .values({ key: laCodeKey, value: code })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: code }))
    .execute();
}

/** Whether Hearth holds any child yet: an empty Hearth adopts the LA code of the first census file imported. */
export async function holdsAnyChild(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('people').select('id').where('is_child', '=', true).limit(1).executeTakeFirst()) !== undefined;
}

/** Which of these LA child IDs and UPNs Hearth already holds. */
export async function identifiersInUse(db: Kysely<Database>, laChildIds: readonly string[], upns: readonly string[]) {
  const [ids, upnRows] = await Promise.all([
    laChildIds.length ? db.selectFrom('people').select('la_child_id').where('la_child_id', 'in', laChildIds).execute() : [],
    upns.length ? db.selectFrom('people').select('upn').where('upn', 'in', upns).where('merged_into_id', 'is', null).execute() : [],
  ]);
  return { laChildIds: new Set(ids.map((r) => r.la_child_id)), upns: new Set(upnRows.map((r) => r.upn)) };
}

/** PostgreSQL allows 65,535 bind parameters a statement; stay well under it. */
const parametersPerStatement = 30_000;

/**
 * Writes a census import's rows to a table with multi-row INSERTs, inside the import's single
 * transaction, so a file is taken in whole or not at all.
 */
export async function insertImportedRows<T extends keyof Database & string>(
  trx: Transaction<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  if (rows.length === 0) return;
  const perStatement = Math.max(1, Math.floor(parametersPerStatement / Object.keys(rows[0] as object).length));
  for (let start = 0; start < rows.length; start += perStatement) {
    // Kysely cannot narrow a generic table's insert type; the caller types the rows.
    await trx
      .insertInto(table)
      .values(rows.slice(start, start + perStatement) as never)
      .execute();
  }
}
