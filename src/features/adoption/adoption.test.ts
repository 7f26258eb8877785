import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, Visitor } from '../../../test/app.js';
import { openTestDatabase, type TestDatabase } from '../../../test/database.js';
import { type Fixture, seedFixture } from '../../../test/fixtures.js';
import { dateFields, startCare } from '../../../test/looked-after-fixtures.js';
import { loadActor } from '../../platform/staff-directory.js';
import { endPeriodOfCare } from '../looked-after/service.js';

describe('adoption and permanence before care: the pages for what only the SSDA903 return asks', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let fixture: Fixture;
  let child: string;
  let worker: Visitor;

  beforeAll(async () => {
    database = await openTestDatabase();
    fixture = await seedFixture(database.db);
    app = await startTestApp(database.db);
    child = fixture.children.allocatedToWorker;
    await database.db.updateTable('people').set({ date_of_birth: '2019-03-10' }).where('id', '=', child).execute();
    await startCare(database.db, fixture, child, '2023-05-01');
    worker = new Visitor(app);
    await worker.signIn('worker');
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const chronology = (kind: string) =>
    database.db.selectFrom('chronology_entries').select('summary').where('person_id', '=', child).where('kind', '=', kind).execute();

  it('records the permanence the child had before care, with unknown parts of its date, and refuses a stale change', async () => {
    const form = `/children/${child}/previous-permanence/2023-05-01`;
    expect((await worker.get(`/children/${child}/adoption`)).body).toContain('Not recorded');
    await worker.get(form);
    const bad = await worker.post(form, {
      arrangement: 'P2',
      localAuthority: '20',
      'arrangementOn-month': '13',
      'arrangementOn-year': '2020',
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('three-digit DfE number');
    expect(bad.body).toContain('Month must be a real month');
    expect(
      (await worker.post(form, { arrangement: 'P2', localAuthority: '205', 'arrangementOn-month': '6', 'arrangementOn-year': '2020' }))
        .status,
    ).toBe(303);
    const row = await database.db.selectFrom('previous_permanence').selectAll().where('person_id', '=', child).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ arrangement: 'P2', local_authority: '205', arrangement_date: 'zz/06/2020', version: 1 });

    const changeForm = await worker.get(form);
    expect(changeForm.body).toContain('name="version" value="1"');
    expect((await worker.post(form, { version: '1', arrangement: 'Z1' })).status).toBe(303);
    const stale = await worker.post(form, { version: '1', arrangement: 'P1' });
    expect(stale.status).toBe(409);
    expect(
      await database.db.selectFrom('previous_permanence').select(['arrangement', 'version']).where('person_id', '=', child).execute(),
    ).toEqual([{ arrangement: 'Z1', version: 2 }]);
    expect(await chronology('permanence_before_care')).toHaveLength(2);
  });

  it('records a decision to place for adoption, refuses a second while it stands, and records its reversal once', async () => {
    const decide = `/children/${child}/adoption/decision`;
    await worker.get(decide);
    const before = await worker.post(decide, dateFields('decidedOn', '2023-04-01'));
    expect(before.status).toBe(400);
    expect(before.body).toContain('must be looked after on the day of the decision');
    expect((await worker.post(decide, dateFields('decidedOn', '2023-09-01'))).status).toBe(303);
    const second = await worker.post(decide, dateFields('decidedOn', '2023-10-01'));
    expect(second.status).toBe(400);
    expect(second.body).toContain('has not been reversed');

    const decision = await database.db
      .selectFrom('adoption_decisions')
      .selectAll()
      .where('person_id', '=', child)
      .executeTakeFirstOrThrow();
    const reverse = `/children/${child}/adoption/decision/${decision.id}/reversal`;
    await worker.get(reverse);
    const noReason = await worker.post(reverse, { version: '1', ...dateFields('reversedOn', '2023-12-01') });
    expect(noReason.status).toBe(400);
    expect(noReason.body).toContain('Select why the decision was reversed');
    expect((await worker.post(reverse, { version: '1', reason: 'RD3', ...dateFields('reversedOn', '2023-12-01') })).status).toBe(303);
    expect((await worker.post(reverse, { version: '1', reason: 'RD1', ...dateFields('reversedOn', '2023-12-02') })).status).toBe(409);
    expect(
      await database.db
        .selectFrom('adoption_decisions')
        .select(['reversed_on', 'reason_reversed'])
        .where('person_id', '=', child)
        .execute(),
    ).toEqual([{ reversed_on: '2023-12-01', reason_reversed: 'RD3' }]);
    expect((await worker.post(decide, dateFields('decidedOn', '2024-01-15'))).status).toBe(303);
    expect(await chronology('adoption')).toHaveLength(3);
  });

  it('records the adoption only on the day care ended by adoption, with the adopters, and lets it be changed', async () => {
    const adopt = `/children/${child}/adoption/adoption`;
    const notYet = await worker.post(adopt, {
      ...dateFields('adoptedOn', '2024-09-01'),
      ...dateFields('shouldBePlacedOn', '2024-01-15'),
      ...dateFields('matchedOn', '2024-03-01'),
      adoptedByFosterCarer: 'no',
      numberOfAdopters: '2',
      adoptersSex: 'MF',
      adoptersLegalStatus: 'L11',
    });
    expect(notYet.status).toBe(400);
    expect(notYet.body).toContain('Enter the day care ended by adoption');

    const actor = await loadActor(database.db, fixture.staff.worker?.id as string, '127.0.0.1');
    const period = await database.db
      .selectFrom('periods_of_care')
      .select(['id', 'version'])
      .where('person_id', '=', child)
      .executeTakeFirstOrThrow();
    const ended = await endPeriodOfCare(database.db, actor as NonNullable<typeof actor>, child, {
      periodId: period.id,
      version: period.version,
      endedOn: '2024-09-01',
      reasonCeased: 'E11',
    });
    expect(ended.ok).toBe(true);
    const page = await worker.get(adopt);
    expect(page.body).toContain('name="adoptedOn-day" type="text" value="1"');
    const mismatched = await worker.post(adopt, {
      ...dateFields('adoptedOn', '2024-09-01'),
      ...dateFields('shouldBePlacedOn', '2024-01-15'),
      ...dateFields('matchedOn', '2024-03-01'),
      adoptedByFosterCarer: 'no',
      numberOfAdopters: '2',
      adoptersSex: 'F1',
      adoptersLegalStatus: 'L0',
    });
    expect(mismatched.status).toBe(400);
    expect(mismatched.body).toContain('Select the couple');
    const recorded = await worker.post(adopt, {
      ...dateFields('adoptedOn', '2024-09-01'),
      ...dateFields('shouldBePlacedOn', '2024-01-15'),
      ...dateFields('matchedOn', '2024-03-01'),
      adoptedByFosterCarer: 'yes',
      numberOfAdopters: '2',
      adoptersSex: 'MF',
      adoptersLegalStatus: 'L11',
    });
    expect(recorded.status).toBe(303);
    const adoption = await database.db.selectFrom('adoptions').selectAll().where('person_id', '=', child).executeTakeFirstOrThrow();
    expect(adoption).toMatchObject({
      adopted_on: '2024-09-01',
      should_be_placed_on: '2024-01-15',
      matched_on: '2024-03-01',
      adopted_by_foster_carer: true,
      number_of_adopters: 2,
      adopters_sex: 'MF',
      adopters_legal_status: 'L11',
    });
    const change = `${adopt}/${adoption.id}`;
    expect((await worker.get(change)).body).toContain('name="version" value="1"');
    const changed = {
      ...dateFields('adoptedOn', '2024-09-01'),
      ...dateFields('shouldBePlacedOn', '2024-01-15'),
      ...dateFields('matchedOn', '2024-02-01'),
    };
    const rest = { adoptedByFosterCarer: 'yes', numberOfAdopters: '2', adoptersSex: 'MF', adoptersLegalStatus: 'L11' };
    expect((await worker.post(change, { version: '1', ...changed, ...rest })).status).toBe(303);
    expect((await worker.post(change, { version: '1', ...changed, ...rest })).status).toBe(409);
    const overview = await worker.get(`/children/${child}/adoption`);
    expect(overview.body).toContain('1 February 2024');
  });

  it('lets staff who may only view a looked-after record see the page but not record on it', async () => {
    const iro = new Visitor(app);
    await iro.signIn('iro');
    expect((await iro.get(`/children/${fixture.children.inCare}/adoption`)).status).toBe(200);
    expect((await iro.get(`/children/${fixture.children.inCare}/adoption/decision`)).status).toBe(403);
  });
});
