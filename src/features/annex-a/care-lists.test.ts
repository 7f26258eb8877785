import path from 'node:path';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, Visitor } from '../../../test/app.js';
import { openTestDatabase, type TestDatabase } from '../../../test/database.js';
import { seedFixture } from '../../../test/fixtures.js';
import { importSsda903 } from '../../cli/ssda903-return.js';
import { annexALists } from '../../domain/returns/annex-a/lists.js';

const sample = path.resolve(import.meta.dirname, '../../../test/ssda903-sample');
const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe('Annex A lists 8, 9 and 10: children in care, care leavers and adoption', () => {
  let database: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await openTestDatabase();
    await seedFixture(database.db);
    app = await startTestApp(database.db);
    expect(await importSsda903(database.db, sample, { as: 'headOfService', year: 2025 }, () => undefined)).toBe(true);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const download = async () => {
    const analyst = new Visitor(app);
    await analyst.signIn('analyst');
    const response = await app.inject({
      method: 'GET',
      url: '/returns/annex-a/download?as-of-day=31&as-of-month=3&as-of-year=2025',
      headers: { cookie: analyst.cookieHeader() },
    });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const cover = workbook.getWorksheet('Cover') as ExcelJS.Worksheet;
    const counts = new Map<string, unknown>();
    cover.eachRow((r) => counts.set(String(r.getCell(1).value), r.getCell(3).value));
    const sheet = (name: string) => workbook.getWorksheet(name) as ExcelJS.Worksheet;
    const rowOf = (name: string, childId: string) => {
      const rows: unknown[][] = [];
      sheet(name).eachRow((r) => {
        const values = (r.values as unknown[]).slice(1);
        if (values[0] === childId) rows.push(values);
      });
      return rows;
    };
    return { workbook, counts, sheet, rowOf };
  };

  it('writes a worksheet for each, with the Annex A columns in order, and counts them on the cover', async () => {
    const { workbook, counts, sheet } = await download();
    const names = workbook.worksheets.map((w) => w.name);
    expect(names.slice(-4)).toEqual(['List 8 Children in care', 'List 9 Care leavers', 'List 10 Adoption', 'List 11 Adopters']);
    expect((sheet('List 8 Children in care').getRow(1).values as unknown[]).slice(1)).toEqual([...annexALists.childrenInCare.columns]);
    expect((sheet('List 9 Care leavers').getRow(1).values as unknown[]).slice(1)).toEqual([...annexALists.careLeavers.columns]);
    expect((sheet('List 10 Adoption').getRow(1).values as unknown[]).slice(1)).toEqual([...annexALists.adoption.columns]);
    // Looked after on 31 March 2025 or ceased in the 6 months before: C1001, C1004 (open), C1002, C1005 (ceased).
    expect(counts.get('List 8 Children in care')).toBe(4);
    // C1003 (former relevant, 18) and C1004 (eligible, 16 and looked after).
    expect(counts.get('List 9 Care leavers')).toBe(2);
    expect(counts.get('List 10 Adoption')).toBe(1);
    for (const name of names.slice(-3)) expect(sheet(name).rowCount - 1).toBe(counts.get(name));
  });

  it('lists a looked after child with legal status, placement, reviews, placements and missing episodes as at the date', async () => {
    const { rowOf } = await download();
    const [row] = rowOf('List 8 Children in care', 'C1001');
    expect(row?.slice(0, 28)).toEqual([
      'C1001',
      expect.any(String),
      'WBRI',
      day(2012, 5, 14),
      12,
      'b) No',
      'c) Unknown',
      day(2024, 1, 10),
      'N2',
      'b) No',
      day(2024, 6, 15),
      'C1',
      day(2025, 1, 3),
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      2,
      undefined,
      undefined,
      day(2024, 6, 15),
      'U4',
      'PR1',
      'LS6 2AB',
      'SC123456',
      undefined,
      undefined,
    ]);
    expect(row?.[28]).toBe(1);
    expect(row?.[29]).toBe(1);
    expect(row?.[30]).toBe('b) No');
    const [ceased] = rowOf('List 8 Children in care', 'C1002');
    expect(ceased?.[19]).toEqual(day(2025, 2, 14));
    expect(ceased?.[20]).toBe('E4A');
  });

  it('lists care leavers with their category and latest contact, and an adopted child with the adoption dates', async () => {
    const { rowOf } = await download();
    const [leaver] = rowOf('List 9 Care leavers', 'C1003');
    expect(leaver?.slice(3)).toEqual([
      day(2006, 12, 20),
      18,
      'c) Unknown',
      undefined,
      undefined,
      'Former relevant child (18 or over)',
      'YES',
      'D',
      'Suitable',
      'F2',
    ]);
    expect(rowOf('List 9 Care leavers', 'C1004')[0]?.[8]).toBe('Eligible child (16 or 17, still looked after)');
    const [adopted] = rowOf('List 10 Adoption', 'C1005');
    expect(adopted?.slice(3, 15)).toEqual([
      'WBRI',
      day(2021, 2, 11),
      4,
      'c) Unknown',
      day(2022, 5, 5),
      day(2022, 9, 15),
      day(2022, 11, 10),
      day(2024, 4, 20),
      day(2024, 6, 1),
      day(2025, 1, 15),
    ]);
  });

  it('leaves out the children the person downloading may not open', async () => {
    await database.db.updateTable('people').set({ restricted: true }).where('la_child_id', '=', 'C1004').execute();
    const { counts, rowOf } = await download();
    expect(counts.get('List 8 Children in care')).toBe(3);
    expect(counts.get('List 9 Care leavers')).toBe(1);
    expect(rowOf('List 8 Children in care', 'C1004')).toEqual([]);
  });
});
