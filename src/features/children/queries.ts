import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ChildRecordAccess } from '../../platform/access.js';

/** Ids only: names are read after the access check, for the children the person may see. */
export async function findChildIds(db: Kysely<Database>, term: string, limit: number): Promise<string[]> {
  const words = term.toLowerCase().split(/\s+/).filter(Boolean);
  let query = db.selectFrom('people').select('id').where('is_child', '=', true);
  for (const word of words) {
    const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb(sql`lower(given_name)`, 'like', pattern),
        eb(sql`lower(family_name)`, 'like', pattern),
        eb(sql`lower(la_child_id)`, '=', word),
        eb(sql`date_of_birth::text`, '=', word),
      ]),
    );
  }
  const rows = await query.orderBy('family_name').orderBy('given_name').limit(limit).execute();
  return rows.map((r) => r.id);
}

export function childSummaries(db: Kysely<Database>, personIds: readonly string[]) {
  if (personIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('people')
    .leftJoin('allocations', (join) =>
      join
        .onRef('allocations.person_id', '=', 'people.id')
        .on('allocations.kind', '=', 'social_worker')
        .on('allocations.ended_on', 'is', null),
    )
    .leftJoin('staff', 'staff.id', 'allocations.staff_id')
    .leftJoin('teams', 'teams.id', 'allocations.team_id')
    .select([
      'people.id',
      'people.la_child_id',
      'people.given_name',
      'people.family_name',
      'people.date_of_birth',
      'people.expected_date_of_birth',
      'staff.display_name as worker_name',
      'teams.name as team_name',
    ])
    .where('people.id', 'in', personIds)
    .orderBy('people.family_name')
    .orderBy('people.given_name')
    .execute();
}

export function childRecord(access: ChildRecordAccess) {
  return access.trx
    .selectFrom('people')
    .select(['id', 'la_child_id', 'given_name', 'family_name', 'date_of_birth', 'expected_date_of_birth', 'sex', 'ethnicity', 'restricted'])
    .where('id', '=', access.personId)
    .executeTakeFirstOrThrow();
}

export function allocationHistory(access: ChildRecordAccess) {
  return access.trx
    .selectFrom('allocations')
    .innerJoin('teams', 'teams.id', 'allocations.team_id')
    .leftJoin('staff', 'staff.id', 'allocations.staff_id')
    .select([
      'allocations.kind',
      'allocations.started_on',
      'allocations.ended_on',
      'teams.name as team_name',
      'staff.display_name as staff_name',
    ])
    .where('allocations.person_id', '=', access.personId)
    .orderBy('allocations.started_on', 'desc')
    .execute();
}

export function auditTrail(db: Kysely<Database>, personId: string, limit: number) {
  return db
    .selectFrom('audit_events')
    .leftJoin('staff', 'staff.id', 'audit_events.staff_id')
    .select([
      'audit_events.occurred_at',
      'audit_events.action',
      'audit_events.outcome',
      'audit_events.ip_address',
      'staff.display_name',
      'staff.role',
    ])
    .where('audit_events.person_id', '=', personId)
    .orderBy('audit_events.occurred_at', 'desc')
    .orderBy('audit_events.id', 'desc')
    .limit(limit)
    .execute();
}

export function childExists(db: Kysely<Database>, personId: string) {
  return db.selectFrom('people').select(['id', 'la_child_id']).where('id', '=', personId).where('is_child', '=', true).executeTakeFirst();
}
