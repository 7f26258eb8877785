import type { Insertable, Updateable } from 'kysely';
import { type Kysely, sql } from 'kysely';
import type { ChildInNeedPlansTable, Database } from '../../db/schema.js';
import type { ChildRecordAccess } from '../../platform/access.js';
import { updateChildRowAtVersion } from '../../platform/child-rows.js';

export function plansOf(access: ChildRecordAccess) {
  return access.trx
    .selectFrom('child_in_need_plans')
    .select(['id', 'referral_id', 'started_on', 'ended_on', 'end_reason', 'version'])
    .where('person_id', '=', access.personId)
    .orderBy('started_on', 'desc')
    .execute();
}

export function reviewsOf(access: ChildRecordAccess) {
  return access.trx
    .selectFrom('child_in_need_plan_reviews')
    .leftJoin('staff', 'staff.id', 'child_in_need_plan_reviews.recorded_by')
    .select([
      'child_in_need_plan_reviews.id',
      'child_in_need_plan_reviews.plan_id',
      'child_in_need_plan_reviews.reviewed_on',
      'child_in_need_plan_reviews.notes',
      'staff.display_name as recorded_by_name',
    ])
    .where('child_in_need_plan_reviews.person_id', '=', access.personId)
    .orderBy('child_in_need_plan_reviews.reviewed_on', 'desc')
    .execute();
}

export async function insertPlan(access: ChildRecordAccess, plan: Omit<Insertable<ChildInNeedPlansTable>, 'person_id'>) {
  const row = await access.trx
    .insertInto('child_in_need_plans')
    .values({ ...plan, person_id: access.personId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updatePlan(access: ChildRecordAccess, id: string, version: number, changes: Updateable<ChildInNeedPlansTable>) {
  return updateChildRowAtVersion(access, 'child_in_need_plans', id, version, changes);
}

export async function insertReview(access: ChildRecordAccess, planId: string, reviewedOn: string, notes: string | null) {
  const row = await access.trx
    .insertInto('child_in_need_plan_reviews')
    .values({ person_id: access.personId, plan_id: planId, reviewed_on: reviewedOn, notes, recorded_by: access.actor.staffId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** For the statutory returns: every child in need plan of these referrals, whoever the child. */
export function childInNeedPlansForReturns(db: Kysely<Database>, referralIds: readonly string[]) {
  return db
    .selectFrom('child_in_need_plans')
    .select(['id', 'person_id', 'referral_id', 'started_on', 'ended_on'])
    .where(sql<boolean>`referral_id = any(${[...referralIds]}::uuid[])`)
    .execute();
}
