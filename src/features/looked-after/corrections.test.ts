import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, Visitor } from '../../../test/app.js';
import { openTestDatabase, type TestDatabase } from '../../../test/database.js';
import { type Fixture, seedFixture } from '../../../test/fixtures.js';
import { dateFields, startCare } from '../../../test/looked-after-fixtures.js';

const versionIn = (body: string) => /name="version" value="(\d+)"/.exec(body)?.[1] ?? '';

describe('correcting and removing placements and legal statuses recorded in error', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let fixture: Fixture;
  let worker: Visitor;
  let child: string;

  const placements = () =>
    database.db
      .selectFrom('placements')
      .select(['id', 'placement_type', 'started_on', 'ended_on', 'reason_for_change'])
      .where('person_id', '=', child)
      .orderBy('started_on')
      .execute();
  const legalStatuses = () =>
    database.db
      .selectFrom('legal_statuses')
      .select(['id', 'legal_status', 'started_on', 'ended_on'])
      .where('person_id', '=', child)
      .orderBy('started_on')
      .execute();
  const episodes = async () =>
    (
      await database.db
        .selectFrom('care_episodes')
        .select(['started_on', 'reason_new_episode', 'legal_status', 'placement_type', 'ended_on'])
        .where('person_id', '=', child)
        .orderBy('started_on')
        .execute()
    ).map((e) => [e.started_on, e.reason_new_episode, e.legal_status, e.placement_type, e.ended_on]);
  const visitClock = () =>
    database.db
      .selectFrom('clock_instances')
      .select(['started_on', 'due_on', 'ended_on'])
      .where('person_id', '=', child)
      .where('clock_id', '=', 'lac_visit_first')
      .orderBy('started_on')
      .execute();
  const everything = async () => ({
    placements: await placements(),
    legalStatuses: await legalStatuses(),
    episodes: await episodes(),
    events: await database.db
      .selectFrom('clock_events')
      .select(['kind', 'occurred_on'])
      .where('person_id', '=', child)
      .orderBy('id')
      .execute(),
    chronology: (await database.db.selectFrom('chronology_entries').select('id').where('person_id', '=', child).execute()).length,
  });
  const moveForm = async () => {
    const page = await worker.get(`/children/${child}/looked-after/placement`);
    return { periodId: /name="periodId" value="([^"]+)"/.exec(page.body)?.[1] ?? '', version: versionIn(page.body) };
  };

  beforeAll(async () => {
    database = await openTestDatabase();
    fixture = await seedFixture(database.db);
    app = await startTestApp(database.db);
    child = fixture.children.allocatedToWorker;
    worker = new Visitor(app);
    await worker.signIn('worker');
    await startCare(database.db, fixture, child, '2025-09-01');
    const moved = await worker.post(`/children/${child}/looked-after/placement`, {
      ...(await moveForm()),
      ...dateFields('changedOn', '2025-11-10'),
      reasonForChange: 'CREQB',
      placementType: 'U4',
      provider: 'PR4',
      carerName: 'The Greens',
    });
    expect(moved.status).toBe(303);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const second = async () => (await placements())[1]?.id as string;
  const correction = (version: string, changes: Record<string, string> = {}) => ({
    version,
    ...dateFields('startedOn', '2025-11-10'),
    placementType: 'U4',
    provider: 'PR4',
    carerName: 'The Greens',
    postcode: '',
    urn: '',
    correctionReason: 'The move was typed with the wrong date',
    ...changes,
  });

  it('offers Change beside each placement, and opens the form prefilled with what was recorded', async () => {
    const overview = await worker.get(`/children/${child}/looked-after`);
    expect(overview.body).toContain(`/looked-after/placements/${await second()}/change`);
    expect(overview.body).toContain(`/looked-after/placements/${await second()}/remove`);
    const page = await worker.get(`/children/${child}/looked-after/placements/${await second()}/change`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Change a placement');
    expect(page.body).toContain('value="The Greens"');
    expect(page.body).toMatch(/name="startedOn-day"[^>]*value="10"/);
    expect(page.body).toMatch(/<option value="U4" selected>/);
  });

  it('corrects a placement start date: the move, the SSDA903 episodes and the placement visit clock follow', async () => {
    const page = await worker.get(`/children/${child}/looked-after/placements/${await second()}/change`);
    expect((await visitClock()).map((c) => c.started_on)).toEqual(['2025-09-01', '2025-11-10']);
    const saved = await worker.post(
      `/children/${child}/looked-after/placements/${await second()}/change`,
      correction(versionIn(page.body), dateFields('startedOn', '2025-11-14')),
    );
    expect(saved.status).toBe(303);
    expect((await placements()).map((p) => [p.placement_type, p.started_on, p.ended_on, p.reason_for_change])).toEqual([
      ['U6', '2025-09-01', '2025-11-14', 'CREQB'],
      ['U4', '2025-11-14', null, null],
    ]);
    expect(await episodes()).toEqual([
      ['2025-09-01', 'S', 'V2', 'U6', '2025-11-14'],
      ['2025-11-14', 'P', 'V2', 'U4', null],
    ]);
    expect(await visitClock()).toEqual([
      { started_on: '2025-09-01', due_on: '2025-09-08', ended_on: '2025-11-14' },
      { started_on: '2025-11-14', due_on: '2025-11-21', ended_on: null },
    ]);
    const entry = await database.db
      .selectFrom('chronology_entries')
      .innerJoin('staff', 'staff.id', 'chronology_entries.recorded_by')
      .select(['summary', 'staff.username'])
      .where('person_id', '=', child)
      .where('kind', '=', 'correction')
      .executeTakeFirstOrThrow();
    expect(entry).toEqual({
      summary: 'Placement corrected: start date from 10 November 2025 to 14 November 2025. Reason: The move was typed with the wrong date',
      username: 'worker',
    });
    const audit = await database.db
      .selectFrom('audit_events')
      .select(['record_id', 'person_id'])
      .where('action', '=', 'placement.correct')
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({ record_id: await second(), person_id: child });
  });

  it('shows the correction on the chronology to the team manager, with who made it', async () => {
    const manager = new Visitor(app);
    await manager.signIn('manager');
    const chronology = await manager.get(`/children/${child}/chronology?kind=correction`);
    expect(chronology.status).toBe(200);
    expect(chronology.body).toContain('Placement corrected: start date from 10 November 2025 to 14 November 2025');
    expect(chronology.body).toContain('Test worker');
  });

  it('refuses an invalid correction with the error summary and changes nothing', async () => {
    const page = await worker.get(`/children/${child}/looked-after/placements/${await second()}/change`);
    const before = await everything();
    const beforeTheFirst = await worker.post(
      `/children/${child}/looked-after/placements/${await second()}/change`,
      correction(versionIn(page.body), { ...dateFields('startedOn', '2025-08-20'), provider: 'PR9', correctionReason: '' }),
    );
    expect(beforeTheFirst.status).toBe(400);
    expect(beforeTheFirst.body).toContain('There is a problem');
    expect(beforeTheFirst.body).toContain('Select a placement provider from the list');
    expect(beforeTheFirst.body).toContain('Enter why you are correcting this');
    const overlapping = await worker.post(
      `/children/${child}/looked-after/placements/${await second()}/change`,
      correction(versionIn(page.body), dateFields('startedOn', '2025-08-20')),
    );
    expect(overlapping.status).toBe(400);
    expect(overlapping.body).toContain('There is a problem');
    expect(overlapping.body).toContain('An end date cannot be before its start date');
    expect(await everything()).toEqual(before);
  });

  it('refuses a correction sent from a stale form with 409, never overwriting the other change', async () => {
    const page = await worker.get(`/children/${child}/looked-after/placements/${await second()}/change`);
    const stale = versionIn(page.body);
    const first = await worker.post(
      `/children/${child}/looked-after/placements/${await second()}/change`,
      correction(stale, { ...dateFields('startedOn', '2025-11-14'), carerName: 'Mr and Mrs Green' }),
    );
    expect(first.status).toBe(303);
    const before = await everything();
    const second_ = await worker.post(
      `/children/${child}/looked-after/placements/${await second()}/change`,
      correction(stale, { ...dateFields('startedOn', '2025-11-12') }),
    );
    expect(second_.status).toBe(409);
    expect(second_.body).toContain('The record has changed');
    expect(await everything()).toEqual(before);
  });

  it('removes a legal status recorded in error: the one before runs on, and the episodes and events follow', async () => {
    const form = await moveForm();
    const changed = await worker.post(`/children/${child}/looked-after/legal-status`, {
      ...form,
      ...dateFields('changedOn', '2025-12-01'),
      legalStatus: 'C1',
    });
    expect(changed.status).toBe(303);
    expect((await episodes()).map((e) => e[1])).toEqual(['S', 'P', 'L']);
    const wrong = (await legalStatuses())[1]?.id as string;
    const page = await worker.get(`/children/${child}/looked-after/legal-statuses/${wrong}/remove`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Remove the legal status from 1 December 2025');
    const noReason = await worker.post(`/children/${child}/looked-after/legal-statuses/${wrong}/remove`, {
      version: versionIn(page.body),
      reason: '',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body).toContain('Enter why this was recorded in error');
    expect(await legalStatuses()).toHaveLength(2);

    const removed = await worker.post(`/children/${child}/looked-after/legal-statuses/${wrong}/remove`, {
      version: versionIn(page.body),
      reason: 'The interim care order was for a sibling',
    });
    expect(removed.status).toBe(303);
    expect((await legalStatuses()).map((s) => [s.legal_status, s.started_on, s.ended_on])).toEqual([['V2', '2025-09-01', null]]);
    expect((await episodes()).map((e) => e[1])).toEqual(['S', 'P']);
    const summaries = await database.db
      .selectFrom('chronology_entries')
      .select('summary')
      .where('person_id', '=', child)
      .where('kind', 'in', ['legal_status', 'correction'])
      .orderBy('recorded_at')
      .execute();
    expect(summaries.map((s) => s.summary)).toContain(
      'Legal status from 1 December 2025 removed as recorded in error. Reason: The interim care order was for a sibling',
    );
    expect(summaries.some((s) => s.summary.startsWith('Legal status changed from V2'))).toBe(true);
    const audit = await database.db.selectFrom('audit_events').select('record_id').where('action', '=', 'legal_status.remove').execute();
    expect(audit.map((a) => a.record_id)).toEqual([wrong]);
  });

  it('does not offer to remove the first placement or legal status of a period of care, and refuses it', async () => {
    const first = (await placements())[0]?.id as string;
    const page = await worker.get(`/children/${child}/looked-after/placements/${first}/remove`);
    const refused = await worker.post(`/children/${child}/looked-after/placements/${first}/remove`, {
      version: versionIn(page.body),
      reason: 'Wrong child',
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('cannot be removed: change it instead');
    expect(await placements()).toHaveLength(2);
  });

  it('lets only those who record care change or remove it (403 for the others)', async () => {
    const target = await second();
    for (const username of ['analyst', 'frontDoor']) {
      const visitor = new Visitor(app);
      await visitor.signIn(username);
      expect((await visitor.get(`/children/${child}/looked-after/placements/${target}/change`)).status).toBe(403);
      expect((await visitor.post(`/children/${child}/looked-after/placements/${target}/change`, correction('1'))).status).toBe(403);
      expect(
        (await visitor.post(`/children/${child}/looked-after/placements/${target}/remove`, { version: '1', reason: 'x' })).status,
      ).toBe(403);
    }
    const south = new Visitor(app);
    await south.signIn('southWorker');
    expect((await south.get(`/children/${child}/looked-after/placements/${target}/change`)).status).toBe(403);
    expect(await placements()).toHaveLength(2);
  });
});
