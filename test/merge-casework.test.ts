import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recomputeClocks } from '../src/features/clocks/service.js';
import { startTestApp, Visitor } from './app.js';
import { openReferralFor } from './casework-fixtures.js';
import { openTestDatabase, type TestDatabase } from './database.js';
import { type Fixture, seedFixture } from './fixtures.js';

/** Every table of a child's casework (migration 007) that refers to the child, whose rows a merge must move. */
const caseworkTables = [
  'assessments',
  'case_supervisions',
  'casework_visits',
  'child_in_need_plan_reviews',
  'child_in_need_plans',
  'child_protection_conferences',
  'child_protection_plans',
  'core_group_meetings',
  'management_decisions',
  'section_47_enquiries',
  'strategy_discussions',
  'supervision_actions',
] as const;

describe('merging two records of a child with casework', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let fixture: Fixture;
  let survivor: string;
  let duplicate: string;
  let duplicatePlan: string;
  let managerId: string;

  /** Whose record each row of every casework table is on, and the clocks each record has. */
  const snapshot = async () => {
    const owners: Record<string, { id: string; person_id: string }[]> = {};
    for (const table of caseworkTables)
      owners[table] = (
        await sql<{ id: string; person_id: string }>`select id, person_id from ${sql.table(table)} order by id`.execute(database.db)
      ).rows;
    const clocks = await database.db
      .selectFrom('clock_instances')
      .select(['person_id', 'clock_id', 'ref', 'started_on', 'due_on'])
      .orderBy('person_id')
      .orderBy('clock_id')
      .orderBy('occurrence')
      .execute();
    return { owners, clocks };
  };
  const rowsOf = (owners: Record<string, { person_id: string }[]>, personId: string) =>
    Object.fromEntries(Object.entries(owners).map(([table, rows]) => [table, rows.filter((r) => r.person_id === personId).length]));
  const mergedInto = async () =>
    (await database.db.selectFrom('people').select('merged_into_id').where('id', '=', duplicate).executeTakeFirstOrThrow()).merged_into_id;

  const merge = async () => {
    const manager = new Visitor(app);
    await manager.signIn('manager');
    await manager.get(`/children/${survivor}/merge/${duplicate}`);
    return {
      manager,
      response: await manager.post(`/children/${survivor}/merge/${duplicate}`, { keep: 'this', reason: 'Same child: same school' }),
    };
  };

  /** A closed referral of the child, for plans that ended with it. */
  const closedReferral = async (personId: string, referredOn: string, closedOn: string) =>
    (
      await database.db
        .insertInto('referrals')
        .values({
          person_id: personId,
          referral_date: referredOn,
          referral_source: '1A',
          primary_need_code: 'N1',
          is_re_referral: false,
          closed_on: closedOn,
          closure_reason: 'RC1',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;

  beforeAll(async () => {
    database = await openTestDatabase();
    fixture = await seedFixture(database.db);
    app = await startTestApp(database.db);
    survivor = fixture.children.allocatedToWorker;
    duplicate = fixture.children.unallocated;
    managerId = fixture.staff.manager?.id as string;
    const workerId = fixture.staff.worker?.id as string;
    const db = database.db;

    // The duplicate record: an open episode that went from assessment to a child protection plan.
    const referral = await openReferralFor(db, fixture, duplicate, '2026-06-01');
    await db
      .insertInto('assessments')
      .values({
        person_id: duplicate,
        referral_id: referral,
        kind: 'child_and_family',
        started_on: '2026-06-02',
        worker_id: workerId,
        status: 'authorised',
        factors: ['1C'],
        authorised_on: '2026-07-01',
        authorised_by: managerId,
      })
      .execute();
    const discussion = (
      await db
        .insertInto('strategy_discussions')
        .values({
          person_id: duplicate,
          referral_id: referral,
          held_on: '2026-06-03',
          agencies: ['police', 'health'],
          decision: 'section_47',
          rationale: 'Injury unexplained',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const enquiry = (
      await db
        .insertInto('section_47_enquiries')
        .values({
          person_id: duplicate,
          referral_id: referral,
          strategy_discussion_id: discussion,
          started_on: '2026-06-03',
          completed_on: '2026-06-15',
          outcome: 'concerns_substantiated_icpc',
          icpc_required: true,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    duplicatePlan = (
      await db
        .insertInto('child_protection_plans')
        .values({
          person_id: duplicate,
          referral_id: referral,
          started_on: '2026-06-24',
          initial_category: 'PHY',
          latest_category: 'PHY',
          number_of_previous_plans: 0,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await db
      .insertInto('child_protection_conferences')
      .values({
        person_id: duplicate,
        referral_id: referral,
        kind: 'initial',
        section_47_id: enquiry,
        plan_id: duplicatePlan,
        held_on: '2026-06-24',
        decision: 'plan',
        category_of_abuse: 'PHY',
      })
      .execute();
    await db.insertInto('core_group_meetings').values({ person_id: duplicate, plan_id: duplicatePlan, held_on: '2026-07-03' }).execute();
    await db
      .insertInto('casework_visits')
      .values({
        person_id: duplicate,
        plan_kind: 'child_protection',
        plan_id: duplicatePlan,
        visited_on: '2026-07-06',
        child_seen: true,
        seen_alone: true,
        bedroom_seen: false,
      })
      .execute();
    await db
      .insertInto('management_decisions')
      .values({
        person_id: duplicate,
        referral_id: referral,
        kind: 'threshold',
        decided_on: '2026-06-01',
        decided_by: managerId,
        rationale: 'Meets the threshold for assessment',
      })
      .execute();
    const supervision = (
      await db
        .insertInto('case_supervisions')
        .values({
          person_id: duplicate,
          held_on: '2026-07-10',
          supervisor_id: managerId,
          worker_id: workerId,
          reflection: 'Plan is working',
          decisions: 'Continue',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await db
      .insertInto('supervision_actions')
      .values({
        supervision_id: supervision,
        person_id: duplicate,
        description: 'Book the review',
        owner_id: workerId,
        due_on: '2026-07-20',
      })
      .execute();
    const earlier = await closedReferral(duplicate, '2025-01-06', '2025-09-01');
    const cinPlan = (
      await db
        .insertInto('child_in_need_plans')
        .values({ person_id: duplicate, referral_id: earlier, started_on: '2025-02-03', ended_on: '2025-08-29', end_reason: 'stepped_up' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await db
      .insertInto('child_in_need_plan_reviews')
      .values({ person_id: duplicate, plan_id: cinPlan, reviewed_on: '2025-05-01' })
      .execute();
    await db
      .insertInto('clock_events')
      .values({
        person_id: duplicate,
        kind: 'cp_plan_started',
        occurred_on: '2026-06-24',
        ref: duplicatePlan,
        source_type: 'child_protection_plan',
        source_id: duplicatePlan,
      })
      .execute();
    await db.transaction().execute((trx) => recomputeClocks(trx, duplicate));

    // The record kept: an earlier episode, closed, with a child in need plan that ended with it.
    const survivorReferral = await closedReferral(survivor, '2024-03-04', '2024-12-02');
    await db
      .insertInto('child_in_need_plans')
      .values({
        person_id: survivor,
        referral_id: survivorReferral,
        started_on: '2024-04-01',
        ended_on: '2024-11-29',
        end_reason: 'progress_made',
      })
      .execute();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('moves the assessments, enquiries, conferences, plans, visits, decisions and supervisions to the record kept, with their clocks, and puts each back on undo', async () => {
    const before = await snapshot();
    expect(Object.values(rowsOf(before.owners, duplicate)).every((count) => count === 1)).toBe(true);
    expect(before.clocks.filter((c) => c.person_id === duplicate && c.ref === duplicatePlan).length).toBeGreaterThan(0);

    const { manager, response } = await merge();
    expect(response.status).toBe(303);
    const after = await snapshot();
    expect(Object.values(rowsOf(after.owners, duplicate)).every((count) => count === 0)).toBe(true);
    expect(rowsOf(after.owners, survivor)).toMatchObject({ child_protection_plans: 1, child_in_need_plans: 2, supervision_actions: 1 });
    for (const table of caseworkTables)
      expect(
        after.owners[table]?.map((r) => r.id),
        table,
      ).toEqual(before.owners[table]?.map((r) => r.id));
    expect(after.clocks.filter((c) => c.person_id === duplicate)).toEqual([]);
    expect(after.clocks.filter((c) => c.person_id === survivor && c.ref === duplicatePlan).map((c) => c.clock_id)).toEqual(
      before.clocks.filter((c) => c.person_id === duplicate && c.ref === duplicatePlan).map((c) => c.clock_id),
    );

    const plan = await manager.get(`/children/${survivor}/casework/child-protection`);
    expect(plan.status).toBe(200);
    expect(plan.body).toContain('Physical abuse');

    const merges = await manager.get(`/children/${survivor}/merges`);
    const mergeId = /action="\/merges\/([^/]+)\/undo"/.exec(merges.body)?.[1] as string;
    expect((await manager.post(`/merges/${mergeId}/undo`)).status).toBe(303);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses to merge two records that each have an open child protection plan, saying why, and saves nothing', async () => {
    const referral = await closedReferral(survivor, '2025-01-06', '2025-12-01');
    const plan = (
      await database.db
        .insertInto('child_protection_plans')
        .values({
          person_id: survivor,
          referral_id: referral,
          started_on: '2025-02-03',
          initial_category: 'NEG',
          latest_category: 'NEG',
          number_of_previous_plans: 0,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    try {
      const before = await snapshot();
      const { response } = await merge();
      expect(response.status).toBe(400);
      expect(response.body).toContain('Both records have an open child protection plan');
      expect(await snapshot()).toEqual(before);
      expect(await mergedInto()).toBeNull();
    } finally {
      await database.db.deleteFrom('child_protection_plans').where('id', '=', plan).execute();
    }
  });

  it('refuses to merge a record on a child protection plan with one on a child in need plan, and saves nothing', async () => {
    const referral = await closedReferral(survivor, '2025-01-06', '2025-12-01');
    await database.db
      .insertInto('child_in_need_plans')
      .values({ person_id: survivor, referral_id: referral, started_on: '2025-02-03' })
      .execute();
    const before = await snapshot();
    const { response } = await merge();
    expect(response.status).toBe(400);
    expect(response.body).toContain('One record has an open child protection plan and the other an open child in need plan');
    expect(await snapshot()).toEqual(before);
    expect(await mergedInto()).toBeNull();
  });
});
