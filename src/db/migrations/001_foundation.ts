import { type Kysely, sql } from 'kysely';

/**
 * Staff, teams, sign-in sessions, the minimal child record every later feature hangs from,
 * allocations with history, and the append-only audit trail.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('services')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .execute();

  await db.schema
    .createTable('teams')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('service_id', 'uuid', (c) => c.notNull().references('services.id'))
    .execute();

  await db.schema
    .createTable('staff')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('team_id', 'uuid', (c) => c.references('teams.id'))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('failed_sign_ins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'timestamptz')
    .addColumn('must_change_password', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index staff_username_key on staff (lower(username))`.execute(db);
  await sql`alter table staff add constraint staff_role_check check (role in (
    'social_worker', 'team_manager', 'service_manager', 'front_door', 'emergency_duty',
    'reviewing_officer', 'fostering_worker', 'performance_analyst', 'administrator'))`.execute(db);

  await db.schema
    .createTable('sign_in_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'uuid', (c) => c.references('staff.id'))
    .addColumn('data', 'jsonb', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sign_in_sessions_expires_idx').on('sign_in_sessions').column('expires_at').execute();
  await db.schema.createIndex('sign_in_sessions_staff_idx').on('sign_in_sessions').column('staff_id').execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('people')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('is_child', 'boolean', (c) => c.notNull())
    .addColumn('la_child_id', 'text', (c) => c.unique())
    .addColumn('given_name', 'text', (c) => c.notNull())
    .addColumn('family_name', 'text', (c) => c.notNull())
    .addColumn('date_of_birth', 'date')
    .addColumn('expected_date_of_birth', 'date')
    .addColumn('sex', 'text')
    .addColumn('ethnicity', 'text')
    .addColumn('restricted', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('people_child_has_id', sql`not is_child or la_child_id is not null`)
    .addCheckConstraint('people_birth_or_expected', sql`date_of_birth is null or expected_date_of_birth is null`)
    .execute();

  await db.schema
    .createTable('restricted_record_access')
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('staff_id', 'uuid', (c) => c.notNull().references('staff.id'))
    .addColumn('granted_by', 'uuid', (c) => c.notNull().references('staff.id'))
    .addColumn('granted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('restricted_record_access_pk', ['person_id', 'staff_id'])
    .execute();

  await db.schema
    .createTable('allocations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('social_worker', 'reviewing_officer')`))
    .addColumn('team_id', 'uuid', (c) => c.notNull().references('teams.id'))
    .addColumn('staff_id', 'uuid', (c) => c.references('staff.id'))
    .addColumn('started_on', 'date', (c) => c.notNull())
    .addColumn('ended_on', 'date')
    .addColumn('recorded_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('allocations_dates_in_order', sql`ended_on is null or ended_on >= started_on`)
    .execute();
  await sql`create unique index allocations_one_current on allocations (person_id, kind) where ended_on is null`.execute(db);
  await sql`create index allocations_current_team on allocations (team_id) where ended_on is null`.execute(db);
  await sql`create index allocations_current_staff on allocations (staff_id) where ended_on is null`.execute(db);

  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('staff_id', 'uuid', (c) => c.references('staff.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('allowed', 'denied', 'failed')`))
    .addColumn('record_type', 'text')
    .addColumn('record_id', 'text')
    .addColumn('person_id', 'uuid')
    .addColumn('ip_address', 'text')
    .addColumn('detail', 'jsonb')
    .execute();
  await db.schema.createIndex('audit_events_person_idx').on('audit_events').columns(['person_id', 'occurred_at']).execute();
  await db.schema.createIndex('audit_events_staff_idx').on('audit_events').columns(['staff_id', 'occurred_at']).execute();

  await sql`
    create function audit_events_are_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_events is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
    end $$`.execute(db);
  await sql`
    create trigger audit_events_no_update_or_delete
      before update or delete on audit_events
      for each row execute function audit_events_are_append_only()`.execute(db);
  await sql`
    create trigger audit_events_no_truncate
      before truncate on audit_events
      for each statement execute function audit_events_are_append_only()`.execute(db);
}
