import type { Insertable } from 'kysely';
import type { IndependentSupportTable } from '../../db/schema.js';
import type { ChildRecordAccess } from '../../platform/access.js';

export function supportOf(access: ChildRecordAccess) {
  return access.trx
    .selectFrom('independent_support')
    .select(['id', 'kind', 'child_asked_on', 'offered_on', 'declined_on', 'started_on', 'ended_on', 'provided_by', 'version'])
    .where('person_id', '=', access.personId)
    .orderBy('recorded_at', 'desc')
    .execute();
}

export async function insertSupport(access: ChildRecordAccess, support: Omit<Insertable<IndependentSupportTable>, 'person_id'>) {
  return (
    await access.trx
      .insertInto('independent_support')
      .values({ ...support, person_id: access.personId })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function endSupport(access: ChildRecordAccess, id: string, version: number, endedOn: string): Promise<boolean> {
  const result = await access.trx
    .updateTable('independent_support')
    .set({ ended_on: endedOn, version: version + 1 })
    .where('id', '=', id)
    .where('person_id', '=', access.personId)
    .where('version', '=', version)
    .where('ended_on', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
