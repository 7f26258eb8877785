import { type Kysely, sql } from 'kysely';

/**
 * What the SSDA903 social worker episodes (SWEpisodes) need, and what lets people keep the facts
 * only the return asks for: a social worker's Social Work England registration number ("SW" and
 * digits, one per person), the reason a child's social worker changed (SW_REASON) on the
 * allocation that brought the new worker, and a version on the adoption, previous permanence,
 * outcomes and motherhood rows, so two people editing one of them cannot overwrite each other.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('staff')
    .addColumn('swe_registration_number', 'text', (c) => c.check(sql`swe_registration_number ~ '^SW[0-9]{1,8}$'`))
    .execute();
  await sql`create unique index staff_swe_registration_number on staff (swe_registration_number)`.execute(db);

  await db.schema.alterTable('allocations').addColumn('change_reason', 'text').execute();

  for (const table of ['adoption_decisions', 'adoptions', 'previous_permanence', 'looked_after_outcomes', 'motherhood']) {
    await db.schema
      .alterTable(table)
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
  }
}
