import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../src/app.js';
import { seedDemoAuthority } from '../../src/cli/demo-authority.js';
import { connect } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { ensureStylesheet } from '../../src/platform/assets/build-css.js';
import { readConfig } from '../../src/platform/config.js';
import { todayInEngland } from '../../src/platform/today.js';

export interface RunningHearth {
  /** Where the server listens, e.g. http://127.0.0.1:41234 */
  url: string;
  /** A child in the demo authority, for pages reached by address rather than by a link. */
  demoChildId: string;
  close(): Promise<void>;
}

/**
 * A real Hearth server on the demo authority: a fresh embedded database in a temporary folder,
 * migrated and seeded, listening on a free port of 127.0.0.1.
 */
export async function startHearth(): Promise<RunningHearth> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hearth-e2e-'));
  const [database] = await Promise.all([connect({ databaseUrl: undefined, dataDir }), ensureStylesheet()]);
  const removeDatabase = async () => {
    await database.close();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await migrateToLatest(database.db);
    await seedDemoAuthority(database.db, todayInEngland());
    const demoChild = await database.db.selectFrom('people').select('id').where('la_child_id', '=', 'DEMO00001').executeTakeFirstOrThrow();
    // The suite signs in far more often than a person could: lift the per-address sign-in limit.
    const config = readConfig({ ...process.env, HEARTH_DATA_DIR: dataDir, LOG_LEVEL: 'silent', HEARTH_SIGN_IN_RATE_PER_MINUTE: '1000' });
    const app = await buildApp(config, database.db, { quiet: true });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    return {
      url,
      demoChildId: demoChild.id,
      close: async () => {
        await app.close();
        await removeDatabase();
      },
    };
  } catch (error) {
    await removeDatabase();
    throw error;
  }
}
