import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, Visitor } from '../../../test/app.js';
import { openTestDatabase, type TestDatabase } from '../../../test/database.js';
import { type Fixture, seedFixture } from '../../../test/fixtures.js';
import { dateFields, markFrontDoorTeam } from '../../../test/front-door-fixtures.js';
import { dateAndTimeInEngland } from '../../platform/england-time.js';
import { handoverDayOf } from './handover/service.js';

/** A complete answered call form received at `date` `time`, answered at `answeredTime` the same day; override any field. */
function callForm(children: readonly string[], date: string, time: string, overrides: Record<string, string> = {}) {
  return {
    children: children.join(','),
    ...dateFields('receivedDate', date),
    receivedTime: time,
    answer: 'answered',
    ...dateFields('answeredDate', date),
    answeredTime: time,
    callerType: 'police',
    callerName: 'PC Example',
    concern: 'Child found alone at home late at night.',
    visitNeeded: 'no',
    outcome: 'Child placed with grandmother overnight.',
    ...overrides,
  };
}

const hoursAgo = (hours: number) => dateAndTimeInEngland(new Date(Date.now() - hours * 3_600_000));

describe('out of hours: calls, call-backs, handover and figures', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let fixture: Fixture;
  let edt: Visitor;

  const countCalls = async () =>
    Number(
      (
        await database.db
          .selectFrom('out_of_hours_calls')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const postCall = async (visitor: Visitor, form: Record<string, string>) => {
    await visitor.get('/out-of-hours/calls/new/details');
    const response = await visitor.post('/out-of-hours/calls', form);
    return { response, id: /\/out-of-hours\/calls\/([0-9a-f-]{36})$/.exec(response.location ?? '')?.[1] as string };
  };

  beforeAll(async () => {
    database = await openTestDatabase();
    fixture = await seedFixture(database.db);
    await markFrontDoorTeam(database.db, fixture);
    app = await startTestApp(database.db);
    edt = new Visitor(app);
    await edt.signIn('outOfHours');
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('records a call about known children: on their chronologies and on the next working day’s list of the right team', async () => {
    const at = hoursAgo(2);
    const { response, id } = await postCall(edt, {
      ...callForm([fixture.children.allocatedToWorker, fixture.children.unallocated], at.date, at.time),
      actions: 'visit',
      visitNeeded: 'yes',
    });
    expect(response.status).toBe(303);
    const call = await database.db.selectFrom('out_of_hours_calls').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(call).toMatchObject({
      answer: 'answered',
      caller_type: 'police',
      actions: ['visit'],
      visit_needed: true,
      worker_id: fixture.staff.outOfHours?.id,
    });
    const chronology = await database.db
      .selectFrom('chronology_entries')
      .select(['person_id', 'kind'])
      .where('source_id', '=', id)
      .execute();
    expect(chronology.map((c) => c.person_id).sort()).toEqual([fixture.children.allocatedToWorker, fixture.children.unallocated].sort());
    expect(chronology.every((c) => c.kind === 'out_of_hours')).toBe(true);
    const items = await database.db
      .selectFrom('handover_items')
      .select(['person_id', 'team_id', 'handover_on', 'accepted_at'])
      .where('call_id', '=', id)
      .execute();
    const handoverOn = handoverDayOf(call.received_at);
    expect(items).toHaveLength(2);
    expect(items.find((i) => i.person_id === fixture.children.allocatedToWorker)).toMatchObject({
      team_id: fixture.teams.north,
      handover_on: handoverOn,
      accepted_at: null,
    });
    expect(items.find((i) => i.person_id === fixture.children.unallocated)).toMatchObject({
      team_id: fixture.teams.frontDoor,
      handover_on: handoverOn,
    });
    const page = await edt.get(`/out-of-hours/calls/${id}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Child found alone at home');
  });

  it('keeps unanswered and abandoned calls, with call-back attempts, and hands them to the front door', async () => {
    const at = hoursAgo(3);
    const { response, id } = await postCall(edt, {
      ...callForm([], at.date, at.time, {
        answer: 'abandoned',
        callerType: 'unknown',
        callerName: '',
        concern: '',
        outcome: '',
        callerContactDetails: '07700 900123',
      }),
    });
    expect(response.status).toBe(303);
    const items = await database.db.selectFrom('handover_items').select(['person_id', 'team_id']).where('call_id', '=', id).execute();
    expect(items).toEqual([{ person_id: null, team_id: fixture.teams.frontDoor }]);
    await edt.get(`/out-of-hours/calls/${id}`);
    const early = hoursAgo(4);
    const tooEarly = await edt.post(`/out-of-hours/calls/${id}/callbacks`, {
      ...dateFields('attemptedDate', early.date),
      attemptedTime: early.time,
      result: 'no_answer',
    });
    expect(tooEarly.status).toBe(400);
    expect(tooEarly.body).toContain('A call-back cannot be before the call came in');
    const later = hoursAgo(1);
    const unknownResult = await edt.post(`/out-of-hours/calls/${id}/callbacks`, {
      ...dateFields('attemptedDate', later.date),
      attemptedTime: later.time,
      result: 'maybe',
    });
    expect(unknownResult.status).toBe(400);
    const ok = await edt.post(`/out-of-hours/calls/${id}/callbacks`, {
      ...dateFields('attemptedDate', later.date),
      attemptedTime: later.time,
      result: 'reached',
    });
    expect(ok.status).toBe(303);
    const callbacks = await database.db
      .selectFrom('out_of_hours_callbacks')
      .select(['result', 'attempted_by'])
      .where('call_id', '=', id)
      .execute();
    expect(callbacks).toEqual([{ result: 'reached', attempted_by: fixture.staff.outOfHours?.id }]);
    const log = await edt.get('/out-of-hours/calls');
    expect(log.status).toBe(200);
    expect(log.body).toContain('Caller reached on a call-back');
  });

  it('refuses bad calls with clear messages and saves nothing', async () => {
    const before = await countCalls();
    const future = dateAndTimeInEngland(new Date(Date.now() + 3 * 3_600_000));
    const inFuture = await postCall(edt, callForm([], future.date, future.time));
    expect(inFuture.response.status).toBe(400);
    expect(inFuture.response.body).toContain('The time the call came in must be now or in the past');
    const at = hoursAgo(5);
    const earlier = hoursAgo(6);
    const answeredFirst = await postCall(edt, {
      ...callForm([], at.date, at.time),
      ...dateFields('answeredDate', earlier.date),
      answeredTime: earlier.time,
    });
    expect(answeredFirst.response.status).toBe(400);
    expect(answeredFirst.response.body).toContain('A call cannot be answered before it came in');
    const noConcern = await postCall(edt, callForm([], at.date, at.time, { concern: '', outcome: '' }));
    expect(noConcern.response.status).toBe(400);
    expect(noConcern.response.body).toContain('Enter what the call was about');
    const unknownCaller = await postCall(edt, callForm([], at.date, at.time, { callerType: 'alien', actions: 'teleport' }));
    expect(unknownCaller.response.status).toBe(400);
    expect(unknownCaller.response.body).toContain('Select who rang');
    expect(unknownCaller.response.body).toContain('Select actions from the list');
    expect(await countCalls()).toBe(before);
  });

  it('lets only out-of-hours workers record calls, and only the right roles read the log and the figures', async () => {
    const at = hoursAgo(1);
    for (const username of ['worker', 'manager', 'frontDoor', 'headOfService', 'analyst', 'admin']) {
      const visitor = new Visitor(app);
      await visitor.signIn(username);
      expect((await visitor.get('/out-of-hours/calls/new')).status).toBe(403);
      expect((await visitor.post('/out-of-hours/calls', callForm([], at.date, at.time))).status).toBe(403);
    }
    const expectations: [string, number, number][] = [
      ['worker', 403, 403],
      ['frontDoor', 403, 403],
      ['iro', 403, 403],
      ['headOfService', 200, 200],
      ['analyst', 403, 200],
      ['outOfHours', 200, 200],
    ];
    for (const [username, log, figures] of expectations) {
      const visitor = new Visitor(app);
      await visitor.signIn(username);
      expect({ username, log: (await visitor.get('/out-of-hours/calls')).status }).toEqual({ username, log });
      expect({ username, figures: (await visitor.get('/out-of-hours/figures')).status }).toEqual({ username, figures });
    }
  });

  it('keeps a handover item on the team’s list until someone in that team accepts it', async () => {
    const at = hoursAgo(2);
    const { id } = await postCall(edt, callForm([fixture.children.northTeamOnly], at.date, at.time));
    const item = await database.db
      .selectFrom('handover_items')
      .select(['id', 'team_id'])
      .where('call_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(item.team_id).toBe(fixture.teams.north);

    const south = new Visitor(app);
    await south.signIn('southWorker');
    expect((await south.get(`/handover?team=${fixture.teams.north}`)).status).toBe(403);
    await south.get('/handover');
    expect((await south.post(`/handover/${item.id}/accept`)).status).toBe(403);
    expect((await edt.post(`/handover/${item.id}/accept`)).status).toBe(403);

    const worker = new Visitor(app);
    await worker.signIn('worker');
    const list = await worker.get('/handover');
    expect(list.status).toBe(200);
    expect(list.body).toContain(`/handover/${item.id}/accept`);
    expect(list.body).toContain('Child2 Testcase');
    const accepted = await worker.post(`/handover/${item.id}/accept`);
    expect(accepted.status).toBe(303);
    const row = await database.db
      .selectFrom('handover_items')
      .select(['accepted_by', 'accepted_at'])
      .where('id', '=', item.id)
      .executeTakeFirstOrThrow();
    expect(row.accepted_by).toBe(fixture.staff.worker?.id);
    expect(row.accepted_at).not.toBeNull();
    const manager = new Visitor(app);
    await manager.signIn('manager');
    await manager.get('/handover');
    const again = await manager.post(`/handover/${item.id}/accept`);
    expect(again.status).toBe(409);
    expect(again.body).toContain('Test worker in your team has already accepted this handover');
    const afterwards = await worker.get('/handover');
    expect(afterwards.body).not.toContain(`/handover/${item.id}/accept`);
    expect(afterwards.body).toContain('Accepted by Test worker');

    const frontDoor = new Visitor(app);
    await frontDoor.signIn('frontDoor');
    const frontDoorList = await frontDoor.get('/handover');
    expect(frontDoorList.status).toBe(200);
    expect(frontDoorList.body).toContain('No known child');
  });

  it('counts the head of service’s figures from the call log, night by night', async () => {
    const post = (form: Record<string, string>) => postCall(edt, form);
    await post({ ...callForm([], '2025-01-06', '22:00'), answeredTime: '22:02', actions: 'visit', visitNeeded: 'yes' });
    await post({
      ...callForm([fixture.children.allocatedToWorker, fixture.children.northTeamOnly], '2025-01-07', '02:00'),
      answeredTime: '02:10',
      actions: 'custody_visit',
    });
    await post(callForm([], '2025-01-07', '20:00', { answer: 'abandoned', concern: '', outcome: '' }));
    await post({ ...callForm([], '2025-01-08', '23:00'), answeredTime: '23:04', visitNeeded: 'yes' });
    await post({ ...callForm([], '2025-01-08', '23:30'), answeredTime: '23:31', actions: 'custody_visit' });
    await post({ ...callForm([], '2025-01-09', '08:59'), answeredTime: '09:00' });
    await post({ ...callForm([], '2025-01-09', '09:00'), answeredTime: '09:01' });

    const head = new Visitor(app);
    await head.signIn('headOfService');
    const page = await head.get(
      `/out-of-hours/figures?${new URLSearchParams({ ...dateFields('from', '2025-01-06'), ...dateFields('to', '2025-01-08') }).toString()}`,
    );
    expect(page.status).toBe(200);
    const text = page.body.replace(/\s+/g, ' ');
    expect(text).toContain('3 nights');
    expect(text).toMatch(/Calls <\/dt> <dd class="govuk-summary-list__value"> 6 </);
    expect(text).toMatch(/Calls per night \(average\) <\/dt> <dd class="govuk-summary-list__value"> 2 </);
    expect(text).toContain('83.3% (5 of 6)');
    expect(text).toContain('2 min 0 s');
    expect(text).toContain('1 made; 2 needed, of which 1 not made');
    expect(text).toMatch(/Children seen in custody <\/dt> <dd class="govuk-summary-list__value"> 3 </);

    const bad = await head.get(
      `/out-of-hours/figures?${new URLSearchParams({ ...dateFields('from', '2025-01-08'), ...dateFields('to', '2025-01-06') }).toString()}`,
    );
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('The last night must be the same as or after the first night');
  });
});
