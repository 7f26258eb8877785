/**
 * How long it takes to recompute every child's clocks, and to read the worktrays, for 2,000 and
 * 20,000 children with synthetic case events. `npx tsx bench/clocks.ts` (embedded PGlite in a
 * temporary folder), or with DATABASE_URL=postgres://… on that server, in a new database per run.
 * Prints the timings and the plan of the "everything overdue in the authority" query.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { connect } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { calendar, recomputeAllClocks } from '../src/features/clocks/service.js';
import { viewWorktray } from '../src/features/worktrays/service.js';
import type { Actor } from '../src/platform/actor.js';
import { todayInEngland } from '../src/platform/today.js';

const scales = (process.argv[2] ?? '2000,20000').split(',').map(Number);
const today = todayInEngland();
const childrenPerWorker = 18;
const workersPerTeam = 6;
const teamsPerService = 5;

async function time<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

/** A fresh database for one run: a temporary PGlite folder, or a new database on the PostgreSQL server. */
async function freshDatabase(children: number) {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'hearth-bench-clocks-'));
    const handle = await connect({ databaseUrl: undefined, dataDir, poolSize: 4 });
    return { handle, drop: () => rm(dataDir, { recursive: true, force: true }) };
  }
  const name = `hearth_bench_clocks_${children}_${Date.now()}`;
  const admin = await connect({ databaseUrl: serverUrl, dataDir: '', poolSize: 1 });
  await sql`create database ${sql.id(name)}`.execute(admin.db);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await connect({ databaseUrl: url.toString(), dataDir: '', poolSize: 4 });
  return {
    handle,
    drop: async () => {
      await sql`drop database ${sql.id(name)}`.execute(admin.db);
      await admin.close();
    },
  };
}

async function run(children: number) {
  const { handle, drop } = await freshDatabase(children);
  const db = handle.db;
  try {
    await migrateToLatest(db);
    const workers = Math.ceil(children / childrenPerWorker);
    const teams = Math.ceil(workers / workersPerTeam);
    const services = Math.ceil(teams / teamsPerService);
    const serviceIds: string[] = [];
    for (let s = 0; s < services; s++) {
      serviceIds.push(
        (
          await db
            .insertInto('services')
            .values({ name: `Service ${s}` })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
      );
    }
    const teamRows = await db
      .insertInto('teams')
      .values(
        Array.from({ length: teams }, (_, t) => ({ name: `Team ${t}`, service_id: serviceIds[Math.floor(t / teamsPerService)] as string })),
      )
      .returning(['id', 'service_id'])
      .execute();
    const staffRows = await db
      .insertInto('staff')
      .values(
        Array.from({ length: workers }, (_, w) => ({
          username: `worker${w}`,
          display_name: `Worker ${w}`,
          role: 'social_worker' as const,
          team_id: teamRows[Math.floor(w / workersPerTeam)]?.id as string,
          password_hash: 'x',
        })),
      )
      .returning(['id', 'team_id'])
      .execute();
    const personIds: string[] = [];
    for (let start = 0; start < children; start += 1000) {
      const rows = await db
        .insertInto('people')
        .values(
          Array.from({ length: Math.min(1000, children - start) }, (_, i) => ({
            is_child: true,
            la_child_id: `B${start + i}`,
            given_name: 'Bench',
            family_name: `Child${start + i}`,
            date_of_birth: '2015-03-01',
          })),
        )
        .returning('id')
        .execute();
      personIds.push(...rows.map((r) => r.id));
    }
    const ago = (n: number) => calendar.addWorkingDays(today, -n);
    for (let start = 0; start < children; start += 1000) {
      const batch = personIds.slice(start, start + 1000);
      await db
        .insertInto('allocations')
        .values(
          batch.map((personId, i) => {
            const worker = staffRows[Math.floor((start + i) / childrenPerWorker)];
            return {
              person_id: personId,
              kind: 'social_worker' as const,
              team_id: worker?.team_id as string,
              staff_id: worker?.id ?? null,
              started_on: ago(120),
            };
          }),
        )
        .execute();
      const events = batch.flatMap((personId, i) => {
        const n = start + i;
        const referral = { person_id: personId, ref: 'r', source_type: 'bench', source_id: String(n) };
        const list = [{ ...referral, kind: 'referral_received', occurred_on: ago(20 + (n % 60)) }];
        if (n % 3 === 0) list.push({ ...referral, kind: 'assessment_authorised', occurred_on: ago(n % 20) });
        if (n % 4 === 1) {
          list.push({ ...referral, kind: 'cp_plan_started', occurred_on: ago(80) });
          for (let v = 71; v > n % 15; v -= 9) list.push({ ...referral, kind: 'cp_visit_made', occurred_on: ago(v) });
        }
        return list;
      });
      for (let e = 0; e < events.length; e += 1000)
        await db
          .insertInto('clock_events')
          .values(events.slice(e, e + 1000))
          .execute();
      await db
        .insertInto('chronology_entries')
        .values(
          batch
            .filter((_, i) => (start + i) % 5 !== 0)
            .map((personId) => ({
              person_id: personId,
              kind: 'visit',
              occurred_on: ago(3),
              summary: 'Visit',
              source_type: 'bench',
              source_id: personId,
            })),
        )
        .execute();
    }
    await sql`analyze`.execute(db);

    const [recomputed, recomputeMs] = await time(() => recomputeAllClocks(db));
    const instances = await db.selectFrom('clock_instances').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    await sql`analyze`.execute(db);

    const worker = staffRows[0] as { id: string; team_id: string };
    const team = teamRows[0] as { id: string; service_id: string };
    const actor = (role: Actor['role'], staffId: string): Actor => ({
      staffId,
      displayName: 'Bench',
      role,
      teamId: team.id,
      teamName: 'Team 0',
      serviceId: team.service_id,
      ipAddress: '127.0.0.1',
      mustChangePassword: false,
    });
    const trays: [string, () => Promise<unknown>][] = [
      ['my work (one worker)', () => viewWorktray(db, actor('social_worker', worker.id), 'mine', {})],
      ['my team (one team)', () => viewWorktray(db, actor('team_manager', worker.id), 'team', {})],
      ['my service (one service)', () => viewWorktray(db, actor('service_manager', worker.id), 'service', {})],
    ];
    const trayTimes: string[] = [];
    for (const [name, read] of trays) {
      await read();
      const runs: number[] = [];
      for (let i = 0; i < 5; i++) runs.push((await time(read))[1]);
      trayTimes.push(`${name}: median ${runs.sort((a, b) => a - b)[2]?.toFixed(0)} ms`);
    }
    const overdueQuery = sql`select ci.person_id, ci.clock_id, ci.due_on from clock_instances ci
      where ci.completed_on is null and ci.ended_on is null and ci.due_on < ${today} order by ci.due_on`;
    const [overdue, overdueMs] = await time(() => overdueQuery.execute(db));
    const plan = await sql<{ 'QUERY PLAN': string }>`explain select ci.person_id, ci.clock_id, ci.due_on from clock_instances ci
      where ci.completed_on is null and ci.ended_on is null and ci.due_on < ${today} order by ci.due_on`.execute(db);

    console.log(`\n${children} children (${handle.engine}), ${workers} workers, ${teams} teams, ${services} services`);
    console.log(`  recompute all clocks: ${recomputed} children, ${instances.n} instances in ${(recomputeMs / 1000).toFixed(1)} s`);
    for (const line of trayTimes) console.log(`  ${line}`);
    console.log(`  everything overdue in the authority: ${overdue.rows.length} rows in ${overdueMs.toFixed(0)} ms; plan:`);
    for (const row of plan.rows) console.log(`    ${row['QUERY PLAN']}`);
  } finally {
    await handle.close();
    await drop();
  }
}

for (const children of scales) await run(children);
