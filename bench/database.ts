import { createHash } from 'node:crypto';
import { access, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { generateAuthority } from '../src/cli/generate/generate.js';
import { generatorParts } from '../src/cli/generate/parts.js';
import { terminalProgress } from '../src/cli/generate/progress.js';
import { connect, type DatabaseHandle } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { migrationProvider } from '../src/db/migrations/index.js';
import type { Database } from '../src/db/schema.js';
import type { ScaleName } from '../src/domain/synthetic/scales.js';
import { todayInEngland } from '../src/platform/today.js';

export type BenchEngine = 'embedded' | 'postgres';

/** Where one benchmark database lives: a data folder (embedded) or a database URL (PostgreSQL). */
export interface BenchDatabase {
  engine: BenchEngine;
  /** For the server's environment: HEARTH_DATA_DIR or DATABASE_URL. */
  env: Record<string, string>;
  open(): Promise<DatabaseHandle>;
  /** Built now (true) or reused from an earlier run (false). */
  built: boolean;
}

const dataRoot = path.resolve('bench/data');

/** Names the data a benchmark database holds: scale, seed, the migrations and the generator parts. */
async function datasetKey(scale: ScaleName, seed: number): Promise<string> {
  const migrations = Object.keys(await migrationProvider.getMigrations()).sort();
  const parts = generatorParts.map((p) => p.name);
  return createHash('sha1').update(JSON.stringify({ scale, seed, migrations, parts })).digest('hex').slice(0, 10);
}

async function fill(handle: DatabaseHandle, scale: ScaleName, seed: number): Promise<void> {
  await migrateToLatest(handle.db);
  await generateAuthority(handle.db, { scale, seed, today: todayInEngland(), progress: terminalProgress() });
}

/**
 * The benchmark database for this engine, scale and seed: reused when one with the same data key
 * is complete, otherwise built (older ones of the same scale and seed are removed first).
 */
export async function benchDatabase(engine: BenchEngine, scale: ScaleName, seed: number, serverUrl?: string): Promise<BenchDatabase> {
  const key = await datasetKey(scale, seed);
  const name = `${scale}_seed${seed}_${key}`;
  if (engine === 'embedded') {
    const dataDir = path.join(dataRoot, name);
    const complete = path.join(dataDir, 'complete');
    const open = () => connect({ databaseUrl: undefined, dataDir });
    const reused = await access(complete).then(
      () => true,
      () => false,
    );
    if (!reused) {
      await mkdir(dataRoot, { recursive: true });
      for (const entry of await readdir(dataRoot))
        if (entry.startsWith(`${scale}_seed${seed}_`)) await rm(path.join(dataRoot, entry), { recursive: true, force: true });
      const handle = await open();
      try {
        await fill(handle, scale, seed);
      } finally {
        await handle.close();
      }
      await writeFile(complete, `${new Date().toISOString()}\n`);
    }
    return { engine, env: { HEARTH_DATA_DIR: dataDir }, open, built: !reused };
  }

  if (!serverUrl) throw new Error('BENCH_DATABASE_URL is needed for the PostgreSQL benchmark');
  const database = `hearth_bench_${name}`;
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  const open = () => connect({ databaseUrl: url.toString(), dataDir: '', poolSize: 10 });
  const admin = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: serverUrl, max: 1 }) }) });
  try {
    const { rows } = await sql<{ datname: string; note: string | null }>`
      select datname, shobj_description(oid, 'pg_database') as note from pg_database where datname like ${`hearth_bench_${scale}_seed${seed}_%`}`.execute(
      admin,
    );
    const reused = rows.some((r) => r.datname === database && r.note === 'complete');
    if (!reused) {
      for (const row of rows) await sql`drop database ${sql.id(row.datname)} with (force)`.execute(admin);
      await sql`create database ${sql.id(database)}`.execute(admin);
      const handle = await open();
      try {
        await fill(handle, scale, seed);
      } finally {
        await handle.close();
      }
      await sql`comment on database ${sql.id(database)} is 'complete'`.execute(admin);
    }
    return { engine, env: { DATABASE_URL: url.toString() }, open, built: !reused };
  } finally {
    await admin.destroy();
  }
}
