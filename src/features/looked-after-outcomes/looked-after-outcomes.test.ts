import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, Visitor } from '../../../test/app.js';
import { openTestDatabase, type TestDatabase } from '../../../test/database.js';
import { type Fixture, seedFixture } from '../../../test/fixtures.js';
import { dateFields, startCare } from '../../../test/looked-after-fixtures.js';
import { collectionYearOf } from '../../domain/looked-after/episodes.js';
import { todayInEngland } from '../../platform/today.js';

describe('yearly outcomes (OC2) and motherhood', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let fixture: Fixture;
  let child: string;
  let worker: Visitor;
  const year = collectionYearOf(todayInEngland()) - 1;

  beforeAll(async () => {
    database = await openTestDatabase();
    fixture = await seedFixture(database.db);
    app = await startTestApp(database.db);
    child = fixture.children.allocatedToWorker;
    await database.db
      .updateTable('people')
      .set({ date_of_birth: `${year - 14}-06-01`, sex: 'F' })
      .where('id', '=', child)
      .execute();
    await startCare(database.db, fixture, child, `${year - 2}-05-01`);
    worker = new Visitor(app);
    await worker.signIn('worker');
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('asks for the outcomes of each year the child was looked after 12 months on 31 March, as the child’s age calls for them', async () => {
    const page = await worker.get(`/children/${child}/outcomes`);
    expect(page.status).toBe(200);
    expect(page.body).toContain(`/outcomes/${year}`);
    expect(page.body).not.toContain(`/outcomes/${year - 2}"`);
    const form = `/children/${child}/outcomes/${year}`;
    const empty = await worker.get(form);
    expect(empty.body).toContain('Was the child convicted');
    expect(empty.body).not.toContain('development checks up to date?');
    const missing = await worker.post(form, { immunisations: 'yes', teethCheck: 'yes', healthAssessment: 'yes', substanceMisuse: 'yes' });
    expect(missing.status).toBe(400);
    expect(missing.body).toContain('Enter the SDQ score, or select why there is none');
    expect(missing.body).toContain('Select whether the child was convicted');
    expect(missing.body).toContain('Select whether the child received an intervention');
    const answers = {
      sdqScore: '17',
      convicted: 'no',
      immunisations: 'yes',
      teethCheck: 'no',
      healthAssessment: 'yes',
      substanceMisuse: 'no',
      interventionReceived: 'yes',
    };
    expect((await worker.post(form, answers)).status).toBe(303);
    const row = await database.db.selectFrom('looked_after_outcomes').selectAll().where('person_id', '=', child).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      collection_year: year,
      sdq_score: 17,
      sdq_reason: null,
      convicted: false,
      health_check: null,
      teeth_check: false,
      substance_misuse: false,
      intervention_received: null,
      version: 1,
    });
    expect((await worker.post(form, { ...answers, version: '1', teethCheck: 'yes' })).status).toBe(303);
    const stale = await worker.post(form, { ...answers, version: '1' });
    expect(stale.status).toBe(409);
    expect(
      (
        await database.db.selectFrom('looked_after_outcomes').select(['teeth_check', 'version']).where('person_id', '=', child).execute()
      )[0],
    ).toEqual({ teeth_check: true, version: 2 });
    expect((await worker.get(`/children/${child}/outcomes/${year - 2}`)).status).toBe(404);
    const entries = await database.db
      .selectFrom('chronology_entries')
      .select('summary')
      .where('person_id', '=', child)
      .where('kind', '=', 'outcomes')
      .execute();
    expect(entries).toHaveLength(2);
  });

  it('records whether a young woman is a mother, with her first child’s date of birth, and refuses a stale change', async () => {
    const form = `/children/${child}/motherhood`;
    await worker.get(form);
    const noDate = await worker.post(form, { isMother: 'yes' });
    expect(noDate.status).toBe(400);
    expect(noDate.body).toContain('Enter her first child’s date of birth');
    expect((await worker.post(form, { isMother: 'yes', ...dateFields('firstChildBornOn', `${year - 1}-02-03`) })).status).toBe(303);
    expect((await worker.get(form)).body).toContain('name="version" value="1"');
    expect((await worker.post(form, { version: '1', isMother: 'no' })).status).toBe(303);
    expect(
      (await worker.post(form, { version: '1', isMother: 'yes', ...dateFields('firstChildBornOn', `${year - 1}-02-03`) })).status,
    ).toBe(409);
    expect(
      await database.db
        .selectFrom('motherhood')
        .select(['is_mother', 'first_child_born_on', 'version'])
        .where('person_id', '=', child)
        .execute(),
    ).toEqual([{ is_mother: false, first_child_born_on: null, version: 2 }]);
    expect((await worker.get(`/children/${child}/outcomes`)).body).toContain('id="motherhood"');
  });

  it('refuses motherhood for a boy', async () => {
    await database.db.updateTable('people').set({ sex: 'M' }).where('id', '=', fixture.children.south).execute();
    const south = new Visitor(app);
    await south.signIn('southWorker');
    await south.get(`/children/${fixture.children.south}/motherhood`);
    const refused = await south.post(`/children/${fixture.children.south}/motherhood`, { isMother: 'no' });
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('girls and young women only');
    expect(
      await database.db.selectFrom('motherhood').select('person_id').where('person_id', '=', fixture.children.south).execute(),
    ).toEqual([]);
  });
});
