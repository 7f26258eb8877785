import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Actor } from './actor.js';

/** The signed-in person for this request, or null when the account no longer exists or was deactivated. */
export async function loadActor(db: Kysely<Database>, staffId: string, ipAddress: string): Promise<Actor | null> {
  const row = await db
    .selectFrom('staff')
    .leftJoin('teams', 'teams.id', 'staff.team_id')
    .select([
      'staff.id',
      'staff.display_name',
      'staff.role',
      'staff.team_id',
      'teams.name as team_name',
      'teams.service_id',
      'staff.must_change_password',
    ])
    .where('staff.id', '=', staffId)
    .where('staff.active', '=', true)
    .executeTakeFirst();
  if (!row) return null;
  return {
    staffId: row.id,
    displayName: row.display_name,
    role: row.role,
    teamId: row.team_id,
    teamName: row.team_name,
    serviceId: row.service_id,
    ipAddress,
    mustChangePassword: row.must_change_password,
  };
}
