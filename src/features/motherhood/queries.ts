import { type Kysely, sql } from 'kysely';
import type { Database, IsoDate } from '../../db/schema.js';
import type { ChildRecordAccess } from '../../platform/access.js';

export function motherhoodOf(access: ChildRecordAccess) {
  return access.trx
    .selectFrom('motherhood')
    .select(['is_mother', 'first_child_born_on', 'version'])
    .where('person_id', '=', access.personId)
    .executeTakeFirst();
}

export async function insertMotherhood(access: ChildRecordAccess, isMother: boolean, firstChildBornOn: IsoDate | null): Promise<void> {
  await access.trx
    .insertInto('motherhood')
    .values({ person_id: access.personId, is_mother: isMother, first_child_born_on: firstChildBornOn, recorded_by: access.actor.staffId })
    .execute();
}

/** Changes the record only if it is still at `version`; false when someone else saved first. */
export async function updateMotherhood(
  access: ChildRecordAccess,
  version: number,
  isMother: boolean,
  firstChildBornOn: IsoDate | null,
): Promise<boolean> {
  const result = await access.trx
    .updateTable('motherhood')
    .set({
      is_mother: isMother,
      first_child_born_on: firstChildBornOn,
      version: sql<number>`version + 1`,
      recorded_by: access.actor.staffId,
    })
    .where('person_id', '=', access.personId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function motherhoodForReturns(db: Kysely<Database>, personIds: readonly string[]) {
  return db.selectFrom('motherhood').selectAll().where('person_id', 'in', personIds).execute();
}

/** Moves the merged record's row when the survivor has none; true when it moved. */
export async function moveMotherhood(merged: ChildRecordAccess, survivorId: string): Promise<boolean> {
  const kept = await merged.trx.selectFrom('motherhood').select('person_id').where('person_id', '=', survivorId).executeTakeFirst();
  if (kept) return false;
  const result = await merged.trx
    .updateTable('motherhood')
    .set({ person_id: survivorId })
    .where('person_id', '=', merged.personId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function moveMotherhoodBack(merged: ChildRecordAccess, survivorId: string): Promise<void> {
  await merged.trx.updateTable('motherhood').set({ person_id: merged.personId }).where('person_id', '=', survivorId).execute();
}
