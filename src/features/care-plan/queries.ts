import type { Insertable, Kysely } from 'kysely';
import type { Database, EducationPlansTable, HealthAssessmentsTable, PermanencePlansTable } from '../../db/schema.js';
import type { ChildRecordAccess } from '../../platform/access.js';

export function healthAssessments(access: ChildRecordAccess) {
  return access.trx
    .selectFrom('health_assessments')
    .selectAll()
    .where('person_id', '=', access.personId)
    .orderBy('completed_on', 'desc')
    .execute();
}

export async function insertHealthAssessment(access: ChildRecordAccess, row: Omit<Insertable<HealthAssessmentsTable>, 'person_id'>) {
  return (
    await access.trx
      .insertInto('health_assessments')
      .values({ ...row, person_id: access.personId })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export function educationPlans(access: ChildRecordAccess) {
  return access.trx.selectFrom('education_plans').selectAll().where('person_id', '=', access.personId).orderBy('held_on', 'desc').execute();
}

export async function insertEducationPlan(access: ChildRecordAccess, row: Omit<Insertable<EducationPlansTable>, 'person_id'>) {
  return (
    await access.trx
      .insertInto('education_plans')
      .values({ ...row, person_id: access.personId })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export function permanencePlans(access: ChildRecordAccess) {
  return access.trx
    .selectFrom('permanence_plans')
    .selectAll()
    .where('person_id', '=', access.personId)
    .orderBy('agreed_on', 'desc')
    .execute();
}

export async function insertPermanencePlan(access: ChildRecordAccess, row: Omit<Insertable<PermanencePlansTable>, 'person_id'>) {
  return (
    await access.trx
      .insertInto('permanence_plans')
      .values({ ...row, person_id: access.personId })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export function healthAssessmentsOf(db: Kysely<Database>, personIds: readonly string[]) {
  return db
    .selectFrom('health_assessments')
    .select(['person_id', 'kind', 'completed_on'])
    .where('person_id', 'in', personIds)
    .orderBy('person_id')
    .orderBy('completed_on')
    .execute();
}

export function permanencePlansOf(db: Kysely<Database>, personIds: readonly string[]) {
  return db
    .selectFrom('permanence_plans')
    .select(['person_id', 'plan', 'agreed_on'])
    .where('person_id', 'in', personIds)
    .orderBy('person_id')
    .orderBy('agreed_on')
    .execute();
}
