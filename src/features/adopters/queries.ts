import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { AdopterHouseholdsTable, Database, IsoDate, ProspectiveAdoptersTable } from '../../db/schema.js';
import type { ChildRecordAccess } from '../../platform/access.js';

/** Households of prospective adopters, newest enquiry first; those still in the process only, unless `includeLeft`. */
export function households(db: Kysely<Database>, options: { includeLeft: boolean }) {
  let query = db.selectFrom('adopter_households').selectAll().orderBy('enquiry_received_on', 'desc').orderBy('family_identifier');
  if (!options.includeLeft) query = query.where('left_on', 'is', null);
  return query.execute();
}

/** Households whose enquiry came on or before a date (Annex A looks back from then). */
export function householdsEnquiringBy(db: Kysely<Database>, asOf: IsoDate) {
  return db.selectFrom('adopter_households').selectAll().where('enquiry_received_on', '<=', asOf).orderBy('family_identifier').execute();
}

export function household(db: Kysely<Database>, id: string) {
  return db.selectFrom('adopter_households').selectAll().where('id', '=', id).executeTakeFirst();
}

export function adoptersOf(db: Kysely<Database>, householdIds: readonly string[]) {
  if (householdIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('prospective_adopters')
    .selectAll()
    .where('household_id', 'in', householdIds)
    .orderBy('household_id')
    .orderBy('position')
    .execute();
}

export function matchesOf(db: Kysely<Database>, householdIds: readonly string[]) {
  if (householdIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('adopter_matches')
    .selectAll()
    .where('household_id', 'in', householdIds)
    .orderBy('matched_on')
    .orderBy('id')
    .execute();
}

export async function insertHousehold(
  db: Kysely<Database>,
  household: Insertable<AdopterHouseholdsTable>,
  adopters: Omit<Insertable<ProspectiveAdoptersTable>, 'household_id'>[],
) {
  const row = await db.insertInto('adopter_households').values(household).returning(['id', 'family_identifier']).executeTakeFirstOrThrow();
  await db
    .insertInto('prospective_adopters')
    .values(adopters.map((adopter) => ({ ...adopter, household_id: row.id })))
    .execute();
  return row;
}

/** Changes a household only if no one else changed it since `version` was read; false if someone did. */
export async function updateHouseholdAtVersion(
  db: Kysely<Database>,
  id: string,
  version: number,
  changes: Updateable<AdopterHouseholdsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('adopter_households')
    .set({ ...changes, version: version + 1, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertMatch(
  access: ChildRecordAccess,
  match: { householdId: string; matchedOn: IsoDate; placedOn: IsoDate | null; recordedBy: string },
): Promise<string> {
  const row = await access.trx
    .insertInto('adopter_matches')
    .values({
      household_id: match.householdId,
      person_id: access.personId,
      matched_on: match.matchedOn,
      placed_on: match.placedOn,
      recorded_by: match.recordedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Records the day the child moved in, if the match is still at `version`. */
export async function placeAtVersion(access: ChildRecordAccess, matchId: string, version: number, placedOn: IsoDate): Promise<boolean> {
  const result = await access.trx
    .updateTable('adopter_matches')
    .set({ placed_on: placedOn, version: version + 1 })
    .where('id', '=', matchId)
    .where('person_id', '=', access.personId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function match(db: Kysely<Database>, id: string) {
  return db.selectFrom('adopter_matches').selectAll().where('id', '=', id).executeTakeFirst();
}
