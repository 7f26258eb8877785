import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, Visitor } from '../../../test/app.js';
import { openTestDatabase, type TestDatabase } from '../../../test/database.js';
import { type Fixture, seedFixture } from '../../../test/fixtures.js';
import { withChildRecord } from '../../platform/access.js';
import type { Actor } from '../../platform/actor.js';
import { loadActor } from '../../platform/staff-directory.js';
import { calendar, recordCaseEvents } from '../clocks/service.js';
import { readClockSettings, runClockRecalculations } from './service.js';

describe('clock settings', () => {
  let database: TestDatabase;
  let fixture: Fixture;
  let app: FastifyInstance;
  const assessmentDue = () =>
    database.db
      .selectFrom('clock_instances')
      .select(['due_on', 'due_soon_from'])
      .where('person_id', '=', fixture.children.allocatedToWorker)
      .where('clock_id', '=', 'cf_assessment')
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    database = await openTestDatabase();
    fixture = await seedFixture(database.db);
    app = await startTestApp(database.db);
    const actor = (await loadActor(database.db, fixture.staff.worker?.id as string, '127.0.0.1')) as Actor;
    await withChildRecord(database.db, actor, fixture.children.allocatedToWorker, 'edit', 'test.case_events', (access) =>
      recordCaseEvents(access, [{ kind: 'referral_received', occurredOn: '2026-01-05', source: { type: 'referral', id: 'r1' } }]),
    );
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('only administrators may open the settings', async () => {
    const worker = new Visitor(app);
    await worker.signIn('manager');
    expect((await worker.get('/admin/clock-settings')).status).toBe(403);
    const admin = new Visitor(app);
    await admin.signIn('admin');
    const page = await admin.get('/admin/clock-settings');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Child and family (single) assessment completed');
    expect(page.body).toContain('within 45 working days');
    expect(page.body).toContain('Statutory maximum');
  });

  it('refuses to lengthen a statutory clock with a clear error, and saves nothing', async () => {
    const admin = new Visitor(app);
    await admin.signIn('admin');
    await admin.get('/admin/clock-settings/clocks/cf_assessment');
    const response = await admin.post('/admin/clock-settings/clocks/cf_assessment', { version: '1', due: '50', dueUnit: 'working_days' });
    expect(response.status).toBe(400);
    expect(response.body).toContain('There is a problem');
    expect(response.body).toContain('Due of 50 working days is longer than the statutory 45 working days');
    expect((await readClockSettings(database.db)).local.clocks).toEqual({});
    const bad = await admin.post('/admin/clock-settings/clocks/cf_assessment', { version: '1', due: 'ten', dueUnit: 'working_days' });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('Enter a whole number');
  });

  it('a stricter timescale is saved at once, and the background recalculation brings every child’s clocks to it', async () => {
    expect((await assessmentDue()).due_on).toBe(calendar.addWorkingDays('2026-01-05', 45));
    const admin = new Visitor(app);
    await admin.signIn('admin');
    await admin.get('/admin/clock-settings/clocks/cf_assessment');
    const saved = await admin.post('/admin/clock-settings/clocks/cf_assessment', { version: '1', due: '40', dueUnit: 'working_days' });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe('/admin/clock-settings');
    // The request only queued the work: the clocks still follow the old settings.
    expect((await assessmentDue()).due_on).toBe(calendar.addWorkingDays('2026-01-05', 45));
    const waiting = await admin.get('/admin/clock-settings');
    expect(waiting.body).toContain('Clocks are being recalculated with the new settings: 0 of 1 child');
    expect(waiting.body).toContain('within 40 working days');

    expect(await runClockRecalculations(database.db)).toMatchObject({ status: 'finished', done: 1, total: 1 });
    expect((await assessmentDue()).due_on).toBe(calendar.addWorkingDays('2026-01-05', 40));
    const done = await admin.get('/admin/clock-settings');
    expect(done.body).not.toContain('Clocks are being recalculated');
    expect(done.body).toContain('Every child’s clocks were last recalculated with these settings');
    expect(done.body).toContain('(1 child)');
  });

  it('the general settings change the due-soon window and the counting convention of every recompute', async () => {
    const admin = new Visitor(app);
    await admin.signIn('admin');
    const version = String((await readClockSettings(database.db)).version);
    await admin.get('/admin/clock-settings/general');
    const invalid = await admin.post('/admin/clock-settings/general', {
      version,
      countingConvention: 'start_is_day_zero',
      dueSoonWorkingDays: '5',
      escalateToTeamManagerAfter: '5',
      escalateToServiceManagerAfterFurther: '10',
      driftAfter: '0',
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toContain('The drift period must be 1 or more working days');
    const saved = await admin.post('/admin/clock-settings/general', {
      version,
      countingConvention: 'start_is_day_one',
      dueSoonWorkingDays: '10',
      escalateToTeamManagerAfter: '3',
      escalateToServiceManagerAfterFurther: '7',
      driftAfter: '15',
    });
    expect(saved.status).toBe(303);
    await runClockRecalculations(database.db);
    const due = calendar.addWorkingDays('2026-01-05', 39);
    expect(await assessmentDue()).toEqual({ due_on: due, due_soon_from: calendar.addWorkingDays(due, -10) });
    expect((await readClockSettings(database.db)).oversight).toEqual({
      escalateToTeamManagerAfter: 3,
      escalateToServiceManagerAfterFurther: 7,
      driftAfter: 15,
    });
  });

  it('a save from a page opened before someone else saved is refused with 409', async () => {
    const admin = new Visitor(app);
    await admin.signIn('admin');
    await admin.get('/admin/clock-settings/clocks/cp_visit');
    const stale = await admin.post('/admin/clock-settings/clocks/cp_visit', {
      version: '1',
      due: '5',
      dueUnit: 'working_days',
      repeat: '5',
      repeatUnit: 'working_days',
    });
    expect(stale.status).toBe(409);
    expect((await readClockSettings(database.db)).local.clocks?.cp_visit).toBeUndefined();
  });
});
