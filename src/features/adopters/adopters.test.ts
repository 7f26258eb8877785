import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testConfig, Visitor } from '../../../test/app.js';
import { openTestDatabase, type TestDatabase } from '../../../test/database.js';
import { type Fixture, seedFixture } from '../../../test/fixtures.js';
import { dateFields } from '../../../test/looked-after-fixtures.js';
import { exportAnnexA } from '../../cli/annex-a.js';
import { annexALists } from '../../domain/returns/annex-a/lists.js';

const couple = {
  givenName1: 'Robin',
  familyName1: 'Okafor',
  gender1: 'a) Male',
  ethnicity1: 'BAFR',
  disability1: 'no',
  secondAdopter: 'yes',
  givenName2: 'Alex',
  familyName2: 'Okafor',
  gender2: 'b) Female',
  ethnicity2: 'WBRI',
  disability2: 'unknown',
  fostering: 'no',
};

describe('prospective adopters: households, their journey, matches and Annex A list 11', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let fixture: Fixture;
  let fostering: Visitor;
  let manager: Visitor;
  let householdId: string;

  const version = async () =>
    (await database.db.selectFrom('adopter_households').select('version').where('id', '=', householdId).executeTakeFirstOrThrow()).version;
  const step = async (visitor: Visitor, name: string, on: string) => {
    await visitor.get(`/adopters/${householdId}/steps/${name}`);
    return visitor.post(`/adopters/${householdId}/steps/${name}`, { version: String(await version()), ...dateFields('on', on) });
  };

  beforeAll(async () => {
    database = await openTestDatabase();
    fixture = await seedFixture(database.db);
    app = await startTestApp(database.db);
    fostering = new Visitor(app);
    await fostering.signIn('fostering');
    manager = new Visitor(app);
    await manager.signIn('manager');
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('adds a couple from their enquiry, numbering the family and each adopter, and audits it', async () => {
    await fostering.get('/adopters/new');
    const missing = await fostering.post('/adopters/new', { ...couple, givenName2: '', ...dateFields('enquiryReceivedOn', '2025-01-06') });
    expect(missing.status).toBe(400);
    expect(missing.body).toContain('There is a problem');
    expect(missing.body).toContain('Enter the second adopter’s first name');
    expect(await database.db.selectFrom('adopter_households').select('id').execute()).toEqual([]);

    const added = await fostering.post('/adopters/new', { ...couple, ...dateFields('enquiryReceivedOn', '2025-01-06') });
    expect(added.status).toBe(303);
    householdId = (added.location ?? '').split('/').at(-1) as string;
    const adopters = await database.db
      .selectFrom('prospective_adopters')
      .select(['adopter_identifier', 'position', 'gender', 'ethnicity', 'disabled'])
      .where('household_id', '=', householdId)
      .orderBy('position')
      .execute();
    expect(adopters).toEqual([
      { adopter_identifier: 'AP000001', position: 1, gender: 'a) Male', ethnicity: 'BAFR', disabled: false },
      { adopter_identifier: 'AP000002', position: 2, gender: 'b) Female', ethnicity: 'WBRI', disabled: null },
    ]);
    const page = await fostering.get(`/adopters/${householdId}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Robin Okafor and Alex Okafor');
    expect(page.body).toContain('AF000001');
    const audit = await database.db
      .selectFrom('audit_events')
      .select(['action', 'record_id', 'detail'])
      .where('action', 'like', 'adopters.%')
      .where('staff_id', '=', fixture.staff.fostering?.id as string)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['adopters.household.add', 'adopters.household.view']);
    expect(JSON.stringify(audit)).not.toContain('Okafor');
  });

  it('runs the stage 1 clock from the clock table and lists the household with it, most urgent first', async () => {
    expect((await step(fostering, 'stageOneStarted', '2025-01-20')).status).toBe(303);
    const list = await fostering.get('/adopters');
    expect(list.status).toBe(200);
    expect(list.body).toContain('Stage 1 by 20 March 2025');
    expect(list.body).toContain('Overdue');
    expect((await step(fostering, 'stageOneEnded', '2025-03-14')).status).toBe(303);
    const page = await fostering.get(`/adopters/${householdId}`);
    expect(page.body).toContain('Done on time');
  });

  it('refuses stage 2 before stage 1 ended with the error summary, and a stale form with 409, changing nothing', async () => {
    const before = await version();
    const early = await step(fostering, 'stageTwoStarted', '2025-03-01');
    expect(early.status).toBe(400);
    expect(early.body).toContain('Stage 2 started cannot be before stage 1 ended');
    const stale = await fostering.post(`/adopters/${householdId}/steps/stageTwoStarted`, {
      version: String(before - 1),
      ...dateFields('on', '2025-03-20'),
    });
    expect(stale.status).toBe(409);
    const row = await database.db
      .selectFrom('adopter_households')
      .select(['stage_two_started_on', 'version'])
      .where('id', '=', householdId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ stage_two_started_on: null, version: before });
  });

  it('leaves the approval to a manager', async () => {
    expect((await step(fostering, 'stageTwoStarted', '2025-03-20')).status).toBe(303);
    expect((await step(fostering, 'applicationSubmitted', '2025-03-20')).status).toBe(303);
    expect((await step(fostering, 'stageTwoEnded', '2025-07-10')).status).toBe(303);
    expect((await fostering.get(`/adopters/${householdId}`)).body).toContain('A manager records the approval');
    expect((await step(fostering, 'approved', '2025-08-01')).status).toBe(403);
    expect((await step(manager, 'approved', '2025-08-01')).status).toBe(303);
  });

  it('matches a child through the child’s record: only someone who may open it, only after a decision to place for adoption', async () => {
    const child = fixture.children.allocatedToWorker;
    const match = (visitor: Visitor, matchedOn: string) =>
      visitor.post(`/adopters/${householdId}/matches/new`, { laChildId: 'T1', ...dateFields('matchedOn', matchedOn) });
    await fostering.get(`/adopters/${householdId}/matches/new`);
    const notTheirs = await match(fostering, '2025-10-01');
    expect(notTheirs.status).toBe(400);
    expect(notTheirs.body).toContain('No child you may open has this LA child ID');

    await manager.get(`/adopters/${householdId}/matches/new`);
    const noDecision = await match(manager, '2025-10-01');
    expect(noDecision.status).toBe(400);
    expect(noDecision.body).toContain('There is no decision that this child should be placed for adoption');

    await database.db.insertInto('adoption_decisions').values({ person_id: child, decided_on: '2025-06-02' }).execute();
    expect((await match(manager, '2025-10-01')).status).toBe(303);
    const [matched] = await database.db.selectFrom('adopter_matches').select(['id', 'version']).execute();
    await manager.get(`/adopters/${householdId}/matches/${matched?.id}/placement`);
    const moved = await manager.post(`/adopters/${householdId}/matches/${matched?.id}/placement`, {
      version: String(matched?.version),
      ...dateFields('placedOn', '2025-10-20'),
    });
    expect(moved.status).toBe(303);
    const chronology = await database.db
      .selectFrom('chronology_entries')
      .select(['kind', 'occurred_on', 'summary'])
      .where('person_id', '=', child)
      .where('kind', '=', 'adoption')
      .orderBy('occurred_on')
      .execute();
    expect(chronology).toEqual([
      { kind: 'adoption', occurred_on: '2025-10-01', summary: 'Matched with prospective adopters (family AF000001).' },
      { kind: 'adoption', occurred_on: '2025-10-20', summary: 'Moved in with prospective adopters (family AF000001).' },
    ]);
    const forFostering = await fostering.get(`/adopters/${householdId}`);
    expect(forFostering.body).toContain('A child whose record is not open to you');
    expect(forFostering.body).not.toContain('Child1');
    expect((await manager.get(`/adopters/${householdId}`)).body).toContain('Child1 Testcase');
  });

  it('shows the adoption order from the child’s record', async () => {
    await database.db
      .insertInto('adoptions')
      .values({ person_id: fixture.children.allocatedToWorker, adopted_on: '2026-02-16', matched_on: '2025-10-01' })
      .execute();
    const page = await fostering.get(`/adopters/${householdId}`);
    expect(page.body).toContain('16 February 2026');
    expect(page.body).toContain('Adopted');
  });

  it('records leaving with a reason, and refuses it without one', async () => {
    await fostering.get('/adopters/new');
    const single = await fostering.post('/adopters/new', {
      givenName1: 'Sam',
      familyName1: 'Reid',
      gender1: 'd) Neither',
      ethnicity1: 'WOTH',
      disability1: 'yes',
      secondAdopter: 'no',
      fostering: 'yes',
      ...dateFields('enquiryReceivedOn', '2025-02-03'),
    });
    const id = (single.location ?? '').split('/').at(-1) as string;
    await fostering.get(`/adopters/${id}/leaving`);
    const noReason = await fostering.post(`/adopters/${id}/leaving`, { version: '1', ...dateFields('leftOn', '2025-04-01') });
    expect(noReason.status).toBe(400);
    expect(noReason.body).toContain('Select why they left the adoption process');
    expect(
      (await fostering.post(`/adopters/${id}/leaving`, { version: '1', reason: '1', ...dateFields('leftOn', '2025-04-01') })).status,
    ).toBe(303);
    expect((await fostering.get('/adopters')).body).not.toContain('Sam Reid');
    expect((await fostering.get('/adopters?left=include')).body).toContain('Sam Reid');
  });

  it('keeps adopters to the adoption team, managers and analysts', async () => {
    const worker = new Visitor(app);
    await worker.signIn('worker');
    expect((await worker.get('/adopters')).status).toBe(403);
    expect((await worker.get(`/adopters/${householdId}`)).status).toBe(403);
    const analyst = new Visitor(app);
    await analyst.signIn('analyst');
    expect((await analyst.get(`/adopters/${householdId}`)).status).toBe(200);
    expect((await analyst.get('/adopters/new')).status).toBe(403);
  });

  it('exports Annex A list 11: one row per adopter, in contact in the 12 months, with real dates and a count on the cover', async () => {
    const out = path.join(await mkdtemp(path.join(tmpdir(), 'hearth-adopters-')), 'annex-a.xlsx');
    const exportAsOf = async (asOf: string) => {
      const write = process.stdout.write;
      process.stdout.write = () => true;
      try {
        await exportAnnexA(database.db, testConfig(), { asOf, out });
      } finally {
        process.stdout.write = write;
      }
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await readFile(out)) as unknown as ArrayBuffer);
      return workbook;
    };
    const workbook = await exportAsOf('2026-03-31');
    const sheet = workbook.getWorksheet('List 11 Adopters') as ExcelJS.Worksheet;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...annexALists.adopters.columns]);
    const rows: unknown[][] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) rows.push((row.values as unknown[]).slice(1));
    });
    // Sam Reid left on 1 April 2025: the first day of the 12 months to 31 March 2026, so still in.
    expect(rows.map((r) => r[0])).toEqual(['AP000001', 'AP000002', 'AP000003']);
    const [robin] = rows;
    expect(robin?.slice(0, 7)).toEqual(['AP000001', 'AF000001', 'a) Male', 'BAFR', 'b) No', 'b) No', new Date(Date.UTC(2025, 0, 6))]);
    expect(robin?.slice(13, 17)).toEqual([
      new Date(Date.UTC(2025, 9, 1)),
      new Date(Date.UTC(2025, 9, 20)),
      1,
      new Date(Date.UTC(2026, 1, 16)),
    ]);
    expect(sheet.getRow(2).getCell(7).numFmt).toBe('dd/mm/yyyy');
    expect(rows[2]?.slice(-2)).toEqual([new Date(Date.UTC(2025, 3, 1)), '1']);
    const cover = workbook.getWorksheet('Cover') as ExcelJS.Worksheet;
    const counts = new Map<string, unknown>();
    cover.eachRow((r) => counts.set(String(r.getCell(1).value), r.getCell(3).value));
    expect(counts.get('List 11 Adopters')).toBe(3);

    const later = await exportAsOf('2026-04-01');
    const laterRows: unknown[] = [];
    (later.getWorksheet('List 11 Adopters') as ExcelJS.Worksheet).eachRow((row, n) => {
      if (n > 1) laterRows.push(row.getCell(1).value);
    });
    expect(laterRows).toEqual(['AP000001', 'AP000002']);
  });
});
