import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, Visitor } from '../../../test/app.js';
import { openTestDatabase, type TestDatabase } from '../../../test/database.js';
import { type Fixture, seedFixture } from '../../../test/fixtures.js';
import { addCalendarDays } from '../../domain/calendar/index.js';
import { childrenVisibleTo, withChildRecord } from '../../platform/access.js';
import type { Actor } from '../../platform/actor.js';
import { loadActor } from '../../platform/staff-directory.js';
import { recordChronologyEntry } from '../chronology/service.js';
import { calendar, recordCaseEvents } from '../clocks/service.js';
import { DRIFT_RESETTING_CHRONOLOGY_KINDS } from './drift-kinds.js';
import { mayView } from './queries.js';
import { viewWorktray, worktraySummary } from './service.js';

describe('worktrays', () => {
  let database: TestDatabase;
  let fixture: Fixture;
  let app: FastifyInstance;
  const actors: Record<string, Actor> = {};
  const referredOn = '2026-01-05';
  const dueOn = calendar.addWorkingDays(referredOn, 45);
  /** Other clocks (case supervision) also start at a referral; these tests follow the assessment. */
  const assessment = { clockIds: ['cf_assessment'] };
  const at = (workingDaysAfterDue: number) => ({ date: calendar.addWorkingDays(dueOn, workingDaysAfterDue), time: '12:00' });

  beforeAll(async () => {
    database = await openTestDatabase();
    fixture = await seedFixture(database.db);
    app = await startTestApp(database.db);
    for (const [name, staff] of Object.entries(fixture.staff)) {
      const actor = await loadActor(database.db, staff.id, '127.0.0.1');
      if (actor) actors[name] = actor;
    }
    const record = (personId: string, events: Parameters<typeof recordCaseEvents>[1]) =>
      withChildRecord(database.db, actors.frontDoor as Actor, personId, 'edit', 'test.case_events', (access) =>
        recordCaseEvents(access, events),
      );
    await record(fixture.children.allocatedToWorker, [
      { kind: 'referral_received', occurredOn: referredOn, ref: 'r1', source: { type: 'referral', id: 'r1' } },
    ]);
    await record(fixture.children.northTeamOnly, [
      { kind: 'referral_received', occurredOn: referredOn, ref: 'r2', source: { type: 'referral', id: 'r2' } },
      { kind: 'assessment_authorised', occurredOn: '2026-02-02', ref: 'r2', source: { type: 'assessment', id: 'a2' } },
    ]);
    await record(fixture.children.south, [
      { kind: 'referral_received', occurredOn: referredOn, ref: 'r3', source: { type: 'referral', id: 'r3' } },
    ]);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('the SQL that scopes worktrays lets each person see exactly the children childrenVisibleTo allows', async () => {
    const everyChild = Object.values(fixture.children);
    for (const [name, actor] of Object.entries(actors)) {
      const bySql = await database.db
        .selectFrom('people as p')
        .select('p.id')
        .where((eb) => mayView(eb, actor))
        .execute();
      const expected = await childrenVisibleTo(database.db, actor, everyChild, 'test.visibility');
      expect({ name, ids: bySql.map((row) => row.id).sort() }).toEqual({ name, ids: [...expected].sort() });
    }
  });

  it('a worker sees their own children’s open clocks, due soon and then overdue, in words', async () => {
    const soon = await viewWorktray(database.db, actors.worker as Actor, 'mine', assessment, at(-2));
    expect(soon.items).toHaveLength(1);
    expect(soon.items[0]).toMatchObject({
      clockId: 'cf_assessment',
      status: 'due_soon',
      urgency: 'Due in 2 working days',
      escalated: false,
    });
    expect(soon.items[0]?.clockName).toContain('Child and family');
    const late = await viewWorktray(database.db, actors.worker as Actor, 'mine', assessment, at(3));
    expect(late.items[0]).toMatchObject({ status: 'overdue', urgency: 'Overdue by 3 working days', escalated: false });
    expect(late.counts).toMatchObject({ overdue: 1, dueSoon: 0 });
  });

  it('every overdue item of a worker is on the team manager’s tray, marked Escalated from 5 working days overdue', async () => {
    const before = await viewWorktray(database.db, actors.manager as Actor, 'team', assessment, at(4));
    const item = before.items.find((i) => i.personId === fixture.children.allocatedToWorker);
    expect(item).toMatchObject({ status: 'overdue', escalated: false });
    const after = await viewWorktray(database.db, actors.manager as Actor, 'team', assessment, at(5));
    expect(after.items.find((i) => i.personId === fixture.children.allocatedToWorker)).toMatchObject({ escalated: true });
    expect(after.counts.escalated).toBe(1);
    expect(after.items.map((i) => i.personId)).not.toContain(fixture.children.northTeamOnly);
    const worker = after.groups.find((g) => g.id === fixture.staff.worker?.id);
    expect(worker).toMatchObject({ overdue: 1, escalated: 1 });
  });

  it('appears on the service manager’s tray only a further 10 working days on', async () => {
    const before = await viewWorktray(database.db, actors.headOfService as Actor, 'service', assessment, at(14));
    expect(before.items.map((i) => i.personId)).not.toContain(fixture.children.allocatedToWorker);
    expect(before.counts.overdue).toBe(2);
    const after = await viewWorktray(database.db, actors.headOfService as Actor, 'service', assessment, at(15));
    expect(after.items.map((i) => i.personId).sort()).toEqual([fixture.children.allocatedToWorker, fixture.children.south].sort());
    expect(after.items.every((i) => i.escalated)).toBe(true);
    expect(after.groups.find((g) => g.name === 'North')).toMatchObject({ overdue: 1, escalated: 1 });
  });

  it('filters by clock, status, escalation and worker', async () => {
    const manager = actors.manager as Actor;
    expect((await viewWorktray(database.db, manager, 'team', { ...assessment, statuses: ['due_soon'] }, at(3))).items).toHaveLength(0);
    expect((await viewWorktray(database.db, manager, 'team', { ...assessment, statuses: ['overdue'] }, at(3))).items).toHaveLength(1);
    expect((await viewWorktray(database.db, manager, 'team', { clockIds: ['icpc'] }, at(3))).items).toHaveLength(0);
    expect((await viewWorktray(database.db, manager, 'team', { ...assessment, escalatedTo: 'team_manager' }, at(3))).items).toHaveLength(0);
    expect((await viewWorktray(database.db, manager, 'team', { ...assessment, worker: 'none' }, at(3))).items).toHaveLength(0);
  });

  it('flags an open case with no visit or oversight for more than 20 working days on all three trays, and clears it with a visit', async () => {
    const asOf = { date: '2026-03-02', time: '09:00' };
    for (const [name, kind] of [
      ['worker', 'mine'],
      ['manager', 'team'],
      ['headOfService', 'service'],
    ] as const) {
      const tray = await viewWorktray(database.db, actors[name] as Actor, kind, {}, asOf);
      expect({ name, drifting: tray.drifting.map((d) => d.personId) }).toMatchObject({
        name,
        drifting: expect.arrayContaining([fixture.children.allocatedToWorker]),
      });
    }
    expect(DRIFT_RESETTING_CHRONOLOGY_KINDS).toEqual(['visit', 'management_oversight', 'supervision']);
    await withChildRecord(database.db, actors.worker as Actor, fixture.children.allocatedToWorker, 'edit', 'test.visit', (access) =>
      recordChronologyEntry(access, {
        kind: 'visit',
        occurredOn: '2026-02-20',
        summary: 'Home visit',
        source: { type: 'visit', id: 'v1' },
      }),
    );
    const after = await viewWorktray(database.db, actors.manager as Actor, 'team', {}, asOf);
    expect(after.drifting.map((d) => d.personId)).not.toContain(fixture.children.allocatedToWorker);
    expect(after.drifting.map((d) => d.personId)).toContain(fixture.children.northTeamOnly);
    const later = await viewWorktray(
      database.db,
      actors.worker as Actor,
      'mine',
      {},
      { date: addCalendarDays('2026-02-20', 40), time: '09:00' },
    );
    expect(later.drifting[0]).toMatchObject({ personId: fixture.children.allocatedToWorker, lastSeenOn: '2026-02-20' });
  });

  it('the home page shows the tray counts with a link; roles without a tray get none', async () => {
    expect(await worktraySummary(database.db, actors.frontDoor as Actor)).toBeNull();
    const visitor = new Visitor(app);
    await visitor.signIn('manager');
    const home = await visitor.get('/');
    expect(home.body).toContain('Your worktray');
    expect(home.body).toContain('href="/worktray/team"');
    expect(home.body).toContain('Caseloads in your team');
  });

  it('serves each tray only to its role, with the child linked and the clock named', async () => {
    const worker = new Visitor(app);
    await worker.signIn('worker');
    const page = await worker.get('/worktray');
    expect(page.status).toBe(200);
    expect(page.body).toContain(`href="/children/${fixture.children.allocatedToWorker}"`);
    expect(page.body).toContain('Child and family (single) assessment completed');
    expect(page.body).toMatch(/Overdue by \d+ working days/);
    expect((await worker.get('/worktray/team')).status).toBe(403);
    expect((await worker.get('/worktray/service')).status).toBe(403);
    expect((await worker.get('/worktray?status=sideways')).status).toBe(400);
    const filtered = await worker.get('/worktray?status=due_soon');
    expect(filtered.body).toContain('Nothing matches these filters.');
    expect(filtered.body).toContain('Remove this filter');

    const manager = new Visitor(app);
    await manager.signIn('manager');
    const team = await manager.get('/worktray/team');
    expect(team.status).toBe(200);
    expect(team.body).toContain('Escalated');
    expect(team.body).toContain('Test worker');
    expect((await manager.get('/worktray')).status).toBe(403);

    const head = new Visitor(app);
    await head.signIn('headOfService');
    const service = await head.get('/worktray/service');
    expect(service.status).toBe(200);
    expect(service.body).toContain(`href="/children/${fixture.children.south}"`);

    const frontDoor = new Visitor(app);
    await frontDoor.signIn('frontDoor');
    expect((await frontDoor.get('/worktray')).status).toBe(403);
  });

  it('hides restricted children from a tray unless the person is named on the record', async () => {
    await withChildRecord(database.db, actors.worker as Actor, fixture.children.restricted, 'edit', 'test.case_events', (access) =>
      recordCaseEvents(access, [{ kind: 'referral_received', occurredOn: referredOn, source: { type: 'referral', id: 'r9' } }]),
    );
    const southWorker = await viewWorktray(database.db, actors.southWorker as Actor, 'mine', assessment, at(1));
    expect(southWorker.items.map((i) => i.personId)).toEqual([fixture.children.south]);
  });

  it('the service manager’s tray also holds the children not allocated to any team', async () => {
    await withChildRecord(database.db, actors.frontDoor as Actor, fixture.children.unallocated, 'edit', 'test.case_events', (access) =>
      recordCaseEvents(access, [{ kind: 'referral_received', occurredOn: referredOn, source: { type: 'referral', id: 'r10' } }]),
    );
    const tray = await viewWorktray(database.db, actors.headOfService as Actor, 'service', assessment, at(16));
    expect(tray.items.map((i) => i.personId)).toContain(fixture.children.unallocated);
    expect(tray.groups.find((g) => g.id === null)).toMatchObject({ name: 'Not allocated to a team', overdue: 1, escalated: 1 });
    const team = await viewWorktray(database.db, actors.manager as Actor, 'team', assessment, at(16));
    expect(team.items.map((i) => i.personId)).not.toContain(fixture.children.unallocated);
  });
});
