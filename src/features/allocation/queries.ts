import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { AllocationKind, Database, IsoDate } from '../../db/schema.js';
import type { ChildRecordAccess } from '../../platform/access.js';

export function currentAllocation(access: ChildRecordAccess, kind: AllocationKind) {
  return access.trx
    .selectFrom('allocations')
    .select(['id', 'team_id', 'staff_id', 'started_on'])
    .where('person_id', '=', access.personId)
    .where('kind', '=', kind)
    .where('ended_on', 'is', null)
    .executeTakeFirst();
}

export function teams(db: Kysely<Database>) {
  return db.selectFrom('teams').select(['id', 'name']).orderBy('name').execute();
}

export function socialWorkers(db: Kysely<Database>) {
  return db
    .selectFrom('staff')
    .innerJoin('teams', 'teams.id', 'staff.team_id')
    .select(['staff.id', 'staff.display_name', 'staff.team_id', 'teams.name as team_name'])
    .where('staff.role', '=', 'social_worker')
    .where('staff.active', '=', true)
    .orderBy('teams.name')
    .orderBy('staff.display_name')
    .execute();
}

export function staffMember(db: Kysely<Database>, staffId: string) {
  return db.selectFrom('staff').select(['id', 'display_name', 'team_id', 'role', 'active']).where('id', '=', staffId).executeTakeFirst();
}

export function teamName(db: Kysely<Database>, teamId: string) {
  return db.selectFrom('teams').select('name').where('id', '=', teamId).executeTakeFirst();
}

export async function endAllocation(trx: Transaction<Database>, allocationId: string, endedOn: IsoDate): Promise<void> {
  await trx.updateTable('allocations').set({ ended_on: endedOn }).where('id', '=', allocationId).execute();
}

export async function insertAllocation(
  access: ChildRecordAccess,
  allocation: { kind: AllocationKind; teamId: string; staffId: string | null; startedOn: IsoDate; changeReason?: string | null },
): Promise<string> {
  const row = await access.trx
    .insertInto('allocations')
    .values({
      person_id: access.personId,
      kind: allocation.kind,
      team_id: allocation.teamId,
      staff_id: allocation.staffId,
      started_on: allocation.startedOn,
      change_reason: allocation.changeReason ?? null,
      recorded_by: access.actor.staffId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Children with no current allocation of any kind: waiting at the front door for a team. */
export async function childrenWithoutAllocation(db: Kysely<Database>, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('people')
    .select('people.id')
    .where('people.is_child', '=', true)
    .where('people.merged_into_id', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('allocations')
            .select('allocations.id')
            .whereRef('allocations.person_id', '=', 'people.id')
            .where('allocations.ended_on', 'is', null),
        ),
      ),
    )
    .orderBy('people.created_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

export function allocationsOf(trx: Transaction<Database>, personId: string) {
  return trx.selectFrom('allocations').select(['id', 'kind', 'ended_on']).where('person_id', '=', personId).execute();
}

export async function moveAllocations(trx: Transaction<Database>, ids: readonly string[], toPersonId: string): Promise<void> {
  if (ids.length === 0) return;
  await trx.updateTable('allocations').set({ person_id: toPersonId }).where('id', 'in', ids).execute();
}

export async function reopenAllocations(trx: Transaction<Database>, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await trx.updateTable('allocations').set({ ended_on: null }).where('id', 'in', ids).execute();
}

/** Independent reviewing officers who can be allocated: active, and in a team. */
export function reviewingOfficers(db: Kysely<Database>) {
  return db
    .selectFrom('staff')
    .innerJoin('teams', 'teams.id', 'staff.team_id')
    .select(['staff.id', 'staff.display_name', 'staff.team_id', 'teams.name as team_name'])
    .where('staff.role', '=', 'reviewing_officer')
    .where('staff.active', '=', true)
    .orderBy('staff.display_name')
    .execute();
}

/** For the statutory returns: each child's current social work allocation, with the team's and worker's names. */
export function currentAllocationsForReturns(db: Kysely<Database>, personIds: readonly string[]) {
  return db
    .selectFrom('allocations')
    .innerJoin('teams', 'teams.id', 'allocations.team_id')
    .leftJoin('staff', 'staff.id', 'allocations.staff_id')
    .select(['allocations.person_id', 'teams.name as team_name', 'staff.display_name as worker_name'])
    .where(sql<boolean>`allocations.person_id = any(${[...personIds]}::uuid[])`)
    .where('allocations.kind', '=', 'social_worker')
    .where('allocations.ended_on', 'is', null)
    .execute();
}

/**
 * For the SSDA903 return: every social work allocation of these children that had not ended by
 * `from`, with the worker's Social Work England registration number and the reason the worker changed.
 */
export function socialWorkerAllocationsForReturns(db: Kysely<Database>, personIds: readonly string[], from: IsoDate) {
  return db
    .selectFrom('allocations')
    .leftJoin('staff', 'staff.id', 'allocations.staff_id')
    .select([
      'allocations.person_id',
      'allocations.staff_id',
      'allocations.started_on',
      'allocations.ended_on',
      'allocations.change_reason',
      'staff.swe_registration_number',
    ])
    .where(sql<boolean>`allocations.person_id = any(${[...personIds]}::uuid[])`)
    .where('allocations.kind', '=', 'social_worker')
    .where((eb) => eb.or([eb('allocations.ended_on', 'is', null), eb('allocations.ended_on', '>=', from)]))
    .orderBy('allocations.person_id')
    .orderBy('allocations.started_on')
    .orderBy('allocations.recorded_at')
    .execute();
}
