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

describe('missing episodes, return home interviews and exploitation prompts', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let fixture: Fixture;
  let worker: Visitor;
  let child: string;
  const episodes = () =>
    database.db.selectFrom('missing_episodes').selectAll().where('person_id', '=', child).orderBy('started_on').execute();
  const prompts = () => database.db.selectFrom('strategy_meeting_prompts').selectAll().where('person_id', '=', child).execute();

  beforeAll(async () => {
    database = await openTestDatabase();
    fixture = await seedFixture(database.db);
    app = await startTestApp(database.db, { repeatMissingThreshold: { episodes: 3, days: 90 } });
    child = fixture.children.allocatedToWorker;
    worker = new Visitor(app);
    await worker.signIn('worker');
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('lets the out-of-hours worker record a child missing from home, with the police report', async () => {
    const edt = new Visitor(app);
    await edt.signIn('outOfHours');
    await edt.get(`/children/${child}/missing/new`);
    const response = await edt.post(`/children/${child}/missing/new`, {
      kind: 'M',
      ...date('startedOn', '2026-01-10'),
      startedTime: '21:30',
      ...date('reportedToPoliceOn', '2026-01-10'),
      reportedToPoliceTime: '22:05',
    });
    expect(response.status).toBe(303);
    const [episode] = await episodes();
    expect(episode).toMatchObject({ kind: 'M', missing_from: 'home', started_time: '21:30', returned_on: null });
    const chronology = await database.db
      .selectFrom('chronology_entries')
      .select(['kind', 'summary'])
      .where('person_id', '=', child)
      .execute();
    expect(chronology[0]?.summary).toContain(
      'Missing from home from 10 January 2026 at 21:30; reported to the police 10 January 2026 at 22:05',
    );
  });

  it('refuses times out of order, a second open episode, and a missing choice; nothing is saved', async () => {
    await worker.get(`/children/${child}/missing/new`);
    const open = await worker.post(`/children/${child}/missing/new`, { kind: 'A', ...date('startedOn', '2026-01-11') });
    expect(open.status).toBe(400);
    expect(open.body).toContain('record their return first');
    const [episode] = await episodes();
    const page = await worker.get(`/children/${child}/missing/${episode?.id}/return`);
    const backward = await worker.post(`/children/${child}/missing/${episode?.id}/return`, {
      version: versionIn(page.body),
      ...date('returnedOn', '2026-01-10'),
      returnedTime: '20:00',
    });
    expect(backward.status).toBe(400);
    expect(backward.body).toContain('The return must be on or after the time the child went missing');
    const noKind = await worker.post(`/children/${child}/missing/new`, { ...date('startedOn', '2026-01-11') });
    expect(noKind.status).toBe(400);
    expect(noKind.body).toContain('Select whether the child was missing or away without authorisation');
    expect(await episodes()).toHaveLength(1);
    expect((await episodes())[0]?.returned_on).toBeNull();
  });

  it('records the return, which starts the 72-hour return interview clock; a stale second save gets 409', async () => {
    const [episode] = await episodes();
    const page = await worker.get(`/children/${child}/missing/${episode?.id}/return`);
    const returned = await worker.post(`/children/${child}/missing/${episode?.id}/return`, {
      version: versionIn(page.body),
      ...date('returnedOn', '2026-01-12'),
      returnedTime: '08:15',
      whereFound: 'At a friend’s flat in the town centre',
    });
    expect(returned.status).toBe(303);
    const clock = await database.db
      .selectFrom('clock_instances')
      .select(['clock_id', 'due_on', 'due_at'])
      .where('person_id', '=', child)
      .execute();
    expect(clock).toContainEqual({ clock_id: 'rhi', due_on: '2026-01-15', due_at: '08:15' });
    const stale = await worker.post(`/children/${child}/missing/${episode?.id}/return`, {
      version: versionIn(page.body),
      ...date('returnedOn', '2026-01-12'),
    });
    expect(stale.status).toBe(409);
  });

  it('records a return interview held in time, with what the child said; late ones need a reason', async () => {
    const [episode] = await episodes();
    await worker.get(`/children/${child}/missing/${episode?.id}/interview`);
    const late = await worker.post(`/children/${child}/missing/${episode?.id}/interview`, {
      ...date('offeredOn', '2026-01-15'),
      offeredTime: '09:00',
      outcome: 'held',
      ...date('heldOn', '2026-01-15'),
      conductedBy: 'Jo Bright, Missing People',
    });
    expect(late.status).toBe(400);
    expect(late.body).toContain('Say why the interview was offered more than 72 hours after the return');
    const heldBeforeOffer = await worker.post(`/children/${child}/missing/${episode?.id}/interview`, {
      ...date('offeredOn', '2026-01-13'),
      outcome: 'held',
      ...date('heldOn', '2026-01-12'),
      conductedBy: 'Jo Bright, Missing People',
    });
    expect(heldBeforeOffer.status).toBe(400);
    expect(await database.db.selectFrom('return_interviews').select('id').execute()).toHaveLength(0);
    const held = await worker.post(`/children/${child}/missing/${episode?.id}/interview`, {
      ...date('offeredOn', '2026-01-13'),
      offeredTime: '10:00',
      outcome: 'held',
      ...date('heldOn', '2026-01-14'),
      heldTime: '16:00',
      conductedBy: 'Jo Bright, Missing People',
      childsAccount: 'I went to see my mates because I was fed up at home.',
    });
    expect(held.status).toBe(303);
    const clock = await database.db
      .selectFrom('clock_instances')
      .select(['clock_id', 'completed_on'])
      .where('person_id', '=', child)
      .where('clock_id', '=', 'rhi')
      .execute();
    expect(clock).toEqual([{ clock_id: 'rhi', completed_on: '2026-01-14' }]);
    const page = await worker.get(`/children/${child}/missing`);
    expect(page.body).toContain('I went to see my mates because I was fed up at home.');
    expect(page.body).toContain('Offered within 72 hours');
  });

  it('prompts a strategy meeting at the third missing episode in 90 days, shown as a warning and in the chronology', async () => {
    for (const [start, back] of [
      ['2026-02-01', '2026-02-02'],
      ['2026-03-01', '2026-03-03'],
    ] as const) {
      await worker.get(`/children/${child}/missing/new`);
      const response = await worker.post(`/children/${child}/missing/new`, {
        kind: 'M',
        ...date('startedOn', start),
        ...date('returnedOn', back),
      });
      expect(response.status).toBe(303);
    }
    expect(await prompts()).toEqual([
      expect.objectContaining({ reason: 'repeated_missing', detail: 'Missing 3 times in 90 days', resolved_on: null }),
    ]);
    const entries = await database.db
      .selectFrom('chronology_entries')
      .select('kind')
      .where('person_id', '=', child)
      .where('kind', '=', 'prompt')
      .execute();
    expect(entries).toHaveLength(1);
    for (const path of ['', '/looked-after']) {
      const page = await worker.get(`/children/${child}${path}`);
      expect(page.body).toContain('Consider a strategy meeting: Missing 3 times in 90 days');
    }
  });

  it('does not count an overlapping episode, and refuses it', async () => {
    await worker.get(`/children/${child}/missing/new`);
    const overlapping = await worker.post(`/children/${child}/missing/new`, {
      kind: 'A',
      ...date('startedOn', '2026-03-02'),
      ...date('returnedOn', '2026-03-02'),
    });
    expect(overlapping.status).toBe(400);
    expect(overlapping.body).toContain('This overlaps another missing episode already recorded');
  });

  it('prompts when a screening raises exploitation risk, and clears its warning once the decision is recorded', async () => {
    const [episode] = await episodes();
    await worker.get(`/children/${child}/missing/screening?episode=${episode?.id}`);
    const first = await worker.post(`/children/${child}/missing/screening`, {
      episodeId: episode?.id ?? '',
      ...date('screenedOn', '2026-01-14'),
      sexual: 'low',
      criminal: 'low',
    });
    expect(first.status).toBe(303);
    expect((await prompts()).filter((p) => p.reason === 'risk_raised')).toHaveLength(0);
    const raised = await worker.post(`/children/${child}/missing/screening`, {
      ...date('screenedOn', '2026-03-04'),
      sexual: 'low',
      criminal: 'high',
      indicators: 'Seen with older young people linked to a county line; new phone.',
    });
    expect(raised.status).toBe(303);
    const prompt = (await prompts()).find((p) => p.reason === 'risk_raised');
    expect(prompt?.detail).toBe('Screening found criminal exploitation risk high');

    const form = await worker.get(`/children/${child}/missing/prompts/${prompt?.id}`);
    const early = await worker.post(`/children/${child}/missing/prompts/${prompt?.id}`, {
      version: versionIn(form.body),
      ...date('resolvedOn', '2026-03-01'),
      resolution: 'Strategy meeting held',
    });
    expect(early.status).toBe(400);
    const resolved = await worker.post(`/children/${child}/missing/prompts/${prompt?.id}`, {
      version: versionIn(form.body),
      ...date('resolvedOn', '2026-03-05'),
      resolution: 'Strategy meeting held; section 47 enquiry started.',
    });
    expect(resolved.status).toBe(303);
    const again = await worker.post(`/children/${child}/missing/prompts/${prompt?.id}`, {
      version: versionIn(form.body),
      ...date('resolvedOn', '2026-03-06'),
      resolution: 'Another decision',
    });
    expect(again.status).toBe(409);
    expect((await prompts()).map((p) => [p.reason, p.resolved_on])).toEqual(
      expect.arrayContaining([
        ['risk_raised', '2026-03-05'],
        ['repeated_missing', null],
      ]),
    );
    const warnings = (await worker.get(`/children/${child}/missing`)).body.split('Consider a strategy meeting:').length - 1;
    expect(warnings).toBe(1);
  });

  it('refuses people who may not open the record, and read-only roles may not record', async () => {
    const south = new Visitor(app);
    await south.signIn('southWorker');
    expect((await south.get(`/children/${child}/missing`)).status).toBe(403);
    expect((await south.post(`/children/${child}/missing/new`, { kind: 'M', ...date('startedOn', '2026-03-10') })).status).toBe(403);
    const analyst = new Visitor(app);
    await analyst.signIn('analyst');
    expect((await analyst.get(`/children/${child}/missing`)).status).toBe(200);
    expect((await analyst.get(`/children/${child}/missing/new`)).status).toBe(403);
    expect(await episodes()).toHaveLength(3);
  });
});
