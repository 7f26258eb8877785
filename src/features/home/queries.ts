import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { AllocationKind, Database } from '../../db/schema.js';

export async function childrenAllocatedTo(db: Kysely<Database>, staffId: string, kind: AllocationKind): Promise<string[]> {
  const rows = await db
    .selectFrom('allocations')
    .select('person_id')
    .where('staff_id', '=', staffId)
    .where('kind', '=', kind)
    .where('ended_on', 'is', null)
    .execute();
  return rows.map((r) => r.person_id);
}

/** Children allocated to the team with no named social worker yet. */
export async function childrenWaitingForAWorker(db: Kysely<Database>, teamId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('allocations')
    .select('person_id')
    .where('team_id', '=', teamId)
    .where('kind', '=', 'social_worker')
    .where('staff_id', 'is', null)
    .where('ended_on', 'is', null)
    .execute();
  return rows.map((r) => r.person_id);
}

export function caseloadsInTeam(db: Kysely<Database>, teamId: string) {
  return db
    .selectFrom('staff')
    .leftJoin('allocations', (join) =>
      join
        .onRef('allocations.staff_id', '=', 'staff.id')
        .on('allocations.kind', '=', 'social_worker')
        .on('allocations.ended_on', 'is', null),
    )
    .select(['staff.id', 'staff.display_name', sql<number>`count(allocations.id)::int`.as('children')])
    .where('staff.team_id', '=', teamId)
    .where('staff.active', '=', true)
    .where('staff.role', '=', 'social_worker')
    .groupBy(['staff.id', 'staff.display_name'])
    .orderBy('staff.display_name')
    .execute();
}

export function teamsInService(db: Kysely<Database>, serviceId: string) {
  return db
    .selectFrom('teams')
    .leftJoin('allocations', (join) =>
      join
        .onRef('allocations.team_id', '=', 'teams.id')
        .on('allocations.kind', '=', 'social_worker')
        .on('allocations.ended_on', 'is', null),
    )
    .select([
      'teams.id',
      'teams.name',
      sql<number>`count(allocations.id)::int`.as('children'),
      sql<number>`count(allocations.id) filter (where allocations.staff_id is null)::int`.as('without_worker'),
    ])
    .where('teams.service_id', '=', serviceId)
    .groupBy(['teams.id', 'teams.name'])
    .orderBy('teams.name')
    .execute();
}

export async function countChildrenNotAllocated(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('people')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('is_child', '=', true)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('allocations')
            .select('id')
            .whereRef('allocations.person_id', '=', 'people.id')
            .where('allocations.ended_on', 'is', null),
        ),
      ),
    )
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function childrenCounts(db: Kysely<Database>) {
  return db
    .selectFrom('people')
    .leftJoin('allocations', (join) =>
      join
        .onRef('allocations.person_id', '=', 'people.id')
        .on('allocations.kind', '=', 'social_worker')
        .on('allocations.ended_on', 'is', null),
    )
    .select([
      sql<number>`count(*)::int`.as('children'),
      sql<number>`count(allocations.staff_id)::int`.as('with_worker'),
      sql<number>`count(allocations.id) filter (where allocations.staff_id is null)::int`.as('team_only'),
      sql<number>`count(*) filter (where allocations.id is null)::int`.as('not_allocated'),
    ])
    .where('people.is_child', '=', true)
    .executeTakeFirstOrThrow();
}

export function staffCounts(db: Kysely<Database>) {
  return db
    .selectFrom('staff')
    .select([
      sql<number>`count(*) filter (where active)::int`.as('active'),
      sql<number>`count(*) filter (where not active)::int`.as('deactivated'),
      sql<number>`count(*) filter (where active and locked_until > now())::int`.as('locked'),
    ])
    .executeTakeFirstOrThrow();
}
