import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, Visitor } from '../../../test/app.js';
import { openTestDatabase, type TestDatabase } from '../../../test/database.js';
import { type Fixture, seedFixture } from '../../../test/fixtures.js';
import { dateFields, startCare } from '../../../test/looked-after-fixtures.js';

describe('health assessments, personal education plans and permanence plans', () => {
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

  it('refuses a health assessment for a child who has never been looked after', async () => {
    await worker.get(`/children/${child}/care-plan/health`);
    const response = await worker.post(`/children/${child}/care-plan/health`, {
      kind: 'initial',
      ...dateFields('completedOn', '2025-10-10'),
      completedBy: 'Dr Khan',
    });
    expect(response.status).toBe(400);
    expect(response.body).toContain('start a period of care first');
  });

  it('records the initial health assessment, then refuses a second initial one in the same period', async () => {
    await startCare(database.db, fixture, child, '2025-10-01');
    const first = await worker.post(`/children/${child}/care-plan/health`, {
      kind: 'initial',
      ...dateFields('completedOn', '2025-10-20'),
      completedBy: 'Dr Amir Khan, paediatrician',
    });
    expect(first.status).toBe(303);
    expect(await clocks()).toContainEqual({ clock_id: 'health_assessment_initial', due_on: '2025-10-29', completed_on: '2025-10-20' });
    expect(await clocks()).toContainEqual({ clock_id: 'health_assessment_review', due_on: '2026-10-20', completed_on: null });
    const second = await worker.post(`/children/${child}/care-plan/health`, {
      kind: 'initial',
      ...dateFields('completedOn', '2025-11-20'),
      completedBy: 'Dr Khan',
    });
    expect(second.status).toBe(400);
    expect(second.body).toContain('An initial health assessment is already recorded');
  });

  it('records a personal education plan started and completed, meeting their clocks', async () => {
    await worker.get(`/children/${child}/care-plan/education`);
    const future = await worker.post(`/children/${child}/care-plan/education`, {
      stage: 'initiated',
      ...dateFields('heldOn', '2099-01-01'),
    });
    expect(future.status).toBe(400);
    expect(
      (
        await worker.post(`/children/${child}/care-plan/education`, {
          stage: 'initiated',
          ...dateFields('heldOn', '2025-10-08'),
          school: 'Park Lane Primary',
        })
      ).status,
    ).toBe(303);
    expect(
      (await worker.post(`/children/${child}/care-plan/education`, { stage: 'completed', ...dateFields('heldOn', '2025-10-22') })).status,
    ).toBe(303);
    expect(await clocks()).toEqual(
      expect.arrayContaining([
        { clock_id: 'pep_initial', due_on: '2025-10-15', completed_on: '2025-10-08' },
        { clock_id: 'pep_first_review_ready', due_on: '2025-10-29', completed_on: '2025-10-22' },
      ]),
    );
  });

  it('records the permanence plan with its code, and refuses an unknown one', async () => {
    await worker.get(`/children/${child}/care-plan/permanence`);
    const unknown = await worker.post(`/children/${child}/care-plan/permanence`, {
      plan: 'HOLIDAY',
      ...dateFields('agreedOn', '2025-12-01'),
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toContain('Select the permanence plan');
    expect(
      (await worker.post(`/children/${child}/care-plan/permanence`, { plan: 'LTFOST18', ...dateFields('agreedOn', '2025-12-01') })).status,
    ).toBe(303);
    const page = await worker.get(`/children/${child}/care-plan`);
    expect(page.body).toContain('Long-term foster care to 18');
    const entries = await database.db.selectFrom('chronology_entries').select('kind').where('person_id', '=', child).execute();
    expect(entries.map((e) => e.kind)).toEqual(expect.arrayContaining(['health', 'education', 'plan']));
  });

  it('is not recorded by people who may only read', async () => {
    const analyst = new Visitor(app);
    await analyst.signIn('analyst');
    expect((await analyst.get(`/children/${child}/care-plan`)).status).toBe(200);
    expect(
      (await analyst.post(`/children/${child}/care-plan/permanence`, { plan: 'ADOPTION', ...dateFields('agreedOn', '2025-12-02') })).status,
    ).toBe(403);
  });
});
