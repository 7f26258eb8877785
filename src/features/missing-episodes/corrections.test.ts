import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, Visitor } from '../../../test/app.js';
import { openTestDatabase, type TestDatabase } from '../../../test/database.js';
import { type Fixture, seedFixture } from '../../../test/fixtures.js';
import { dateFields } from '../../../test/looked-after-fixtures.js';
import { statusAsAt } from '../../domain/clocks/stored-status.js';

const versionIn = (body: string) => /name="version" value="(\d+)"/.exec(body)?.[1] ?? '';

describe('correcting and removing missing episodes and return home interviews recorded in error', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let fixture: Fixture;
  let worker: Visitor;
  let child: string;
  let episodeId: string;

  const interviewClock = async () => {
    const row = await database.db
      .selectFrom('clock_instances')
      .select(['due_on', 'due_at', 'due_soon_from', 'completed_on', 'completed_at'])
      .where('person_id', '=', child)
      .where('clock_id', '=', 'rhi')
      .executeTakeFirstOrThrow();
    return statusAsAt(
      {
        dueOn: row.due_on,
        dueAt: row.due_at,
        dueSoonFrom: row.due_soon_from,
        completedOn: row.completed_on,
        completedAt: row.completed_at,
      },
      { date: '2026-02-01' },
    );
  };
  const interviews = () => database.db.selectFrom('return_interviews').selectAll().where('person_id', '=', child).execute();
  const everything = async () => ({
    episodes: await database.db.selectFrom('missing_episodes').selectAll().where('person_id', '=', child).execute(),
    interviews: await interviews(),
    events: await database.db
      .selectFrom('clock_events')
      .select(['kind', 'occurred_on'])
      .where('person_id', '=', child)
      .orderBy('id')
      .execute(),
    chronology: (await database.db.selectFrom('chronology_entries').select('id').where('person_id', '=', child).execute()).length,
  });
  const interviewCorrection = (version: string, changes: Record<string, string> = {}) => ({
    version,
    ...dateFields('offeredOn', '2026-01-13'),
    offeredTime: '10:00',
    outcome: 'held',
    ...dateFields('heldOn', '2026-01-14'),
    heldTime: '16:00',
    conductedBy: 'Jo Bright, Missing People',
    childsAccount: 'I went to see my mates.',
    lateReason: '',
    correctionReason: 'The dates were taken from the wrong interview',
    ...changes,
  });

  beforeAll(async () => {
    database = await openTestDatabase();
    fixture = await seedFixture(database.db);
    app = await startTestApp(database.db);
    child = fixture.children.allocatedToWorker;
    worker = new Visitor(app);
    await worker.signIn('worker');
    await worker.get(`/children/${child}/missing/new`);
    const recorded = await worker.post(`/children/${child}/missing/new`, {
      kind: 'M',
      ...dateFields('startedOn', '2026-01-10'),
      startedTime: '21:30',
      ...dateFields('returnedOn', '2026-01-12'),
      returnedTime: '08:15',
    });
    expect(recorded.status).toBe(303);
    episodeId = (await database.db.selectFrom('missing_episodes').select('id').where('person_id', '=', child).executeTakeFirstOrThrow()).id;
    await worker.get(`/children/${child}/missing/${episodeId}/interview`);
    const { version: _version, correctionReason: _reason, ...interview } = interviewCorrection('1');
    expect((await worker.post(`/children/${child}/missing/${episodeId}/interview`, interview)).status).toBe(303);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('corrects the return home interview date: the 72-hour clock goes from met on time to met late', async () => {
    expect(await interviewClock()).toBe('met_on_time');
    const overview = await worker.get(`/children/${child}/missing`);
    expect(overview.body).toContain(`/missing/${episodeId}/interview/change`);
    const page = await worker.get(`/children/${child}/missing/${episodeId}/interview/change`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Change the return home interview');
    expect(page.body).toContain('value="Jo Bright, Missing People"');
    const late = await worker.post(
      `/children/${child}/missing/${episodeId}/interview/change`,
      interviewCorrection(versionIn(page.body), { ...dateFields('offeredOn', '2026-01-16'), ...dateFields('heldOn', '2026-01-16') }),
    );
    expect(late.status).toBe(400);
    expect(late.body).toContain('Say why the interview was offered more than 72 hours after the return');
    expect(await interviewClock()).toBe('met_on_time');

    const saved = await worker.post(
      `/children/${child}/missing/${episodeId}/interview/change`,
      interviewCorrection(versionIn(page.body), {
        ...dateFields('offeredOn', '2026-01-16'),
        ...dateFields('heldOn', '2026-01-16'),
        lateReason: 'The child would not talk until the weekend',
      }),
    );
    expect(saved.status).toBe(303);
    expect(await interviewClock()).toBe('met_late');
    const [interview] = await interviews();
    expect(interview).toMatchObject({ offered_on: '2026-01-16', held_on: '2026-01-16', version: 2 });
    expect((await worker.get(`/children/${child}/missing`)).body).toContain('Offered late');
    const entry = await database.db
      .selectFrom('chronology_entries')
      .select('summary')
      .where('person_id', '=', child)
      .where('kind', '=', 'correction')
      .executeTakeFirstOrThrow();
    expect(entry.summary).toContain('Return home interview corrected: offered from 13 January 2026 at 10:00 to 16 January 2026 at 10:00');
    expect(entry.summary).toContain('Reason: The dates were taken from the wrong interview');
  });

  it('refuses a stale correction with 409 and an invalid one with the error summary, changing nothing', async () => {
    const before = await everything();
    const stale = await worker.post(`/children/${child}/missing/${episodeId}/interview/change`, interviewCorrection('1'));
    expect(stale.status).toBe(409);
    const page = await worker.get(`/children/${child}/missing/${episodeId}/interview/change`);
    const beforeReturn = await worker.post(
      `/children/${child}/missing/${episodeId}/interview/change`,
      interviewCorrection(versionIn(page.body), { ...dateFields('offeredOn', '2026-01-11'), conductedBy: '' }),
    );
    expect(beforeReturn.status).toBe(400);
    expect(beforeReturn.body).toContain('There is a problem');
    expect(beforeReturn.body).toContain('Enter who offered or held the interview');
    expect(await everything()).toEqual(before);
  });

  it('corrects the return time of the episode, which moves when the interview was due', async () => {
    const page = await worker.get(`/children/${child}/missing/${episodeId}/change`);
    expect(page.body).toContain('Change a missing episode');
    const saved = await worker.post(`/children/${child}/missing/${episodeId}/change`, {
      version: versionIn(page.body),
      kind: 'M',
      ...dateFields('startedOn', '2026-01-10'),
      startedTime: '21:30',
      ...dateFields('returnedOn', '2026-01-14'),
      returnedTime: '08:00',
      correctionReason: 'She came back on the Wednesday, not the Monday',
    });
    expect(saved.status).toBe(303);
    expect(await interviewClock()).toBe('met_on_time');
  });

  it('removes the return home interview recorded in error: the 72-hour clock is open again', async () => {
    const page = await worker.get(`/children/${child}/missing/${episodeId}/interview/remove`);
    expect(page.status).toBe(200);
    const removed = await worker.post(`/children/${child}/missing/${episodeId}/interview/remove`, {
      version: versionIn(page.body),
      reason: 'Recorded against the wrong episode',
    });
    expect(removed.status).toBe(303);
    expect(await interviews()).toHaveLength(0);
    expect(await interviewClock()).toBe('overdue');
  });

  it('lets only those who record missing episodes correct them (403 for the others)', async () => {
    const analyst = new Visitor(app);
    await analyst.signIn('analyst');
    expect((await analyst.get(`/children/${child}/missing/${episodeId}/change`)).status).toBe(403);
    expect((await analyst.post(`/children/${child}/missing/${episodeId}/remove`, { version: '1', reason: 'x' })).status).toBe(403);
  });

  it('removes the missing episode recorded in error with its case events, keeping the chronology', async () => {
    const page = await worker.get(`/children/${child}/missing/${episodeId}/remove`);
    const removed = await worker.post(`/children/${child}/missing/${episodeId}/remove`, {
      version: versionIn(page.body),
      reason: 'Entered on the wrong child',
    });
    expect(removed.status).toBe(303);
    const after = await everything();
    expect(after.episodes).toHaveLength(0);
    expect(after.events).toEqual([]);
    const summaries = await database.db.selectFrom('chronology_entries').select('summary').where('person_id', '=', child).execute();
    expect(summaries.map((s) => s.summary)).toContain(
      'Missing episode from 10 January 2026 at 21:30 removed as recorded in error. Reason: Entered on the wrong child',
    );
    expect(summaries.some((s) => s.summary.startsWith('Missing from home'))).toBe(true);
  });
});
