import { sessionExpiryWriteIntervalMs } from './session-store.js';

/** How long before the session ends the warning appears (the GOV.UK and MOJ timeout warning: a couple of minutes). */
const warningSeconds = 120;

/** What the page script of the session timeout warning needs: times only, nothing about the person. */
export interface SessionTimeout {
  /** The idle limit, as the warning tells it. */
  idleMinutes: number;
  /** Seconds without activity after which the page signs the person out. */
  signOutAfterSeconds: number;
  /** Seconds before that when the warning opens. */
  warnBeforeSeconds: number;
}

/**
 * The warning's times for an idle limit. The database may hold an expiry up to
 * `sessionExpiryWriteIntervalMs` shorter than the cookie's, so the page signs out that much early:
 * while the session still exists, so signing out is recorded and nobody meets a stale form.
 */
export function sessionTimeout(idleMinutes: number): SessionTimeout {
  const signOutAfterSeconds = idleMinutes * 60 - sessionExpiryWriteIntervalMs / 1000;
  return { idleMinutes, signOutAfterSeconds, warnBeforeSeconds: Math.min(warningSeconds, Math.floor(signOutAfterSeconds / 2)) };
}
