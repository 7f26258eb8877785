import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit.js';
import { NotFoundError } from '../../platform/errors.js';
import type { Role } from '../../platform/roles.js';
import * as queries from './queries.js';

/** Who sets up services and teams and chooses the front door. */
export const teamAdministrationRoles: readonly Role[] = ['administrator'];

/** Who is changing the organisation: an administrator on screen, or the command line (null). */
export interface OrganisationChangeBy {
  staffId: string | null;
  ipAddress?: string;
}

/** Added, with the new id; or the problems to show against the form's fields. */
export type AddOutcome = { added: true; id: string } | { added: false; problems: Record<string, string> };

export const serviceNameSchema = z
  .string()
  .trim()
  .min(1, 'Enter the name of the service')
  .max(120, 'The name of the service must be 120 characters or fewer');
export const teamNameSchema = z
  .string()
  .trim()
  .min(1, 'Enter the name of the team')
  .max(120, 'The name of the team must be 120 characters or fewer');

export interface TeamInService {
  id: string;
  name: string;
  isFrontDoor: boolean;
  activeStaff: number;
}

/** Every service with its teams, by name; which team is the front door; how many active staff each team has. */
export async function servicesWithTeams(db: Kysely<Database>) {
  const [services, teams] = await Promise.all([queries.services(db), queries.teams(db)]);
  return services.map((service) => ({
    id: service.id,
    name: service.name,
    teams: teams
      .filter((team) => team.service_id === service.id)
      .map(
        (team): TeamInService => ({
          id: team.id,
          name: team.name,
          isFrontDoor: team.is_front_door,
          activeStaff: Number(team.active_staff ?? 0),
        }),
      ),
  }));
}

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

/** Adds a service (a group of teams under a head of service); names are unique, whatever their capitals. */
export async function addService(db: Kysely<Database>, by: OrganisationChangeBy, name: string): Promise<AddOutcome> {
  const parsed = serviceNameSchema.safeParse(name);
  if (!parsed.success) return { added: false, problems: { name: parsed.error.issues[0]?.message ?? 'Enter the name of the service' } };
  const taken = { added: false as const, problems: { name: `There is already a service called ${parsed.data}` } };
  if (await queries.serviceByName(db, parsed.data)) return taken;
  try {
    const id = await db.transaction().execute(async (trx) => {
      const serviceId = await queries.insertService(trx, parsed.data);
      await recordAudit(trx, {
        staffId: by.staffId,
        action: 'service.create',
        outcome: 'allowed',
        recordType: 'service',
        recordId: serviceId,
        ipAddress: by.ipAddress,
      });
      return serviceId;
    });
    return { added: true, id };
  } catch (error) {
    if (isUniqueViolation(error)) return taken;
    throw error;
  }
}

/** Adds a team to a service; team names are unique across the authority, whatever their capitals. */
export async function addTeam(
  db: Kysely<Database>,
  by: OrganisationChangeBy,
  team: { name: string; serviceId: string },
): Promise<AddOutcome> {
  const problems: Record<string, string> = {};
  const name = teamNameSchema.safeParse(team.name);
  if (!name.success) problems.name = name.error.issues[0]?.message ?? 'Enter the name of the team';
  else if (await queries.teamByName(db, name.data)) problems.name = `There is already a team called ${name.data}`;
  const service = z.uuid().safeParse(team.serviceId).success ? await queries.serviceById(db, team.serviceId) : undefined;
  if (!service) problems.serviceId = 'Choose the service the team belongs to';
  if (!name.success || !service || Object.keys(problems).length) return { added: false, problems };
  try {
    const id = await db.transaction().execute(async (trx) => {
      const teamId = await queries.insertTeam(trx, name.data, service.id);
      await recordAudit(trx, {
        staffId: by.staffId,
        action: 'team.create',
        outcome: 'allowed',
        recordType: 'team',
        recordId: teamId,
        ipAddress: by.ipAddress,
        detail: { serviceId: service.id },
      });
      return teamId;
    });
    return { added: true, id };
  } catch (error) {
    if (isUniqueViolation(error)) return { added: false, problems: { name: `There is already a team called ${name.data}` } };
    throw error;
  }
}

/**
 * Makes this team the front door (single point of contact / MASH): it receives contacts, and the
 * out-of-hours handovers about children not allocated or not known. The team that was the front
 * door stops being it, in the same transaction, so there is never more than one.
 */
export async function setFrontDoorTeam(db: Kysely<Database>, by: OrganisationChangeBy, teamId: string): Promise<{ name: string }> {
  if (!z.uuid().safeParse(teamId).success) throw new NotFoundError();
  return db.transaction().execute(async (trx) => {
    const team = await queries.teamById(trx, teamId);
    if (!team) throw new NotFoundError();
    const previous = await queries.frontDoorTeam(trx);
    await queries.markFrontDoor(trx, team.id);
    await recordAudit(trx, {
      staffId: by.staffId,
      action: 'team.front_door',
      outcome: 'allowed',
      recordType: 'team',
      recordId: team.id,
      ipAddress: by.ipAddress,
      detail: { previousTeamId: previous?.id ?? null },
    });
    return { name: team.name };
  });
}

/** The team that is the front door, if one has been chosen. */
export function frontDoorTeam(db: Kysely<Database>): Promise<{ id: string; name: string } | undefined> {
  return queries.frontDoorTeam(db);
}

/** Every team: id, name, service and whether it is the front door. */
export async function allTeams(db: Kysely<Database>) {
  return (await queries.teams(db)).map((t) => ({ id: t.id, name: t.name, service_id: t.service_id, is_front_door: t.is_front_door }));
}

export const findServiceByName = queries.serviceByName;
export const findTeamByName = queries.teamByName;
