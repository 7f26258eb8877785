import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, Visitor } from './app.js';
import { openTestDatabase, type TestDatabase } from './database.js';
import { type Fixture, seedFixture } from './fixtures.js';
import { startCare } from './looked-after-fixtures.js';

/** Every table of a looked-after child's record (migration 006), whose rows a merge must move. */
const lookedAfterTables = [
  'care_episodes',
  'care_leaver_contacts',
  'care_proceedings',
  'education_plans',
  'exploitation_screenings',
  'health_assessments',
  'independent_support',
  'legal_statuses',
  'looked_after_reviews',
  'looked_after_visits',
  'missing_episodes',
  'pathway_plans',
  'periods_of_care',
  'permanence_plans',
  'personal_advisers',
  'placements',
  'pre_proceedings',
  'return_interviews',
  'strategy_meeting_prompts',
  'uasc_statuses',
] as const;

describe('merging two records of a looked-after child', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let fixture: Fixture;
  let survivor: string;
  let duplicate: string;

  /** Whose record each row of every looked-after table is on, table by table. */
  const snapshot = async () => {
    const owners: Record<string, { id: string; person_id: string }[]> = {};
    for (const table of lookedAfterTables)
      owners[table] = (
        await sql<{ id: string; person_id: string }>`select id, person_id from ${sql.table(table)} order by id`.execute(database.db)
      ).rows;
    return owners;
  };
  const rowsOf = (owners: Record<string, { person_id: string }[]>, personId: string) =>
    Object.fromEntries(Object.entries(owners).map(([table, rows]) => [table, rows.filter((r) => r.person_id === personId).length]));

  const merge = async () => {
    const manager = new Visitor(app);
    await manager.signIn('manager');
    await manager.get(`/children/${survivor}/merge/${duplicate}`);
    return {
      manager,
      response: await manager.post(`/children/${survivor}/merge/${duplicate}`, { keep: 'this', reason: 'Same child: same NHS number' }),
    };
  };

  beforeAll(async () => {
    database = await openTestDatabase();
    fixture = await seedFixture(database.db);
    app = await startTestApp(database.db);
    survivor = fixture.children.allocatedToWorker;
    duplicate = fixture.children.unallocated;
    const db = database.db;
    await startCare(db, fixture, duplicate, '2026-03-02', 'manager');
    const placement = await db.selectFrom('placements').select('id').where('person_id', '=', duplicate).executeTakeFirstOrThrow();
    await db
      .insertInto('looked_after_reviews')
      .values([
        { person_id: duplicate, held_on: '2026-03-30', participation: 'PN1' },
        { person_id: duplicate, held_on: '2026-06-29', participation: 'PN2' },
      ])
      .execute();
    await db
      .insertInto('looked_after_visits')
      .values({
        person_id: duplicate,
        placement_id: placement.id,
        visited_on: '2026-03-09',
        child_seen: true,
        seen_alone: true,
        bedroom_seen: true,
      })
      .execute();
    const missing = await db
      .insertInto('missing_episodes')
      .values({
        person_id: duplicate,
        kind: 'M',
        missing_from: 'care',
        started_on: '2026-05-04',
        returned_on: '2026-05-05',
        where_found: 'Friend’s house',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('return_interviews')
      .values({
        person_id: duplicate,
        missing_episode_id: missing.id,
        offered_on: '2026-05-06',
        outcome: 'held',
        held_on: '2026-05-06',
        conducted_by: 'Advocacy service',
      })
      .execute();
    await db
      .insertInto('exploitation_screenings')
      .values({
        person_id: duplicate,
        missing_episode_id: missing.id,
        screened_on: '2026-05-06',
        sexual_exploitation_risk: 'low',
        criminal_exploitation_risk: 'none',
      })
      .execute();
    await db
      .insertInto('missing_episodes')
      .values({ person_id: survivor, kind: 'A', missing_from: 'home', started_on: '2026-01-10', returned_on: '2026-01-10' })
      .execute();
    await db.insertInto('looked_after_reviews').values({ person_id: survivor, held_on: '2025-11-03', participation: 'PN1' }).execute();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('moves the placements, reviews, visits and missing episodes to the record kept, and puts each back exactly on undo', async () => {
    const before = await snapshot();
    expect(rowsOf(before, duplicate)).toMatchObject({
      periods_of_care: 1,
      placements: 1,
      legal_statuses: 1,
      care_episodes: 1,
      looked_after_reviews: 2,
      looked_after_visits: 1,
      missing_episodes: 1,
      return_interviews: 1,
      exploitation_screenings: 1,
    });

    const { manager, response } = await merge();
    expect(response.status).toBe(303);
    const after = await snapshot();
    expect(Object.values(rowsOf(after, duplicate)).every((count) => count === 0)).toBe(true);
    expect(rowsOf(after, survivor)).toMatchObject({
      periods_of_care: 1,
      placements: 1,
      care_episodes: 1,
      looked_after_reviews: 3,
      looked_after_visits: 1,
      missing_episodes: 2,
      return_interviews: 1,
    });
    for (const table of lookedAfterTables)
      expect(
        after[table]?.map((r) => r.id),
        table,
      ).toEqual(before[table]?.map((r) => r.id));

    const merges = await manager.get(`/children/${survivor}/merges`);
    const mergeId = /action="\/merges\/([^/]+)\/undo"/.exec(merges.body)?.[1] as string;
    expect((await manager.post(`/merges/${mergeId}/undo`)).status).toBe(303);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses to merge two records that each have a period of care, saying why, and saves nothing', async () => {
    await startCare(database.db, fixture, survivor, '2026-08-03');
    const before = await snapshot();
    const { response } = await merge();
    expect(response.status).toBe(400);
    expect(response.body).toContain('Both records have a period of care');
    expect(await snapshot()).toEqual(before);
    const state = await database.db.selectFrom('people').select('merged_into_id').where('id', '=', duplicate).executeTakeFirstOrThrow();
    expect(state.merged_into_id).toBeNull();
  });
});
