import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, Visitor } from '../../../test/app.js';
import { dateInput, openReferralFor } from '../../../test/casework-fixtures.js';
import { openTestDatabase, type TestDatabase } from '../../../test/database.js';
import { type Fixture, seedFixture } from '../../../test/fixtures.js';
import { todayInEngland } from '../../platform/today.js';
import { calendar } from '../clocks/service.js';

describe('case supervision', () => {
  let database: TestDatabase;
  let fixture: Fixture;
  let app: FastifyInstance;
  let worker: Visitor;
  let manager: Visitor;
  let child: string;
  const today = todayInEngland();
  const referredOn = calendar.addWorkingDays(today, -30);
  const base = () => `/children/${child}/casework/supervision`;
  const count = async (table: 'case_supervisions' | 'supervision_actions') =>
    Number(
      (
        await database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('person_id', '=', child)
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    database = await openTestDatabase();
    fixture = await seedFixture(database.db);
    app = await startTestApp(database.db);
    child = fixture.children.allocatedToWorker;
    await openReferralFor(database.db, fixture, child, referredOn);
    worker = new Visitor(app);
    await worker.signIn('worker');
    manager = new Visitor(app);
    await manager.signIn('manager');
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('runs a supervision clock on the open case, at the local standard', async () => {
    const [instance] = await database.db
      .selectFrom('clock_instances')
      .selectAll()
      .where('person_id', '=', child)
      .where('clock_id', '=', 'case_supervision')
      .execute();
    expect(instance?.started_on).toBe(referredOn);
    expect(instance?.completed_on).toBeNull();
  });

  it('only managers record supervision', async () => {
    expect((await worker.get(`${base()}/new`)).status).toBe(403);
    expect((await worker.post(`${base()}/new`, { ...dateInput('heldOn', today), reflection: 'x', decisions: 'y' })).status).toBe(403);
  });

  it('refuses an action without an owner or due date, and saves nothing', async () => {
    await manager.get(`${base()}/new`);
    const response = await manager.post(`${base()}/new`, {
      ...dateInput('heldOn', today),
      reflection: 'Mother is engaging; father avoids visits.',
      decisions: 'Keep the plan; see father at home.',
      action1Description: 'Visit father at home',
    });
    expect(response.status).toBe(400);
    expect(response.body).toContain('Choose who owns the action');
    expect(response.body).toContain('Enter the date the action is due');
    expect(await count('case_supervisions')).toBe(0);
    const future = await manager.post(`${base()}/new`, {
      ...dateInput('heldOn', calendar.addWorkingDays(today, 3)),
      reflection: 'x',
      decisions: 'y',
    });
    expect(future.status).toBe(400);
    expect(await count('case_supervisions')).toBe(0);
  });

  it('records reflection, decisions and actions; meets the clock; puts the action on its owner’s worktray', async () => {
    const due = calendar.addWorkingDays(today, 5);
    const response = await manager.post(`${base()}/new`, {
      ...dateInput('heldOn', today),
      reflection: 'Mother is engaging; father avoids visits.',
      decisions: 'Keep the plan; see father at home.',
      action1Description: 'Visit father at home',
      action1Owner: fixture.staff.worker?.id as string,
      ...dateInput('action1DueOn', due),
    });
    expect(response.status).toBe(303);
    expect(await count('supervision_actions')).toBe(1);
    const [instance] = await database.db
      .selectFrom('clock_instances')
      .selectAll()
      .where('person_id', '=', child)
      .where('clock_id', '=', 'case_supervision')
      .orderBy('occurrence')
      .execute();
    expect(instance?.completed_on).toBe(today);
    const entries = await database.db
      .selectFrom('chronology_entries')
      .select('kind')
      .where('person_id', '=', child)
      .where('source_type', '=', 'case_supervision')
      .execute();
    expect(entries.map((e) => e.kind)).toEqual(['supervision']);

    const tray = await worker.get('/worktray');
    expect(tray.body).toContain('Visit father at home');
    expect(tray.body).toContain('Agreed in supervision on');
    const page = await worker.get(base());
    expect(page.body).toContain('Mother is engaging');
    const version = /name="version" value="(\d+)"/.exec(page.body)?.[1] as string;
    const action = await database.db
      .selectFrom('supervision_actions')
      .select('id')
      .where('person_id', '=', child)
      .executeTakeFirstOrThrow();
    expect((await worker.post(`${base()}/actions/${action.id}/done`, { version })).status).toBe(303);
    expect((await worker.post(`${base()}/actions/${action.id}/done`, { version })).status).toBe(409);
    expect((await worker.get('/worktray')).body).not.toContain('Visit father at home');
  });

  it('shows each worker’s own supervision clock to their team manager', async () => {
    const page = await manager.get('/supervision');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Test worker');
    expect(page.body).toContain('every 1 month');
    expect((await worker.get('/supervision')).status).toBe(403);
  });
});
