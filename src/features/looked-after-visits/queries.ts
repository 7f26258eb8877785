import type { Insertable, Kysely } from 'kysely';
import type { Database, LookedAfterVisitsTable } from '../../db/schema.js';
import type { ChildRecordAccess } from '../../platform/access.js';

export function visits(access: ChildRecordAccess) {
  return access.trx
    .selectFrom('looked_after_visits')
    .leftJoin('staff', 'staff.id', 'looked_after_visits.visited_by')
    .select([
      'looked_after_visits.id',
      'looked_after_visits.visited_on',
      'looked_after_visits.child_seen',
      'looked_after_visits.seen_alone',
      'looked_after_visits.bedroom_seen',
      'looked_after_visits.childs_views',
      'looked_after_visits.late_reason',
      'staff.display_name as visited_by_name',
    ])
    .where('looked_after_visits.person_id', '=', access.personId)
    .orderBy('looked_after_visits.visited_on', 'desc')
    .execute();
}

export async function insertVisit(access: ChildRecordAccess, visit: Omit<Insertable<LookedAfterVisitsTable>, 'person_id'>) {
  return (
    await access.trx
      .insertInto('looked_after_visits')
      .values({ ...visit, person_id: access.personId })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export function visitsOf(db: Kysely<Database>, personIds: readonly string[]) {
  return db
    .selectFrom('looked_after_visits')
    .select(['person_id', 'visited_on', 'child_seen'])
    .where('person_id', 'in', personIds)
    .orderBy('person_id')
    .orderBy('visited_on')
    .execute();
}
