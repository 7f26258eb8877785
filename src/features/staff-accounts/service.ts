import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { isSweRegistrationNumber, normaliseSweRegistrationNumber } from '../../domain/workforce/swe-registration-number.js';
import { recordAudit } from '../../platform/audit.js';
import { BadRequestError, ConflictError, NotFoundError } from '../../platform/errors.js';
import { hashPassword, minimumPasswordLength, passwordMatches } from '../../platform/passwords.js';
import { roles } from '../../platform/roles.js';
import { endSessionsOf } from '../../platform/session-store.js';
import * as queries from './queries.js';

/** Who is changing an account: an administrator on screen, or the command line (null). */
export interface AccountChangeBy {
  staffId: string | null;
  ipAddress?: string;
}

/** A problem with one field of an account form, to show against that field. */
export class AccountFieldError extends BadRequestError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** A Social Work England registration number as typed: blank for none, otherwise "SW" and digits (spaces and case do not matter). */
export const sweRegistrationNumberSchema = z
  .string()
  .max(40, 'Enter the registration number as SW followed by digits, for example SW12345')
  .transform(normaliseSweRegistrationNumber)
  .refine((v) => v === '' || isSweRegistrationNumber(v), {
    message: 'Enter the Social Work England registration number as SW followed by digits, for example SW12345',
  })
  .transform((v) => v || null);

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
  sweRegistrationNumber: sweRegistrationNumberSchema.optional(),
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
    throw new AccountFieldError('username', `The username ${account.username} is already taken.`);
  }
  if (account.teamId && !(await queries.teamExists(db, account.teamId))) throw new AccountFieldError('teamId', 'That team does not exist.');
  await refuseRegistrationInUse(db, account.sweRegistrationNumber ?? null, null);
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const { id } = await queries.insertStaff(trx, {
      username: account.username,
      display_name: account.displayName,
      email: account.email || null,
      role: account.role,
      team_id: account.teamId ?? null,
      swe_registration_number: account.sweRegistrationNumber ?? null,
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

async function refuseRegistrationInUse(db: Kysely<Database>, registration: string | null, staffId: string | null): Promise<void> {
  if (!registration) return;
  const holder = await queries.findStaffByRegistration(db, registration);
  if (holder && holder.id !== staffId)
    throw new AccountFieldError('sweRegistrationNumber', `${registration} is already recorded for ${holder.display_name}`);
}

/**
 * Sets (or clears, with null) a member of staff's Social Work England registration number. The
 * administrator saw `shown` on the form: if someone else changed it since, nothing is saved and
 * the change is refused as a conflict, so neither overwrites the other.
 */
export async function setSweRegistrationNumber(
  db: Kysely<Database>,
  by: AccountChangeBy,
  staffId: string,
  change: { registration: string | null; shown: string | null },
): Promise<void> {
  if (!(await queries.findStaff(db, staffId))) throw new NotFoundError();
  await refuseRegistrationInUse(db, change.registration, staffId);
  await db.transaction().execute(async (trx) => {
    if (!(await queries.setSweRegistrationNumber(trx, staffId, change.registration, change.shown))) throw new ConflictError();
    await recordAudit(trx, {
      staffId: by.staffId,
      action: 'staff.swe_registration_number',
      outcome: 'allowed',
      recordType: 'staff',
      recordId: staffId,
      ipAddress: by.ipAddress,
      detail: { recorded: change.registration !== null },
    });
  });
}

export const listStaff = queries.listStaff;
export const listTeams = queries.listTeams;
export const findStaff = queries.findStaff;
export const findTeamByName = queries.findTeamByName;
export const findStaffByUsername = queries.findStaffByUsername;
