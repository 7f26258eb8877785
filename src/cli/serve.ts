import { buildApp } from '../app.js';
import { connect } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { startClockRecalculationRunner } from '../features/clock-settings/service.js';
import { ensureStylesheet } from '../platform/assets/build-css.js';
import type { Config } from '../platform/config.js';
import { deleteExpiredSessions } from '../platform/session-store.js';
import { todayInEngland } from '../platform/today.js';
import { hasDemoAuthority, isEmpty, seedDemoAuthority } from './demo-authority.js';
import { printDemoLogins } from './seed.js';

/** Starts Hearth and stops it gracefully: in-flight requests finish before the database closes. */
export async function serve(config: Config): Promise<void> {
  const started = Date.now();
  const [handle] = await Promise.all([connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }), ensureStylesheet()]);
  let app: Awaited<ReturnType<typeof buildApp>>;
  try {
    await migrateToLatest(handle.db);
    if (config.demoData && (await isEmpty(handle.db))) {
      console.log('Empty database: adding the demo local authority…');
      await seedDemoAuthority(handle.db, todayInEngland());
    }
    app = await buildApp(config, handle.db);
  } catch (error) {
    await handle.close();
    throw error;
  }
  const sweep = setInterval(() => void deleteExpiredSessions(handle.db).catch(() => undefined), 15 * 60_000);
  sweep.unref();
  const recalculations = startClockRecalculationRunner(handle.db, app.log, { onlyProcess: handle.engine === 'embedded' });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping: finishing requests in flight');
    clearInterval(sweep);
    await app.close();
    await recalculations.stop();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `the embedded database in ${config.dataDir}`;
  console.log(
    `\nHearth is running at http://localhost:${config.port} on ${where} (ready in ${((Date.now() - started) / 1000).toFixed(1)} s).`,
  );
  if (await hasDemoAuthority(handle.db)) printDemoLogins();
}
