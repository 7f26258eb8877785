import { type Kysely, sql } from 'kysely';

/**
 * Looked-after facts recorded in the browser can be corrected or removed as recorded in error.
 * Each row a person corrects on its own gets a version, so two people correcting the same fact
 * cannot silently overwrite each other (legal statuses and placements are corrected under their
 * period of care's version). A visit's link to the placement the child was in is cleared, not
 * kept pointing at nothing, when that placement is removed as recorded in error.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['looked_after_reviews', 'looked_after_visits', 'return_interviews', 'health_assessments', 'education_plans']) {
    await db.schema
      .alterTable(table)
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
  }
  await sql`alter table looked_after_visits drop constraint looked_after_visits_placement_id_fkey`.execute(db);
  await sql`alter table looked_after_visits add constraint looked_after_visits_placement_id_fkey
    foreign key (placement_id) references placements (id) on delete set null`.execute(db);
}
