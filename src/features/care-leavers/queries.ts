import type { Insertable, Kysely } from 'kysely';
import type { CareLeaverContactsTable, Database, PathwayPlansTable } from '../../db/schema.js';
import type { ChildRecordAccess } from '../../platform/access.js';

export function pathwayPlans(access: ChildRecordAccess) {
  return access.trx
    .selectFrom('pathway_plans')
    .selectAll()
    .where('person_id', '=', access.personId)
    .orderBy('completed_on', 'desc')
    .execute();
}

export async function insertPathwayPlan(access: ChildRecordAccess, row: Omit<Insertable<PathwayPlansTable>, 'person_id'>) {
  return (
    await access.trx
      .insertInto('pathway_plans')
      .values({ ...row, person_id: access.personId })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export function advisers(access: ChildRecordAccess) {
  return access.trx
    .selectFrom('personal_advisers')
    .select(['id', 'adviser_name', 'started_on', 'ended_on'])
    .where('person_id', '=', access.personId)
    .orderBy('started_on', 'desc')
    .execute();
}

export async function endAdviser(access: ChildRecordAccess, id: string, endedOn: string) {
  await access.trx
    .updateTable('personal_advisers')
    .set({ ended_on: endedOn })
    .where('id', '=', id)
    .where('person_id', '=', access.personId)
    .execute();
}

export async function insertAdviser(access: ChildRecordAccess, name: string, startedOn: string, recordedBy: string) {
  return (
    await access.trx
      .insertInto('personal_advisers')
      .values({ person_id: access.personId, adviser_name: name, started_on: startedOn, recorded_by: recordedBy })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export function contacts(access: ChildRecordAccess) {
  return access.trx
    .selectFrom('care_leaver_contacts')
    .selectAll()
    .where('person_id', '=', access.personId)
    .orderBy('contact_on', 'desc')
    .execute();
}

export async function insertContact(access: ChildRecordAccess, row: Omit<Insertable<CareLeaverContactsTable>, 'person_id'>) {
  return (
    await access.trx
      .insertInto('care_leaver_contacts')
      .values({ ...row, person_id: access.personId })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export function contactsOf(db: Kysely<Database>, personIds: readonly string[]) {
  return db
    .selectFrom('care_leaver_contacts')
    .select(['person_id', 'contact_on', 'in_touch', 'activity', 'accommodation'])
    .where('person_id', 'in', personIds)
    .orderBy('person_id')
    .orderBy('contact_on')
    .execute();
}

/** Whether this record has a current personal adviser. */
export async function hasCurrentAdviser(access: ChildRecordAccess): Promise<boolean> {
  const row = await access.trx
    .selectFrom('personal_advisers')
    .select('id')
    .where('person_id', '=', access.personId)
    .where('ended_on', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}
