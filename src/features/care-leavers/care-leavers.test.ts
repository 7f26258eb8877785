import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, Visitor } from '../../../test/app.js';
import { openTestDatabase, type TestDatabase } from '../../../test/database.js';
import { type Fixture, seedFixture } from '../../../test/fixtures.js';
import { dateFields, startCare } from '../../../test/looked-after-fixtures.js';

describe('care leavers: eligibility, pathway plans, personal adviser and contacts', () => {
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
    await database.db.updateTable('people').set({ date_of_birth: '2008-03-10' }).where('id', '=', child).execute();
    await startCare(database.db, fixture, child, '2023-05-01');
    worker = new Visitor(app);
    await worker.signIn('worker');
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('works out when the young person became an eligible child, which starts the needs assessment clock', async () => {
    const events = await database.db
      .selectFrom('clock_events')
      .select(['kind', 'occurred_on'])
      .where('person_id', '=', child)
      .where('kind', '=', 'became_eligible_child')
      .execute();
    expect(events).toEqual([{ kind: 'became_eligible_child', occurred_on: '2024-03-10' }]);
    const page = await worker.get(`/children/${child}/leaving-care`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('10 March 2024');
  });

  it('records the needs assessment and pathway plan, and refuses a review before any plan', async () => {
    await worker.get(`/children/${child}/leaving-care/plan`);
    const reviewFirst = await worker.post(`/children/${child}/leaving-care/plan`, {
      stage: 'review',
      ...dateFields('completedOn', '2024-05-01'),
    });
    expect(reviewFirst.status).toBe(400);
    expect(reviewFirst.body).toContain('Record the pathway plan before a review of it');
    expect(
      (await worker.post(`/children/${child}/leaving-care/plan`, { stage: 'needs_assessment', ...dateFields('completedOn', '2024-05-20') }))
        .status,
    ).toBe(303);
    expect(
      (await worker.post(`/children/${child}/leaving-care/plan`, { stage: 'plan', ...dateFields('completedOn', '2024-06-01') })).status,
    ).toBe(303);
    const clocks = await database.db
      .selectFrom('clock_instances')
      .select(['clock_id', 'due_on', 'completed_on'])
      .where('person_id', '=', child)
      .execute();
    expect(clocks).toContainEqual({ clock_id: 'needs_assessment_eligible', due_on: '2024-06-10', completed_on: '2024-05-20' });
    expect(clocks).toContainEqual(expect.objectContaining({ clock_id: 'pathway_plan_review', due_on: '2024-12-01' }));
  });

  it('names a personal adviser, ending the previous one the day the new one starts', async () => {
    await worker.get(`/children/${child}/leaving-care/adviser`);
    expect(
      (await worker.post(`/children/${child}/leaving-care/adviser`, { name: 'Chris Adeyemi', ...dateFields('startedOn', '2025-01-06') }))
        .status,
    ).toBe(303);
    const early = await worker.post(`/children/${child}/leaving-care/adviser`, {
      name: 'Pat Moore',
      ...dateFields('startedOn', '2024-12-01'),
    });
    expect(early.status).toBe(400);
    expect(
      (await worker.post(`/children/${child}/leaving-care/adviser`, { name: 'Pat Moore', ...dateFields('startedOn', '2025-06-02') }))
        .status,
    ).toBe(303);
    const advisers = await database.db
      .selectFrom('personal_advisers')
      .select(['adviser_name', 'ended_on'])
      .where('person_id', '=', child)
      .orderBy('started_on')
      .execute();
    expect(advisers).toEqual([
      { adviser_name: 'Chris Adeyemi', ended_on: '2025-06-02' },
      { adviser_name: 'Pat Moore', ended_on: null },
    ]);
  });

  it('records a birthday contact with SSDA903 codes, needing activity and accommodation when in touch', async () => {
    await worker.get(`/children/${child}/leaving-care/contact`);
    const incomplete = await worker.post(`/children/${child}/leaving-care/contact`, {
      ...dateFields('contactOn', '2025-03-12'),
      inTouch: 'YES',
    });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body).toContain('Select their main activity');
    expect(incomplete.body).toContain('Select where they live');
    const formerCarersAt17 = await worker.post(`/children/${child}/leaving-care/contact`, {
      ...dateFields('contactOn', '2025-03-12'),
      inTouch: 'YES',
      activity: 'F2',
      accommodation: 'Z',
      suitable: 'yes',
    });
    expect(formerCarersAt17.status).toBe(400);
    expect(formerCarersAt17.body).toContain('Living with former foster carers (Z) is not used at 17');
    const unknown = await worker.post(`/children/${child}/leaving-care/contact`, {
      ...dateFields('contactOn', '2025-03-12'),
      inTouch: 'MAYBE',
    });
    expect(unknown.status).toBe(400);
    expect(await database.db.selectFrom('care_leaver_contacts').select('id').execute()).toHaveLength(0);
    const ok = await worker.post(`/children/${child}/leaving-care/contact`, {
      ...dateFields('contactOn', '2025-03-12'),
      inTouch: 'YES',
      activity: 'F2',
      accommodation: 'D',
      suitable: 'yes',
    });
    expect(ok.status).toBe(303);
    const notInTouch = await worker.post(`/children/${child}/leaving-care/contact`, {
      ...dateFields('contactOn', '2025-03-20'),
      inTouch: 'REFU',
    });
    expect(notInTouch.status).toBe(303);
    const contacts = await database.db
      .selectFrom('care_leaver_contacts')
      .select(['in_touch', 'activity', 'accommodation'])
      .orderBy('contact_on')
      .execute();
    expect(contacts).toEqual([
      { in_touch: 'YES', activity: 'F2', accommodation: 'D1' },
      { in_touch: 'REFU', activity: null, accommodation: null },
    ]);
  });

  it('is refused to people who may not open the record', async () => {
    const south = new Visitor(app);
    await south.signIn('southWorker');
    expect((await south.get(`/children/${child}/leaving-care`)).status).toBe(403);
    expect(
      (await south.post(`/children/${child}/leaving-care/contact`, { ...dateFields('contactOn', '2025-03-12'), inTouch: 'NO' })).status,
    ).toBe(403);
  });
});
