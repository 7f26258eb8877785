import type { Kysely } from 'kysely';
import type { Database, IsoDate } from '../../db/schema.js';
import type { ChildRecordAccess } from '../../platform/access.js';
import { updateChildRowAtVersion } from '../../platform/child-rows.js';

export interface PermanenceFields {
  arrangement: string;
  local_authority: string | null;
  arrangement_date: string | null;
}

export function permanenceOf(access: ChildRecordAccess) {
  return access.trx
    .selectFrom('previous_permanence')
    .select(['id', 'period_started_on', 'arrangement', 'local_authority', 'arrangement_date', 'version'])
    .where('person_id', '=', access.personId)
    .orderBy('period_started_on')
    .execute();
}

export async function insertPermanence(access: ChildRecordAccess, periodStartedOn: IsoDate, fields: PermanenceFields): Promise<string> {
  const row = await access.trx
    .insertInto('previous_permanence')
    .values({ ...fields, person_id: access.personId, period_started_on: periodStartedOn, recorded_by: access.actor.staffId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function updatePermanence(access: ChildRecordAccess, id: string, version: number, fields: PermanenceFields) {
  return updateChildRowAtVersion(access, 'previous_permanence', id, version, fields);
}

export function permanenceForReturns(db: Kysely<Database>, personIds: readonly string[]) {
  return db.selectFrom('previous_permanence').selectAll().where('person_id', 'in', personIds).execute();
}

/** Moves the merged record's rows for periods of care the survivor has none for; returns "previous_permanence:id" of each. */
export async function movePermanence(merged: ChildRecordAccess, survivorId: string): Promise<string[]> {
  const moved = await merged.trx
    .updateTable('previous_permanence')
    .set({ person_id: survivorId })
    .where('person_id', '=', merged.personId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('previous_permanence as kept')
            .select('kept.id')
            .where('kept.person_id', '=', survivorId)
            .whereRef('kept.period_started_on', '=', 'previous_permanence.period_started_on'),
        ),
      ),
    )
    .returning('id')
    .execute();
  return moved.map((r) => `previous_permanence:${r.id}`);
}
