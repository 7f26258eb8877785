import type { Insertable } from 'kysely';
import { type Kysely, sql } from 'kysely';
import type { CaseworkVisitsTable, Database } from '../../db/schema.js';
import type { ChildRecordAccess } from '../../platform/access.js';

export function visitsOf(access: ChildRecordAccess) {
  return access.trx
    .selectFrom('casework_visits')
    .leftJoin('staff', 'staff.id', 'casework_visits.visited_by')
    .select([
      'casework_visits.id',
      'casework_visits.plan_kind',
      'casework_visits.visited_on',
      'casework_visits.child_seen',
      'casework_visits.seen_alone',
      'casework_visits.bedroom_seen',
      'casework_visits.childs_views',
      'casework_visits.late_reason',
      'staff.display_name as visited_by_name',
    ])
    .where('casework_visits.person_id', '=', access.personId)
    .orderBy('casework_visits.visited_on', 'desc')
    .orderBy('casework_visits.recorded_at', 'desc')
    .execute();
}

export async function insertVisit(access: ChildRecordAccess, visit: Omit<Insertable<CaseworkVisitsTable>, 'person_id'>) {
  const row = await access.trx
    .insertInto('casework_visits')
    .values({ ...visit, person_id: access.personId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** For the statutory returns: these children's statutory visits on or before a date. */
export function visitsForReturns(db: Kysely<Database>, personIds: readonly string[], to: string) {
  return db
    .selectFrom('casework_visits')
    .select(['person_id', 'plan_kind', 'plan_id', 'visited_on', 'child_seen', 'seen_alone'])
    .where(sql<boolean>`person_id = any(${[...personIds]}::uuid[])`)
    .where('visited_on', '<=', to)
    .execute();
}
