import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import { buildApp } from '../../src/app.js';
import { seedDemoAuthority } from '../../src/cli/demo-authority.js';
import { connect } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import type { Database } from '../../src/db/schema.js';
import { ensureStylesheet } from '../../src/platform/assets/build-css.js';
import { readConfig } from '../../src/platform/config.js';
import { todayInEngland } from '../../src/platform/today.js';

export interface ReReferralFamily {
  laChildId: string;
  siblingLaChildId: string;
}

/** The demo's family for the front door journey (see addClosedEpisodeInFamily in src/cli/demo/front-door.ts). */
async function findReReferralFamily(db: Kysely<Database>, today: string): Promise<ReReferralFamily> {
  const result = await sql<ReReferralFamily>`
    select child.la_child_id as "laChildId", sibling.la_child_id as "siblingLaChildId"
    from people child
    join people sibling on sibling.family_name = child.family_name and sibling.id <> child.id and sibling.is_child and not sibling.restricted
    where child.is_child and not child.restricted
      and exists (select 1 from referrals r where r.person_id = child.id and r.closed_on is not null and r.referral_date > ${today}::date - interval '11 months')
      and not exists (select 1 from referrals r where r.person_id = child.id and r.closed_on is null)
      and not exists (
        select 1 from allocations a join teams t on t.id = a.team_id
        where a.person_id in (child.id, sibling.id) and a.ended_on is null and t.name <> 'Assessment Team North')
    order by child.la_child_id, sibling.la_child_id
    limit 1`.execute(db);
  const family = result.rows[0];
  if (!family) throw new Error('The demo authority has no family for the front door journey');
  return family;
}

export interface RunningHearth {
  /** Where the server listens, e.g. http://127.0.0.1:41234 */
  url: string;
  /** A child in the demo authority, for pages reached by address rather than by a link. */
  demoChildId: string;
  /** LA child IDs of a demo child whose episode closed within the last year (none open), and a sibling; neither in a team other than Assessment Team North. */
  reReferralFamily: ReReferralFamily;
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
    const reReferralFamily = await findReReferralFamily(database.db, todayInEngland());
    // The suite signs in far more often than a person could: lift the per-address sign-in limit.
    const config = readConfig({ ...process.env, HEARTH_DATA_DIR: dataDir, LOG_LEVEL: 'silent', HEARTH_SIGN_IN_RATE_PER_MINUTE: '1000' });
    const app = await buildApp(config, database.db, { quiet: true });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    return {
      url,
      demoChildId: demoChild.id,
      reReferralFamily,
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
