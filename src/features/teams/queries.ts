import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';

export function services(db: Kysely<Database>) {
  return db.selectFrom('services').select(['id', 'name']).orderBy('name').execute();
}

/** Every team, with its service and how many active staff are in it. */
export function teams(db: Kysely<Database>) {
  return db
    .selectFrom('teams')
    .select(['teams.id', 'teams.name', 'teams.service_id', 'teams.is_front_door'])
    .select((eb) =>
      eb
        .selectFrom('staff')
        .select((sub) => sub.fn.countAll<string>().as('n'))
        .whereRef('staff.team_id', '=', 'teams.id')
        .where('staff.active', '=', true)
        .as('active_staff'),
    )
    .orderBy('teams.name')
    .execute();
}

export function serviceByName(db: Kysely<Database>, name: string) {
  return db.selectFrom('services').select(['id', 'name']).where(sql`lower(name)`, '=', name.toLowerCase()).executeTakeFirst();
}

export function serviceById(db: Kysely<Database>, id: string) {
  return db.selectFrom('services').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
}

export function teamByName(db: Kysely<Database>, name: string) {
  return db.selectFrom('teams').select(['id', 'name', 'is_front_door']).where(sql`lower(name)`, '=', name.toLowerCase()).executeTakeFirst();
}

export function teamById(db: Kysely<Database>, id: string) {
  return db.selectFrom('teams').select(['id', 'name', 'is_front_door']).where('id', '=', id).executeTakeFirst();
}

export function frontDoorTeam(db: Kysely<Database>) {
  return db.selectFrom('teams').select(['id', 'name']).where('is_front_door', '=', true).executeTakeFirst();
}

export async function insertService(trx: Transaction<Database>, name: string) {
  return (await trx.insertInto('services').values({ name }).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertTeam(trx: Transaction<Database>, name: string, serviceId: string) {
  return (await trx.insertInto('teams').values({ name, service_id: serviceId }).returning('id').executeTakeFirstOrThrow()).id;
}

/** Makes one team the front door and every other team not, in the caller's transaction. */
export async function markFrontDoor(trx: Transaction<Database>, teamId: string) {
  await trx.updateTable('teams').set({ is_front_door: false }).where('is_front_door', '=', true).where('id', '<>', teamId).execute();
  await trx.updateTable('teams').set({ is_front_door: true }).where('id', '=', teamId).execute();
}
