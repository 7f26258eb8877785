import type { Insertable } from 'kysely';
import type { CareProceedingsTable, PreProceedingsTable } from '../../db/schema.js';
import type { ChildRecordAccess } from '../../platform/access.js';
import { updateChildRowAtVersion } from '../../platform/child-rows.js';

export function preProceedings(access: ChildRecordAccess) {
  return access.trx
    .selectFrom('pre_proceedings')
    .selectAll()
    .where('person_id', '=', access.personId)
    .orderBy('started_on', 'desc')
    .execute();
}

export async function insertPreProceedings(access: ChildRecordAccess, row: Omit<Insertable<PreProceedingsTable>, 'person_id'>) {
  return (
    await access.trx
      .insertInto('pre_proceedings')
      .values({ ...row, person_id: access.personId })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function endPreProceedings(
  access: ChildRecordAccess,
  id: string,
  version: number,
  end: { ended_on: string; end_reason: 'proceedings_issued' | 'concerns_reduced' | 'other' },
): Promise<boolean> {
  return updateChildRowAtVersion(access, 'pre_proceedings', id, version, end, 'ended_on');
}

export function careProceedings(access: ChildRecordAccess) {
  return access.trx
    .selectFrom('care_proceedings')
    .selectAll()
    .where('person_id', '=', access.personId)
    .orderBy('issued_on', 'desc')
    .execute();
}

export async function insertCareProceedings(access: ChildRecordAccess, row: Omit<Insertable<CareProceedingsTable>, 'person_id'>) {
  return (
    await access.trx
      .insertInto('care_proceedings')
      .values({ ...row, person_id: access.personId })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function concludeCareProceedings(
  access: ChildRecordAccess,
  id: string,
  version: number,
  conclusion: { concluded_on: string; final_order: string },
): Promise<boolean> {
  return updateChildRowAtVersion(access, 'care_proceedings', id, version, conclusion, 'concluded_on');
}
