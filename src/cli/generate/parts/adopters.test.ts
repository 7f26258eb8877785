import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/database.js';
import type { Database } from '../../../db/schema.js';
import { type AdopterJourney, journeyProblems } from '../../../domain/adopters/journey.js';
import { minimumEnquiriesPerYear } from '../../../domain/synthetic/adopters.js';
import { scales } from '../../../domain/synthetic/scales.js';
import { generateAuthority } from '../generate.js';
import { adoptersPart } from './adopters.js';
import { lookedAfterPart } from './looked-after.js';

const today = '2026-11-25';
const seed = 11;
const adopterTables = ['adopter_households', 'prospective_adopters', 'adopter_matches', 'chronology_entries'] as const;

async function fingerprint(db: Kysely<Database>): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of adopterTables) {
    const rows =
      table === 'chronology_entries'
        ? sql`select id, person_id, kind, occurred_on, summary, source_type, source_id from chronology_entries where kind = 'adoption'`
        : table === 'adopter_households'
          ? sql`select id, family_identifier, enquiry_received_on, approved_on, left_on, reason_left from adopter_households`
          : sql`select * from ${sql.table(table)}`;
    const { rows: hashed } = await sql<{ hash: string; n: string }>`
      select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as hash, count(*) as n from (${rows}) t`.execute(db);
    result[table] = `${hashed[0]?.n}:${hashed[0]?.hash}`;
  }
  return result;
}

describe('generator part: prospective adopters', () => {
  let first: TestDatabase;
  let second: TestDatabase;
  beforeAll(async () => {
    [first, second] = await Promise.all([openTestDatabase(), openTestDatabase()]);
    await generateAuthority(first.db, { scale: 'small', seed, today, parts: [lookedAfterPart, adoptersPart] });
    await generateAuthority(second.db, { scale: 'small', seed, today, parts: [lookedAfterPart, adoptersPart] });
  }, 600_000);
  afterAll(async () => {
    await Promise.all([first.close(), second.close()]);
  });

  it('writes the same households, adopters and matches for the same seed', async () => {
    expect(await fingerprint(first.db)).toEqual(await fingerprint(second.db));
  });

  it('makes at least the yearly floor of enquiries, each journey in order, couples and single adopters', async () => {
    const households = await first.db.selectFrom('adopter_households').selectAll().execute();
    expect(households.length).toBeGreaterThanOrEqual(minimumEnquiriesPerYear * scales.small.years);
    for (const h of households) {
      const journey: AdopterJourney = {
        enquiryReceived: h.enquiry_received_on,
        stageOneStarted: h.stage_one_started_on,
        stageOneEnded: h.stage_one_ended_on,
        stageTwoStarted: h.stage_two_started_on,
        stageTwoEnded: h.stage_two_ended_on,
        applicationSubmitted: h.application_submitted_on,
        approved: h.approved_on,
        leftOn: h.left_on,
        reasonLeft: h.reason_left,
      };
      expect({ id: h.family_identifier, problems: journeyProblems(journey, today) }).toEqual({ id: h.family_identifier, problems: [] });
    }
    const sizes = await first.db
      .selectFrom('prospective_adopters')
      .select(({ fn }) => ['household_id', fn.countAll<string>().as('n')])
      .groupBy('household_id')
      .execute();
    expect(sizes).toHaveLength(households.length);
  });

  it('matches every child adopted with a household approved before the match, with the chronology entries the service writes', async () => {
    const adoptions = await first.db.selectFrom('adoptions').select(['person_id', 'adopted_on']).execute();
    const matches = await first.db
      .selectFrom('adopter_matches')
      .innerJoin('adopter_households', 'adopter_households.id', 'adopter_matches.household_id')
      .select(['adopter_matches.id', 'person_id', 'matched_on', 'placed_on', 'approved_on', 'fostering_for_adoption'])
      .execute();
    for (const adoption of adoptions) {
      const match = matches.find((m) => m.person_id === adoption.person_id);
      expect(match?.approved_on && match.approved_on <= match.matched_on).toBe(true);
      expect(match?.placed_on && match.placed_on <= adoption.adopted_on).toBe(true);
    }
    for (const m of matches) if (!m.fostering_for_adoption && m.placed_on) expect(m.placed_on >= m.matched_on).toBe(true);
    const entries = await first.db.selectFrom('chronology_entries').select(['source_id']).where('kind', '=', 'adoption').execute();
    expect(new Set(entries.map((e) => e.source_id))).toEqual(new Set(matches.map((m) => m.id)));
  });
});
