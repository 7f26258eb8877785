import type { SessionStore } from '@fastify/session';
import type { Session } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * A session whose contents have not changed is written again only once its expiry has moved on by
 * this much, so an ordinary page view costs one read of the session, not a read and a write. The
 * idle limit stored is then at most this much shorter than the cookie's.
 */
export const sessionExpiryWriteIntervalMs = 30_000;
/** Sessions read but not yet written back (a request in flight); forgotten wholesale if it ever grows this large. */
const maximumSessionsInFlight = 10_000;

/** What a session holds, without its cookie (whose expiry moves on every request), keys in order (jsonb reorders them). */
function contentsOf(session: unknown): string {
  const { cookie: _cookie, ...contents } = JSON.parse(JSON.stringify(session)) as Record<string, unknown>;
  const sorted = (value: unknown): unknown =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value)
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([k, v]) => [k, sorted(v)]),
        )
      : value;
  return JSON.stringify(sorted(contents));
}

/**
 * Sign-in sessions live in the database, so they survive a restart, can be revoked (an account
 * deactivated or a password reset ends every session of that person) and expire when idle.
 */
export class DatabaseSessionStore implements SessionStore {
  private readonly asRead = new Map<string, { contents: string; expiresAt: number }>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly idleMinutes: number,
    private readonly expiryWriteIntervalMs = sessionExpiryWriteIntervalMs,
  ) {}

  set(sessionId: string, session: Session, callback: (error?: unknown) => void): void {
    const expiresAt = session.cookie.expires ?? new Date(Date.now() + this.idleMinutes * 60_000);
    const staffId = session.staffId ?? null;
    const read = this.asRead.get(sessionId);
    this.asRead.delete(sessionId);
    if (read && read.contents === contentsOf(session) && expiresAt.getTime() - read.expiresAt < this.expiryWriteIntervalMs) {
      callback();
      return;
    }
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
      .select(['data', 'expires_at'])
      .where('id', '=', sessionId)
      .where('expires_at', '>', new Date())
      .executeTakeFirst()
      .then((row) => {
        if (row) {
          if (this.asRead.size >= maximumSessionsInFlight) this.asRead.clear();
          this.asRead.set(sessionId, { contents: contentsOf(row.data), expiresAt: new Date(row.expires_at).getTime() });
        }
        callback(null, (row?.data as Session | undefined) ?? null);
      }, callback);
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
