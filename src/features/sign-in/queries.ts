import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../db/schema.js';

export function findAccountByUsername(db: Kysely<Database>, username: string) {
  return db
    .selectFrom('staff')
    .select(['id', 'password_hash', 'active', 'failed_sign_ins', 'locked_until', 'must_change_password'])
    .where(sql`lower(username)`, '=', username.trim().toLowerCase())
    .executeTakeFirst();
}

export async function recordFailedSignIn(db: Kysely<Database>, staffId: string, attemptsBeforeLockout: number, lockoutMinutes: number) {
  return db
    .updateTable('staff')
    .set((eb) => ({
      failed_sign_ins: eb('failed_sign_ins', '+', 1),
      locked_until: sql<Date | null>`case when failed_sign_ins + 1 >= ${attemptsBeforeLockout}
        then now() + make_interval(mins => ${lockoutMinutes}) else locked_until end`,
    }))
    .where('id', '=', staffId)
    .returning(['failed_sign_ins', 'locked_until'])
    .executeTakeFirstOrThrow();
}

export async function recordSuccessfulSignIn(db: Kysely<Database>, staffId: string) {
  await db.updateTable('staff').set({ failed_sign_ins: 0, locked_until: null }).where('id', '=', staffId).execute();
}
