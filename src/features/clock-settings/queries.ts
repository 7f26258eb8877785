import { type Kysely, sql, type Transaction } from 'kysely';
import type { ClockSettingsTable, Database } from '../../db/schema.js';

export function generalSettings(db: Kysely<Database>) {
  return db
    .selectFrom('clock_settings')
    .select([
      'counting_convention',
      'due_soon_working_days',
      'escalate_to_team_manager_after',
      'escalate_to_service_manager_after_further',
      'drift_after',
      'version',
      'updated_at',
    ])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
}

export function timescaleSettings(db: Kysely<Database>) {
  return db.selectFrom('clock_timescale_settings').select(['clock_id', 'due_amount', 'due_unit', 'repeat_amount', 'repeat_unit']).execute();
}

type General = Pick<
  ClockSettingsTable,
  | 'counting_convention'
  | 'due_soon_working_days'
  | 'escalate_to_team_manager_after'
  | 'escalate_to_service_manager_after_further'
  | 'drift_after'
>;

/** Saves the general settings if nobody saved since `version` was read; false if someone did. */
export async function updateGeneralSettings(trx: Transaction<Database>, values: Partial<General>, version: number, staffId: string) {
  const row = await trx
    .updateTable('clock_settings')
    .set((eb) => ({ ...values, version: eb('version', '+', 1), updated_by: staffId, updated_at: new Date() }))
    .where('id', '=', 1)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
  return row !== undefined;
}

export async function replaceTimescaleSetting(
  trx: Transaction<Database>,
  clockId: string,
  setting: { due_amount: number | null; due_unit: string | null; repeat_amount: number | null; repeat_unit: string | null } | null,
) {
  await trx.deleteFrom('clock_timescale_settings').where('clock_id', '=', clockId).execute();
  if (setting)
    await trx
      .insertInto('clock_timescale_settings')
      .values({ clock_id: clockId, ...setting })
      .execute();
}

const recalculationColumns = [
  'id',
  'status',
  'requested_at',
  'total',
  'done',
  'done_up_to',
  'started_at',
  'finished_at',
  'failure',
] as const;

/** Marks the recalculation waiting or under way, if any, as superseded by a newer one. */
export async function supersedeUnfinishedRecalculations(trx: Transaction<Database>) {
  await trx
    .updateTable('clock_recalculations')
    .set({ status: 'superseded', finished_at: new Date(), runner: null })
    .where('status', 'in', ['queued', 'running'])
    .execute();
}

export async function insertRecalculation(trx: Transaction<Database>, requestedBy: string | null, total: number) {
  await trx.insertInto('clock_recalculations').values({ requested_by: requestedBy, total }).execute();
}

/** The most recently asked-for recalculation. */
export function latestRecalculation(db: Kysely<Database>) {
  return db.selectFrom('clock_recalculations').select(recalculationColumns).orderBy('requested_at', 'desc').limit(1).executeTakeFirst();
}

/**
 * Takes the recalculation waiting or under way for `runner`, unless another runner has reported
 * within `leaseSeconds` (it is working on it); undefined when there is none to take.
 */
export function claimRecalculation(db: Kysely<Database>, runner: string, leaseSeconds: number) {
  return db
    .updateTable('clock_recalculations')
    .set((eb) => ({
      status: 'running',
      runner,
      heartbeat_at: sql<Date>`now()`,
      started_at: eb.fn.coalesce('started_at', sql<Date>`now()`),
    }))
    .where('id', '=', (eb) =>
      eb
        .selectFrom('clock_recalculations')
        .select('id')
        .where('status', 'in', ['queued', 'running'])
        .where((inner) =>
          inner.or([
            inner('runner', 'is', null),
            inner('runner', '=', runner),
            inner('heartbeat_at', '<', sql<Date>`now() - make_interval(secs => ${leaseSeconds})`),
          ]),
        )
        .orderBy('requested_at')
        .limit(1)
        .forUpdate()
        .skipLocked(),
    )
    .returning(recalculationColumns)
    .executeTakeFirst();
}

/** Counts a batch of children as done, if `runner` still holds the recalculation; false if not (superseded, or taken over). */
export async function advanceRecalculation(trx: Transaction<Database>, id: string, runner: string, children: number, upTo: string) {
  const row = await trx
    .updateTable('clock_recalculations')
    .set((eb) => ({ done: eb('done', '+', children), done_up_to: upTo, heartbeat_at: sql<Date>`now()` }))
    .where('id', '=', id)
    .where('runner', '=', runner)
    .where('status', '=', 'running')
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function finishRecalculation(db: Kysely<Database>, id: string, runner: string) {
  await db
    .updateTable('clock_recalculations')
    .set((eb) => ({ status: 'finished', finished_at: sql<Date>`now()`, total: eb.fn('greatest', ['total', 'done']), runner: null }))
    .where('id', '=', id)
    .where('runner', '=', runner)
    .where('status', '=', 'running')
    .execute();
}

/** Lets go of a recalculation under way (the process is stopping), so the next runner carries on at once. */
export async function releaseRecalculation(db: Kysely<Database>, id: string, runner: string) {
  await db
    .updateTable('clock_recalculations')
    .set({ runner: null, heartbeat_at: null })
    .where('id', '=', id)
    .where('runner', '=', runner)
    .where('status', '=', 'running')
    .execute();
}

export async function failRecalculation(db: Kysely<Database>, id: string, runner: string, failure: string) {
  await db
    .updateTable('clock_recalculations')
    .set({ status: 'failed', failure, finished_at: sql<Date>`now()`, runner: null })
    .where('id', '=', id)
    .where('runner', '=', runner)
    .where('status', '=', 'running')
    .execute();
}
