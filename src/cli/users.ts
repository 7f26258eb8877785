import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import * as accounts from '../features/staff-accounts/service.js';
import type { Role } from '../platform/roles.js';

const commandLine = { staffId: null };

export async function addUser(
  db: Kysely<Database>,
  options: { username: string; name: string; role: Role; team?: string; email?: string; password?: string; sweNumber?: string },
): Promise<void> {
  let teamId: string | undefined;
  if (options.team) {
    const team = await accounts.findTeamByName(db, options.team);
    if (!team) throw new Error(`There is no team called "${options.team}".`);
    teamId = team.id;
  }
  const parsed = accounts.newAccountSchema.safeParse({
    username: options.username,
    displayName: options.name,
    role: options.role,
    teamId,
    email: options.email,
    sweRegistrationNumber: options.sweNumber,
  });
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('; '));
  const password = options.password ?? accounts.temporaryPassword();
  await accounts.createAccount(db, commandLine, parsed.data, password, options.password === undefined);
  console.log(
    `Created ${parsed.data.username} (${parsed.data.role})${parsed.data.sweRegistrationNumber ? `, Social Work England registration ${parsed.data.sweRegistrationNumber}` : ''}.`,
  );
  if (!options.password) console.log(`Temporary password: ${password}  (they must change it when they first sign in)`);
}

export async function resetUserPassword(db: Kysely<Database>, username: string, password: string | undefined): Promise<void> {
  const staff = await accounts.findStaffByUsername(db, username);
  if (!staff) throw new Error(`There is no account with the username "${username}".`);
  const newPassword = password ?? accounts.temporaryPassword();
  await accounts.resetPassword(db, commandLine, staff.id, newPassword, password === undefined);
  console.log(`Reset the password of ${staff.username}; their sessions have ended.`);
  if (!password) console.log(`Temporary password: ${newPassword}  (they must change it when they next sign in)`);
}
