import type { Insertable, Updateable } from 'kysely';
import { type Kysely, sql } from 'kysely';
import type { Database, Section47EnquiriesTable } from '../../db/schema.js';
import type { ChildRecordAccess } from '../../platform/access.js';
import { updateChildRowAtVersion } from '../../platform/child-rows.js';

export function enquiriesOf(access: ChildRecordAccess) {
  return access.trx
    .selectFrom('section_47_enquiries')
    .select(['id', 'referral_id', 'strategy_discussion_id', 'started_on', 'completed_on', 'outcome', 'icpc_required', 'version'])
    .where('person_id', '=', access.personId)
    .orderBy('started_on', 'desc')
    .orderBy('recorded_at', 'desc')
    .execute();
}

export async function insertEnquiry(access: ChildRecordAccess, enquiry: Omit<Insertable<Section47EnquiriesTable>, 'person_id'>) {
  const row = await access.trx
    .insertInto('section_47_enquiries')
    .values({ ...enquiry, person_id: access.personId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateEnquiry(access: ChildRecordAccess, id: string, version: number, changes: Updateable<Section47EnquiriesTable>) {
  return updateChildRowAtVersion(access, 'section_47_enquiries', id, version, changes);
}

/** For the statutory returns: every section 47 enquiry of these referrals, whoever the child. */
export function enquiriesForReturns(db: Kysely<Database>, referralIds: readonly string[]) {
  return db
    .selectFrom('section_47_enquiries')
    .select(['id', 'person_id', 'referral_id', 'started_on', 'completed_on', 'icpc_required'])
    .where(sql<boolean>`referral_id = any(${[...referralIds]}::uuid[])`)
    .execute();
}
