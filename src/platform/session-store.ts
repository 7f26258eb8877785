import type { SessionStore } from '@fastify/session';
import type { Session } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * Sign-in sessions live in the database, so they survive a restart, can be revoked (an account
 * deactivated or a password reset ends every session of that person) and expire when idle.
 */
export class DatabaseSessionStore implements SessionStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly idleMinutes: number,
  ) {}

  set(sessionId: string, session: Session, callback: (error?: unknown) => void): void {
    const expiresAt = session.cookie.expires ?? new Date(Date.now() + this.idleMinutes * 60_000);
    const staffId = session.staffId ?? null;
    this.db
      .insertInto('sign_in_sessions')
      .values({ id: sessionId, staff_id: staffId, data: JSON.stringify(session), expires_at: expiresAt })
      .onConflict((oc) => oc.column('id').doUpdateSet({ staff_id: staffId, data: JSON.stringify(session), expires_at: expiresAt }))
      .execute()
      .then(() => callback(), callback);
  }

  get(sessionId: string, callback: (error: unknown, session?: Session | null) => void): void {
    this.db
      .selectFrom('sign_in_sessions')
      .select('data')
      .where('id', '=', sessionId)
      .where('expires_at', '>', new Date())
      .executeTakeFirst()
      .then((row) => callback(null, (row?.data as Session | undefined) ?? null), callback);
  }

  destroy(sessionId: string, callback: (error?: unknown) => void): void {
    this.db
      .deleteFrom('sign_in_sessions')
      .where('id', '=', sessionId)
      .execute()
      .then(() => callback(), callback);
  }
}

/** Ends every session a member of staff has, e.g. when their account is deactivated. */
export async function endSessionsOf(db: Kysely<Database>, staffId: string): Promise<void> {
  await db.deleteFrom('sign_in_sessions').where('staff_id', '=', staffId).execute();
}

export async function deleteExpiredSessions(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('sign_in_sessions').where('expires_at', '<=', new Date()).execute();
}
