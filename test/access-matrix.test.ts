import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, Visitor } from './app.js';
import { openTestDatabase, type TestDatabase } from './database.js';
import { type Fixture, seedFixture } from './fixtures.js';

type ChildKey = keyof Fixture['children'];
const allChildren: ChildKey[] = ['allocatedToWorker', 'northTeamOnly', 'south', 'inCare', 'unallocated', 'restricted'];
const allExceptRestricted = allChildren.filter((c) => c !== 'restricted');

/** Which children's records each member of staff may open; everything else must be refused. */
const mayOpen: Record<string, ChildKey[]> = {
  worker: ['allocatedToWorker', 'northTeamOnly', 'restricted'],
  southWorker: ['south'],
  manager: ['allocatedToWorker', 'northTeamOnly', 'unallocated'],
  headOfService: ['allocatedToWorker', 'northTeamOnly', 'south', 'unallocated'],
  frontDoor: allExceptRestricted,
  outOfHours: allExceptRestricted,
  iro: ['inCare'],
  analyst: allExceptRestricted,
  fostering: [],
  admin: [],
};

describe('who may open which child record', () => {
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

  for (const [username, allowed] of Object.entries(mayOpen)) {
    it(`${username} opens exactly ${allowed.length ? allowed.join(', ') : 'none'}`, async () => {
      const visitor = new Visitor(app);
      expect((await visitor.signIn(username)).status).toBe(303);
      for (const child of allChildren) {
        const response = await visitor.get(`/children/${fixture.children[child]}`);
        expect({ child, status: response.status }).toEqual({ child, status: allowed.includes(child) ? 200 : 403 });
        if (response.status === 200) expect(response.body).toContain(`LA child ID`);
        else expect(response.body).not.toContain('Testcase');
      }
    });
  }

  it('audits every opening and every refusal in the child-level checks, with who and from where', async () => {
    const events = await database.db
      .selectFrom('audit_events')
      .select(['staff_id', 'action', 'outcome', 'person_id', 'ip_address'])
      .where('action', '=', 'child.record.view')
      .execute();
    const workerId = fixture.staff.worker?.id;
    const workerEvents = events.filter((e) => e.staff_id === workerId);
    expect(workerEvents.filter((e) => e.outcome === 'allowed')).toHaveLength(3);
    expect(workerEvents.filter((e) => e.outcome === 'denied')).toHaveLength(3);
    expect(workerEvents.every((e) => e.ip_address && e.person_id)).toBe(true);
  });

  it('lists in search only the children the person could open', async () => {
    const visitor = new Visitor(app);
    await visitor.signIn('worker');
    const response = await visitor.get('/children?q=testcase');
    expect(response.status).toBe(200);
    expect(response.body).toContain('3 children found');
    const frontDoor = new Visitor(app);
    await frontDoor.signIn('frontDoor');
    expect((await frontDoor.get('/children?q=testcase')).body).toContain('5 children found');
  });

  it('answers a malformed or unknown record id with 404, not an error', async () => {
    const visitor = new Visitor(app);
    await visitor.signIn('frontDoor');
    expect((await visitor.get('/children/not-an-id')).status).toBe(404);
    expect((await visitor.get('/children/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('shows the audit trail of a child to service managers and administrators only', async () => {
    const admin = new Visitor(app);
    await admin.signIn('admin');
    const trail = await admin.get(`/children/${fixture.children.allocatedToWorker}/audit`);
    expect(trail.status).toBe(200);
    expect(trail.body).toContain('Test worker');
    expect(trail.body).toContain('Child record: view');
    const worker = new Visitor(app);
    await worker.signIn('worker');
    expect((await worker.get(`/children/${fixture.children.allocatedToWorker}/audit`)).status).toBe(403);
  });

  it('shows each role its own home page and menu', async () => {
    const expectations: Record<string, string> = {
      worker: 'Children allocated to you (1)',
      manager: 'Caseloads in your team',
      headOfService: 'Teams in your service',
      frontDoor: 'not allocated to a team',
      iro: 'Children you review (1)',
      analyst: 'With a named social worker',
      admin: 'Manage staff accounts',
      fostering: 'fostering service',
    };
    for (const [username, text] of Object.entries(expectations)) {
      const visitor = new Visitor(app);
      await visitor.signIn(username);
      const home = await visitor.get('/');
      expect(home.status).toBe(200);
      expect(home.body).toContain(text);
      expect(home.body.includes('href="/admin/staff"')).toBe(username === 'admin');
    }
  });
});
