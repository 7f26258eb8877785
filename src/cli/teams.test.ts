import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/database.js';
import { seedFixture } from '../../test/fixtures.js';
import { addTeamCommand, setFrontDoorCommand } from './teams.js';

describe('hearth team add / team front-door', () => {
  let database: TestDatabase;
  const printed: string[] = [];
  const print = (line: string) => printed.push(line);
  beforeAll(async () => {
    database = await openTestDatabase();
    await seedFixture(database.db);
  });
  afterAll(() => database.close());

  const team = (name: string) =>
    database.db
      .selectFrom('teams')
      .innerJoin('services', 'services.id', 'teams.service_id')
      .select(['teams.id', 'teams.is_front_door', 'services.name as service'])
      .where('teams.name', '=', name)
      .executeTakeFirst();

  it('adds a team to an existing service, matching the service name whatever its capitals', async () => {
    await addTeamCommand(database.db, { name: 'Assessment Team East', service: 'assessment' }, print);
    expect((await team('Assessment Team East'))?.service).toBe('Assessment');
    expect(printed.at(-1)).toBe('Added the team "Assessment Team East" to "Assessment".');
  });

  it('adds the service too when there is none of that name, and says so', async () => {
    await addTeamCommand(database.db, { name: 'Emergency Duty Team', service: 'Out of Hours' }, print);
    expect((await team('Emergency Duty Team'))?.service).toBe('Out of Hours');
    expect(printed.slice(-2)).toEqual(['Added the service "Out of Hours".', 'Added the team "Emergency Duty Team" to "Out of Hours".']);
  });

  it('refuses a taken or empty team name without adding a service', async () => {
    await expect(addTeamCommand(database.db, { name: 'NORTH', service: 'Brand New Service' }, print)).rejects.toThrow(
      'There is already a team called NORTH',
    );
    await expect(addTeamCommand(database.db, { name: '  ', service: 'Brand New Service' }, print)).rejects.toThrow(
      'Enter the name of the team',
    );
    expect(
      await database.db.selectFrom('services').select('id').where('name', '=', 'Brand New Service').executeTakeFirst(),
    ).toBeUndefined();
  });

  it('makes the named team the front door, and the previous one stops being it', async () => {
    await setFrontDoorCommand(database.db, 'front door', print);
    expect(printed.at(-1)).toBe('"Front Door" is the front door.');
    expect((await team('Front Door'))?.is_front_door).toBe(true);
    await setFrontDoorCommand(database.db, 'Assessment Team East', print);
    expect(printed.at(-1)).toBe('"Assessment Team East" is now the front door (it was "Front Door").');
    const marked = await database.db.selectFrom('teams').select('name').where('is_front_door', '=', true).execute();
    expect(marked).toEqual([{ name: 'Assessment Team East' }]);
  });

  it('refuses a team that does not exist, changing nothing', async () => {
    await expect(setFrontDoorCommand(database.db, 'Atlantis', print)).rejects.toThrow('There is no team called "Atlantis"');
    expect((await team('Assessment Team East'))?.is_front_door).toBe(true);
  });
});
