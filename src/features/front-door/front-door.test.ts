import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, Visitor } from '../../../test/app.js';
import { openTestDatabase, type TestDatabase } from '../../../test/database.js';
import { type Fixture, seedFixture } from '../../../test/fixtures.js';
import { addUnallocatedChild, contactForm, dateFields, recordContact } from '../../../test/front-door-fixtures.js';
import { createCalendar } from '../../domain/calendar/working-day-calendar.js';
import { dateAndTimeInEngland } from '../../platform/england-time.js';
import { todayInEngland } from '../../platform/today.js';

const calendar = createCalendar();
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);

describe('the front door: contact, decision, referral', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let fixture: Fixture;
  let frontDoor: Visitor;
  let manager: Visitor;

  const countContacts = async () =>
    Number(
      (
        await database.db
          .selectFrom('contacts')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const contactRow = (id: string) => database.db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  beforeAll(async () => {
    database = await openTestDatabase();
    fixture = await seedFixture(database.db);
    app = await startTestApp(database.db);
    frontDoor = new Visitor(app);
    await frontDoor.signIn('frontDoor');
    manager = new Visitor(app);
    await manager.signIn('manager');
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('records a contact about two siblings: on both chronologies, with a decision clock due in one working day', async () => {
    const sibling = await addUnallocatedChild(database.db);
    const receivedAt = hoursAgo(1);
    const { response, id } = await recordContact(frontDoor, [fixture.children.unallocated, sibling], contactForm(receivedAt));
    expect(response.status).toBe(303);
    expect(id).toBeDefined();
    const contactId = id as string;
    const received = dateAndTimeInEngland(receivedAt);
    const row = await contactRow(contactId);
    expect(row).toMatchObject({ referral_source: '2A', consent: 'given', rag_rating: 'amber', decision: null });
    const children = await database.db.selectFrom('contact_children').select('person_id').where('contact_id', '=', contactId).execute();
    expect(children.map((c) => c.person_id).sort()).toEqual([fixture.children.unallocated, sibling].sort());
    const chronology = await database.db
      .selectFrom('chronology_entries')
      .select(['person_id', 'kind', 'occurred_on'])
      .where('source_id', '=', contactId)
      .execute();
    expect(chronology).toHaveLength(2);
    expect(chronology.every((e) => e.kind === 'contact' && e.occurred_on === received.date)).toBe(true);
    const events = await database.db.selectFrom('clock_events').select(['kind', 'occurred_time']).where('ref', '=', contactId).execute();
    expect(events).toEqual([
      { kind: 'contact_received', occurred_time: received.time },
      { kind: 'contact_received', occurred_time: received.time },
    ]);
    const clocks = await database.db
      .selectFrom('clock_instances')
      .select(['due_on', 'completed_on'])
      .where('clock_id', '=', 'contact_decision')
      .where('ref', '=', contactId)
      .execute();
    expect(clocks).toEqual([
      { due_on: calendar.addWorkingDays(received.date, 1), completed_on: null },
      { due_on: calendar.addWorkingDays(received.date, 1), completed_on: null },
    ]);
    const page = await frontDoor.get(`/front-door/contacts/${contactId}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Bruising seen on the arm');
    expect(page.body).toContain('Sibling');
  });

  it('lists open contacts overdue and oldest first, with the working days left from the clock', async () => {
    const today = todayInEngland();
    const oldDay = calendar.addWorkingDays(today, -4);
    const old = await recordContact(frontDoor, [fixture.children.northTeamOnly], {
      ...contactForm(new Date()),
      ...dateFields('receivedDate', oldDay),
      receivedTime: '10:00',
      ragRating: 'red',
    });
    expect(old.response.status).toBe(303);
    const overdueBy = calendar.workingDaysBetween(calendar.addWorkingDays(oldDay, 1), today);
    const page = await frontDoor.get('/front-door');
    expect(page.status).toBe(200);
    expect(page.body).toContain(`Overdue by ${overdueBy} working days`);
    expect(page.body).toContain('1 working day left');
    expect(page.body.indexOf('Overdue by')).toBeLessThan(page.body.indexOf('1 working day left'));
    expect(page.body).toMatch(/hearth-count">1<\/span> overdue/);
    expect(page.body).toMatch(/hearth-count">1<\/span> rated red/);

    const contactPage = await frontDoor.get(`/front-door/contacts/${old.id}`);
    expect(contactPage.status).toBe(200);
    expect(contactPage.body).toContain(`<strong class="govuk-tag govuk-tag--red">Overdue by ${overdueBy} working days</strong>`);
    expect(contactPage.body).toContain('Decision due by the end of');
  });

  it('shows on a contact the same time left as the worklist, from the same clock, until it is decided', async () => {
    const child = await addUnallocatedChild(database.db, 'Timeleft');
    const { id } = await recordContact(frontDoor, [child], contactForm(hoursAgo(2)));
    const tagOf = (body: string, href: string) =>
      /govuk-tag govuk-tag--(\w+)">([^<]+)<\/strong>/.exec(href ? (body.split(href)[0]?.split('<tr').pop() ?? '') : body)?.slice(1);
    const onWorklist = tagOf((await manager.get('/front-door')).body, `/front-door/contacts/${id}"`);
    const onContact = tagOf((await manager.get(`/front-door/contacts/${id}`)).body, '');
    expect(onWorklist).toBeDefined();
    expect(onContact).toEqual(onWorklist);

    await manager.get(`/front-door/contacts/${id}/decision`);
    const decided = await manager.post(`/front-door/contacts/${id}/decision`, {
      decision: 'information_and_advice',
      rationale: 'Advice given to the school.',
      version: '1',
    });
    expect(decided.status).toBe(303);
    const afterDecision = await manager.get(`/front-door/contacts/${id}`);
    expect(afterDecision.body).not.toContain('id="decision-due"');
  });

  it('refuses bad contacts with clear messages and saves nothing', async () => {
    const before = await countContacts();
    const future = await recordContact(frontDoor, [fixture.children.unallocated], contactForm(new Date(Date.now() + 2 * 3_600_000)));
    expect(future.response.status).toBe(400);
    expect(future.response.body).toContain('The date and time received must be now or in the past');
    const unknownCode = await recordContact(frontDoor, [fixture.children.unallocated], contactForm(hoursAgo(1), { referralSource: '99' }));
    expect(unknownCode.response.status).toBe(400);
    expect(unknownCode.response.body).toContain('Select who the contact came from');
    expect(unknownCode.response.body).toContain('govuk-error-summary');
    const noChild = await recordContact(frontDoor, [], contactForm(hoursAgo(1), { concerns: '' }));
    expect(noChild.response.status).toBe(400);
    expect(noChild.response.body).toContain('Choose at least one child the contact is about');
    expect(noChild.response.body).toContain('Enter the concerns');
    const badDate = await recordContact(frontDoor, [fixture.children.unallocated], {
      ...contactForm(hoursAgo(1)),
      'receivedDate-day': '31',
      'receivedDate-month': '2',
    });
    expect(badDate.response.status).toBe(400);
    expect(badDate.response.body).toContain('Date received must be a real date');
    expect(await countContacts()).toBe(before);
  });

  it('lets only front door officers record contacts, and only the front door and managers see the worklist', async () => {
    for (const username of ['worker', 'iro', 'fostering', 'admin', 'analyst', 'outOfHours']) {
      const visitor = new Visitor(app);
      await visitor.signIn(username);
      expect((await visitor.get('/front-door')).status).toBe(403);
    }
    expect((await manager.get('/front-door')).status).toBe(200);
    expect((await manager.get('/front-door/contacts/new')).status).toBe(403);
    const before = await countContacts();
    const attempt = await manager.post('/front-door/contacts', { children: fixture.children.unallocated, ...contactForm(hoursAgo(1)) });
    expect(attempt.status).toBe(403);
    expect(await countContacts()).toBe(before);
    const restricted = await recordContact(frontDoor, [fixture.children.restricted], contactForm(hoursAgo(1)));
    expect(restricted.response.status).toBe(403);
    expect(await countContacts()).toBe(before);
  });

  it('refuses a decision without rationale or primary need, or from a front door officer, and keeps the contact open', async () => {
    const { id } = await recordContact(frontDoor, [fixture.children.unallocated], contactForm(hoursAgo(2)));
    const contactId = id as string;
    const form = await manager.get(`/front-door/contacts/${contactId}/decision`);
    expect(form.status).toBe(200);
    const noRationale = await manager.post(`/front-door/contacts/${contactId}/decision`, {
      decision: 'early_help',
      rationale: '  ',
      version: '1',
    });
    expect(noRationale.status).toBe(400);
    expect(noRationale.body).toContain('Enter the reasons for the decision');
    const noNeed = await manager.post(`/front-door/contacts/${contactId}/decision`, {
      decision: 'referral_for_assessment',
      rationale: 'Threshold met',
      version: '1',
    });
    expect(noNeed.status).toBe(400);
    expect(noNeed.body).toContain('a referral needs one');
    const unknownNeed = await manager.post(`/front-door/contacts/${contactId}/decision`, {
      decision: 'referral_for_assessment',
      primaryNeed: 'N99',
      rationale: 'Threshold met',
      version: '1',
    });
    expect(unknownNeed.status).toBe(400);
    const unknownDecision = await manager.post(`/front-door/contacts/${contactId}/decision`, {
      decision: 'close_it',
      rationale: 'x',
      version: '1',
    });
    expect(unknownDecision.status).toBe(400);
    expect(unknownDecision.body).toContain('Select the decision');
    await frontDoor.get(`/front-door/contacts/${contactId}`);
    const officer = await frontDoor.post(`/front-door/contacts/${contactId}/decision`, {
      decision: 'early_help',
      rationale: 'x',
      version: '1',
    });
    expect(officer.status).toBe(403);
    expect(await contactRow(contactId)).toMatchObject({ decision: null, version: 1 });
    const events = await database.db.selectFrom('clock_events').select('kind').where('ref', '=', contactId).execute();
    expect(events.map((e) => e.kind)).toEqual(['contact_received']);
    const informed = await frontDoor.post(`/front-door/contacts/${contactId}/referrer-informed`, {
      ...dateFields('informedOn', todayInEngland()),
      version: '1',
    });
    expect(informed.status).toBe(400);
    expect(informed.body).toContain('Record the decision before recording that the referrer was told');
  });

  it('turns a contact into referrals: one episode per child, the assessment clock started, re-referrals flagged', async () => {
    const reReferred = await addUnallocatedChild(database.db, 'Rereferred');
    const firstTime = await addUnallocatedChild(database.db, 'Firsttime');
    const receivedAt = hoursAgo(3);
    const referralDate = dateAndTimeInEngland(receivedAt).date;
    const previous = await database.db
      .insertInto('referrals')
      .values({
        person_id: reReferred,
        referral_date: calendar.addWorkingDays(referralDate, -60),
        referral_source: '6',
        primary_need_code: 'N4',
        is_re_referral: false,
        closed_on: calendar.addWorkingDays(referralDate, -10),
        closure_reason: 'RC8',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { id } = await recordContact(frontDoor, [reReferred, firstTime], contactForm(receivedAt, { referralSource: '6' }));
    const contactId = id as string;
    await manager.get(`/front-door/contacts/${contactId}/decision`);
    const saved = await manager.post(`/front-door/contacts/${contactId}/decision`, {
      decision: 'referral_for_assessment',
      primaryNeed: 'N1',
      rationale: 'Unexplained bruising on a young child: assessment needed.',
      version: '1',
    });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe(`/front-door/contacts/${contactId}?saved=decision`);
    expect(await contactRow(contactId)).toMatchObject({
      decision: 'referral_for_assessment',
      decided_by: fixture.staff.manager?.id,
      version: 2,
    });
    const referrals = await database.db
      .selectFrom('referrals')
      .select(['person_id', 'referral_date', 'referral_source', 'primary_need_code', 'is_re_referral', 'previous_referral_id', 'closed_on'])
      .where('contact_id', '=', contactId)
      .execute();
    expect(referrals).toHaveLength(2);
    expect(referrals.find((r) => r.person_id === reReferred)).toMatchObject({
      referral_date: referralDate,
      referral_source: '6',
      primary_need_code: 'N1',
      is_re_referral: true,
      previous_referral_id: previous.id,
      closed_on: null,
    });
    expect(referrals.find((r) => r.person_id === firstTime)).toMatchObject({ is_re_referral: false, previous_referral_id: null });
    const assessment = await database.db
      .selectFrom('clock_instances')
      .select(['person_id', 'due_on'])
      .where('clock_id', '=', 'cf_assessment')
      .where('person_id', 'in', [reReferred, firstTime])
      .execute();
    expect(assessment).toHaveLength(2);
    expect(assessment.every((a) => a.due_on === calendar.addWorkingDays(referralDate, 45))).toBe(true);
    const decisionClocks = await database.db
      .selectFrom('clock_instances')
      .select('completed_on')
      .where('clock_id', '=', 'contact_decision')
      .where('ref', '=', contactId)
      .execute();
    expect(decisionClocks.every((c) => c.completed_on === todayInEngland())).toBe(true);
    const kinds = await database.db
      .selectFrom('chronology_entries')
      .select('kind')
      .where('person_id', '=', reReferred)
      .orderBy('recorded_at')
      .execute();
    expect(kinds.map((k) => k.kind)).toEqual(['contact', 'decision', 'referral']);
    const page = await manager.get(`/front-door/contacts/${contactId}`);
    expect(page.body).toContain('Re-referral within 12 months');
    const worklist = await frontDoor.get('/front-door');
    expect(worklist.body).not.toContain(`/front-door/contacts/${contactId}"`);

    const again = await manager.post(`/front-door/contacts/${contactId}/decision`, {
      decision: 'early_help',
      rationale: 'Second opinion',
      version: '2',
    });
    expect(again.status).toBe(409);
    expect(again.body).toContain('Test manager decided this contact');
  });

  it('joins a child with an open episode to it rather than starting a second one', async () => {
    const child = await addUnallocatedChild(database.db, 'Alreadyopen');
    const first = await recordContact(frontDoor, [child], contactForm(hoursAgo(5)));
    await manager.get(`/front-door/contacts/${first.id}/decision`);
    await manager.post(`/front-door/contacts/${first.id}/decision`, {
      decision: 'strategy_discussion',
      primaryNeed: 'N1',
      rationale: 'Significant harm',
      version: '1',
    });
    const second = await recordContact(frontDoor, [child], contactForm(hoursAgo(4)));
    await manager.get(`/front-door/contacts/${second.id}/decision`);
    const saved = await manager.post(`/front-door/contacts/${second.id}/decision`, {
      decision: 'referral_for_assessment',
      primaryNeed: 'N4',
      rationale: 'Further concerns',
      version: '1',
    });
    expect(saved.status).toBe(303);
    const referrals = await database.db.selectFrom('referrals').select('id').where('person_id', '=', child).execute();
    expect(referrals).toHaveLength(1);
    const link = await database.db
      .selectFrom('contact_children')
      .select('referral_id')
      .where('contact_id', '=', second.id as string)
      .executeTakeFirstOrThrow();
    expect(link.referral_id).toBe(referrals[0]?.id);
    const harm = await database.db
      .selectFrom('clock_events')
      .select('kind')
      .where('person_id', '=', child)
      .where('kind', '=', 'significant_harm_suspected')
      .execute();
    expect(harm).toHaveLength(1);
  });

  it('refuses a stale decision and a manager who may not open the child', async () => {
    const { id } = await recordContact(frontDoor, [fixture.children.south], contactForm(hoursAgo(1)));
    const contactId = id as string;
    const southBlocked = await manager.post(`/front-door/contacts/${contactId}/decision`, {
      decision: 'early_help',
      rationale: 'x',
      version: '1',
    });
    expect(southBlocked.status).toBe(403);
    const head = new Visitor(app);
    await head.signIn('headOfService');
    await head.get(`/front-door/contacts/${contactId}/decision`);
    const stale = await head.post(`/front-door/contacts/${contactId}/decision`, { decision: 'early_help', rationale: 'x', version: '0' });
    expect(stale.status).toBe(409);
    const ok = await head.post(`/front-door/contacts/${contactId}/decision`, {
      decision: 'information_and_advice',
      rationale: 'Advice to school',
      version: '1',
    });
    expect(ok.status).toBe(303);
    expect(await database.db.selectFrom('referrals').select('id').where('contact_id', '=', contactId).execute()).toHaveLength(0);
  });

  it('records the referrer told of the outcome, not before the decision and not in the future', async () => {
    const { id } = await recordContact(frontDoor, [fixture.children.unallocated], contactForm(hoursAgo(1)));
    const contactId = id as string;
    await manager.get(`/front-door/contacts/${contactId}/decision`);
    await manager.post(`/front-door/contacts/${contactId}/decision`, {
      decision: 'no_further_action',
      rationale: 'No role for social care',
      version: '1',
    });
    const today = todayInEngland();
    await frontDoor.get(`/front-door/contacts/${contactId}`);
    const before = await frontDoor.post(`/front-door/contacts/${contactId}/referrer-informed`, {
      ...dateFields('informedOn', calendar.addWorkingDays(today, -3)),
      version: '2',
    });
    expect(before.status).toBe(400);
    expect(before.body).toContain('The referrer cannot have been told before the decision was made');
    const future = await frontDoor.post(`/front-door/contacts/${contactId}/referrer-informed`, {
      ...dateFields('informedOn', calendar.addWorkingDays(today, 3)),
      version: '2',
    });
    expect(future.status).toBe(400);
    expect(future.body).toContain('today or in the past');
    expect((await contactRow(contactId)).referrer_informed_on).toBeNull();
    const told = await frontDoor.post(`/front-door/contacts/${contactId}/referrer-informed`, {
      ...dateFields('informedOn', today),
      version: '2',
    });
    expect(told.status).toBe(303);
    expect(await contactRow(contactId)).toMatchObject({
      referrer_informed_on: today,
      referrer_informed_recorded_by: fixture.staff.frontDoor?.id,
    });
    const decided = await frontDoor.get('/front-door/decided');
    expect(decided.status).toBe(200);
    expect(decided.body).toContain('No further action');
  });
});
