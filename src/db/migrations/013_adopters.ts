import { type Kysely, sql } from 'kysely';

/**
 * Prospective adopters (Ofsted Annex A list 11): households of one or two adults in the adoption
 * agency's process, their journey from enquiry to approval or leaving, and the children matched
 * and placed with them. The children's own side (the decision that they should be placed for
 * adoption, the adoption order) stays in the SSDA903 tables. The family and adopter identifiers
 * are the authority's own, numbered by the database, for Annex A.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const newId = sql`gen_random_uuid()`;
  await sql`create sequence adopter_family_numbers`.execute(db);
  await sql`create sequence adopter_numbers`.execute(db);

  await db.schema
    .createTable('adopter_households')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(newId))
    .addColumn('family_identifier', 'text', (c) =>
      c.notNull().unique().defaultTo(sql`'AF' || lpad(nextval('adopter_family_numbers')::text, 6, '0')`),
    )
    .addColumn('fostering_for_adoption', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('enquiry_received_on', 'date', (c) => c.notNull())
    .addColumn('stage_one_started_on', 'date')
    .addColumn('stage_one_ended_on', 'date')
    .addColumn('stage_two_started_on', 'date')
    .addColumn('stage_two_ended_on', 'date')
    .addColumn('application_submitted_on', 'date')
    .addColumn('approved_on', 'date')
    .addColumn('left_on', 'date')
    .addColumn('reason_left', 'text', (c) => c.check(sql`reason_left in ('1', '2', '3')`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('recorded_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('adopter_households_left_with_reason', sql`(left_on is null) = (reason_left is null)`)
    .addCheckConstraint(
      'adopter_households_stages_in_order',
      sql`(stage_one_ended_on is null or stage_one_ended_on >= stage_one_started_on)
        and (stage_two_ended_on is null or stage_two_ended_on >= stage_two_started_on)
        and (approved_on is null or approved_on >= stage_two_ended_on)`,
    )
    .execute();
  await sql`create index adopter_households_in_process on adopter_households (enquiry_received_on) where left_on is null`.execute(db);

  await db.schema
    .createTable('prospective_adopters')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(newId))
    .addColumn('household_id', 'uuid', (c) => c.notNull().references('adopter_households.id'))
    .addColumn('adopter_identifier', 'text', (c) =>
      c.notNull().unique().defaultTo(sql`'AP' || lpad(nextval('adopter_numbers')::text, 6, '0')`),
    )
    .addColumn('position', 'integer', (c) => c.notNull().check(sql`position in (1, 2)`))
    .addColumn('given_name', 'text', (c) => c.notNull())
    .addColumn('family_name', 'text', (c) => c.notNull())
    .addColumn('gender', 'text', (c) => c.notNull().check(sql`gender in ('a) Male', 'b) Female', 'c) Not stated/recorded', 'd) Neither')`))
    .addColumn('ethnicity', 'text', (c) => c.notNull())
    .addColumn('disabled', 'boolean')
    .addUniqueConstraint('prospective_adopters_position', ['household_id', 'position'])
    .execute();

  await db.schema
    .createTable('adopter_matches')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(newId))
    .addColumn('household_id', 'uuid', (c) => c.notNull().references('adopter_households.id'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('matched_on', 'date', (c) => c.notNull())
    .addColumn('placed_on', 'date')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('recorded_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('adopter_matches_one_per_child', ['household_id', 'person_id'])
    .execute();
  await sql`create index adopter_matches_person_idx on adopter_matches (person_id)`.execute(db);
}
