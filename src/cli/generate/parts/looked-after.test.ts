import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/database.js';
import type { Database } from '../../../db/schema.js';
import type { CareHistory } from '../../../domain/looked-after/care-history.js';
import { checkCareHistory } from '../../../domain/looked-after/care-history-checks.js';
import { deriveEpisodes } from '../../../domain/looked-after/episodes.js';
import { missingChildren } from '../../../domain/synthetic/looked-after.js';
import { clockInstancesAsOf } from '../../../features/clocks/service.js';
import { validateLiveReturn } from '../../../features/ssda903-return/service.js';
import { generateAuthority } from '../generate.js';
import { lookedAfterPart, lookedAfterPartWith } from './looked-after.js';

const today = '2026-11-25';
const seed = 7;
const lookedAfterTables = [
  'periods_of_care',
  'legal_statuses',
  'placements',
  'care_episodes',
  'pre_proceedings',
  'care_proceedings',
  'adoption_decisions',
  'adoptions',
  'uasc_statuses',
  'allocations',
  'looked_after_reviews',
  'permanence_plans',
  'looked_after_visits',
  'health_assessments',
  'education_plans',
  'independent_support',
  'missing_episodes',
  'return_interviews',
  'exploitation_screenings',
  'strategy_meeting_prompts',
  'personal_advisers',
  'pathway_plans',
  'care_leaver_contacts',
  'previous_permanence',
  'motherhood',
  'chronology_entries',
  'clock_events',
] as const;

/** Each table the part writes as one hash of its ordered rows (the instants the database stamps left out). */
async function fingerprint(db: Kysely<Database>): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of [...lookedAfterTables, 'people'] as const) {
    const rows =
      table === 'clock_events'
        ? sql`select id, person_id, kind, occurred_on, occurred_time, ref, late_reason, source_type, source_id, recorded_at from clock_events`
        : table === 'people'
          ? sql`select id, upn, upn_unknown, unaccompanied_asylum_seeking from people`
          : sql`select * from ${sql.table(table)}`;
    const { rows: hashed } = await sql<{ hash: string; n: string }>`
      select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as hash, count(*) as n from (${rows}) t`.execute(db);
    result[table] = `${hashed[0]?.n}:${hashed[0]?.hash}`;
  }
  return result;
}

/** Each child's care history as the looked-after service loads it, and the SSDA903 episodes stored for it. */
async function storedHistories(db: Kysely<Database>) {
  const [people, periods, statuses, placements, episodes] = await Promise.all([
    db.selectFrom('people').select(['id', 'date_of_birth']).execute(),
    db.selectFrom('periods_of_care').selectAll().orderBy('started_on').execute(),
    db.selectFrom('legal_statuses').selectAll().orderBy('started_on').execute(),
    db.selectFrom('placements').selectAll().orderBy('started_on').execute(),
    db.selectFrom('care_episodes').selectAll().orderBy('started_on').execute(),
  ]);
  const born = new Map(people.map((p) => [p.id, p.date_of_birth]));
  return [...new Set(periods.map((p) => p.person_id))].map((personId) => {
    const history: CareHistory = {
      dateOfBirth: born.get(personId) ?? null,
      periods: periods
        .filter((p) => p.person_id === personId)
        .map((p) => ({
          id: p.id,
          startedOn: p.started_on,
          endedOn: p.ended_on,
          reasonCeased: p.reason_ceased,
          categoryOfNeed: p.category_of_need,
          homePostcode: p.home_postcode,
        })),
      legalStatuses: statuses
        .filter((s) => s.person_id === personId)
        .map((s) => ({
          id: s.id,
          periodOfCareId: s.period_of_care_id,
          legalStatus: s.legal_status,
          startedOn: s.started_on,
          endedOn: s.ended_on,
        })),
      placements: placements
        .filter((p) => p.person_id === personId)
        .map((p) => ({
          id: p.id,
          periodOfCareId: p.period_of_care_id,
          placementType: p.placement_type,
          provider: p.provider,
          postcode: p.postcode,
          urn: p.urn,
          carerName: p.carer_name,
          startedOn: p.started_on,
          endedOn: p.ended_on,
          reasonForChange: p.reason_for_change,
        })),
    };
    const stored = episodes
      .filter((e) => e.person_id === personId)
      .map((e) => ({
        periodOfCareId: e.period_of_care_id,
        legalStatusId: e.legal_status_id,
        placementId: e.placement_id,
        startedOn: e.started_on,
        reasonNewEpisode: e.reason_new_episode,
        legalStatus: e.legal_status,
        categoryOfNeed: e.category_of_need,
        placementType: e.placement_type,
        provider: e.provider,
        endedOn: e.ended_on,
        reasonCeased: e.reason_ceased,
        reasonPlacementChange: e.reason_placement_change,
        homePostcode: e.home_postcode,
        placementPostcode: e.placement_postcode,
        urn: e.urn,
      }));
    return { personId, history, stored };
  });
}

describe('hearth generate: the looked-after part', () => {
  let first: TestDatabase;
  let second: TestDatabase;
  let missing: TestDatabase;
  beforeAll(async () => {
    [first, second, missing] = await Promise.all([openTestDatabase(), openTestDatabase(), openTestDatabase()]);
    await generateAuthority(first.db, { scale: 'small', seed, today, parts: [lookedAfterPart] });
  }, 180_000);
  afterAll(async () => {
    await Promise.all([first?.close(), second?.close(), missing?.close()]);
  });

  it('writes identical rows for the same seed and day', async () => {
    await generateAuthority(second.db, { scale: 'small', seed, today, parts: [lookedAfterPart] });
    const [a, b] = await Promise.all([fingerprint(first.db), fingerprint(second.db)]);
    expect(b).toEqual(a);
    expect(Number(a.periods_of_care?.split(':')[0])).toBeGreaterThan(0);
    expect(Number(a.looked_after_reviews?.split(':')[0])).toBeGreaterThan(0);
  }, 180_000);

  it('writes care histories Hearth accepts, with the SSDA903 episodes the looked-after service derives from them', async () => {
    const children = await storedHistories(first.db);
    expect(children.length).toBeGreaterThan(0);
    for (const { history, stored } of children) {
      expect(checkCareHistory(history)).toEqual([]);
      expect(stored).toEqual(deriveEpisodes(history));
    }
  });

  it('records a case event and a chronology entry for each start of care, move and review', async () => {
    const count = async (query: ReturnType<typeof sql<{ n: string }>>) => Number((await query.execute(first.db)).rows[0]?.n);
    expect(await count(sql`select count(*) n from clock_events where kind = 'became_looked_after'`)).toBe(
      await count(sql`select count(*) n from periods_of_care`),
    );
    expect(await count(sql`select count(*) n from clock_events where kind = 'placement_started'`)).toBe(
      await count(sql`select count(*) n from placements`),
    );
    expect(await count(sql`select count(*) n from chronology_entries where kind = 'review'`)).toBe(
      await count(sql`select count(*) n from looked_after_reviews`),
    );
    expect(await count(sql`select count(*) n from clock_instances where clock_id = 'lac_review_1'`)).toBe(
      await count(sql`select count(*) n from periods_of_care`),
    );
  });

  it('gives an SSDA903 return for the year that passes the DfE checks (bar social worker episodes, which come from allocations)', async () => {
    const failures = await validateLiveReturn(first.db, 2026);
    expect(failures.filter((f) => !f.rule.startsWith('SW'))).toEqual([]);
  });

  it('has return home interviews met on time, met late and overdue, as the RHI clock reads them', async () => {
    const everyoneGoesMissing = lookedAfterPartWith({
      ...missingChildren,
      fromHome: { childShareAYear: 1, episodesAYear: 6 },
    });
    await generateAuthority(missing.db, { scale: 'small', seed, today, parts: [everyoneGoesMissing] });
    const statuses = (await clockInstancesAsOf(missing.db, today)).filter((c) => c.clock_id === 'rhi').map((c) => c.status);
    expect(statuses).toContain('met_on_time');
    expect(statuses).toContain('met_late');
    expect(statuses).toContain('overdue');
    const onTime = statuses.filter((s) => s === 'met_on_time').length / statuses.length;
    expect(onTime).toBeGreaterThan(0.45);
  }, 180_000);
});
