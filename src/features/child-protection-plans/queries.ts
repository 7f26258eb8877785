import type { Insertable, Updateable } from 'kysely';
import { type Kysely, sql } from 'kysely';
import type { ChildProtectionPlansTable, Database } from '../../db/schema.js';
import type { ChildRecordAccess } from '../../platform/access.js';
import { updateChildRowAtVersion } from '../../platform/child-rows.js';

export function plansOf(access: ChildRecordAccess) {
  return access.trx
    .selectFrom('child_protection_plans')
    .select([
      'id',
      'referral_id',
      'started_on',
      'initial_category',
      'latest_category',
      'number_of_previous_plans',
      'ended_on',
      'end_reason',
      'version',
    ])
    .where('person_id', '=', access.personId)
    .orderBy('started_on', 'desc')
    .execute();
}

export function coreGroupsOf(access: ChildRecordAccess) {
  return access.trx
    .selectFrom('core_group_meetings')
    .leftJoin('staff', 'staff.id', 'core_group_meetings.recorded_by')
    .select([
      'core_group_meetings.id',
      'core_group_meetings.plan_id',
      'core_group_meetings.held_on',
      'core_group_meetings.notes',
      'staff.display_name as recorded_by_name',
    ])
    .where('core_group_meetings.person_id', '=', access.personId)
    .orderBy('core_group_meetings.held_on', 'desc')
    .execute();
}

export async function insertPlan(access: ChildRecordAccess, plan: Omit<Insertable<ChildProtectionPlansTable>, 'person_id'>) {
  const row = await access.trx
    .insertInto('child_protection_plans')
    .values({ ...plan, person_id: access.personId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updatePlan(access: ChildRecordAccess, id: string, version: number, changes: Updateable<ChildProtectionPlansTable>) {
  return updateChildRowAtVersion(access, 'child_protection_plans', id, version, changes);
}

export async function insertCoreGroup(access: ChildRecordAccess, planId: string, heldOn: string, notes: string | null) {
  const row = await access.trx
    .insertInto('core_group_meetings')
    .values({ person_id: access.personId, plan_id: planId, held_on: heldOn, notes, recorded_by: access.actor.staffId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** For the statutory returns: every child protection plan of these referrals, whoever the child. */
export function protectionPlansForReturns(db: Kysely<Database>, referralIds: readonly string[]) {
  return db
    .selectFrom('child_protection_plans')
    .select(['id', 'person_id', 'referral_id', 'started_on', 'ended_on', 'initial_category', 'latest_category', 'number_of_previous_plans'])
    .where(sql<boolean>`referral_id = any(${[...referralIds]}::uuid[])`)
    .execute();
}
