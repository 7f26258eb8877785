import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit.js';
import { BadRequestError, NotFoundError } from '../../platform/errors.js';
import { hashPassword, minimumPasswordLength, passwordMatches } from '../../platform/passwords.js';
import { roles } from '../../platform/roles.js';
import { endSessionsOf } from '../../platform/session-store.js';
import * as queries from './queries.js';

/** Who is changing an account: an administrator on screen, or the command line (null). */
export interface AccountChangeBy {
  staffId: string | null;
  ipAddress?: string;
}

export const newAccountSchema = z.object({
  username: z
    .string()
    .trim()
    .min(3, 'Enter a username of at least 3 characters')
    .max(60, 'Username must be 60 characters or fewer')
    .regex(/^[a-zA-Z0-9._-]+$/, 'Username can only contain letters, numbers, dots, hyphens and underscores'),
  displayName: z.string().trim().min(1, 'Enter the person’s full name').max(120, 'Full name must be 120 characters or fewer'),
  role: z.enum(roles, { message: 'Select a role' }),
  teamId: z.string().uuid().optional(),
  email: z.union([z.literal(''), z.email('Enter an email address like name@council.gov.uk')]).optional(),
});

export type NewAccount = z.infer<typeof newAccountSchema>;

/** A temporary password to hand over in person: easy to read out, must be changed at first sign-in. */
export function temporaryPassword(): string {
  const words =
    'amber birch cedar delta ember fjord grove heath ivory juniper kestrel linden meadow north orchard pebble quill river salt thistle umber willow'.split(
      ' ',
    );
  const pick = () => words[randomInt(words.length)];
  return `${pick()}-${pick()}-${pick()}-${randomInt(100, 1000)}`;
}

export async function createAccount(
  db: Kysely<Database>,
  by: AccountChangeBy,
  account: NewAccount,
  password: string,
  mustChangePassword: boolean,
): Promise<string> {
  if (password.length < minimumPasswordLength)
    throw new BadRequestError(`The password must be at least ${minimumPasswordLength} characters.`);
  if (await queries.findStaffByUsername(db, account.username)) {
    throw new BadRequestError(`The username ${account.username} is already taken.`);
  }
  if (account.teamId && !(await queries.teamExists(db, account.teamId))) throw new BadRequestError('That team does not exist.');
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const { id } = await queries.insertStaff(trx, {
      username: account.username,
      display_name: account.displayName,
      email: account.email || null,
      role: account.role,
      team_id: account.teamId ?? null,
      password_hash: passwordHash,
      must_change_password: mustChangePassword,
    });
    await recordAudit(trx, {
      staffId: by.staffId,
      action: 'staff.create',
      outcome: 'allowed',
      recordType: 'staff',
      recordId: id,
      ipAddress: by.ipAddress,
      detail: { role: account.role },
    });
    return id;
  });
}

/** Sets a new password chosen by an administrator (or a temporary one), ending the person's sessions. */
export async function resetPassword(
  db: Kysely<Database>,
  by: AccountChangeBy,
  staffId: string,
  password: string,
  mustChange: boolean,
): Promise<void> {
  if (password.length < minimumPasswordLength)
    throw new BadRequestError(`The password must be at least ${minimumPasswordLength} characters.`);
  const staff = await queries.findStaff(db, staffId);
  if (!staff) throw new NotFoundError();
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await queries.setPassword(trx, staffId, passwordHash, mustChange);
    await endSessionsOf(trx, staffId);
    await recordAudit(trx, {
      staffId: by.staffId,
      action: 'staff.reset_password',
      outcome: 'allowed',
      recordType: 'staff',
      recordId: staffId,
      ipAddress: by.ipAddress,
    });
  });
}

export async function changeOwnPassword(
  db: Kysely<Database>,
  staffId: string,
  ipAddress: string,
  current: string,
  next: string,
): Promise<string | null> {
  const passwordHash = await queries.findPasswordHash(db, staffId);
  if (!passwordHash) throw new NotFoundError();
  if (!(await passwordMatches(passwordHash, current))) return 'Your current password is not right';
  if (next.length < minimumPasswordLength) return `Your new password must be at least ${minimumPasswordLength} characters`;
  if (next === current) return 'Your new password must be different from your current one';
  const newHash = await hashPassword(next);
  await db.transaction().execute(async (trx) => {
    await queries.setPassword(trx, staffId, newHash, false);
    await recordAudit(trx, {
      staffId,
      action: 'staff.change_own_password',
      outcome: 'allowed',
      recordType: 'staff',
      recordId: staffId,
      ipAddress,
    });
  });
  return null;
}

export async function setAccountActive(db: Kysely<Database>, by: AccountChangeBy, staffId: string, active: boolean): Promise<void> {
  if (!(await queries.findStaff(db, staffId))) throw new NotFoundError();
  if (!active && staffId === by.staffId) throw new BadRequestError('You cannot deactivate your own account.');
  await db.transaction().execute(async (trx) => {
    await queries.setActive(trx, staffId, active);
    if (!active) await endSessionsOf(trx, staffId);
    await recordAudit(trx, {
      staffId: by.staffId,
      action: active ? 'staff.reactivate' : 'staff.deactivate',
      outcome: 'allowed',
      recordType: 'staff',
      recordId: staffId,
      ipAddress: by.ipAddress,
    });
  });
}

export const listStaff = queries.listStaff;
export const listTeams = queries.listTeams;
export const findStaff = queries.findStaff;
export const findTeamByName = queries.findTeamByName;
export const findStaffByUsername = queries.findStaffByUsername;
