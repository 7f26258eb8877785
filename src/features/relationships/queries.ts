import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ChildRecordAccess } from '../../platform/access.js';

/** Everyone related to the child, from relationships recorded either way round. */
export function relationshipsOf(access: ChildRecordAccess) {
  return access.trx
    .selectFrom('relationships')
    .innerJoin('people as other', (join) =>
      join.on((eb) =>
        eb.or([
          eb.and([eb('relationships.person_id', '=', access.personId), eb('other.id', '=', eb.ref('relationships.related_person_id'))]),
          eb.and([eb('relationships.related_person_id', '=', access.personId), eb('other.id', '=', eb.ref('relationships.person_id'))]),
        ]),
      ),
    )
    .select([
      'relationships.id',
      'relationships.kind',
      'relationships.same_household',
      'relationships.person_id',
      'other.id as other_id',
      'other.given_name',
      'other.family_name',
      'other.date_of_birth',
      'other.is_child',
      'other.la_child_id',
    ])
    .where((eb) =>
      eb.or([eb('relationships.person_id', '=', access.personId), eb('relationships.related_person_id', '=', access.personId)]),
    )
    .orderBy('relationships.same_household', 'desc')
    .orderBy('other.date_of_birth')
    .execute();
}

/** People who may be the relative being added: alike names, adults and children (children are access-checked after). */
export async function findPeople(db: Kysely<Database>, name: string, limit: number) {
  const result = await sql<{
    id: string;
    given_name: string;
    family_name: string;
    date_of_birth: string | null;
    is_child: boolean;
    la_child_id: string | null;
  }>`
    select id, given_name, family_name, date_of_birth, is_child, la_child_id from people
    where search_name % ${name} and merged_into_id is null
    order by similarity(search_name, ${name}) desc, family_name, given_name
    limit ${limit}`.execute(db);
  return result.rows;
}

export function person(db: Kysely<Database>, personId: string) {
  return db
    .selectFrom('people')
    .select(['id', 'given_name', 'family_name', 'date_of_birth', 'is_child', 'la_child_id', 'merged_into_id'])
    .where('id', '=', personId)
    .executeTakeFirst();
}

export async function relationshipExists(db: Kysely<Database>, a: string, b: string, kind: string): Promise<boolean> {
  const row = await db
    .selectFrom('relationships')
    .select('id')
    .where('kind', '=', kind)
    .where((eb) =>
      eb.or([
        eb.and([eb('person_id', '=', a), eb('related_person_id', '=', b)]),
        eb.and([eb('person_id', '=', b), eb('related_person_id', '=', a)]),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertRelationship(
  access: ChildRecordAccess,
  relationship: { personId: string; relatedPersonId: string; kind: string; sameHousehold: boolean },
): Promise<string> {
  const row = await access.trx
    .insertInto('relationships')
    .values({
      person_id: relationship.personId,
      related_person_id: relationship.relatedPersonId,
      kind: relationship.kind,
      same_household: relationship.sameHousehold,
      recorded_by: access.actor.staffId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteRelationship(access: ChildRecordAccess, relationshipId: string): Promise<boolean> {
  const result = await access.trx
    .deleteFrom('relationships')
    .where('id', '=', relationshipId)
    .where((eb) => eb.or([eb('person_id', '=', access.personId), eb('related_person_id', '=', access.personId)]))
    .executeTakeFirst();
  return result.numDeletedRows === 1n;
}

export async function linksBetween(trx: Transaction<Database>, a: string, b: string): Promise<number> {
  const row = await trx
    .selectFrom('relationships')
    .select(sql<number>`count(*)::int`.as('n'))
    .where((eb) =>
      eb.or([
        eb.and([eb('person_id', '=', a), eb('related_person_id', '=', b)]),
        eb.and([eb('person_id', '=', b), eb('related_person_id', '=', a)]),
      ]),
    )
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function moveSide(trx: Transaction<Database>, side: 'person_id' | 'related_person_id', fromId: string, toId: string) {
  const rows = await trx
    .updateTable('relationships')
    .set({ [side]: toId })
    .where(side, '=', fromId)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function moveSideBack(
  trx: Transaction<Database>,
  side: 'person_id' | 'related_person_id',
  ids: readonly string[],
  toId: string,
) {
  if (ids.length === 0) return;
  await trx
    .updateTable('relationships')
    .set({ [side]: toId })
    .where('id', 'in', ids)
    .execute();
}
