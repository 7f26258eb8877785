import { type Kysely, sql } from 'kysely';

/**
 * The child's chronology (one timeline of significant events, written by each feature as it
 * records them) and the statutory clocks: the events that drive them and the instances derived
 * from those events, recomputed in the same transaction as every write that changes them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('chronology_entries')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'date', (c) => c.notNull())
    .addColumn('occurred_at', 'timestamptz')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('source_type', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index chronology_entries_person_idx on chronology_entries (person_id, occurred_on desc, recorded_at desc)`.execute(db);

  await db.schema
    .createTable('clock_events')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'date', (c) => c.notNull())
    .addColumn('occurred_time', 'text')
    .addColumn('ref', 'text')
    .addColumn('late_reason', 'text')
    .addColumn('source_type', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index clock_events_person_idx on clock_events (person_id, occurred_on)`.execute(db);
  await sql`create index clock_events_source_idx on clock_events (source_type, source_id)`.execute(db);

  await db.schema
    .createTable('clock_instances')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('clock_id', 'text', (c) => c.notNull())
    .addColumn('occurrence', 'integer', (c) => c.notNull())
    .addColumn('ref', 'text')
    .addColumn('started_on', 'date', (c) => c.notNull())
    .addColumn('due_on', 'date')
    .addColumn('due_at', 'text')
    .addColumn('due_soon_from', 'date')
    .addColumn('completed_on', 'date')
    .addColumn('ended_on', 'date')
    .addColumn('late_reason', 'text')
    .addColumn('computed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index clock_instances_person_idx on clock_instances (person_id)`.execute(db);
  await sql`create index clock_instances_open_due_idx on clock_instances (due_on) where completed_on is null and ended_on is null`.execute(
    db,
  );
}
