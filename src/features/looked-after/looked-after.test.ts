import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, Visitor } from '../../../test/app.js';
import { openTestDatabase, type TestDatabase } from '../../../test/database.js';
import { type Fixture, seedFixture } from '../../../test/fixtures.js';

const date = (name: string, iso: string) => ({
  [`${name}-day`]: String(Number(iso.slice(8, 10))),
  [`${name}-month`]: String(Number(iso.slice(5, 7))),
  [`${name}-year`]: iso.slice(0, 4),
});
const versionIn = (body: string) => /name="version" value="(\d+)"/.exec(body)?.[1] ?? '';
const periodIn = (body: string) => /name="periodId" value="([^"]+)"/.exec(body)?.[1] ?? '';

describe('periods of care, legal statuses, placements and SSDA903 episodes', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let fixture: Fixture;
  let worker: Visitor;
  let child: string;

  const counts = async () => ({
    periods: (await database.db.selectFrom('periods_of_care').select('id').where('person_id', '=', child).execute()).length,
    placements: (await database.db.selectFrom('placements').select('id').where('person_id', '=', child).execute()).length,
    statuses: (await database.db.selectFrom('legal_statuses').select('id').where('person_id', '=', child).execute()).length,
    chronology: (await database.db.selectFrom('chronology_entries').select('id').where('person_id', '=', child).execute()).length,
    events: (await database.db.selectFrom('clock_events').select('id').where('person_id', '=', child).execute()).length,
  });
  const episodes = () =>
    database.db
      .selectFrom('care_episodes')
      .select([
        'started_on',
        'reason_new_episode',
        'legal_status',
        'placement_type',
        'ended_on',
        'reason_ceased',
        'reason_placement_change',
      ])
      .where('person_id', '=', child)
      .orderBy('started_on')
      .execute();
  const openForm = async (path: string) => {
    const page = await worker.get(`/children/${child}/looked-after/${path}`);
    expect(page.status).toBe(200);
    return { periodId: periodIn(page.body), version: versionIn(page.body) };
  };

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

  const start = {
    ...date('startedOn', '2025-09-01'),
    legalStatus: 'V2',
    categoryOfNeed: 'N1',
    homePostcode: 'ls1 4ap',
    placementType: 'U6',
    provider: 'PR1',
    carerName: 'Mr and Mrs Patel',
    postcode: 'LS2 7HY',
    urn: '',
  };

  it('refuses a start with missing or unknown answers, naming each problem, and saves nothing', async () => {
    await worker.get(`/children/${child}/looked-after/start`);
    const before = await counts();
    const empty = await worker.post(`/children/${child}/looked-after/start`, {});
    expect(empty.status).toBe(400);
    expect(empty.body).toContain('There is a problem');
    expect(empty.body).toContain('Enter the date the child became looked after');
    expect(empty.body).toContain('Select the legal status');
    expect(empty.body).toContain('Select the placement type');
    const unknown = await worker.post(`/children/${child}/looked-after/start`, { ...start, legalStatus: 'C9' });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toContain('Select the legal status');
    const badUrn = await worker.post(`/children/${child}/looked-after/start`, { ...start, urn: 'SC12', provider: '' });
    expect(badUrn.status).toBe(400);
    expect(badUrn.body).toContain('Enter the Ofsted URN');
    expect(badUrn.body).toContain('Select the placement provider');
    const beforeBirth = await worker.post(`/children/${child}/looked-after/start`, { ...start, ...date('startedOn', '2015-05-01') });
    expect(beforeBirth.status).toBe(400);
    expect(beforeBirth.body).toContain('A child cannot become looked after before they were born');
    const temporary = await worker.post(`/children/${child}/looked-after/start`, { ...start, placementType: 'T1', provider: '' });
    expect(temporary.status).toBe(400);
    expect(temporary.body).toContain('A period of care cannot start with a temporary placement');
    expect(await counts()).toEqual(before);
  });

  it('starts a period of care with its chronology entry, clock events and first episode, all together', async () => {
    const response = await worker.post(`/children/${child}/looked-after/start`, start);
    expect(response.status).toBe(303);
    expect(await episodes()).toEqual([
      {
        started_on: '2025-09-01',
        reason_new_episode: 'S',
        legal_status: 'V2',
        placement_type: 'U6',
        ended_on: null,
        reason_ceased: null,
        reason_placement_change: null,
      },
    ]);
    const period = await database.db.selectFrom('periods_of_care').selectAll().where('person_id', '=', child).executeTakeFirstOrThrow();
    expect(period.home_postcode).toBe('LS1 4AP');
    const events = await database.db
      .selectFrom('clock_events')
      .select(['kind', 'occurred_on'])
      .where('person_id', '=', child)
      .orderBy('kind')
      .execute();
    expect(events).toEqual([
      { kind: 'became_eligible_child', occurred_on: '2031-06-01' },
      { kind: 'became_looked_after', occurred_on: '2025-09-01' },
      { kind: 'placement_started', occurred_on: '2025-09-01' },
    ]);
    const clocks = await database.db.selectFrom('clock_instances').select(['clock_id', 'due_on']).where('person_id', '=', child).execute();
    expect(clocks).toEqual(
      expect.arrayContaining([
        { clock_id: 'lac_review_1', due_on: '2025-09-29' },
        { clock_id: 'lac_visit_first', due_on: '2025-09-08' },
      ]),
    );
    const chronology = await database.db
      .selectFrom('chronology_entries')
      .select(['kind', 'summary'])
      .where('person_id', '=', child)
      .execute();
    expect(chronology).toEqual([expect.objectContaining({ kind: 'looked_after' })]);
    expect(chronology[0]?.summary).toContain('Became looked after');

    const page = await worker.get(`/children/${child}/looked-after`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Episodes for the SSDA903 return');
    expect(page.body).toContain('Mr and Mrs Patel');
  });

  it('refuses a second period of care while one is open', async () => {
    const response = await worker.post(`/children/${child}/looked-after/start`, { ...start, ...date('startedOn', '2025-10-01') });
    expect(response.status).toBe(400);
    expect(response.body).toContain('End the current period of care before starting another');
  });

  it('moves the child, ending the old placement with its reason, and starts a P episode', async () => {
    const { periodId, version } = await openForm('placement');
    const noReason = await worker.post(`/children/${child}/looked-after/placement`, {
      periodId,
      version,
      ...date('changedOn', '2025-11-10'),
      placementType: 'U4',
      provider: 'PR4',
      carerName: 'The Greens',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body).toContain('Select why the current placement is ending');
    const beforeStart = await worker.post(`/children/${child}/looked-after/placement`, {
      periodId,
      version,
      ...date('changedOn', '2025-08-01'),
      reasonForChange: 'CARPL',
      placementType: 'U4',
      provider: 'PR4',
      carerName: 'The Greens',
    });
    expect(beforeStart.status).toBe(400);
    expect(beforeStart.body).toContain('The move must be on or after the date the current placement started');
    expect((await episodes()).length).toBe(1);

    const moved = await worker.post(`/children/${child}/looked-after/placement`, {
      periodId,
      version,
      ...date('changedOn', '2025-11-10'),
      reasonForChange: 'CREQB',
      placementType: 'U4',
      provider: 'PR4',
      carerName: 'The Greens',
      postcode: 'LS6 1AN',
    });
    expect(moved.status).toBe(303);
    expect((await episodes()).map((e) => [e.reason_new_episode, e.ended_on, e.reason_ceased, e.reason_placement_change])).toEqual([
      ['S', '2025-11-10', 'X1', 'CREQB'],
      ['P', null, null, null],
    ]);
    const events = await database.db
      .selectFrom('clock_events')
      .select('kind')
      .where('person_id', '=', child)
      .where('kind', '!=', 'became_eligible_child')
      .execute();
    expect(events.map((e) => e.kind)).toEqual(['became_looked_after', 'placement_started', 'placement_ended', 'placement_started']);
  });

  it('answers a change made from a stale page with 409 and saves nothing', async () => {
    const { periodId, version } = await openForm('legal-status');
    const first = await worker.post(`/children/${child}/looked-after/legal-status`, {
      periodId,
      version,
      ...date('changedOn', '2025-12-01'),
      legalStatus: 'C1',
    });
    expect(first.status).toBe(303);
    const before = await counts();
    const stale = await worker.post(`/children/${child}/looked-after/legal-status`, {
      periodId,
      version,
      ...date('changedOn', '2025-12-05'),
      legalStatus: 'C2',
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toContain('The record has changed');
    expect(await counts()).toEqual(before);
    expect((await episodes()).map((e) => e.reason_new_episode)).toEqual(['S', 'P', 'L']);
  });

  it('makes one U episode when the legal status and placement change on the same day with the same carer', async () => {
    let form = await openForm('legal-status');
    expect(
      (
        await worker.post(`/children/${child}/looked-after/legal-status`, {
          ...form,
          ...date('changedOn', '2026-01-15'),
          legalStatus: 'C2',
        })
      ).status,
    ).toBe(303);
    form = await openForm('placement');
    const moved = await worker.post(`/children/${child}/looked-after/placement`, {
      ...form,
      ...date('changedOn', '2026-01-15'),
      reasonForChange: 'PLACE',
      placementType: 'U5',
      provider: 'PR4',
      carerName: 'the greens',
    });
    expect(moved.status).toBe(303);
    expect((await episodes()).map((e) => [e.started_on, e.reason_new_episode, e.legal_status, e.placement_type])).toEqual([
      ['2025-09-01', 'S', 'V2', 'U6'],
      ['2025-11-10', 'P', 'V2', 'U4'],
      ['2025-12-01', 'L', 'C1', 'U4'],
      ['2026-01-15', 'U', 'C2', 'U5'],
    ]);
  });

  it('ends the period of care and refuses a new one starting the same day', async () => {
    const form = await openForm('end');
    const early = await worker.post(`/children/${child}/looked-after/end`, {
      ...form,
      ...date('endedOn', '2025-08-01'),
      reasonCeased: 'E4A',
    });
    expect(early.status).toBe(400);
    expect(early.body).toContain('must fall within the period of care');
    const noReason = await worker.post(`/children/${child}/looked-after/end`, {
      ...form,
      ...date('endedOn', '2026-02-20'),
      reasonCeased: 'X1',
    });
    expect(noReason.status).toBe(400);
    const ended = await worker.post(`/children/${child}/looked-after/end`, {
      ...form,
      ...date('endedOn', '2026-02-20'),
      reasonCeased: 'E41',
    });
    expect(ended.status).toBe(303);
    const last = (await episodes()).at(-1);
    expect(last).toMatchObject({ ended_on: '2026-02-20', reason_ceased: 'E41', reason_placement_change: null });
    const again = await worker.post(`/children/${child}/looked-after/start`, { ...start, ...date('startedOn', '2026-02-20') });
    expect(again.status).toBe(400);
    expect(again.body).toContain('A new period of care must start after the previous one ended');
    const events = await database.db
      .selectFrom('clock_events')
      .select('kind')
      .where('person_id', '=', child)
      .where('kind', '!=', 'became_eligible_child')
      .orderBy('recorded_at')
      .execute();
    expect(events.map((e) => e.kind).slice(-2)).toEqual(['placement_ended', 'ceased_looked_after']);
    const eligible = await database.db
      .selectFrom('clock_events')
      .select('kind')
      .where('person_id', '=', child)
      .where('kind', '=', 'became_eligible_child')
      .execute();
    expect(eligible).toEqual([]);
  });

  it('records a child as UASC and the date that status ceased', async () => {
    await worker.get(`/children/${child}/looked-after/uasc`);
    expect((await worker.post(`/children/${child}/looked-after/uasc`, date('startedOn', '2025-09-01'))).status).toBe(303);
    const status = await database.db.selectFrom('uasc_statuses').selectAll().where('person_id', '=', child).executeTakeFirstOrThrow();
    const page = await worker.get(`/children/${child}/looked-after/uasc/${status.id}/cease`);
    expect(page.status).toBe(200);
    const early = await worker.post(`/children/${child}/looked-after/uasc/${status.id}/cease`, {
      version: versionIn(page.body),
      ...date('ceasedOn', '2025-08-01'),
    });
    expect(early.status).toBe(400);
    expect(
      (
        await worker.post(`/children/${child}/looked-after/uasc/${status.id}/cease`, {
          version: versionIn(page.body),
          ...date('ceasedOn', '2026-01-31'),
        })
      ).status,
    ).toBe(303);
    const stale = await worker.post(`/children/${child}/looked-after/uasc/${status.id}/cease`, {
      version: versionIn(page.body),
      ...date('ceasedOn', '2026-02-01'),
    });
    expect(stale.status).toBe(409);
  });

  it('lets only those who may open the record see it, and only social workers and managers change it', async () => {
    const south = new Visitor(app);
    await south.signIn('southWorker');
    expect((await south.get(`/children/${child}/looked-after`)).status).toBe(403);
    expect((await south.post(`/children/${child}/looked-after/start`, start)).status).toBe(403);

    const analyst = new Visitor(app);
    await analyst.signIn('analyst');
    const read = await analyst.get(`/children/${child}/looked-after`);
    expect(read.status).toBe(200);
    expect(read.body).not.toContain('Move to a new placement');
    expect((await analyst.get(`/children/${child}/looked-after/start`)).status).toBe(403);

    const fostering = new Visitor(app);
    await fostering.signIn('fostering');
    expect((await fostering.get(`/children/${child}/looked-after`)).status).toBe(403);

    const iro = new Visitor(app);
    await iro.signIn('iro');
    expect((await iro.get(`/children/${fixture.children.inCare}/looked-after`)).status).toBe(200);
    expect((await iro.get(`/children/${child}/looked-after`)).status).toBe(403);
    expect((await iro.post(`/children/${fixture.children.inCare}/looked-after/start`, start)).status).toBe(403);
  });
});
