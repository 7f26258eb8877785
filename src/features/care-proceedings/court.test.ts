import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, Visitor } from '../../../test/app.js';
import { openTestDatabase, type TestDatabase } from '../../../test/database.js';
import { type Fixture, seedFixture } from '../../../test/fixtures.js';
import { dateFields } from '../../../test/looked-after-fixtures.js';

describe('pre-proceedings and care proceedings', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let fixture: Fixture;
  let child: string;
  let worker: Visitor;
  const clocks = () =>
    database.db.selectFrom('clock_instances').select(['clock_id', 'due_on', 'completed_on']).where('person_id', '=', child).execute();

  beforeAll(async () => {
    database = await openTestDatabase();
    fixture = await seedFixture(database.db);
    app = await startTestApp(database.db);
    child = fixture.children.allocatedToWorker;
    worker = new Visitor(app);
    await worker.signIn('worker');
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('starts pre-proceedings after a legal gateway meeting, with the 16-week timescale', async () => {
    await worker.get(`/children/${child}/court/pre-proceedings`);
    const gatewayAfter = await worker.post(`/children/${child}/court/pre-proceedings`, {
      ...dateFields('gatewayOn', '2025-06-10'),
      gatewayOutcome: 'B',
      ...dateFields('startedOn', '2025-06-02'),
    });
    expect(gatewayAfter.status).toBe(400);
    expect(gatewayAfter.body).toContain('The legal gateway meeting must be on or before the start of pre-proceedings');
    expect(await database.db.selectFrom('pre_proceedings').select('id').execute()).toHaveLength(0);
    const started = await worker.post(`/children/${child}/court/pre-proceedings`, {
      ...dateFields('gatewayOn', '2025-05-28'),
      gatewayOutcome: 'B',
      ...dateFields('startedOn', '2025-06-02'),
    });
    expect(started.status).toBe(303);
    expect(await clocks()).toContainEqual({ clock_id: 'pre_proceedings', due_on: '2025-09-22', completed_on: null });
  });

  it('issuing care proceedings ends pre-proceedings and starts the 26 weeks', async () => {
    await worker.get(`/children/${child}/court/proceedings`);
    const hearingFirst = await worker.post(`/children/${child}/court/proceedings`, {
      ...dateFields('issuedOn', '2025-08-04'),
      ...dateFields('finalHearingOn', '2025-07-01'),
    });
    expect(hearingFirst.status).toBe(400);
    const issued = await worker.post(`/children/${child}/court/proceedings`, {
      ...dateFields('issuedOn', '2025-08-04'),
      court: 'Leeds Family Court',
      caseNumber: 'LS25C00123',
    });
    expect(issued.status).toBe(303);
    const pre = await database.db.selectFrom('pre_proceedings').selectAll().executeTakeFirstOrThrow();
    expect(pre).toMatchObject({ ended_on: '2025-08-04', end_reason: 'proceedings_issued' });
    expect(await clocks()).toEqual(
      expect.arrayContaining([
        { clock_id: 'pre_proceedings', due_on: '2025-09-22', completed_on: '2025-08-04' },
        { clock_id: 'care_proceedings', due_on: '2026-02-02', completed_on: null },
      ]),
    );
    const page = await worker.get(`/children/${child}/court`);
    expect(page.body).toContain('2 February 2026');
  });

  it('concludes proceedings with the final order; a stale second save gets 409 and an early date is refused', async () => {
    const proceedings = await database.db.selectFrom('care_proceedings').selectAll().executeTakeFirstOrThrow();
    const form = await worker.get(`/children/${child}/court/proceedings/${proceedings.id}/conclude`);
    const version = /name="version" value="(\d+)"/.exec(form.body)?.[1] ?? '';
    const early = await worker.post(`/children/${child}/court/proceedings/${proceedings.id}/conclude`, {
      version,
      ...dateFields('concludedOn', '2025-08-01'),
      finalOrder: 'care_order',
    });
    expect(early.status).toBe(400);
    expect(early.body).toContain('Proceedings cannot end before they were issued');
    const done = await worker.post(`/children/${child}/court/proceedings/${proceedings.id}/conclude`, {
      version,
      ...dateFields('concludedOn', '2026-01-20'),
      finalOrder: 'care_order',
    });
    expect(done.status).toBe(303);
    const stale = await worker.post(`/children/${child}/court/proceedings/${proceedings.id}/conclude`, {
      version,
      ...dateFields('concludedOn', '2026-01-21'),
      finalOrder: 'no_order',
    });
    expect(stale.status).toBe(409);
    expect(await clocks()).toContainEqual({ clock_id: 'care_proceedings', due_on: '2026-02-02', completed_on: '2026-01-20' });
    const entries = await database.db
      .selectFrom('chronology_entries')
      .select('kind')
      .where('person_id', '=', child)
      .where('kind', '=', 'court')
      .execute();
    expect(entries).toHaveLength(3);
  });

  it('is recorded only by social workers and managers who may open the record', async () => {
    const south = new Visitor(app);
    await south.signIn('southWorker');
    expect((await south.get(`/children/${child}/court`)).status).toBe(403);
    const frontDoor = new Visitor(app);
    await frontDoor.signIn('frontDoor');
    expect((await frontDoor.get(`/children/${child}/court`)).status).toBe(200);
    expect((await frontDoor.post(`/children/${child}/court/proceedings`, dateFields('issuedOn', '2026-02-01'))).status).toBe(403);
  });
});
