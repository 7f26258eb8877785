import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { AssessmentsTable, Database } from '../../db/schema.js';
import type { ChildRecordAccess } from '../../platform/access.js';
import { updateChildRowAtVersion } from '../../platform/child-rows.js';

const columns = [
  'assessments.id',
  'assessments.referral_id',
  'assessments.kind',
  'assessments.started_on',
  'assessments.worker_id',
  'assessments.status',
  'assessments.factors',
  'assessments.outcome',
  'assessments.summary',
  'assessments.submitted_on',
  'assessments.authorised_on',
  'assessments.late_reason',
  'assessments.version',
] as const;

export function assessmentsOf(access: ChildRecordAccess) {
  return access.trx
    .selectFrom('assessments')
    .leftJoin('staff as worker', 'worker.id', 'assessments.worker_id')
    .leftJoin('staff as manager', 'manager.id', 'assessments.authorised_by')
    .select([...columns, 'worker.display_name as worker_name', 'manager.display_name as authorised_by_name'])
    .where('assessments.person_id', '=', access.personId)
    .orderBy('assessments.started_on', 'desc')
    .orderBy('assessments.recorded_at', 'desc')
    .execute();
}

export function returnsOf(access: ChildRecordAccess, assessmentIds: readonly string[]) {
  if (assessmentIds.length === 0) return Promise.resolve([]);
  return access.trx
    .selectFrom('assessment_returns')
    .innerJoin('assessments', 'assessments.id', 'assessment_returns.assessment_id')
    .leftJoin('staff', 'staff.id', 'assessment_returns.returned_by')
    .select([
      'assessment_returns.id',
      'assessment_returns.assessment_id',
      'assessment_returns.returned_at',
      'assessment_returns.comments',
      'staff.display_name as returned_by_name',
    ])
    .where('assessments.person_id', '=', access.personId)
    .where('assessment_returns.assessment_id', 'in', assessmentIds)
    .orderBy('assessment_returns.returned_at', 'desc')
    .execute();
}

export async function insertAssessment(access: ChildRecordAccess, assessment: Omit<Insertable<AssessmentsTable>, 'person_id'>) {
  const row = await access.trx
    .insertInto('assessments')
    .values({ ...assessment, person_id: access.personId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes an assessment if it is still at `version`; false when someone else saved it first. */
export async function updateAssessment(access: ChildRecordAccess, id: string, version: number, changes: Updateable<AssessmentsTable>) {
  return updateChildRowAtVersion(access, 'assessments', id, version, changes);
}

export async function insertReturn(access: ChildRecordAccess, assessmentId: string, comments: string) {
  await access.trx
    .insertInto('assessment_returns')
    .values({ assessment_id: assessmentId, comments, returned_by: access.actor.staffId })
    .execute();
}

/** For the statutory returns: every assessment of these referrals, whoever the child. */
export function assessmentsForReturns(db: Kysely<Database>, referralIds: readonly string[]) {
  return db
    .selectFrom('assessments')
    .select(['id', 'person_id', 'referral_id', 'started_on', 'internal_review_on', 'status', 'authorised_on', 'factors', 'outcome'])
    .where(sql<boolean>`referral_id = any(${[...referralIds]}::uuid[])`)
    .execute();
}
