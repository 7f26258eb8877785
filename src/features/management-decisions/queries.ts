import type { Insertable } from 'kysely';
import type { ManagementDecisionsTable } from '../../db/schema.js';
import type { ChildRecordAccess } from '../../platform/access.js';

export async function insertDecision(access: ChildRecordAccess, decision: Omit<Insertable<ManagementDecisionsTable>, 'person_id'>) {
  const row = await access.trx
    .insertInto('management_decisions')
    .values({ ...decision, person_id: access.personId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function decisionsOf(access: ChildRecordAccess) {
  return access.trx
    .selectFrom('management_decisions')
    .innerJoin('staff', 'staff.id', 'management_decisions.decided_by')
    .select([
      'management_decisions.id',
      'management_decisions.kind',
      'management_decisions.decided_on',
      'management_decisions.rationale',
      'management_decisions.step_down_target',
      'management_decisions.step_down_to',
      'management_decisions.evidence_of_progress',
      'management_decisions.used_for_type',
      'management_decisions.recorded_at',
      'staff.display_name as decided_by_name',
    ])
    .where('management_decisions.person_id', '=', access.personId)
    .orderBy('management_decisions.decided_on', 'desc')
    .orderBy('management_decisions.recorded_at', 'desc')
    .execute();
}

export function stepDownAuthorisations(access: ChildRecordAccess) {
  return access.trx
    .selectFrom('management_decisions')
    .select(['id', 'step_down_target', 'decided_on', 'evidence_of_progress', 'used_for_id'])
    .where('person_id', '=', access.personId)
    .where('kind', '=', 'step_down')
    .execute();
}

/** Marks a step-down authorisation as used; false when it was used meanwhile. */
export async function markUsed(access: ChildRecordAccess, id: string, usedFor: { type: string; id: string }) {
  const result = await access.trx
    .updateTable('management_decisions')
    .set({ used_for_type: usedFor.type, used_for_id: usedFor.id })
    .where('id', '=', id)
    .where('person_id', '=', access.personId)
    .where('used_for_id', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
