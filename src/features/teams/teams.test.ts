import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, Visitor } from '../../../test/app.js';
import { openTestDatabase, type TestDatabase } from '../../../test/database.js';
import { type Fixture, seedFixture } from '../../../test/fixtures.js';
import { frontDoorTeam } from './service.js';

describe('services and teams', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let fixture: Fixture;

  beforeAll(async () => {
    database = await openTestDatabase();
    fixture = await seedFixture(database.db);
    app = await startTestApp(database.db);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const teamNamed = (name: string) => database.db.selectFrom('teams').selectAll().where('name', '=', name).executeTakeFirst();
  const serviceNamed = (name: string) => database.db.selectFrom('services').selectAll().where('name', '=', name).executeTakeFirst();
  const audits = (action: string) => database.db.selectFrom('audit_events').selectAll().where('action', '=', action).execute();

  it('lets an administrator list services and teams, add a service and add a team to it', async () => {
    const admin = new Visitor(app);
    await admin.signIn('admin');
    const list = await admin.get('/admin/teams');
    expect(list.status).toBe(200);
    expect(list.body).toContain('Assessment');
    expect(list.body).toContain('Children in Care');
    expect(list.body).toContain('No team is the front door yet');

    await admin.get('/admin/services/new');
    const service = await admin.post('/admin/services/new', { name: '  Early Help  ' });
    expect(service).toMatchObject({ status: 303, location: '/admin/teams?added=service' });
    const added = await serviceNamed('Early Help');
    expect(added).toBeDefined();

    await admin.get('/admin/teams/new');
    const team = await admin.post('/admin/teams/new', { name: 'Family Hub East', serviceId: added?.id ?? '' });
    expect(team).toMatchObject({ status: 303, location: '/admin/teams?added=team' });
    expect((await teamNamed('Family Hub East'))?.service_id).toBe(added?.id);
    const shown = await admin.get('/admin/teams?added=team');
    expect(shown.body).toContain('Team added');
    expect(shown.body).toContain('Family Hub East');
    expect(await audits('team.create')).toHaveLength(1);
    expect(await audits('service.create')).toHaveLength(1);
  });

  it('refuses a team with no name, a taken name or no service, and a taken service name, saving nothing', async () => {
    const admin = new Visitor(app);
    await admin.signIn('admin');
    const teamsBefore = await database.db.selectFrom('teams').select('id').execute();
    await admin.get('/admin/teams/new');
    const empty = await admin.post('/admin/teams/new', { name: ' ', serviceId: '' });
    expect(empty.status).toBe(400);
    expect(empty.body).toContain('There is a problem');
    expect(empty.body).toContain('Enter the name of the team');
    expect(empty.body).toContain('Choose the service the team belongs to');
    const taken = await admin.post('/admin/teams/new', { name: 'north', serviceId: 'not-a-service' });
    expect(taken.status).toBe(400);
    expect(taken.body).toContain('There is already a team called north');
    expect(taken.body).toContain('value="north"');
    const unknownService = await admin.post('/admin/teams/new', { name: 'Brand New', serviceId: fixture.teams.north });
    expect(unknownService.status).toBe(400);
    expect(unknownService.body).toContain('Choose the service the team belongs to');
    expect(await database.db.selectFrom('teams').select('id').execute()).toHaveLength(teamsBefore.length);

    await admin.get('/admin/services/new');
    const service = await admin.post('/admin/services/new', { name: 'ASSESSMENT' });
    expect(service.status).toBe(400);
    expect(service.body).toContain('There is already a service called ASSESSMENT');
    expect(await serviceNamed('ASSESSMENT')).toBeUndefined();
  });

  it('makes one team, and only one, the front door', async () => {
    const admin = new Visitor(app);
    await admin.signIn('admin');
    await admin.get('/admin/teams');
    const first = await admin.post(`/admin/teams/${fixture.teams.frontDoor}/front-door`);
    expect(first).toMatchObject({ status: 303, location: '/admin/teams?frontDoor=1' });
    expect(await frontDoorTeam(database.db)).toEqual({ id: fixture.teams.frontDoor, name: 'Front Door' });
    expect((await admin.get('/admin/teams?frontDoor=1')).body).toContain('Front Door is now the front door');

    await admin.post(`/admin/teams/${fixture.teams.south}/front-door`);
    const marked = await database.db.selectFrom('teams').select('id').where('is_front_door', '=', true).execute();
    expect(marked).toEqual([{ id: fixture.teams.south }]);
    const audit = await audits('team.front_door');
    expect(audit.at(-1)?.detail).toMatchObject({ previousTeamId: fixture.teams.frontDoor });

    expect((await admin.post('/admin/teams/not-a-team/front-door')).status).toBe(404);
    expect((await admin.post('/admin/teams/00000000-0000-4000-8000-000000000000/front-door')).status).toBe(404);
    expect(await database.db.selectFrom('teams').select('id').where('is_front_door', '=', true).execute()).toEqual([
      { id: fixture.teams.south },
    ]);
  });

  it('lets only administrators set up teams', async () => {
    for (const username of ['manager', 'headOfService', 'frontDoor', 'worker']) {
      const visitor = new Visitor(app);
      await visitor.signIn(username);
      expect((await visitor.get('/admin/teams')).status).toBe(403);
      expect((await visitor.get('/admin/teams/new')).status).toBe(403);
      await visitor.get('/');
      expect((await visitor.post(`/admin/teams/${fixture.teams.north}/front-door`)).status).toBe(403);
      expect((await visitor.post('/admin/teams/new', { name: 'Sneaky', serviceId: '' })).status).toBe(403);
    }
    expect(await teamNamed('Sneaky')).toBeUndefined();
    expect((await teamNamed('North'))?.is_front_door).toBe(false);
  });
});
