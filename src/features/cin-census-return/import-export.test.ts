import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../../test/app.js';
import { realisticCinReturn } from '../../../test/cin-census-samples.js';
import { openTestDatabase, type TestDatabase } from '../../../test/database.js';
import { buildCinCensus } from '../../domain/returns/cin/build.js';
import { parseCinCensus } from '../../domain/returns/cin/parse.js';
import { importCinCensus } from './import-service.js';
import { cinCensusXml, cinReturnPeriod, liveCinCensus } from './service.js';

const config = testConfig();
const today = '2025-04-20';
const sampleXml = () => buildCinCensus(realisticCinReturn(), { collectionYear: 2025 });
const importer = { staffId: null };

async function count(database: TestDatabase, table: 'people' | 'referrals' | 'assessments' | 'chronology_entries' | 'clock_events') {
  return Number(
    (
      await database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
}

describe('CIN census: import a file, export the same year', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('refuses a file that is not well-formed, with nothing written', async () => {
    const outcome = await importCinCensus(database.db, config, importer, '<Message><Header></Message>', { collectionYear: 2025, today });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems[0]?.message).toMatch(/Not well-formed XML/);
    expect(await count(database, 'people')).toBe(0);
  });

  it('refuses unknown codes, missing items and dates out of order, naming the child and element of each, with nothing written', async () => {
    const xml = sampleXml()
      .replace('<Ethnicity>BAFR</Ethnicity>', '<Ethnicity>XXXX</Ethnicity>')
      .replace('<ReferralSource>5D</ReferralSource>', '')
      .replace('<CINclosureDate>2025-03-14</CINclosureDate>', '<CINclosureDate>2024-03-14</CINclosureDate>')
      .replace('<CPPendDate>2024-10-31</CPPendDate>', '<CPPendDate>2024-04-30</CPPendDate>');
    const outcome = await importCinCensus(database.db, config, importer, xml, { today });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const problems = outcome.problems.map((p) => [p.laChildId, p.path, p.message]);
    expect(problems).toContainEqual([
      'C1002',
      'Message/Children/Child[2]/ChildCharacteristics/Ethnicity',
      'Ethnicity "XXXX" is not in the DfE code list',
    ]);
    expect(problems).toContainEqual(expect.arrayContaining(['C1004', 'Message/Children/Child[4]/CINdetails[1]/ReferralSource']));
    expect(problems).toContainEqual([
      'C1001',
      'Message/Children/Child[1]/CINdetails[1]/CINclosureDate',
      'CINclosureDate is before CINreferralDate',
    ]);
    expect(problems).toContainEqual([
      'C1001',
      'Message/Children/Child[1]/CINdetails[1]/ChildProtectionPlans[1]/CPPendDate',
      'CPPendDate must be after CPPstartDate',
    ]);
    for (const table of ['people', 'referrals', 'assessments', 'chronology_entries', 'clock_events'] as const)
      expect(await count(database, table)).toBe(0);
  });

  it('imports a realistic file into an empty Hearth, adopting its LA code, with chronology entries and clocks', async () => {
    const outcome = await importCinCensus(database.db, config, importer, sampleXml(), { today });
    expect(outcome).toEqual({ ok: true, laCode: '201', adoptedLaCode: true, children: 4, referrals: 5 });
    const child = await database.db.selectFrom('people').selectAll().where('la_child_id', '=', 'C1002').executeTakeFirstOrThrow();
    expect(child).toMatchObject({ upn_unknown: 'UN3', sex: 'M', ethnicity: 'BAFR', disabilities: ['LD', 'HEAR', 'VIS', 'AUT'] });
    const chronology = await database.db
      .selectFrom('chronology_entries')
      .select(['kind', 'summary'])
      .where('person_id', '=', child.id)
      .execute();
    expect(chronology.map((c) => c.kind).sort()).toEqual([
      'assessment',
      'plan',
      'record',
      'referral',
      'referral',
      'section_47',
      'strategy_discussion',
    ]);
    const clocks = await database.db
      .selectFrom('clock_instances')
      .select(['clock_id', 'completed_on'])
      .where('person_id', '=', child.id)
      .execute();
    expect(clocks).toContainEqual({ clock_id: 'cf_assessment', completed_on: '2024-10-15' });
    expect(clocks.map((c) => c.clock_id)).toContain('cin_plan_review');
  });

  it('exports the same year as an equivalent file that passes every DfE rule', async () => {
    const live = await liveCinCensus(database.db, config, cinReturnPeriod(2025));
    expect(live.failures).toEqual([]);
    const exported = parseCinCensus(cinCensusXml(live), { collectionYear: 2025 });
    expect(exported.problems).toEqual([]);
    const sample = realisticCinReturn();
    expect(exported.message?.children).toEqual(sample.children);
    expect(exported.message?.header).toMatchObject({ collection: 'CIN', laCode: '201', referenceDate: '2025-03-31', sourceLevel: 'L' });
  });

  it('writes only codes that are in the DfE code lists', async () => {
    const codes = JSON.parse(readFileSync(new URL('../../../../shared/domain/codes.json', import.meta.url), 'utf8')) as {
      cin: Record<string, { code: string }[] | { codes: { code: string }[] }>;
      ethnicity: { code: string }[];
    };
    const list = (name: string) => {
      const entry = codes.cin[name];
      return new Set((Array.isArray(entry) ? entry : (entry?.codes ?? [])).map((c) => c.code));
    };
    const live = await liveCinCensus(database.db, config, cinReturnPeriod(2025));
    const ethnicity = new Set(codes.ethnicity.map((c) => c.code));
    for (const child of live.message.children) {
      if (child.ethnicity) expect(ethnicity).toContain(child.ethnicity);
      if (child.sex) expect(list('sex_from2025')).toContain(child.sex);
      if (child.upnUnknown) expect(list('upnUnknown')).toContain(child.upnUnknown);
      for (const d of child.disabilities) expect(list('disability')).toContain(d);
      for (const episode of child.episodes) {
        if (episode.referralSource) expect(list('referralSource')).toContain(episode.referralSource);
        if (episode.primaryNeed) expect(list('primaryNeed')).toContain(episode.primaryNeed);
        if (episode.reasonForClosure) expect(list('reasonForClosure')).toContain(episode.reasonForClosure);
        for (const a of episode.assessments) for (const f of a.factors) expect(list('assessmentFactors')).toContain(f);
        for (const p of episode.cpPlans) {
          expect(list('categoryOfAbuse')).toContain(p.initialCategory);
          expect(list('categoryOfAbuse')).toContain(p.latestCategory);
        }
      }
    }
  });

  it('leaves out of an earlier year what happened after it, and shows the year so far as it stood', async () => {
    expect((await liveCinCensus(database.db, config, cinReturnPeriod(2024))).message.children).toEqual([]);
    const soFar = await liveCinCensus(database.db, config, cinReturnPeriod(2025, { yearToDate: true, today: '2024-06-30' }));
    expect(soFar.message.children.map((c) => c.laChildId)).toEqual(['C1001', 'C1002']);
    const episode = soFar.message.children[0]?.episodes[0];
    expect(episode?.closureDate).toBeNull();
    expect(episode?.cpPlans[0]).toMatchObject({ startDate: '2024-04-30', endDate: null });
    expect(episode?.cinPlans).toEqual([]);
  });

  it('refuses a file for another authority, and children it already holds', async () => {
    const other = realisticCinReturn();
    if (other.header) other.header.laCode = '202';
    other.children = other.children.map((c, i) => ({ ...c, laChildId: `D${i}`, upn: null, upnUnknown: c.upnUnknown ?? 'UN1' }));
    const refused = await importCinCensus(database.db, config, importer, buildCinCensus(other, { collectionYear: 2025 }), { today });
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.problems.map((p) => p.message)).toContain(
        'This file is for local authority 202, but Hearth serves local authority 201: it was not imported',
      );
    const again = await importCinCensus(database.db, config, importer, sampleXml(), { today });
    expect(again.ok).toBe(false);
    if (!again.ok)
      expect(again.problems).toContainEqual({
        laChildId: 'C1003',
        path: 'ChildIdentifiers/LAchildID',
        message: 'Hearth already holds a child with LA child ID C1003',
      });
    expect(await count(database, 'people')).toBe(4);
  });
});
