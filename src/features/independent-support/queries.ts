import type { Insertable } from 'kysely';
import type { IndependentSupportTable } from '../../db/schema.js';
import type { ChildRecordAccess } from '../../platform/access.js';
import { updateChildRowAtVersion } from '../../platform/child-rows.js';

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
  return updateChildRowAtVersion(access, 'independent_support', id, version, { ended_on: endedOn }, 'ended_on');
}
