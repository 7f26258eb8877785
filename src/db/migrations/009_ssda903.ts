import { type Kysely, sql } from 'kysely';

/**
 * The facts the SSDA903 return asks for that no other part of Hearth records: the adoption
 * decision and the adoption itself (PlacedAdoption, AD1), the child's permanence arrangement
 * before care (PrevPerm), the outcomes of children looked after for a year (OC2), and whether a
 * young woman looked after is a mother (Header MOTHER, MC_DOB). Codes are stored as DfE codes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const newId = sql`gen_random_uuid()`;

  await db.schema
    .createTable('adoption_decisions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(newId))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('decided_on', 'date', (c) => c.notNull())
    .addColumn('reversed_on', 'date')
    .addColumn('reason_reversed', 'text')
    .addColumn('recorded_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('adoption_decisions_dates_in_order', sql`reversed_on is null or reversed_on >= decided_on`)
    .execute();
  await sql`create index adoption_decisions_person_idx on adoption_decisions (person_id, decided_on)`.execute(db);

  await db.schema
    .createTable('adoptions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(newId))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('adopted_on', 'date', (c) => c.notNull())
    .addColumn('should_be_placed_on', 'date')
    .addColumn('matched_on', 'date')
    .addColumn('adopted_by_foster_carer', 'boolean')
    .addColumn('number_of_adopters', 'integer', (c) => c.check(sql`number_of_adopters in (1, 2)`))
    .addColumn('adopters_sex', 'text')
    .addColumn('adopters_legal_status', 'text')
    .addColumn('recorded_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index adoptions_person_day on adoptions (person_id, adopted_on)`.execute(db);

  await db.schema
    .createTable('previous_permanence')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(newId))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('period_started_on', 'date', (c) => c.notNull())
    .addColumn('arrangement', 'text', (c) => c.notNull())
    .addColumn('local_authority', 'text')
    .addColumn('arrangement_date', 'text')
    .addColumn('recorded_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index previous_permanence_person_period on previous_permanence (person_id, period_started_on)`.execute(db);

  await db.schema
    .createTable('looked_after_outcomes')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(newId))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('collection_year', 'integer', (c) => c.notNull())
    .addColumn('sdq_score', 'integer', (c) => c.check(sql`sdq_score between 0 and 40`))
    .addColumn('sdq_reason', 'text')
    .addColumn('convicted', 'boolean')
    .addColumn('health_check', 'boolean')
    .addColumn('immunisations', 'boolean')
    .addColumn('teeth_check', 'boolean')
    .addColumn('health_assessment', 'boolean')
    .addColumn('substance_misuse', 'boolean')
    .addColumn('intervention_received', 'boolean')
    .addColumn('intervention_offered', 'boolean')
    .addColumn('recorded_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index looked_after_outcomes_person_year on looked_after_outcomes (person_id, collection_year)`.execute(db);

  await db.schema
    .createTable('motherhood')
    .addColumn('person_id', 'uuid', (c) => c.primaryKey().references('people.id'))
    .addColumn('is_mother', 'boolean', (c) => c.notNull())
    .addColumn('first_child_born_on', 'date')
    .addColumn('recorded_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('motherhood_first_child_of_a_mother', sql`is_mother or first_child_born_on is null`)
    .execute();
}
