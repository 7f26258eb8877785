import { type Kysely, sql } from 'kysely';

/**
 * The authority's local clock standards (one row of general settings, one row per clock it has
 * set its own timescale for), the completion time that hour-based clocks need to tell on time
 * from late, the order in which same-day case events were recorded, and the indexes the worktrays and the drift detector read through.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('clock_settings')
    .addColumn('id', 'smallint', (c) => c.primaryKey().defaultTo(1).check(sql`id = 1`))
    .addColumn('counting_convention', 'text', (c) =>
      c.notNull().defaultTo('start_is_day_zero').check(sql`counting_convention in ('start_is_day_zero', 'start_is_day_one')`),
    )
    .addColumn('due_soon_working_days', 'integer', (c) => c.notNull().defaultTo(5).check(sql`due_soon_working_days between 0 and 60`))
    .addColumn('escalate_to_team_manager_after', 'integer', (c) =>
      c.notNull().defaultTo(5).check(sql`escalate_to_team_manager_after between 0 and 250`),
    )
    .addColumn('escalate_to_service_manager_after_further', 'integer', (c) =>
      c.notNull().defaultTo(10).check(sql`escalate_to_service_manager_after_further between 0 and 250`),
    )
    .addColumn('drift_after', 'integer', (c) => c.notNull().defaultTo(20).check(sql`drift_after between 1 and 250`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`insert into clock_settings (id) values (1)`.execute(db);

  await db.schema
    .createTable('clock_timescale_settings')
    .addColumn('clock_id', 'text', (c) => c.primaryKey())
    .addColumn('due_amount', 'integer')
    .addColumn('due_unit', 'text')
    .addColumn('repeat_amount', 'integer')
    .addColumn('repeat_unit', 'text')
    .addCheckConstraint('clock_timescale_settings_due_whole', sql`(due_amount is null) = (due_unit is null)`)
    .addCheckConstraint('clock_timescale_settings_repeat_whole', sql`(repeat_amount is null) = (repeat_unit is null)`)
    .execute();

  await db.schema.alterTable('clock_instances').addColumn('completed_at', 'text').execute();
  // Same-day events recorded in one transaction share recorded_at; this keeps the order they were given in.
  await db.schema
    .alterTable('clock_events')
    .addColumn('seq', 'bigserial', (c) => c.notNull())
    .execute();
  await sql`create index clock_instances_open_person_idx on clock_instances (person_id, due_on) where completed_on is null and ended_on is null`.execute(
    db,
  );
  await sql`create index chronology_entries_person_kind_idx on chronology_entries (person_id, kind, occurred_on desc)`.execute(db);
}
