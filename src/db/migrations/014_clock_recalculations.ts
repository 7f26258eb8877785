import { type Kysely, sql } from 'kysely';

/**
 * Recalculating every child's clocks after the clock settings change, as a background job with
 * its progress (at most one waiting or under way: a new save supersedes it).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('clock_recalculations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('queued').check(sql`status in ('queued', 'running', 'finished', 'failed', 'superseded')`),
    )
    .addColumn('requested_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('done_up_to', 'uuid')
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .addColumn('failure', 'text')
    .addColumn('runner', 'text')
    .addColumn('heartbeat_at', 'timestamptz')
    .execute();
  await sql`create unique index clock_recalculations_one_unfinished on clock_recalculations ((true)) where status in ('queued', 'running')`.execute(
    db,
  );
  await sql`create index clock_recalculations_requested_idx on clock_recalculations (requested_at desc)`.execute(db);
}
