import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import * as organisation from '../features/teams/service.js';

const commandLine = { staffId: null };

const problemsText = (problems: Record<string, string>) => Object.values(problems).join('; ');

/** `hearth team add`: adds a team to a service, adding the service first when there is none of that name. */
export async function addTeamCommand(
  db: Kysely<Database>,
  options: { name: string; service: string },
  print: (line: string) => void = console.log,
): Promise<void> {
  const name = organisation.teamNameSchema.safeParse(options.name);
  if (!name.success) throw new Error(name.error.issues.map((i) => i.message).join('; '));
  if (await organisation.findTeamByName(db, name.data)) throw new Error(`There is already a team called ${name.data}.`);
  let service = await organisation.findServiceByName(db, options.service.trim());
  if (!service) {
    const added = await organisation.addService(db, commandLine, options.service);
    if (!added.added) throw new Error(problemsText(added.problems));
    service = { id: added.id, name: options.service.trim() };
    print(`Added the service "${service.name}".`);
  }
  const outcome = await organisation.addTeam(db, commandLine, { name: name.data, serviceId: service.id });
  if (!outcome.added) throw new Error(problemsText(outcome.problems));
  print(`Added the team "${name.data}" to "${service.name}".`);
}

/** `hearth team front-door`: makes the named team the front door; the team that was stops being it. */
export async function setFrontDoorCommand(
  db: Kysely<Database>,
  teamName: string,
  print: (line: string) => void = console.log,
): Promise<void> {
  const team = await organisation.findTeamByName(db, teamName.trim());
  if (!team) throw new Error(`There is no team called "${teamName}".`);
  const previous = await organisation.frontDoorTeam(db);
  const { name } = await organisation.setFrontDoorTeam(db, commandLine, team.id);
  print(
    previous && previous.id !== team.id ? `"${name}" is now the front door (it was "${previous.name}").` : `"${name}" is the front door.`,
  );
}
