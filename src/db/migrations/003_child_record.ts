import { type Kysely, sql } from 'kysely';

/**
 * The child's record: the identifying details the CIN census and SSDA903 need, other names,
 * addresses with dates, alerts, relationships (recorded once, read both ways), case notes, record
 * merges (reversible), and the trigram indexes that make name search tolerant and fast.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);

  await sql`update people set sex = case sex when '1' then 'M' when '2' then 'F' when '0' then 'U' when '9' then 'U' else sex end
    where sex in ('0', '1', '2', '9')`.execute(db);
  await db.schema
    .alterTable('people')
    .addColumn('upn', 'text')
    .addColumn('former_upn', 'text')
    .addColumn('disabilities', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('unaccompanied_asylum_seeking', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('first_language', 'text')
    .addColumn('gp_practice', 'text')
    .addColumn('school', 'text')
    .addColumn('merged_into_id', 'uuid', (c) => c.references('people.id'))
    .addColumn('search_name', 'text', (c) => c.generatedAlwaysAs(sql`lower(given_name || ' ' || family_name)`).stored().notNull())
    .execute();
  await sql`create index people_search_name_trgm on people using gin (search_name gin_trgm_ops)`.execute(db);
  await sql`create index people_date_of_birth_idx on people (date_of_birth)`.execute(db);
  await sql`create index people_expected_date_of_birth_idx on people (expected_date_of_birth) where expected_date_of_birth is not null`.execute(
    db,
  );
  await sql`create unique index people_upn_key on people (upn) where upn is not null and merged_into_id is null`.execute(db);
  await sql`create index people_former_upn_idx on people (former_upn) where former_upn is not null`.execute(db);
  await sql`create sequence la_child_id_numbers`.execute(db);

  await db.schema
    .createTable('person_aliases')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('given_name', 'text', (c) => c.notNull())
    .addColumn('family_name', 'text', (c) => c.notNull())
    .addColumn('search_name', 'text', (c) => c.generatedAlwaysAs(sql`lower(given_name || ' ' || family_name)`).stored().notNull())
    .addColumn('recorded_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index person_aliases_person_idx on person_aliases (person_id)`.execute(db);
  await sql`create index person_aliases_search_name_trgm on person_aliases using gin (search_name gin_trgm_ops)`.execute(db);

  await db.schema
    .createTable('addresses')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('line_1', 'text', (c) => c.notNull())
    .addColumn('line_2', 'text')
    .addColumn('town', 'text')
    .addColumn('postcode', 'text')
    .addColumn('from_on', 'date')
    .addColumn('to_on', 'date')
    .addColumn('recorded_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('addresses_dates_in_order', sql`to_on is null or from_on is null or to_on >= from_on`)
    .execute();
  await sql`create index addresses_person_idx on addresses (person_id)`.execute(db);
  await sql`create index addresses_postcode_idx on addresses (postcode) where postcode is not null`.execute(db);

  await db.schema
    .createTable('person_alerts')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('alert', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('removed_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('removed_at', 'timestamptz')
    .execute();
  await sql`create index person_alerts_person_idx on person_alerts (person_id) where removed_at is null`.execute(db);

  await db.schema
    .createTable('relationships')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('related_person_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('same_household', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('recorded_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('relationships_two_people', sql`person_id <> related_person_id`)
    .execute();
  await sql`create index relationships_person_idx on relationships (person_id)`.execute(db);
  await sql`create index relationships_related_person_idx on relationships (related_person_id)`.execute(db);

  await db.schema
    .createTable('case_notes')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('note_type', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'date', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('childs_words', 'text')
    .addColumn('recorded_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index case_notes_person_idx on case_notes (person_id, occurred_on desc)`.execute(db);

  await db.schema
    .createTable('person_merges')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('survivor_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('merged_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('moved', 'jsonb', (c) => c.notNull())
    .addColumn('merged_by', 'uuid', (c) => c.notNull().references('staff.id'))
    .addColumn('merged_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('undone_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('undone_at', 'timestamptz')
    .execute();
  await sql`create index person_merges_survivor_idx on person_merges (survivor_id)`.execute(db);
  await sql`create index person_merges_merged_idx on person_merges (merged_id)`.execute(db);
}
