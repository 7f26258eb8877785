import type { Kysely, Updateable } from 'kysely';
import type { Database, LookedAfterOutcomesTable } from '../../db/schema.js';
import type { ChildRecordAccess } from '../../platform/access.js';
import { updateChildRowAtVersion } from '../../platform/child-rows.js';

/** The outcome answers of one year, as the form sets them. */
export type OutcomeAnswers = Required<
  Pick<
    Updateable<LookedAfterOutcomesTable>,
    | 'sdq_score'
    | 'sdq_reason'
    | 'convicted'
    | 'health_check'
    | 'immunisations'
    | 'teeth_check'
    | 'health_assessment'
    | 'substance_misuse'
    | 'intervention_received'
    | 'intervention_offered'
  >
>;

export function outcomesOf(access: ChildRecordAccess) {
  return access.trx
    .selectFrom('looked_after_outcomes')
    .select([
      'id',
      'collection_year',
      'sdq_score',
      'sdq_reason',
      'convicted',
      'health_check',
      'immunisations',
      'teeth_check',
      'health_assessment',
      'substance_misuse',
      'intervention_received',
      'intervention_offered',
      'version',
    ])
    .where('person_id', '=', access.personId)
    .orderBy('collection_year', 'desc')
    .execute();
}

export async function insertOutcomes(access: ChildRecordAccess, year: number, answers: OutcomeAnswers): Promise<string> {
  const row = await access.trx
    .insertInto('looked_after_outcomes')
    .values({ ...answers, person_id: access.personId, collection_year: year, recorded_by: access.actor.staffId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function updateOutcomes(access: ChildRecordAccess, id: string, version: number, answers: OutcomeAnswers) {
  return updateChildRowAtVersion(access, 'looked_after_outcomes', id, version, answers);
}

export function outcomesForReturns(db: Kysely<Database>, personIds: readonly string[], year: number) {
  return db
    .selectFrom('looked_after_outcomes')
    .selectAll()
    .where('person_id', 'in', personIds)
    .where('collection_year', '=', year)
    .execute();
}

/** Moves the merged record's outcomes for years the survivor has none for; returns "looked_after_outcomes:id" of each. */
export async function moveOutcomes(merged: ChildRecordAccess, survivorId: string): Promise<string[]> {
  const moved = await merged.trx
    .updateTable('looked_after_outcomes')
    .set({ person_id: survivorId })
    .where('person_id', '=', merged.personId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('looked_after_outcomes as kept')
            .select('kept.id')
            .where('kept.person_id', '=', survivorId)
            .whereRef('kept.collection_year', '=', 'looked_after_outcomes.collection_year'),
        ),
      ),
    )
    .returning('id')
    .execute();
  return moved.map((r) => `looked_after_outcomes:${r.id}`);
}
