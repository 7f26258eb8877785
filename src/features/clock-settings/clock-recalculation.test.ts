import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, Visitor } from '../../../test/app.js';
import { openTestDatabase, type TestDatabase } from '../../../test/database.js';
import { type Fixture, seedFixture } from '../../../test/fixtures.js';
import { withChildRecord } from '../../platform/access.js';
import type { Actor } from '../../platform/actor.js';
import { loadActor } from '../../platform/staff-directory.js';
import { calendar, recordCaseEvents } from '../clocks/service.js';
import { latestClockRecalculation, readClockSettings, runClockRecalculations, startClockRecalculationRunner } from './service.js';

describe('recalculating every child’s clocks in the background after the settings change', () => {
  let database: TestDatabase;
  let fixture: Fixture;
  let app: FastifyInstance;
  let admin: Visitor;
  const referredOn = '2026-01-05';
  let children: string[];

  /** Each child's assessment due date, in the order the recalculation works through them (by id). */
  const assessmentDueDates = async () => {
    const rows = await database.db
      .selectFrom('clock_instances')
      .select(['person_id', 'due_on'])
      .where('clock_id', '=', 'cf_assessment')
      .where('person_id', 'in', children)
      .orderBy('person_id')
      .execute();
    return rows.map((row) => row.due_on);
  };
  const dueAfter = (workingDays: number) => calendar.addWorkingDays(referredOn, workingDays);

  /** An administrator sets the assessment timescale, as on the page. */
  const setAssessmentTimescale = async (workingDays: number) => {
    await admin.get('/admin/clock-settings/clocks/cf_assessment');
    const { version } = await readClockSettings(database.db);
    const saved = await admin.post('/admin/clock-settings/clocks/cf_assessment', {
      version: String(version),
      due: String(workingDays),
      dueUnit: 'working_days',
    });
    expect(saved.status).toBe(303);
  };

  beforeAll(async () => {
    database = await openTestDatabase();
    fixture = await seedFixture(database.db);
    app = await startTestApp(database.db);
    const frontDoor = (await loadActor(database.db, fixture.staff.frontDoor?.id as string, '127.0.0.1')) as Actor;
    const { allocatedToWorker, northTeamOnly, south, inCare } = fixture.children;
    children = [allocatedToWorker, northTeamOnly, south, inCare].sort();
    for (const [n, personId] of children.entries())
      await withChildRecord(database.db, frontDoor, personId, 'edit', 'test.case_events', (access) =>
        recordCaseEvents(access, [
          { kind: 'referral_received', occurredOn: referredOn, ref: `r${n}`, source: { type: 'referral', id: `r${n}` } },
        ]),
      );
    admin = new Visitor(app);
    await admin.signIn('admin');
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('a save only queues the work; the runner brings every child to the new settings, and the banners show it until then', async () => {
    expect(await assessmentDueDates()).toEqual(children.map(() => dueAfter(45)));
    await setAssessmentTimescale(40);
    expect(await assessmentDueDates()).toEqual(children.map(() => dueAfter(45)));
    expect(await latestClockRecalculation(database.db)).toMatchObject({ status: 'queued', done: 0, total: 4 });

    const worker = new Visitor(app);
    await worker.signIn('worker');
    const banner = 'Clocks are being recalculated with the new settings: 0 of 4 children';
    expect((await admin.get('/admin/clock-settings')).body).toContain(banner);
    expect((await worker.get('/worktray')).body).toContain(banner);

    const seen: number[] = [];
    const latest = await runClockRecalculations(database.db, { batchSize: 3, onProgress: ({ done }) => void seen.push(done) });
    expect(latest).toMatchObject({ status: 'finished', done: 4, total: 4 });
    expect(seen).toEqual([3, 4]);
    expect(await assessmentDueDates()).toEqual(children.map(() => dueAfter(40)));
    expect((await worker.get('/worktray')).body).not.toContain('Clocks are being recalculated');
    expect((await admin.get('/admin/clock-settings')).body).toContain('(4 children)');
  });

  it('stopped part way (the server restarting), it carries on from the next child', async () => {
    await setAssessmentTimescale(38);
    let batches = 0;
    const stopped = await runClockRecalculations(database.db, {
      batchSize: 1,
      onProgress: () => void batches++,
      shouldStop: () => batches === 2,
    });
    expect(stopped).toMatchObject({ status: 'running', done: 2, total: 4 });
    expect(await assessmentDueDates()).toEqual([dueAfter(38), dueAfter(38), dueAfter(40), dueAfter(40)]);
    expect((await admin.get('/admin/clock-settings')).body).toContain(
      'Clocks are being recalculated with the new settings: 2 of 4 children',
    );

    const resumed: number[] = [];
    const latest = await runClockRecalculations(database.db, { batchSize: 1, onProgress: ({ done }) => void resumed.push(done) });
    expect(resumed).toEqual([3, 4]);
    expect(latest).toMatchObject({ status: 'finished', done: 4, total: 4 });
    expect(await assessmentDueDates()).toEqual(children.map(() => dueAfter(38)));
  });

  it('never runs twice at once: a claim stays with its runner until it goes quiet, or its process is known to be gone', async () => {
    await setAssessmentTimescale(37);
    // A runner that dies after its first batch, without letting go.
    await expect(
      runClockRecalculations(database.db, {
        runner: 'died',
        batchSize: 1,
        onProgress: () => {
          throw new Error('the process died');
        },
      }),
    ).rejects.toThrow('the process died');

    expect(await runClockRecalculations(database.db, { batchSize: 1 })).toMatchObject({ status: 'running', done: 1 });
    expect(await assessmentDueDates()).toEqual([dueAfter(37), dueAfter(38), dueAfter(38), dueAfter(38)]);

    await sql`update clock_recalculations set heartbeat_at = now() - interval '2 minutes' where runner = 'died'`.execute(database.db);
    expect(await runClockRecalculations(database.db, { batchSize: 1 })).toMatchObject({ status: 'finished', done: 4 });
    expect(await assessmentDueDates()).toEqual(children.map(() => dueAfter(37)));

    // On the embedded database this process holds the folder, so a claim from before the restart is taken at once.
    await setAssessmentTimescale(36);
    await expect(
      runClockRecalculations(database.db, {
        runner: 'died again',
        onProgress: () => {
          throw new Error('the process died');
        },
        batchSize: 1,
      }),
    ).rejects.toThrow();
    expect(await runClockRecalculations(database.db, { onlyProcess: true })).toMatchObject({ status: 'finished', done: 4 });
    expect(await assessmentDueDates()).toEqual(children.map(() => dueAfter(36)));
  });

  it('a second save while one runs supersedes it, and the children end on the latest settings', async () => {
    await setAssessmentTimescale(35);
    let savedAgain = false;
    const latest = await runClockRecalculations(database.db, {
      batchSize: 1,
      onProgress: async () => {
        if (savedAgain) return;
        savedAgain = true;
        await setAssessmentTimescale(30);
      },
    });
    expect(latest).toMatchObject({ status: 'finished', done: 4, total: 4 });
    expect(await assessmentDueDates()).toEqual(children.map(() => dueAfter(30)));
    const statuses = await database.db
      .selectFrom('clock_recalculations')
      .select(['status', 'done'])
      .orderBy('requested_at', 'desc')
      .limit(2)
      .execute();
    expect(statuses).toEqual([
      { status: 'finished', done: 4 },
      { status: 'superseded', done: 1 },
    ]);
  });

  it('the server’s runner takes a save’s recalculation at once, and stops cleanly', async () => {
    const logged: string[] = [];
    const log = {
      info: (_: object, message: string) => void logged.push(message),
      error: (_: object, message: string) => void logged.push(message),
    };
    const runner = startClockRecalculationRunner(database.db, log);
    try {
      await setAssessmentTimescale(33);
      await vi.waitFor(async () => expect(await latestClockRecalculation(database.db)).toMatchObject({ status: 'finished' }), {
        timeout: 60_000,
        interval: 100,
      });
    } finally {
      await runner.stop();
    }
    expect(await assessmentDueDates()).toEqual(children.map(() => dueAfter(33)));
    expect(logged).toEqual(['clocks recalculated']);
  });

  it('a failed batch is reported without personal data, and an administrator can try again', async () => {
    // Something the database refuses: here, a rule that no assessment may fall due after its old date.
    await sql`alter table clock_instances add constraint test_refuses_later_dates
      check (clock_id <> 'cf_assessment' or due_on <= ${sql.lit(dueAfter(30))}) not valid`.execute(database.db);
    await setAssessmentTimescale(31);
    const failed = await runClockRecalculations(database.db);
    expect(failed).toMatchObject({
      status: 'failed',
      done: 0,
      failure: 'The database refused a batch of children (PostgreSQL error 23514).',
    });
    const page = await admin.get('/admin/clock-settings');
    expect(page.body).toContain('Clocks could not all be recalculated with the new settings: 0 of 4 children were done');
    expect(page.body).toContain('PostgreSQL error 23514');
    const manager = new Visitor(app);
    await manager.signIn('manager');
    expect((await manager.get('/worktray/team')).body).toContain('An administrator can try again at Clock settings.');

    await sql`alter table clock_instances drop constraint test_refuses_later_dates`.execute(database.db);
    expect((await admin.post('/admin/clock-settings/recalculate')).status).toBe(303);
    expect(await runClockRecalculations(database.db)).toMatchObject({ status: 'finished', done: 4 });
    expect(await assessmentDueDates()).toEqual(children.map(() => dueAfter(31)));
    const audit = await database.db
      .selectFrom('audit_events')
      .select(['action', 'staff_id'])
      .where('action', '=', 'clock_settings.recalculate')
      .execute();
    expect(audit).toEqual([{ action: 'clock_settings.recalculate', staff_id: fixture.staff.admin?.id }]);
  });
});
