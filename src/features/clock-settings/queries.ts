import type { Kysely, Transaction } from 'kysely';
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
