import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit.js';
import { passwordMatches, spendTimeLikeAPasswordCheck } from '../../platform/passwords.js';
import { findAccountByUsername, recordFailedSignIn, recordSuccessfulSignIn } from './queries.js';

export interface SignInPolicy {
  attemptsBeforeLockout: number;
  lockoutMinutes: number;
}

export type SignInResult =
  | { outcome: 'signed_in'; staffId: string; mustChangePassword: boolean }
  | { outcome: 'wrong_details' }
  | { outcome: 'locked'; minutes: number }
  | { outcome: 'deactivated' };

/**
 * Checks a username and password. Every attempt is a security event in the audit trail. After
 * `attemptsBeforeLockout` failures in a row the account is locked for `lockoutMinutes`, even to
 * the right password; the lock is only revealed once the password is right.
 */
export async function signIn(
  db: Kysely<Database>,
  policy: SignInPolicy,
  username: string,
  password: string,
  ipAddress: string,
): Promise<SignInResult> {
  const account = await findAccountByUsername(db, username);
  if (!account) {
    await spendTimeLikeAPasswordCheck(password);
    await recordAudit(db, { staffId: null, action: 'sign_in', outcome: 'failed', ipAddress, detail: { reason: 'unknown username' } });
    return { outcome: 'wrong_details' };
  }
  const audit = (outcome: 'allowed' | 'failed' | 'denied', reason?: string) =>
    recordAudit(db, {
      staffId: account.id,
      action: 'sign_in',
      outcome,
      recordType: 'staff',
      recordId: account.id,
      ipAddress,
      ...(reason ? { detail: { reason } } : {}),
    });

  const locked = account.locked_until !== null && account.locked_until > new Date();
  const rightPassword = await passwordMatches(account.password_hash, password);
  if (!rightPassword) {
    if (!locked) await recordFailedSignIn(db, account.id, policy.attemptsBeforeLockout, policy.lockoutMinutes);
    await audit('failed', locked ? 'wrong password while locked' : 'wrong password');
    return { outcome: 'wrong_details' };
  }
  if (!account.active) {
    await audit('denied', 'account deactivated');
    return { outcome: 'deactivated' };
  }
  if (locked && account.locked_until) {
    await audit('denied', 'account locked');
    return { outcome: 'locked', minutes: Math.ceil((account.locked_until.getTime() - Date.now()) / 60_000) };
  }
  await recordSuccessfulSignIn(db, account.id);
  await audit('allowed');
  return { outcome: 'signed_in', staffId: account.id, mustChangePassword: account.must_change_password };
}

export async function recordSignOut(db: Kysely<Database>, staffId: string, ipAddress: string): Promise<void> {
  await recordAudit(db, { staffId, action: 'sign_out', outcome: 'allowed', recordType: 'staff', recordId: staffId, ipAddress });
}
