import type { Insertable, Kysely, Updateable } from 'kysely';
import type { AdoptionsTable, Database, IsoDate } from '../../db/schema.js';
import type { ChildRecordAccess } from '../../platform/access.js';
import { updateChildRowAtVersion } from '../../platform/child-rows.js';

export function decisionsOf(access: ChildRecordAccess) {
  return access.trx
    .selectFrom('adoption_decisions')
    .select(['id', 'decided_on', 'reversed_on', 'reason_reversed', 'version'])
    .where('person_id', '=', access.personId)
    .orderBy('decided_on')
    .execute();
}

export async function insertDecision(access: ChildRecordAccess, decidedOn: IsoDate): Promise<string> {
  const row = await access.trx
    .insertInto('adoption_decisions')
    .values({ person_id: access.personId, decided_on: decidedOn, recorded_by: access.actor.staffId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Records the reversal, only if no one changed the decision since it was read and it is not reversed already. */
export function reverseDecision(access: ChildRecordAccess, id: string, version: number, reversedOn: IsoDate, reason: string) {
  return updateChildRowAtVersion(
    access,
    'adoption_decisions',
    id,
    version,
    { reversed_on: reversedOn, reason_reversed: reason },
    'reversed_on',
  );
}

export function adoptionsOf(access: ChildRecordAccess) {
  return access.trx
    .selectFrom('adoptions')
    .select([
      'id',
      'adopted_on',
      'should_be_placed_on',
      'matched_on',
      'adopted_by_foster_carer',
      'number_of_adopters',
      'adopters_sex',
      'adopters_legal_status',
      'version',
    ])
    .where('person_id', '=', access.personId)
    .orderBy('adopted_on')
    .execute();
}

export async function insertAdoption(access: ChildRecordAccess, adoption: Omit<Insertable<AdoptionsTable>, 'person_id'>): Promise<string> {
  const row = await access.trx
    .insertInto('adoptions')
    .values({ ...adoption, person_id: access.personId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function updateAdoption(access: ChildRecordAccess, id: string, version: number, changes: Updateable<AdoptionsTable>) {
  return updateChildRowAtVersion(access, 'adoptions', id, version, changes);
}

export function decisionsForReturns(db: Kysely<Database>, personIds: readonly string[]) {
  return db
    .selectFrom('adoption_decisions')
    .select(['person_id', 'decided_on', 'reversed_on', 'reason_reversed'])
    .where('person_id', 'in', personIds)
    .orderBy('person_id')
    .orderBy('decided_on')
    .execute();
}

export function adoptionsForReturns(db: Kysely<Database>, personIds: readonly string[]) {
  return db.selectFrom('adoptions').selectAll().where('person_id', 'in', personIds).orderBy('person_id').orderBy('adopted_on').execute();
}

/** Moves the merged record's adoption decisions, and its adoptions on days the survivor has none; returns "table:id" of each row moved. */
export async function moveAdoptionRows(merged: ChildRecordAccess, survivorId: string): Promise<string[]> {
  const decisions = await merged.trx
    .updateTable('adoption_decisions')
    .set({ person_id: survivorId })
    .where('person_id', '=', merged.personId)
    .returning('id')
    .execute();
  const adoptions = await merged.trx
    .updateTable('adoptions')
    .set({ person_id: survivorId })
    .where('person_id', '=', merged.personId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('adoptions as kept')
            .select('kept.id')
            .where('kept.person_id', '=', survivorId)
            .whereRef('kept.adopted_on', '=', 'adoptions.adopted_on'),
        ),
      ),
    )
    .returning('id')
    .execute();
  return [...decisions.map((r) => `adoption_decisions:${r.id}`), ...adoptions.map((r) => `adoptions:${r.id}`)];
}
