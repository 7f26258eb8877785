import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database, NewStaff } from '../../db/schema.js';

export function listStaff(db: Kysely<Database>) {
  return db
    .selectFrom('staff')
    .leftJoin('teams', 'teams.id', 'staff.team_id')
    .select([
      'staff.id',
      'staff.username',
      'staff.display_name',
      'staff.role',
      'staff.active',
      'staff.locked_until',
      'staff.swe_registration_number',
      'teams.name as team_name',
    ])
    .orderBy('staff.active', 'desc')
    .orderBy('staff.display_name')
    .execute();
}

export function findStaff(db: Kysely<Database>, staffId: string) {
  return db
    .selectFrom('staff')
    .select(['id', 'username', 'display_name', 'role', 'team_id', 'active', 'swe_registration_number'])
    .where('id', '=', staffId)
    .executeTakeFirst();
}

export function findStaffByUsername(db: Kysely<Database>, username: string) {
  return db.selectFrom('staff').select(['id', 'username']).where(sql`lower(username)`, '=', username.toLowerCase()).executeTakeFirst();
}

export function findStaffByRegistration(db: Kysely<Database>, registration: string) {
  return db.selectFrom('staff').select(['id', 'display_name']).where('swe_registration_number', '=', registration).executeTakeFirst();
}

/** Sets the registration number only if it is still the one the administrator saw; false when someone changed it first. */
export async function setSweRegistrationNumber(
  db: Kysely<Database>,
  staffId: string,
  registration: string | null,
  shown: string | null,
): Promise<boolean> {
  const result = await db
    .updateTable('staff')
    .set({ swe_registration_number: registration, updated_at: new Date() })
    .where('id', '=', staffId)
    .where(sql<boolean>`swe_registration_number is not distinct from ${shown}`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function listTeams(db: Kysely<Database>) {
  return db.selectFrom('teams').select(['id', 'name']).orderBy('name').execute();
}

export function findTeamByName(db: Kysely<Database>, name: string) {
  return db.selectFrom('teams').select('id').where(sql`lower(name)`, '=', name.toLowerCase()).executeTakeFirst();
}

export function teamExists(db: Kysely<Database>, teamId: string) {
  return db.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst();
}

export async function insertStaff(db: Kysely<Database>, staff: NewStaff) {
  return db.insertInto('staff').values(staff).returning('id').executeTakeFirstOrThrow();
}

export async function setPassword(db: Kysely<Database>, staffId: string, passwordHash: string, mustChange: boolean) {
  await db
    .updateTable('staff')
    .set({ password_hash: passwordHash, must_change_password: mustChange, failed_sign_ins: 0, locked_until: null, updated_at: new Date() })
    .where('id', '=', staffId)
    .execute();
}

export async function setActive(db: Kysely<Database>, staffId: string, active: boolean) {
  await db.updateTable('staff').set({ active, updated_at: new Date() }).where('id', '=', staffId).execute();
}

/** The stored hash, for checking a password only: it is never shown to anyone. */
export async function findPasswordHash(db: Kysely<Database>, staffId: string): Promise<string | undefined> {
  const row = await db.selectFrom('staff').select('password_hash').where('id', '=', staffId).executeTakeFirst();
  return row?.password_hash;
}
