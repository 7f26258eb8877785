import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type DatabaseHandle, EmbeddedDatabaseInUseError } from './connect.js';
import { migrateToLatest } from './migrate.js';

describe.skipIf(process.env.HEARTH_TEST_ENGINE === 'postgres')('the embedded database', () => {
  let dataDir: string;
  let handle: DatabaseHandle;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'hearth-embedded-'));
    handle = await connect({ databaseUrl: undefined, dataDir });
    await migrateToLatest(handle.db);
  }, 60_000);
  afterAll(async () => {
    await handle?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps statutory dates as the strings they are, whatever the time zone', async () => {
    const { rows } = await sql<{ d: string }>`select date '2024-02-29' as d`.execute(handle.db);
    expect(rows[0]?.d).toBe('2024-02-29');
  });

  it('refuses a second process on the same folder with a clear error', async () => {
    await expect(connect({ databaseUrl: undefined, dataDir })).rejects.toBeInstanceOf(EmbeddedDatabaseInUseError);
    await expect(connect({ databaseUrl: undefined, dataDir })).rejects.toThrow(/already open in another Hearth process/);
  });

  it('does not stop the web server while a long query runs', async () => {
    let ticks = 0;
    let longestGap = 0;
    let last = Date.now();
    const timer = setInterval(() => {
      const now = Date.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
      ticks++;
    }, 5);
    const started = Date.now();
    await sql`select count(*) from generate_series(1, 2000000) g group by g % 7`.execute(handle.db);
    const took = Date.now() - started;
    clearInterval(timer);
    expect(took).toBeGreaterThan(50);
    expect(ticks).toBeGreaterThan(took / 5 / 4);
  });

  it('keeps what was written after it is closed and opened again', async () => {
    await handle.db.insertInto('settings').values({ key: 'survives', value: 'restart' }).execute();
    await handle.close();
    handle = await connect({ databaseUrl: undefined, dataDir });
    const row = await handle.db.selectFrom('settings').select('value').where('key', '=', 'survives').executeTakeFirst();
    expect(row?.value).toBe('restart');
    expect(await migrateToLatest(handle.db)).toEqual([]);
  }, 60_000);
});
