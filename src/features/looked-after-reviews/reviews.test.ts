import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, Visitor } from '../../../test/app.js';
import { openTestDatabase, type TestDatabase } from '../../../test/database.js';
import { type Fixture, seedFixture } from '../../../test/fixtures.js';
import { dateFields, startCare } from '../../../test/looked-after-fixtures.js';

describe('reviewing officers, looked-after reviews, independent visitors and advocates', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let fixture: Fixture;
  let child: string;
  const reviews = () => database.db.selectFrom('looked_after_reviews').selectAll().where('person_id', '=', child).execute();

  beforeAll(async () => {
    database = await openTestDatabase();
    fixture = await seedFixture(database.db);
    app = await startTestApp(database.db);
    child = fixture.children.allocatedToWorker;
    await startCare(database.db, fixture, child, '2025-10-01');
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('lets a team manager allocate the reviewing officer, who can then open the record', async () => {
    const iro = new Visitor(app);
    await iro.signIn('iro');
    expect((await iro.get(`/children/${child}/reviews`)).status).toBe(403);
    const manager = new Visitor(app);
    await manager.signIn('manager');
    await manager.get(`/children/${child}/reviews/officer`);
    const wrong = await manager.post(`/children/${child}/reviews/officer`, {
      staffId: fixture.staff.worker?.id ?? '',
      ...dateFields('startedOn', '2025-10-02'),
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toContain('Choose an independent reviewing officer from the list');
    const allocated = await manager.post(`/children/${child}/reviews/officer`, {
      staffId: fixture.staff.iro?.id ?? '',
      ...dateFields('startedOn', '2025-10-02'),
    });
    expect(allocated.status).toBe(303);
    const allocation = await database.db
      .selectFrom('allocations')
      .selectAll()
      .where('person_id', '=', child)
      .where('kind', '=', 'reviewing_officer')
      .execute();
    expect(allocation).toEqual([
      expect.objectContaining({ staff_id: fixture.staff.iro?.id, ended_on: null, team_id: fixture.teams.reviewing }),
    ]);
    expect((await iro.get(`/children/${child}/reviews`)).status).toBe(200);
    const worker = new Visitor(app);
    await worker.signIn('worker');
    expect((await worker.get(`/children/${child}/reviews/officer`)).status).toBe(403);
  });

  it('lets the reviewing officer record a review with a participation code, meeting the first review clock', async () => {
    const iro = new Visitor(app);
    await iro.signIn('iro');
    await iro.get(`/children/${child}/reviews/new`);
    const before = await iro.post(`/children/${child}/reviews/new`, { ...dateFields('heldOn', '2025-09-20'), participation: 'PN1' });
    expect(before.status).toBe(400);
    expect(before.body).toContain('The child was not looked after on that date');
    const underFourCode = await iro.post(`/children/${child}/reviews/new`, { ...dateFields('heldOn', '2025-10-24'), participation: 'PN0' });
    expect(underFourCode.status).toBe(400);
    expect(underFourCode.body).toContain('PN0 is only for children under 4 at the review');
    const unknown = await iro.post(`/children/${child}/reviews/new`, { ...dateFields('heldOn', '2025-10-24'), participation: 'PN9' });
    expect(unknown.status).toBe(400);
    expect(await reviews()).toHaveLength(0);
    const held = await iro.post(`/children/${child}/reviews/new`, {
      ...dateFields('heldOn', '2025-10-24'),
      participation: 'PN1',
      decisions: 'Stay with current carers.',
    });
    expect(held.status).toBe(303);
    expect(await reviews()).toEqual([
      expect.objectContaining({ held_on: '2025-10-24', participation: 'PN1', chaired_by: fixture.staff.iro?.id }),
    ]);
    const clocks = await database.db
      .selectFrom('clock_instances')
      .select(['clock_id', 'due_on', 'completed_on'])
      .where('person_id', '=', child)
      .execute();
    expect(clocks).toContainEqual({ clock_id: 'lac_review_1', due_on: '2025-10-29', completed_on: '2025-10-24' });
    expect(clocks).toContainEqual({ clock_id: 'lac_review_2', due_on: '2026-01-24', completed_on: null });
    const chronology = await database.db
      .selectFrom('chronology_entries')
      .select('summary')
      .where('person_id', '=', child)
      .where('kind', '=', 'review')
      .execute();
    expect(chronology[0]?.summary).toContain('PN1');
    const page = await iro.get(`/children/${child}/reviews`);
    expect(page.body).toContain('24 January 2026');
  });

  it('does not let a social worker record a review', async () => {
    const worker = new Visitor(app);
    await worker.signIn('worker');
    expect((await worker.get(`/children/${child}/reviews/new`)).status).toBe(403);
    expect(
      (await worker.post(`/children/${child}/reviews/new`, { ...dateFields('heldOn', '2025-11-24'), participation: 'PN1' })).status,
    ).toBe(403);
  });

  it('records who asked for, was offered, declined or has an advocate or independent visitor, with dates in order', async () => {
    const worker = new Visitor(app);
    await worker.signIn('worker');
    await worker.get(`/children/${child}/independent-support/new`);
    const outOfOrder = await worker.post(`/children/${child}/independent-support/new`, {
      kind: 'advocate',
      ...dateFields('childAskedOn', '2025-10-10'),
      ...dateFields('offeredOn', '2025-10-05'),
    });
    expect(outOfOrder.status).toBe(400);
    expect(outOfOrder.body).toContain('The offer cannot be before the child asked');
    const nothing = await worker.post(`/children/${child}/independent-support/new`, { kind: 'advocate' });
    expect(nothing.status).toBe(400);
    const asked = await worker.post(`/children/${child}/independent-support/new`, {
      kind: 'advocate',
      ...dateFields('childAskedOn', '2025-10-10'),
      ...dateFields('offeredOn', '2025-10-12'),
      ...dateFields('startedOn', '2025-10-20'),
      providedBy: 'Sam Lee, NYAS',
    });
    expect(asked.status).toBe(303);
    const declined = await worker.post(`/children/${child}/independent-support/new`, {
      kind: 'independent_visitor',
      ...dateFields('offeredOn', '2025-10-12'),
      ...dateFields('declinedOn', '2025-10-14'),
    });
    expect(declined.status).toBe(303);
    const rows = await database.db.selectFrom('independent_support').selectAll().where('person_id', '=', child).execute();
    expect(rows).toHaveLength(2);
    const advocate = rows.find((r) => r.kind === 'advocate');
    const form = await worker.get(`/children/${child}/independent-support/${advocate?.id}/end`);
    const version = /name="version" value="(\d+)"/.exec(form.body)?.[1] ?? '';
    expect(
      (await worker.post(`/children/${child}/independent-support/${advocate?.id}/end`, { version, ...dateFields('endedOn', '2025-12-01') }))
        .status,
    ).toBe(303);
    expect(
      (await worker.post(`/children/${child}/independent-support/${advocate?.id}/end`, { version, ...dateFields('endedOn', '2025-12-02') }))
        .status,
    ).toBe(409);
    const page = await worker.get(`/children/${child}/reviews`);
    expect(page.body).toContain('Sam Lee, NYAS');
    expect(page.body).toContain('Declined 14 October 2025');
  });
});
