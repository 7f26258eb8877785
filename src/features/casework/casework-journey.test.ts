import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, Visitor } from '../../../test/app.js';
import { dateInput, openReferralFor } from '../../../test/casework-fixtures.js';
import { openTestDatabase, type TestDatabase } from '../../../test/database.js';
import { type Fixture, seedFixture } from '../../../test/fixtures.js';
import { todayInEngland } from '../../platform/today.js';
import { calendar } from '../clocks/service.js';

/**
 * A child's path from referral through assessment, strategy discussion, section 47 and conference
 * to a plan, its reviews, a child in need plan and closure, through HTTP with the clocks running;
 * every bad transition is refused with a clear message and nothing saved.
 */
describe('assessment, child protection and child in need', () => {
  let database: TestDatabase;
  let fixture: Fixture;
  let app: FastifyInstance;
  let worker: Visitor;
  let manager: Visitor;
  let child: string;
  let referralId: string;
  const today = todayInEngland();
  const referredOn = calendar.addWorkingDays(today, -60);
  const day = (n: number) => calendar.addWorkingDays(referredOn, n);
  const base = () => `/children/${child}/casework`;

  const count = (
    table: 'assessments' | 'strategy_discussions' | 'section_47_enquiries' | 'child_protection_conferences' | 'child_protection_plans',
  ) =>
    database.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('person_id', '=', child)
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  const clock = (clockId: string) =>
    database.db
      .selectFrom('clock_instances')
      .selectAll()
      .where('person_id', '=', child)
      .where('clock_id', '=', clockId)
      .orderBy('occurrence')
      .execute();
  const versionOn = (body: string) => /name="version" value="(\d+)"/.exec(body)?.[1] ?? '';

  beforeAll(async () => {
    database = await openTestDatabase();
    fixture = await seedFixture(database.db);
    app = await startTestApp(database.db);
    child = fixture.children.allocatedToWorker;
    referralId = await openReferralFor(database.db, fixture, child, referredOn);
    worker = new Visitor(app);
    await worker.signIn('worker');
    manager = new Visitor(app);
    await manager.signIn('manager');
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  let assessmentId: string;

  it('starts an assessment from the referral, refusing a start before the referral', async () => {
    await worker.get(`${base()}/assessments/new`);
    const early = await worker.post(`${base()}/assessments/new`, {
      kind: 'disabled_child',
      ...dateInput('startedOn', calendar.addWorkingDays(referredOn, -1)),
    });
    expect(early.status).toBe(400);
    expect(early.body).toContain('cannot be before the referral');
    expect(await count('assessments')).toBe(0);

    const started = await worker.post(`${base()}/assessments/new`, { kind: 'disabled_child', ...dateInput('startedOn', day(1)) });
    expect(started.status).toBe(303);
    assessmentId = started.location?.split('/').pop() as string;
    const page = await worker.get(`${base()}/assessments/${assessmentId}`);
    expect(page.body).toContain('Disabled child’s assessment');
    expect(page.body).toContain('Due by');
  });

  it('needs valid factors and an outcome to go for authorisation', async () => {
    const form = await worker.get(`${base()}/assessments/${assessmentId}/submit`);
    const version = versionOn(form.body);
    const mixed = await worker.post(`${base()}/assessments/${assessmentId}/submit`, {
      version,
      factors: ['21', '3B'],
      outcome: 'strategy_discussion',
    });
    expect(mixed.status).toBe(400);
    expect(mixed.body).toContain('“No factors identified” cannot be selected with other factors');
    const noOutcome = await worker.post(`${base()}/assessments/${assessmentId}/submit`, { version, factors: ['3B', '4B'] });
    expect(noOutcome.status).toBe(400);
    expect(noOutcome.body).toContain('Select what the assessment concluded');
    const sent = await worker.post(`${base()}/assessments/${assessmentId}/submit`, {
      version,
      factors: ['3B', '4B'],
      outcome: 'strategy_discussion',
      summary: 'Domestic abuse at home.',
    });
    expect(sent.status).toBe(303);
    const row = await database.db.selectFrom('assessments').selectAll().where('id', '=', assessmentId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'awaiting_authorisation', factors: ['3B', '4B'], outcome: 'strategy_discussion' });
  });

  it('a manager returns it for more work with comments; the history is kept and shown', async () => {
    expect((await worker.get(`${base()}/assessments/${assessmentId}/return`)).status).toBe(403);
    const form = await manager.get(`${base()}/assessments/${assessmentId}/return`);
    const empty = await manager.post(`${base()}/assessments/${assessmentId}/return`, { version: versionOn(form.body), comments: '' });
    expect(empty.status).toBe(400);
    expect(empty.body).toContain('Say what more work the assessment needs');
    const returned = await manager.post(`${base()}/assessments/${assessmentId}/return`, {
      version: versionOn(form.body),
      comments: 'Speak to the school nurse.',
    });
    expect(returned.status).toBe(303);
    const page = await worker.get(`${base()}/assessments/${assessmentId}`);
    expect(page.body).toContain('Speak to the school nurse.');
    const stale = await manager.post(`${base()}/assessments/${assessmentId}/return`, { version: versionOn(form.body), comments: 'Again' });
    expect(stale.status).toBe(409);
    const resubmit = await worker.get(`${base()}/assessments/${assessmentId}/submit`);
    expect(resubmit.body).toContain('Speak to the school nurse.');
    expect(
      (
        await worker.post(`${base()}/assessments/${assessmentId}/submit`, {
          version: versionOn(resubmit.body),
          factors: ['3B', '4B'],
          outcome: 'strategy_discussion',
        })
      ).status,
    ).toBe(303);
  });

  it('authorisation stops the 45-working-day clock, and a late one needs the reason', async () => {
    expect((await worker.get(`${base()}/assessments/${assessmentId}/authorise`)).status).toBe(403);
    const form = await manager.get(`${base()}/assessments/${assessmentId}/authorise`);
    const version = versionOn(form.body);
    const beforeStart = await manager.post(`${base()}/assessments/${assessmentId}/authorise`, {
      version,
      ...dateInput('authorisedOn', referredOn),
      rationale: 'Agreed.',
    });
    expect(beforeStart.status).toBe(400);
    expect(beforeStart.body).toContain('cannot be before the assessment started');
    const lateNoReason = await manager.post(`${base()}/assessments/${assessmentId}/authorise`, {
      version,
      ...dateInput('authorisedOn', day(50)),
      rationale: 'Agreed.',
    });
    expect(lateNoReason.status).toBe(400);
    expect(lateNoReason.body).toContain('give the reason it is late');
    expect((await clock('cf_assessment'))[0]?.completed_on).toBeNull();

    const authorised = await manager.post(`${base()}/assessments/${assessmentId}/authorise`, {
      version,
      ...dateInput('authorisedOn', day(50)),
      lateReason: 'Father could not be seen until the sixth week.',
      rationale: 'Risks are clear; strategy discussion needed.',
    });
    expect(authorised.status).toBe(303);
    const [instance] = await clock('cf_assessment');
    expect(instance).toMatchObject({
      completed_on: day(50),
      due_on: day(45),
      late_reason: 'Father could not be seen until the sixth week.',
    });
    const oversight = await database.db
      .selectFrom('chronology_entries')
      .selectAll()
      .where('person_id', '=', child)
      .where('kind', '=', 'management_oversight')
      .execute();
    expect(oversight.map((e) => e.summary).join(' ')).toMatch(/Assessment authorised by Test manager: Strategy discussion/);
  });

  it('refuses a conference before any strategy discussion, and saves nothing', async () => {
    await worker.get(`${base()}/conferences/initial`);
    const response = await worker.post(`${base()}/conferences/initial`, {
      ...dateInput('heldOn', day(20)),
      decision: 'plan',
      categoryOfAbuse: 'NEG',
    });
    expect(response.status).toBe(400);
    expect(response.body).toContain('Record the strategy discussion first');
    expect(await count('child_protection_conferences')).toBe(0);
    expect(await count('child_protection_plans')).toBe(0);
  });

  it('a strategy discussion that decides on section 47 starts the enquiry and the 15-working-day conference clock', async () => {
    await worker.get(`${base()}/strategy-discussions/new`);
    const noAgencies = await worker.post(`${base()}/strategy-discussions/new`, {
      ...dateInput('heldOn', day(10)),
      decision: 'section_47',
      rationale: 'Injury',
    });
    expect(noAgencies.status).toBe(400);
    expect(noAgencies.body).toContain('Select the agencies that took part');
    const held = await worker.post(`${base()}/strategy-discussions/new`, {
      ...dateInput('heldOn', day(10)),
      agencies: ['social_care', 'police', 'health'],
      participants: 'DC Smith; Dr Jones',
      decision: 'section_47',
      rationale: 'Bruising seen by school; father’s account inconsistent.',
    });
    expect(held.status).toBe(303);
    expect(await count('section_47_enquiries')).toBe(1);
    const [icpc] = await clock('icpc');
    expect(icpc).toMatchObject({ started_on: day(10), due_on: day(25), completed_on: null });
  });

  it('the initial conference needs the enquiry outcome first, and cannot be before the strategy discussion', async () => {
    const noOutcome = await worker.post(`${base()}/conferences/initial`, {
      ...dateInput('heldOn', day(20)),
      decision: 'plan',
      categoryOfAbuse: 'NEG',
    });
    expect(noOutcome.status).toBe(400);
    expect(noOutcome.body).toContain('Record the outcome of the section 47 enquiry');

    const enquiry = await database.db
      .selectFrom('section_47_enquiries')
      .select(['id', 'version'])
      .where('person_id', '=', child)
      .executeTakeFirstOrThrow();
    await worker.get(`${base()}/section-47/${enquiry.id}/outcome`);
    const tooEarly = await worker.post(`${base()}/section-47/${enquiry.id}/outcome`, {
      version: String(enquiry.version),
      ...dateInput('completedOn', day(9)),
      outcome: 'concerns_substantiated_icpc',
    });
    expect(tooEarly.status).toBe(400);
    expect(tooEarly.body).toContain('cannot finish before it started');
    expect(
      (
        await worker.post(`${base()}/section-47/${enquiry.id}/outcome`, {
          version: String(enquiry.version),
          ...dateInput('completedOn', day(15)),
          outcome: 'concerns_substantiated_icpc',
        })
      ).status,
    ).toBe(303);

    const beforeDiscussion = await worker.post(`${base()}/conferences/initial`, {
      ...dateInput('heldOn', day(9)),
      decision: 'plan',
      categoryOfAbuse: 'NEG',
    });
    expect(beforeDiscussion.status).toBe(400);
    expect(beforeDiscussion.body).toContain('cannot be before the strategy discussion');
    const noCategory = await worker.post(`${base()}/conferences/initial`, { ...dateInput('heldOn', day(20)), decision: 'plan' });
    expect(noCategory.status).toBe(400);
    expect(noCategory.body).toContain('Select the category of abuse');
    expect(await count('child_protection_conferences')).toBe(0);
  });

  it('a conference that decides on a plan starts it that day, with the core group, review and visit clocks', async () => {
    const held = await worker.post(`${base()}/conferences/initial`, {
      ...dateInput('heldOn', day(20)),
      chair: 'Ms Reviewing Officer',
      agencies: ['social_care', 'police'],
      decision: 'plan',
      categoryOfAbuse: 'PHY',
    });
    expect(held.status).toBe(303);
    const plan = await database.db
      .selectFrom('child_protection_plans')
      .selectAll()
      .where('person_id', '=', child)
      .executeTakeFirstOrThrow();
    expect(plan).toMatchObject({
      started_on: day(20),
      initial_category: 'PHY',
      latest_category: 'PHY',
      number_of_previous_plans: 0,
      referral_id: referralId,
    });
    expect((await clock('icpc'))[0]?.completed_on).toBe(day(20));
    expect((await clock('core_group_first'))[0]?.due_on).toBe(day(30));
    expect((await clock('rcpc_first'))[0]?.started_on).toBe(day(20));
    expect((await clock('cp_visit'))[0]?.due_on).toBe(day(30));
  });

  it('core groups and visits are recorded against the plan; a visit goes on the chronology as a visit', async () => {
    await worker.get(`${base()}/protection-plan/core-groups/new`);
    const early = await worker.post(`${base()}/protection-plan/core-groups/new`, dateInput('heldOn', day(19)));
    expect(early.status).toBe(400);
    expect(
      (await worker.post(`${base()}/protection-plan/core-groups/new`, { ...dateInput('heldOn', day(25)), notes: 'Agreed safety plan.' }))
        .status,
    ).toBe(303);
    expect((await clock('core_group_first'))[0]?.completed_on).toBe(day(25));

    await worker.get(`${base()}/visits/new`);
    const alone = await worker.post(`${base()}/visits/new`, {
      ...dateInput('visitedOn', day(26)),
      childSeen: 'no',
      seenAlone: 'yes',
      bedroomSeen: 'no',
    });
    expect(alone.status).toBe(400);
    expect(alone.body).toContain('cannot be seen alone if they were not seen');
    const visit = await worker.post(`${base()}/visits/new`, {
      ...dateInput('visitedOn', day(26)),
      childSeen: 'yes',
      seenAlone: 'yes',
      bedroomSeen: 'yes',
      childsViews: 'I like it when Dad is calm.',
    });
    expect(visit.status).toBe(303);
    const row = await database.db.selectFrom('casework_visits').selectAll().where('person_id', '=', child).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      plan_kind: 'child_protection',
      child_seen: true,
      seen_alone: true,
      bedroom_seen: true,
      childs_views: 'I like it when Dad is calm.',
    });
    expect((await clock('cp_visit'))[0]?.completed_on).toBe(day(26));
    const entries = await database.db
      .selectFrom('chronology_entries')
      .select('kind')
      .where('person_id', '=', child)
      .where('source_type', '=', 'casework_visit')
      .execute();
    expect(entries.map((e) => e.kind)).toEqual(['visit']);
    expect((await worker.get(`${base()}/visits`)).body).toContain('I like it when Dad is calm.');
  });

  it('a review conference must be after the plan started; it meets the 3-month review and sets the latest category', async () => {
    await worker.get(`${base()}/conferences/review`);
    const sameDay = await worker.post(`${base()}/conferences/review`, {
      ...dateInput('heldOn', day(20)),
      decision: 'continue_plan',
      categoryOfAbuse: 'PHY',
    });
    expect(sameDay.status).toBe(400);
    expect(sameDay.body).toContain('must be after the plan started');
    const review = await worker.post(`${base()}/conferences/review`, {
      ...dateInput('heldOn', day(40)),
      decision: 'end_plan',
      categoryOfAbuse: 'EMO',
    });
    expect(review.status).toBe(303);
    expect((await clock('rcpc_first'))[0]?.completed_on).toBe(day(40));
    expect(
      (
        await database.db
          .selectFrom('child_protection_plans')
          .select('latest_category')
          .where('person_id', '=', child)
          .executeTakeFirstOrThrow()
      ).latest_category,
    ).toBe('EMO');
  });

  it('Hearth refuses to end the plan without a manager’s authorisation with evidence, shows why and audits the attempt', async () => {
    const form = await worker.get(`${base()}/protection-plan/end`);
    const version = versionOn(form.body);
    const refused = await worker.post(`${base()}/protection-plan/end`, {
      version,
      ...dateInput('endedOn', day(45)),
      reason: 'progress_made',
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('Hearth has not ended the plan');
    expect(refused.body).toContain('a manager must first authorise ending it and record the evidence of progress');
    const plan = await database.db
      .selectFrom('child_protection_plans')
      .select('ended_on')
      .where('person_id', '=', child)
      .executeTakeFirstOrThrow();
    expect(plan.ended_on).toBeNull();
    const audit = await database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('person_id', '=', child)
      .where('action', '=', 'casework.cp_plan_end.refused')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.outcome).toBe('denied');

    expect((await worker.get(`${base()}/decisions/step-down`)).status).toBe(403);
    await manager.get(`${base()}/decisions/step-down`);
    const noEvidence = await manager.post(`${base()}/decisions/step-down`, {
      target: 'cp_plan_end',
      to: 'child_in_need_plan',
      ...dateInput('decidedOn', day(44)),
      rationale: 'Safe now',
    });
    expect(noEvidence.status).toBe(400);
    expect(noEvidence.body).toContain('Record the evidence of progress');
    expect(
      (
        await manager.post(`${base()}/decisions/step-down`, {
          target: 'cp_plan_end',
          to: 'child_in_need_plan',
          ...dateInput('decidedOn', day(44)),
          evidenceOfProgress: 'Father completed the programme; child seen alone four times and says home is calm.',
          rationale: 'Review conference agreed the plan can end.',
        })
      ).status,
    ).toBe(303);

    const beforeStart = await worker.post(`${base()}/protection-plan/end`, {
      version,
      ...dateInput('endedOn', day(19)),
      reason: 'progress_made',
    });
    expect(beforeStart.status).toBe(400);
    expect(beforeStart.body).toContain('The plan must end after it started');
    const ended = await worker.post(`${base()}/protection-plan/end`, { version, ...dateInput('endedOn', day(45)), reason: 'stepped_down' });
    expect(ended.status).toBe(303);
    expect((await clock('cp_visit')).every((c) => c.ended_on !== null || c.completed_on !== null)).toBe(true);
  });

  it('a child in need plan starts, is reviewed and ends only with authorisation', async () => {
    await worker.get(`${base()}/child-in-need-plans/new`);
    const before = await worker.post(`${base()}/child-in-need-plans/new`, dateInput('startedOn', calendar.addWorkingDays(referredOn, -2)));
    expect(before.status).toBe(400);
    expect((await worker.post(`${base()}/child-in-need-plans/new`, dateInput('startedOn', day(45)))).status).toBe(303);
    expect((await clock('cin_plan_review'))[0]?.started_on).toBe(day(45));
    await worker.get(`${base()}/child-in-need-plans/review`);
    expect(
      (await worker.post(`${base()}/child-in-need-plans/review`, { ...dateInput('reviewedOn', day(50)), notes: 'Going well.' })).status,
    ).toBe(303);
    expect((await clock('cin_plan_review'))[0]?.completed_on).toBe(day(50));

    const form = await worker.get(`${base()}/child-in-need-plans/end`);
    const refused = await worker.post(`${base()}/child-in-need-plans/end`, {
      version: versionOn(form.body),
      ...dateInput('endedOn', day(55)),
      reason: 'progress_made',
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('The child in need plan cannot end yet');
    await manager.get(`${base()}/decisions/step-down`);
    await manager.post(`${base()}/decisions/step-down`, {
      target: 'cin_plan_end',
      to: 'early_help',
      ...dateInput('decidedOn', day(54)),
      evidenceOfProgress: 'School attendance back to 97%.',
      rationale: 'Early help can support from here.',
    });
    expect(
      (
        await worker.post(`${base()}/child-in-need-plans/end`, {
          version: versionOn(form.body),
          ...dateInput('endedOn', day(55)),
          reason: 'stepped_down',
        })
      ).status,
    ).toBe(303);
  });

  it('closing the case needs a manager’s authorisation with evidence; then the episode closes with its CIN reason', async () => {
    const form = await worker.get(`${base()}/closure`);
    const version = versionOn(form.body);
    const refused = await worker.post(`${base()}/closure`, { version, ...dateInput('closedOn', today), reason: 'RC9' });
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('The case cannot be closed yet');
    expect(
      await database.db
        .selectFrom('audit_events')
        .select('id')
        .where('person_id', '=', child)
        .where('action', '=', 'casework.case_closure.refused')
        .execute(),
    ).toHaveLength(1);
    expect(
      (await database.db.selectFrom('referrals').select('closed_on').where('id', '=', referralId).executeTakeFirstOrThrow()).closed_on,
    ).toBeNull();

    await manager.get(`${base()}/decisions/step-down`);
    await manager.post(`${base()}/decisions/step-down`, {
      target: 'case_closure',
      to: 'early_help',
      ...dateInput('decidedOn', day(56)),
      evidenceOfProgress: 'Early help worker allocated; family engaging.',
      rationale: 'No longer a child in need.',
    });
    const beforeWork = await worker.post(`${base()}/closure`, { version, ...dateInput('closedOn', day(54)), reason: 'RC9' });
    expect(beforeWork.status).toBe(400);
    expect(beforeWork.body).toContain('cannot close before the last work');
    const closed = await worker.post(`${base()}/closure`, { version, ...dateInput('closedOn', today), reason: 'RC9' });
    expect(closed.status).toBe(303);
    expect(
      await database.db
        .selectFrom('referrals')
        .select(['closed_on', 'closure_reason'])
        .where('id', '=', referralId)
        .executeTakeFirstOrThrow(),
    ).toEqual({
      closed_on: today,
      closure_reason: 'RC9',
    });
    expect((await clock('case_supervision')).every((c) => c.ended_on !== null || c.completed_on !== null)).toBe(true);
  });

  it('shows where the child is, and every manager decision on the chronology as management oversight', async () => {
    const page = await worker.get(base());
    expect(page.status).toBe(200);
    expect(page.body).toContain('Where the child is');
    expect(page.body).toContain('Initial child protection conference');
    expect(page.body).toMatch(/Case closure[\s\S]*Completed/);
    const record = await worker.get(`/children/${child}`);
    expect(record.body).toContain(`href="/children/${child}/casework"`);
    const kinds = await database.db
      .selectFrom('chronology_entries')
      .select(['kind', 'summary'])
      .where('person_id', '=', child)
      .where('kind', '=', 'management_oversight')
      .execute();
    expect(kinds.length).toBe(5);
    expect(kinds.map((k) => k.summary).join('\n')).toContain(
      'Assessment returned for more work by Test manager: Speak to the school nurse.',
    );
    const chronology = await worker.get(`/children/${child}/chronology?kind=management_oversight`);
    expect(chronology.body).toContain('End the child protection plan, to a child in need plan, authorised by Test manager');
  });

  it('records threshold decisions and escalations by managers only', async () => {
    await manager.get(`${base()}/decisions/new`);
    const empty = await manager.post(`${base()}/decisions/new`, { kind: 'escalation', ...dateInput('decidedOn', today), rationale: '' });
    expect(empty.status).toBe(400);
    expect(empty.body).toContain('Say what you decided and why');
    expect(
      (
        await manager.post(`${base()}/decisions/new`, {
          kind: 'escalation',
          ...dateInput('decidedOn', today),
          rationale: 'Escalate to legal gateway.',
        })
      ).status,
    ).toBe(303);
    expect(
      (await worker.post(`${base()}/decisions/new`, { kind: 'threshold', ...dateInput('decidedOn', today), rationale: 'x' })).status,
    ).toBe(403);
    expect((await worker.get(`${base()}/decisions`)).body).toContain('Escalate to legal gateway.');
  });

  it('keeps other teams out', async () => {
    const south = new Visitor(app);
    await south.signIn('southWorker');
    for (const path of ['', '/assessments', '/child-protection', '/child-in-need', '/visits', '/supervision', '/decisions']) {
      expect((await south.get(`${base()}${path}`)).status).toBe(403);
    }
    await south.get(`/children/${fixture.children.south}/casework`);
    expect(
      (await south.post(`${base()}/visits/new`, { ...dateInput('visitedOn', today), childSeen: 'yes', seenAlone: 'no', bedroomSeen: 'no' }))
        .status,
    ).toBe(403);
  });
});
