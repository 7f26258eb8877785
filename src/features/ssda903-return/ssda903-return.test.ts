import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, Visitor } from '../../../test/app.js';
import { openTestDatabase, type TestDatabase } from '../../../test/database.js';
import { type Fixture, seedFixture } from '../../../test/fixtures.js';
import { dateFields } from '../../../test/looked-after-fixtures.js';
import { readReturnFolder } from '../../cli/ssda903.js';
import { exportSsda903, importSsda903, validateSsda903Live } from '../../cli/ssda903-return.js';
import { fromReturnDate } from '../../domain/returns/ssda903/return-date.js';
import type { Actor } from '../../platform/actor.js';
import { loadActor } from '../../platform/staff-directory.js';
import { downloadReturn, importReturn } from './service.js';

const sample = path.resolve(import.meta.dirname, '../../../test/ssda903-sample');
const year = 2025;

/** A copy of the sample return with one file changed, for the bad-input cases. */
async function sampleWith(file: string, change: (text: string) => string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'hearth-903-'));
  await cp(sample, dir, { recursive: true });
  await writeFile(path.join(dir, file), change(await readFile(path.join(dir, file), 'utf8')));
  return dir;
}

describe('the SSDA903 return: import, export, live validation and the analyst’s page', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let fixture: Fixture;
  let headOfService: Actor;
  const folders: string[] = [];
  const count = async (table: 'people' | 'periods_of_care' | 'placements' | 'looked_after_reviews' | 'chronology_entries') =>
    Number(
      (
        await database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const personOf = async (laChildId: string) =>
    (await database.db.selectFrom('people').select('id').where('la_child_id', '=', laChildId).executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    database = await openTestDatabase();
    fixture = await seedFixture(database.db);
    app = await startTestApp(database.db);
    headOfService = (await loadActor(database.db, fixture.staff.headOfService?.id as string, '127.0.0.1')) as Actor;
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    for (const dir of folders) await rm(dir, { recursive: true, force: true });
  });

  it('refuses bad input with a line-numbered report and imports nothing', async () => {
    const before = {
      people: await count('people'),
      periods: await count('periods_of_care'),
      chronology: await count('chronology_entries'),
    };
    const cases: { file: string; change: (t: string) => string; expected: string }[] = [
      {
        file: 'Episodes.csv',
        change: (t) => t.replace('CHILD,DECOM,RNE,LS,', 'CHILD,DECOM,RNE,').replace(/^(C\d+,[^,]+,[A-Z]),[A-Z0-9]+,/gm, '$1,'),
        expected: 'Episodes.csv, line 1, column LS: The LS column is missing',
      },
      {
        file: 'Episodes.csv',
        change: (t) => t.replace('C1002,02/10/2024,P,C2,N4,U4,', 'C1002,02/10/2024,P,C2,N4,Q9,'),
        expected: 'Episodes.csv, line 6, column PLACE: PLACE "Q9" is not a code of the specification',
      },
      {
        file: 'Episodes.csv',
        change: (t) => t.replace('C1003,03/03/2022,S,V2,N1,U6,PR1,15/06/2024', 'C1003,03/03/2022,S,V2,N1,U6,PR1,15/06/2021'),
        expected: 'Episodes.csv, line 7, column DEC: The episode must end after the day it started (DEC after DECOM)',
      },
      {
        file: 'Missing.csv',
        change: (t) => t.replace('M,12/08/2024,13/08/2024', 'M,12/08/2024,10/08/2024'),
        expected: 'Missing.csv, line 2, column MIS_END: The child cannot return before they went missing (MIS_END before MIS_START)',
      },
      {
        file: 'Reviews.csv',
        change: (t) => t.replace('05/07/2024,PN1', '05/07/2024,PN9'),
        expected: 'Reviews.csv, line 2, column REVIEW_CODE: REVIEW_CODE "PN9" is not a code of the specification',
      },
    ];
    for (const { file, change, expected } of cases) {
      const dir = await sampleWith(file, change);
      folders.push(dir);
      const lines: string[] = [];
      expect(await importSsda903(database.db, dir, { as: 'headOfService', year }, (text) => lines.push(text))).toBe(false);
      expect(lines[0]).toMatch(/^Nothing was imported/);
      expect(lines).toContain(`  ${expected}`);
    }
    expect({
      people: await count('people'),
      periods: await count('periods_of_care'),
      chronology: await count('chronology_entries'),
    }).toEqual(before);
  });

  it('refuses an import by someone who may not add children’s records', async () => {
    const worker = (await loadActor(database.db, fixture.staff.worker?.id as string, '127.0.0.1')) as Actor;
    const outcome = await importReturn(database.db, worker, await readReturnFolder(sample, year), year);
    expect(outcome.ok).toBe(false);
    expect(await database.db.selectFrom('people').select('id').where('la_child_id', '=', 'C1001').execute()).toHaveLength(0);
  });

  it('imports a return: children, care histories, reviews, missing episodes, UASC, a care leaver and an adoption, with chronology and clocks', async () => {
    const people = await count('people');
    const lines: string[] = [];
    expect(await importSsda903(database.db, sample, { as: 'headOfService' }, (text) => lines.push(text))).toBe(true);
    expect(lines[0]).toBe('Imported 5 children from the SSDA903 return for collection year 2025.');
    expect(await count('people')).toBe(people + 5);

    const girl = await personOf('C1001');
    const child = await database.db.selectFrom('people').selectAll().where('id', '=', girl).executeTakeFirstOrThrow();
    expect([child.sex, child.date_of_birth, child.ethnicity, child.upn]).toEqual(['F', '2012-05-14', 'WBRI', 'X383201516001']);
    const episodes = await database.db
      .selectFrom('care_episodes')
      .select([
        'started_on',
        'reason_new_episode',
        'legal_status',
        'placement_type',
        'ended_on',
        'reason_ceased',
        'reason_placement_change',
      ])
      .where('person_id', '=', girl)
      .orderBy('started_on')
      .execute();
    expect(episodes).toEqual([
      {
        started_on: '2024-01-10',
        reason_new_episode: 'S',
        legal_status: 'V2',
        placement_type: 'U6',
        ended_on: '2024-06-15',
        reason_ceased: 'X1',
        reason_placement_change: 'CARPL',
      },
      {
        started_on: '2024-06-15',
        reason_new_episode: 'B',
        legal_status: 'C1',
        placement_type: 'U4',
        ended_on: null,
        reason_ceased: null,
        reason_placement_change: null,
      },
    ]);
    const events = await database.db.selectFrom('clock_events').select('kind').where('person_id', '=', girl).execute();
    expect(events.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['became_looked_after', 'placement_started', 'placement_ended', 'lac_review_held', 'returned_from_missing']),
    );
    expect(await database.db.selectFrom('clock_instances').select('clock_id').where('person_id', '=', girl).execute()).not.toHaveLength(0);
    const chronology = await database.db.selectFrom('chronology_entries').select('kind').where('person_id', '=', girl).execute();
    expect(new Set(chronology.map((c) => c.kind))).toEqual(
      new Set(['record', 'looked_after', 'legal_status', 'placement', 'review', 'missing']),
    );

    const sameCarer = await database.db
      .selectFrom('placements')
      .select('carer_name')
      .where('person_id', '=', await personOf('C1004'))
      .orderBy('started_on')
      .execute();
    expect(sameCarer[0]?.carer_name).toBe('Carer from 14/04/2024 (SSDA903 import)');
    expect(sameCarer[1]?.carer_name).toBe(sameCarer[0]?.carer_name);
    const adopted = await personOf('C1005');
    expect(
      await database.db.selectFrom('adoptions').select(['adopted_on', 'adopters_sex']).where('person_id', '=', adopted).execute(),
    ).toEqual([{ adopted_on: '2025-01-15', adopters_sex: 'MF' }]);
    const leaver = await personOf('C1003');
    expect(
      await database.db
        .selectFrom('care_leaver_contacts')
        .select(['contact_on', 'in_touch', 'accommodation'])
        .where('person_id', '=', leaver)
        .execute(),
    ).toEqual([{ contact_on: '2024-12-20', in_touch: 'YES', accommodation: 'D1' }]);
    const audits = await database.db
      .selectFrom('audit_events')
      .select('person_id')
      .where('action', '=', 'ssda903.import')
      .where('outcome', '=', 'allowed')
      .execute();
    expect(audits).toHaveLength(5);
  });

  it('exports the same year as equivalent files (a round trip)', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'hearth-903-out-'));
    folders.push(out);
    const lines: string[] = [];
    await exportSsda903(database.db, { year, out }, (text) => lines.push(text));
    const summary = lines.filter((l) => /^ {2}\S/.test(l));
    expect(summary.length).toBe(1);
    expect(summary[0]).toMatch(/^ {2}SW01 +\d+ {2}Child looked after on 31 March but no social worker episode$/);
    const exported = await readReturnFolder(out, year);
    const original = await readReturnFolder(sample, year);
    expect(exported.problems).toEqual([]);
    const records = (r: typeof exported, kind: keyof typeof exported.return) => (r.return[kind]?.rows ?? []).map((row) => row.record);
    for (const kind of ['header', 'reviews', 'uasc', 'oc2', 'oc3', 'ad1', 'placedAdoption', 'prevPerm', 'missing'] as const) {
      expect({ kind, records: records(exported, kind) }).toEqual({ kind, records: records(original, kind) });
    }
    const originalEpisodes = (original.return.episodes?.rows ?? []).map((row) => row.record);
    const inYear = originalEpisodes.filter((e) => {
      const ended = fromReturnDate(e.DEC);
      return ended === null || ended >= '2024-04-01';
    });
    expect(records(exported, 'episodes')).toEqual(inYear);
    expect(originalEpisodes.length - inYear.length).toBe(1);
  });

  it('refuses to import children whose LA child IDs are already in Hearth, and writes nothing', async () => {
    const people = await count('people');
    const lines: string[] = [];
    expect(await importSsda903(database.db, sample, { as: 'headOfService', year }, (text) => lines.push(text))).toBe(false);
    expect(lines).toContain(
      '  Header.csv, line 2, column CHILD: A child with LA child ID C1001 is already in Hearth: the import adds new children and does not merge records',
    );
    expect(await count('people')).toBe(people);
  });

  it('validates Hearth’s own data: the same JSON as the folder form, and the export still writes the files', async () => {
    await database.db.updateTable('people').set({ ethnicity: null }).where('la_child_id', '=', 'C1004').execute();
    const json: string[] = [];
    await validateSsda903Live(database.db, { year, json: true }, (text) => json.push(text));
    const failures = JSON.parse(json.join('')) as Record<string, string>[];
    expect(failures).toContainEqual({ rule: '103', la_child_id: 'C1004', message: expect.any(String) });
    for (const failure of failures) expect(Object.keys(failure)).toEqual(['rule', 'la_child_id', 'message']);

    const out = await mkdtemp(path.join(tmpdir(), 'hearth-903-out-'));
    folders.push(out);
    const lines: string[] = [];
    await exportSsda903(database.db, { year, out }, (text) => lines.push(text));
    expect(lines.some((l) => /^ {2}103 +1 {2}Ethnicity missing or invalid$/.test(l))).toBe(true);
    expect((await readFile(path.join(out, 'Header.csv'), 'utf8')).split('\n')[4]).toBe('C1004,M,01/07/2008,,W383201821004,,');
  });

  it('shows the analyst every failure by rule and by child, linked to the record, and the download is a zip of the files', async () => {
    const analyst = new Visitor(app);
    await analyst.signIn('analyst');
    const page = await analyst.get(`/returns/ssda903?year=${year}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<h1 class="govuk-heading-l">SSDA903 return: 2024-25</h1>');
    expect(page.body).toContain('103: Ethnicity missing or invalid (1)');
    expect(page.body).toContain(`href="/children/${await personOf('C1004')}"`);

    const download = await analyst.get(`/returns/ssda903/${year}/download`);
    expect(download.status).toBe(200);
    const { zip, fileName } = await downloadReturn(database.db, headOfService, year);
    expect(fileName).toBe('SSDA903-2024-25.zip');
    const files = await JSZip.loadAsync(zip);
    expect(Object.keys(files.files).sort()).toEqual(
      [
        'AD1.csv',
        'Episodes.csv',
        'Header.csv',
        'Missing.csv',
        'OC2.csv',
        'OC3.csv',
        'PlacedAdoption.csv',
        'PrevPerm.csv',
        'Reviews.csv',
        'SWEpisodes.csv',
        'UASC.csv',
      ].sort(),
    );
    expect(await files.file('UASC.csv')?.async('string')).toBe('CHILD,SEX,DOB,DUC\nC1004,M,01/07/2008,\n');
    const audits = await database.db
      .selectFrom('audit_events')
      .select(['staff_id', 'record_id'])
      .where('action', '=', 'ssda903.download')
      .execute();
    expect(audits).toContainEqual({ staff_id: fixture.staff.analyst?.id, record_id: '2025' });

    expect((await analyst.get('/returns/ssda903?year=1990')).status).toBe(400);
    expect((await analyst.get('/returns/ssda903/1990/download')).status).toBe(404);
  });

  it('names only the children the person may open, and refuses the page to other roles', async () => {
    await database.db
      .insertInto('allocations')
      .values({ person_id: await personOf('C1004'), team_id: fixture.teams.care, kind: 'social_worker', started_on: '2025-01-06' })
      .execute();
    const head = new Visitor(app);
    await head.signIn('headOfService');
    const page = await head.get(`/returns/ssda903?year=${year}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('103: Ethnicity missing or invalid (1)');
    expect(page.body).toContain('1 child with failures is not listed because you cannot open their records');
    expect(page.body).not.toContain('C1004');

    const worker = new Visitor(app);
    await worker.signIn('worker');
    expect((await worker.get(`/returns/ssda903?year=${year}`)).status).toBe(403);
    expect((await worker.get(`/returns/ssda903/${year}/download`)).status).toBe(403);
  });

  it('writes social worker episodes from the allocations of a child looked after on 31 March, with the reasons the worker changed', async () => {
    await database.db.updateTable('staff').set({ swe_registration_number: 'SW70001' }).where('username', '=', 'worker').execute();
    const child = await personOf('C1001');
    const manager = new Visitor(app);
    await manager.signIn('manager');
    const allocate = `/children/${child}/allocation`;
    await manager.get(allocate);
    const first = { teamId: fixture.teams.north, staffId: fixture.staff.worker?.id as string, ...dateFields('startedOn', '2024-04-01') };
    expect((await manager.post(allocate, first)).status).toBe(303);
    const form = await manager.get(allocate);
    expect(form.body).toContain('Why is the social worker changing?');
    const teamOnly = { teamId: fixture.teams.north, staffId: '', ...dateFields('startedOn', '2024-11-04') };
    const noReason = await manager.post(allocate, teamOnly);
    expect(noReason.status).toBe(400);
    expect(noReason.body).toContain('Select why the social worker is changing');
    expect((await manager.post(allocate, { ...teamOnly, changeReason: 'LEFTRL' })).status).toBe(303);
    const reasons = await database.db
      .selectFrom('allocations')
      .select(['staff_id', 'change_reason'])
      .where('person_id', '=', child)
      .orderBy('started_on')
      .execute();
    expect(reasons).toEqual([
      { staff_id: fixture.staff.worker?.id, change_reason: 'FCONTA' },
      { staff_id: null, change_reason: 'LEFTRL' },
    ]);

    const out = await mkdtemp(path.join(tmpdir(), 'hearth-903-out-'));
    folders.push(out);
    await exportSsda903(database.db, { year, out }, () => undefined);
    const lines = (await readFile(path.join(out, 'SWEpisodes.csv'), 'utf8')).trim().split('\n');
    expect(lines[0]).toBe('CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON');
    expect(lines.filter((l) => l.startsWith('C1001,'))).toEqual([
      'C1001,14/05/2012,SW70001,01/04/2024,04/11/2024,FCONTA',
      'C1001,14/05/2012,XXXXXX,04/11/2024,,LEFTRL',
    ]);
    const json: string[] = [];
    await validateSsda903Live(database.db, { year, json: true }, (text) => json.push(text));
    const failures = JSON.parse(json.join('')) as { rule: string; la_child_id: string }[];
    expect(failures.filter((f) => f.la_child_id === 'C1001' && f.rule.startsWith('SW'))).toEqual([]);
  });
});
