import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { Database, PeopleTable } from '../../db/schema.js';
import type { SearchTerm } from '../../domain/people/search-term.js';
import type { ChildRecordAccess } from '../../platform/access.js';

/**
 * Ids only, best match first: names are read after the access check, for the children the person
 * may see. Names are matched by trigram similarity on the whole name (and other names), so order
 * and small misspellings do not matter; identifiers are matched exactly through their indexes.
 */
export async function findChildIds(db: Kysely<Database>, term: SearchTerm, limit: number): Promise<string[]> {
  const parts = [];
  if (term.laChildId) parts.push(sql`select id, 4.0::float8 as score from people where la_child_id = ${term.laChildId}`);
  if (term.upn) parts.push(sql`select id, 4.0::float8 as score from people where upn = ${term.upn} or former_upn = ${term.upn}`);
  if (term.postcode)
    parts.push(
      sql`select person_id as id, case when to_on is null then 3.0 else 2.5 end::float8 as score from addresses where postcode = ${term.postcode}`,
    );
  const birthBonus = term.dateOfBirth ? 1 : 0;
  if (term.name) {
    const name = term.name;
    const dobMatch = term.dateOfBirth
      ? sql`case when date_of_birth = ${term.dateOfBirth} or expected_date_of_birth = ${term.dateOfBirth} then ${birthBonus}::float8 else 0 end`
      : sql`0::float8`;
    parts.push(sql`select id, similarity(search_name, ${name}) + ${dobMatch} as score from people where search_name % ${name}`);
    parts.push(
      sql`select person_id as id, similarity(search_name, ${name}) * 0.9 as score from person_aliases where search_name % ${name}`,
    );
    if (term.dateOfBirth)
      parts.push(sql`select id, similarity(search_name, ${name}) + 1 as score from people
        where (date_of_birth = ${term.dateOfBirth} or expected_date_of_birth = ${term.dateOfBirth}) and similarity(search_name, ${name}) > 0.1`);
  } else if (term.dateOfBirth) {
    parts.push(
      sql`select id, 1.0::float8 as score from people where date_of_birth = ${term.dateOfBirth} or expected_date_of_birth = ${term.dateOfBirth}`,
    );
  }
  if (parts.length === 0) return [];
  const result = await sql<{ id: string }>`
    with candidates as (${sql.join(parts, sql` union all `)})
    select people.id from candidates join people on people.id = candidates.id
    where people.is_child and people.merged_into_id is null
    group by people.id, people.family_name, people.given_name
    order by max(candidates.score) desc, people.family_name, people.given_name
    limit ${limit}`.execute(db);
  return result.rows.map((r) => r.id);
}

/** Children who may be the child about to be added: alike names, the same date of birth or postcode. */
export async function possibleMatches(
  db: Kysely<Database>,
  wanted: { name: string; dateOfBirth: string | undefined; postcode: string | undefined },
  limit: number,
) {
  const dob = wanted.dateOfBirth ?? null;
  const postcode = wanted.postcode ?? null;
  const result = await sql<{ id: string; name_similarity: number; same_date_of_birth: boolean; same_postcode: boolean }>`
    with candidates as (
      select id from people where search_name % ${wanted.name}
      union select person_id from person_aliases where search_name % ${wanted.name}
      union select id from people where ${dob}::date is not null and (date_of_birth = ${dob}::date or expected_date_of_birth = ${dob}::date)
      union select person_id from addresses where ${postcode}::text is not null and postcode = ${postcode}::text
    )
    select people.id,
      greatest(similarity(people.search_name, ${wanted.name}),
        coalesce((select max(similarity(a.search_name, ${wanted.name})) from person_aliases a where a.person_id = people.id), 0))::float8 as name_similarity,
      coalesce(coalesce(people.date_of_birth, people.expected_date_of_birth) = ${dob}::date, false) as same_date_of_birth,
      exists (select 1 from addresses ad where ad.person_id = people.id and ad.postcode = ${postcode}::text) as same_postcode
    from candidates join people on people.id = candidates.id
    where people.is_child and people.merged_into_id is null
    limit ${limit}`.execute(db);
  return result.rows;
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
      (eb) =>
        eb
          .selectFrom('addresses')
          .select('addresses.postcode')
          .whereRef('addresses.person_id', '=', 'people.id')
          .where('addresses.to_on', 'is', null)
          .orderBy('addresses.from_on', 'desc')
          .limit(1)
          .as('postcode'),
    ])
    .where('people.id', 'in', personIds)
    .orderBy('people.family_name')
    .orderBy('people.given_name')
    .execute();
}

export function childRecord(access: ChildRecordAccess) {
  return access.trx
    .selectFrom('people')
    .select([
      'id',
      'la_child_id',
      'given_name',
      'family_name',
      'date_of_birth',
      'expected_date_of_birth',
      'sex',
      'ethnicity',
      'restricted',
      'upn',
      'former_upn',
      'disabilities',
      'unaccompanied_asylum_seeking',
      'first_language',
      'gp_practice',
      'school',
      'version',
    ])
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
    .orderBy('allocations.recorded_at', 'desc')
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

/** The record a merged record now lives in, if it was merged. */
export async function mergedInto(db: Kysely<Database>, personId: string): Promise<string | null> {
  const row = await db.selectFrom('people').select('merged_into_id').where('id', '=', personId).executeTakeFirst();
  return row?.merged_into_id ?? null;
}

export async function nextGeneratedNumber(trx: Transaction<Database>): Promise<number> {
  const result = await sql<{ n: string }>`select nextval('la_child_id_numbers') as n`.execute(trx);
  return Number(result.rows[0]?.n);
}

export async function laChildIdInUse(db: Kysely<Database>, laChildId: string): Promise<boolean> {
  return (await db.selectFrom('people').select('id').where('la_child_id', '=', laChildId).executeTakeFirst()) !== undefined;
}

/** Another current record with this UPN (a UPN belongs to one child: CIN rule 1520). */
export async function upnInUse(db: Kysely<Database>, upn: string, exceptPersonId?: string): Promise<boolean> {
  let query = db.selectFrom('people').select('id').where('upn', '=', upn).where('merged_into_id', 'is', null);
  if (exceptPersonId) query = query.where('id', '<>', exceptPersonId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function insertChild(trx: Transaction<Database>, child: Insertable<PeopleTable>): Promise<string> {
  const row = await trx.insertInto('people').values(child).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Saves the details if nobody else has saved since `version` was read; false when someone has. */
export async function updateChildDetails(access: ChildRecordAccess, version: number, details: Updateable<PeopleTable>): Promise<boolean> {
  const result = await access.trx
    .updateTable('people')
    .set({ ...details, version: sql<number>`version + 1`, updated_at: sql`now()` })
    .where('id', '=', access.personId)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** For the statutory returns: the identifiers and characteristics of these children (not merged away). */
export function childrenForReturns(db: Kysely<Database>, personIds: readonly string[]) {
  return db
    .selectFrom('people')
    .select([
      'id',
      'la_child_id',
      'upn',
      'former_upn',
      'upn_unknown',
      'date_of_birth',
      'expected_date_of_birth',
      'sex',
      'died_on',
      'ethnicity',
      'disabilities',
    ])
    .where(sql<boolean>`id = any(${[...personIds]}::uuid[])`)
    .where('is_child', '=', true)
    .where('merged_into_id', 'is', null)
    .execute();
}

export function returnDetailsOf(db: Kysely<Database>, personIds: readonly string[]) {
  return db
    .selectFrom('people')
    .select(['id', 'la_child_id', 'sex', 'date_of_birth', 'ethnicity', 'upn', 'upn_unknown'])
    .where('id', 'in', personIds)
    .where('is_child', '=', true)
    .where('merged_into_id', 'is', null)
    .execute();
}

export async function laChildIdsAmong(db: Kysely<Database>, laChildIds: readonly string[]): Promise<string[]> {
  const rows = await db.selectFrom('people').select('la_child_id').where('la_child_id', 'in', laChildIds).execute();
  return rows.flatMap((r) => (r.la_child_id ? [r.la_child_id] : []));
}

export async function upnsAmong(db: Kysely<Database>, upns: readonly string[]): Promise<string[]> {
  const rows = await db.selectFrom('people').select('upn').where('upn', 'in', upns).where('merged_into_id', 'is', null).execute();
  return rows.flatMap((r) => (r.upn ? [r.upn] : []));
}
