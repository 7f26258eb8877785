import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../../../test/app.js';
import { openTestDatabase, type TestDatabase } from '../../../../test/database.js';
import type { Database } from '../../../db/schema.js';
import { addCalendarDays } from '../../../domain/calendar/index.js';
import { cinReturnPeriod, liveCinCensus } from '../../../features/cin-census-return/service.js';
import { clockInstancesAsOf } from '../../../features/clocks/service.js';
import { viewWorktray } from '../../../features/worktrays/service.js';
import { loadActor } from '../../../platform/staff-directory.js';
import { generateAuthority } from '../generate.js';
import { caseworkPart } from './casework.js';

const today = '2026-11-25';
/** Generating even the small authority takes a few seconds, and more on a busy machine. */
const generating = 300_000;
const caseworkTables = [
  'referrals',
  'assessments',
  'assessment_returns',
  'strategy_discussions',
  'section_47_enquiries',
  'child_protection_plans',
  'child_protection_conferences',
  'core_group_meetings',
  'child_in_need_plans',
  'child_in_need_plan_reviews',
  'casework_visits',
  'case_supervisions',
  'supervision_actions',
  'management_decisions',
  'chronology_entries',
  'clock_events',
  'clock_instances',
] as const;

/** Each casework table as one hash of its ordered rows (the derived clocks without their computation time). */
async function fingerprint(db: Kysely<Database>): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of caseworkTables) {
    const rows =
      table === 'clock_instances'
        ? sql`select person_id, clock_id, occurrence, ref, started_on, due_on, completed_on, ended_on, late_reason from clock_instances`
        : table === 'clock_events'
          ? sql`select id, person_id, kind, occurred_on, ref, late_reason, source_type, source_id, recorded_at from clock_events`
          : sql`select * from ${sql.table(table)}`;
    const { rows: hashed } = await sql<{
      hash: string;
      n: string;
    }>`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as hash,
      count(*) as n from (${rows}) t`.execute(db);
    result[table] = `${hashed[0]?.n}:${hashed[0]?.hash}`;
  }
  const { rows: disabilities } = await sql<{
    hash: string;
  }>`select md5(string_agg(id || ':' || array_to_string(disabilities, ','), '|' order by id)) as hash
    from people where is_child`.execute(db);
  result.disabilities = disabilities[0]?.hash ?? '';
  return result;
}

async function count(db: Kysely<Database>, query: ReturnType<typeof sql<{ n: string }>>): Promise<number> {
  const { rows } = await query.execute(db);
  return Number(rows[0]?.n ?? 0);
}

describe('hearth generate: the casework part', () => {
  let first: TestDatabase;
  let second: TestDatabase;
  beforeAll(async () => {
    [first, second] = await Promise.all([openTestDatabase(), openTestDatabase()]);
    await generateAuthority(first.db, { scale: 'small', seed: 7, today, parts: [caseworkPart] });
  }, generating);
  afterAll(async () => {
    await first.close();
    await second.close();
  });

  it(
    'writes identical casework for the same seed and day',
    async () => {
      await generateAuthority(second.db, { scale: 'small', seed: 7, today, parts: [caseworkPart] });
      const [a, b] = await Promise.all([fingerprint(first.db), fingerprint(second.db)]);
      expect(b).toEqual(a);
      expect(Number(a.referrals?.split(':')[0])).toBeGreaterThan(40);
    },
    generating,
  );

  it('writes a referral for every episode and closes every ended one with a reason and the manager’s authorisation', async () => {
    const db = first.db;
    const closed = await db
      .selectFrom('referrals')
      .select(['id', 'closed_on', 'closure_reason'])
      .where('closed_on', 'is not', null)
      .execute();
    expect(closed.length).toBeGreaterThan(20);
    expect(closed.every((r) => r.closure_reason !== null)).toBe(true);
    const authorised = await db
      .selectFrom('management_decisions')
      .select('used_for_id')
      .where('step_down_target', '=', 'case_closure')
      .where('used_for_type', '=', 'referral')
      .execute();
    expect(new Set(authorised.map((a) => a.used_for_id))).toEqual(new Set(closed.map((r) => r.id)));
    expect(
      await count(
        db,
        sql`select count(*) as n from referrals r where not r.referral_nfa and not exists
      (select 1 from clock_events e where e.kind = 'referral_received' and e.ref = r.id::text and e.source_id = r.id::text)`,
      ),
    ).toBe(0);
    expect(
      await count(
        db,
        sql`select count(*) as n from clock_events e left join referrals r on r.id::text = e.source_id
      where e.kind = 'episode_closed' and (r.closed_on is distinct from e.occurred_on)`,
      ),
    ).toBe(0);
  });

  it('records nothing after today, and nothing on a closed episode after it closed', async () => {
    const db = first.db;
    expect(await count(db, sql`select count(*) as n from chronology_entries where occurred_on > ${today}`)).toBe(0);
    expect(await count(db, sql`select count(*) as n from clock_events where occurred_on > ${today}`)).toBe(0);
    expect(
      await count(
        db,
        sql`select count(*) as n from casework_visits v join referrals r on r.person_id = v.person_id
      where v.visited_on >= r.referral_date and r.closed_on is not null and v.visited_on > r.closed_on
      and not exists (select 1 from referrals later where later.person_id = r.person_id and later.referral_date > r.closed_on
        and later.referral_date <= v.visited_on)`,
      ),
    ).toBe(0);
  });

  it('shows assessment clocks met on time, met late, and overdue while a late one was still open (hearth clocks --as-of)', async () => {
    const db = first.db;
    const stored = await db
      .selectFrom('clock_instances')
      .select(['completed_on', 'due_on'])
      .where('clock_id', '=', 'cf_assessment')
      .execute();
    const onTime = stored.filter((c) => c.completed_on !== null && c.due_on !== null && c.completed_on <= c.due_on);
    const late = stored.filter((c) => c.completed_on !== null && c.due_on !== null && c.completed_on > c.due_on);
    expect(onTime.length).toBeGreaterThan(5 * late.length);
    expect(late.length).toBeGreaterThan(0);
    // The day before a late assessment was authorised, its clock was overdue.
    const lateOne = late.find((c) => addCalendarDays(c.due_on as string, 1) < (c.completed_on as string)) as { completed_on: string };
    const assessmentClocks = async (asOf: string) => (await clockInstancesAsOf(db, asOf)).filter((c) => c.clock_id === 'cf_assessment');
    expect((await assessmentClocks(addCalendarDays(lateOne.completed_on, -1))).some((c) => c.status === 'overdue')).toBe(true);
    const statuses = new Set((await assessmentClocks(lateOne.completed_on)).map((c) => c.status));
    expect(statuses).toContain('met_late');
    expect(statuses).toContain('met_on_time');
    const withReasons = await db.selectFrom('assessments').select('id').where('late_reason', 'is not', null).execute();
    expect(withReasons.length).toBe(late.length);
  });

  it('gives the latest full collection year a CIN census with no errors of its own', async () => {
    const live = await liveCinCensus(first.db, testConfig(), cinReturnPeriod(2026));
    expect(live.message.children.length).toBeGreaterThan(20);
    // 8520: a child referred before birth and born after 31 March is written with today's date of
    // birth (the people part records the birth; the return reads the record as it is today).
    const errors = live.failures.filter((f) => f.severity === 'error' && f.rule !== '8520');
    expect(errors.map((e) => `${e.rule} ${e.laChildId} ${e.path}`)).toEqual([]);
  });

  it('fills the worktrays with the clocks due and overdue', async () => {
    const db = first.db;
    const manager = await db.selectFrom('staff').select('id').where('username', '=', 'team.manager').executeTakeFirstOrThrow();
    const actor = await loadActor(db, manager.id, '127.0.0.1');
    if (!actor) throw new Error('No team manager');
    const tray = await viewWorktray(db, actor, 'team', {}, { date: today, time: '10:00' });
    expect(tray.items.length).toBeGreaterThan(0);
    expect(tray.counts.open).toBeGreaterThan(0);
    const overdue = await count(
      db,
      sql`select count(*) as n from clock_instances where completed_on is null and ended_on is null and due_on < ${today}`,
    );
    expect(overdue).toBeGreaterThan(0);
  });
});
