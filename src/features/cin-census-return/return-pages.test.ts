import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testConfig, Visitor } from '../../../test/app.js';
import { realisticCinReturn } from '../../../test/cin-census-samples.js';
import { openTestDatabase, type TestDatabase } from '../../../test/database.js';
import { type Fixture, seedFixture } from '../../../test/fixtures.js';
import { buildCinCensus } from '../../domain/returns/cin/build.js';
import { parseCinCensus } from '../../domain/returns/cin/parse.js';
import { importCinCensus } from './import-service.js';

describe('the CIN census and Annex A pages', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let fixture: Fixture;
  const personOf: Record<string, string> = {};

  beforeAll(async () => {
    database = await openTestDatabase();
    fixture = await seedFixture(database.db);
    app = await startTestApp(database.db);
    const sample = realisticCinReturn();
    if (sample.header) sample.header.laCode = testConfig().localAuthorityCode;
    const imported = await importCinCensus(database.db, testConfig(), { staffId: null }, buildCinCensus(sample, { collectionYear: 2025 }), {
      today: '2025-04-20',
    });
    expect(imported.ok).toBe(true);
    for (const row of await database.db.selectFrom('people').select(['id', 'la_child_id']).where('la_child_id', 'like', 'C%').execute())
      personOf[row.la_child_id as string] = row.id;
    await database.db.updateTable('people').set({ ethnicity: null }).where('la_child_id', 'in', ['C1001', 'C1002']).execute();
    await database.db
      .insertInto('allocations')
      .values({ person_id: personOf.C1002 as string, kind: 'social_worker', team_id: fixture.teams.care, started_on: '2024-09-02' })
      .execute();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const signedIn = async (username: string) => {
    const visitor = new Visitor(app);
    await visitor.signIn(username);
    return visitor;
  };

  it('shows an analyst every failure by rule and by child, errors apart from queries, linked to the record', async () => {
    const analyst = await signedIn('analyst');
    const page = await analyst.get('/returns/cin-census?year=2025');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Errors by rule');
    expect(page.body).toContain('4220: ');
    expect(page.body).toContain(`href="/children/${personOf.C1001}/details"`);
    expect(page.body).toContain(`href="/children/${personOf.C1002}/details"`);
    expect(page.body).toContain('Failures by child');
  });

  it('lists only the children a head of service may open, and counts the rest', async () => {
    const head = await signedIn('headOfService');
    const page = await head.get('/returns/cin-census?year=2025');
    expect(page.status).toBe(200);
    expect(page.body).toContain(`href="/children/${personOf.C1001}/details"`);
    expect(page.body).not.toContain(personOf.C1002 as string);
    expect(page.body).toContain('1 child with failures is not listed because you cannot open their records');
  });

  it('refuses a year not offered, and people who do not prepare returns', async () => {
    const analyst = await signedIn('analyst');
    expect((await analyst.get('/returns/cin-census?year=1999')).status).toBe(400);
    expect((await analyst.get('/returns/cin-census/1999/download')).status).toBe(404);
    const worker = await signedIn('worker');
    expect((await worker.get('/returns/cin-census')).status).toBe(403);
    expect((await worker.get('/returns/cin-census/2025/download')).status).toBe(403);
    expect((await worker.get('/returns/annex-a')).status).toBe(403);
  });

  it('downloads the return as XML, and the download is audited', async () => {
    const analyst = await signedIn('analyst');
    const response = await app.inject({
      method: 'GET',
      url: '/returns/cin-census/2025/download',
      headers: { cookie: analyst.cookieHeader() },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe('attachment; filename="CIN-census-2025.xml"');
    const parsed = parseCinCensus(response.body, { collectionYear: 2025 });
    expect(parsed.message?.children.map((c) => c.laChildId)).toEqual(['C1001', 'C1002', 'C1003', 'C1004']);
    const audit = await database.db
      .selectFrom('audit_events')
      .select(['action', 'staff_id'])
      .where('action', '=', 'cin_census.download')
      .execute();
    expect(audit).toEqual([{ action: 'cin_census.download', staff_id: fixture.staff.analyst?.id }]);
  });

  it('downloads Annex A as a workbook: a cover with counts, one worksheet per list, dates as real dates', async () => {
    const analyst = await signedIn('analyst');
    const page = await analyst.get('/returns/annex-a?as-of-day=31&as-of-month=3&as-of-year=2025');
    expect(page.status).toBe(200);
    expect(page.body).toContain('/returns/annex-a/download?as-of-day=31&amp;as-of-month=3&amp;as-of-year=2025');
    const response = await app.inject({
      method: 'GET',
      url: '/returns/annex-a/download?as-of-day=31&as-of-month=3&as-of-year=2025',
      headers: { cookie: analyst.cookieHeader() },
    });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Cover',
      'List 1 Contacts',
      'List 3 Referrals',
      'List 4 Assessments',
      'List 5 S47 and ICPCs',
      'List 6 Children in need',
      'List 7 Child protection',
      'List 8 Children in care',
      'List 9 Care leavers',
      'List 10 Adoption',
      'List 11 Adopters',
    ]);
    const referrals = workbook.getWorksheet('List 3 Referrals') as ExcelJS.Worksheet;
    expect((referrals.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Child Unique ID',
      'Gender',
      'Ethnicity',
      'Date of Birth',
      'Age of Child (Years)',
      'Date of referral',
      'Referral Source',
      'Referral NFA?',
      'Number of Referrals in Last 12 Months',
      'Allocated Team',
      'Allocated Worker',
    ]);
    const row = referrals.getRow(2);
    expect(row.getCell(1).value).toBe('C1003');
    expect(row.getCell(2).value).toBe('c) Not stated/recorded');
    expect(row.getCell(6).type).toBe(ExcelJS.ValueType.Date);
    expect(row.getCell(6).value).toEqual(new Date(Date.UTC(2025, 0, 13)));
    expect(row.getCell(7).value).toBe('3B');
    expect(row.getCell(8).value).toBe('b) No');
    expect(row.getCell(9).value).toBe(1);
    const cover = workbook.getWorksheet('Cover') as ExcelJS.Worksheet;
    const counts = new Map<string, unknown>();
    cover.eachRow((r) => counts.set(String(r.getCell(1).value), r.getCell(3).value));
    expect(counts.get('List 3 Referrals')).toBe(referrals.rowCount - 1);
    expect(counts.get('List 3 Referrals')).toBe(2);
    expect(counts.get('List 4 Assessments')).toBe(3);
    expect(counts.get('List 7 Child protection')).toBe(1);
    const cp = workbook.getWorksheet('List 6 Children in need') as ExcelJS.Worksheet;
    expect(cp.rowCount - 1).toBe(counts.get('List 6 Children in need'));
    expect(await database.db.selectFrom('audit_events').select('action').where('action', '=', 'annex_a.download').execute()).toHaveLength(
      1,
    );
  });

  it('refuses an as at date in the future or not a real date, with a message', async () => {
    const analyst = await signedIn('analyst');
    const page = await analyst.get('/returns/annex-a?as-of-day=31&as-of-month=2&as-of-year=2025');
    expect(page.status).toBe(400);
    expect(page.body).toContain('As at date must be a real date');
    expect((await analyst.get('/returns/annex-a?as-of-day=1&as-of-month=1&as-of-year=2999')).status).toBe(400);
  });
});
