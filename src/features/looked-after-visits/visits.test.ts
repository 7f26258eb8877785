import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, Visitor } from '../../../test/app.js';
import { openTestDatabase, type TestDatabase } from '../../../test/database.js';
import { type Fixture, seedFixture } from '../../../test/fixtures.js';
import { dateFields, startCare } from '../../../test/looked-after-fixtures.js';

describe('statutory visits to looked-after children', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let fixture: Fixture;
  let child: string;
  let worker: Visitor;

  beforeAll(async () => {
    database = await openTestDatabase();
    fixture = await seedFixture(database.db);
    app = await startTestApp(database.db);
    child = fixture.children.allocatedToWorker;
    await startCare(database.db, fixture, child, '2025-10-01');
    worker = new Visitor(app);
    await worker.signIn('worker');
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('shows the first visit due within a week of the placement', async () => {
    const page = await worker.get(`/children/${child}/visits`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Next visit due by <strong>8 October 2025</strong>');
  });

  it('refuses "seen alone" when the child was not seen, and a visit before care began; nothing saved', async () => {
    await worker.get(`/children/${child}/visits/new`);
    const contradictory = await worker.post(`/children/${child}/visits/new`, {
      ...dateFields('visitedOn', '2025-10-06'),
      childSeen: 'no',
      seenAlone: 'yes',
      bedroomSeen: 'no',
    });
    expect(contradictory.status).toBe(400);
    expect(contradictory.body).toContain('The child cannot be seen alone if they were not seen');
    const early = await worker.post(`/children/${child}/visits/new`, {
      ...dateFields('visitedOn', '2025-09-06'),
      childSeen: 'yes',
      seenAlone: 'yes',
      bedroomSeen: 'no',
    });
    expect(early.status).toBe(400);
    const missing = await worker.post(`/children/${child}/visits/new`, { ...dateFields('visitedOn', '2025-10-06') });
    expect(missing.status).toBe(400);
    expect(missing.body).toContain('Select whether the child was seen');
    expect(await database.db.selectFrom('looked_after_visits').select('id').execute()).toHaveLength(0);
  });

  it('records a visit with the child seen alone and their own words, meeting the first visit clock', async () => {
    const response = await worker.post(`/children/${child}/visits/new`, {
      ...dateFields('visitedOn', '2025-10-06'),
      childSeen: 'yes',
      seenAlone: 'yes',
      bedroomSeen: 'yes',
      childsViews: 'I like my room but I miss my dog.',
    });
    expect(response.status).toBe(303);
    const visit = await database.db.selectFrom('looked_after_visits').selectAll().executeTakeFirstOrThrow();
    expect(visit).toMatchObject({ child_seen: true, seen_alone: true, bedroom_seen: true, visited_by: fixture.staff.worker?.id });
    expect(visit.placement_id).not.toBeNull();
    const clocks = await database.db
      .selectFrom('clock_instances')
      .select(['clock_id', 'due_on', 'completed_on'])
      .where('person_id', '=', child)
      .execute();
    expect(clocks).toContainEqual({ clock_id: 'lac_visit_first', due_on: '2025-10-08', completed_on: '2025-10-06' });
    expect(clocks).toContainEqual({ clock_id: 'lac_visit_first_year', due_on: '2025-11-17', completed_on: null });
    expect((await worker.get(`/children/${child}/visits`)).body).toContain('I like my room but I miss my dog.');
  });

  it('does not count a visit where the child was not seen', async () => {
    expect(
      (
        await worker.post(`/children/${child}/visits/new`, {
          ...dateFields('visitedOn', '2025-10-20'),
          childSeen: 'no',
          seenAlone: 'no',
          bedroomSeen: 'no',
        })
      ).status,
    ).toBe(303);
    const events = await database.db
      .selectFrom('clock_events')
      .select('kind')
      .where('person_id', '=', child)
      .where('kind', '=', 'lac_visit_made')
      .execute();
    expect(events).toHaveLength(1);
  });

  it('lets the reviewing officer of another child and the analyst only read, or nothing', async () => {
    const analyst = new Visitor(app);
    await analyst.signIn('analyst');
    expect((await analyst.get(`/children/${child}/visits`)).status).toBe(200);
    expect((await analyst.post(`/children/${child}/visits/new`, {})).status).toBe(403);
    const iro = new Visitor(app);
    await iro.signIn('iro');
    expect((await iro.get(`/children/${child}/visits`)).status).toBe(403);
  });
});
