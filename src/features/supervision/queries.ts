import type { Insertable, Kysely } from 'kysely';
import type { CaseSupervisionsTable, Database, SupervisionActionsTable } from '../../db/schema.js';
import type { ChildRecordAccess } from '../../platform/access.js';

export function supervisionsOf(access: ChildRecordAccess) {
  return access.trx
    .selectFrom('case_supervisions')
    .innerJoin('staff as supervisor', 'supervisor.id', 'case_supervisions.supervisor_id')
    .leftJoin('staff as worker', 'worker.id', 'case_supervisions.worker_id')
    .select([
      'case_supervisions.id',
      'case_supervisions.held_on',
      'case_supervisions.reflection',
      'case_supervisions.decisions',
      'supervisor.display_name as supervisor_name',
      'worker.display_name as worker_name',
    ])
    .where('case_supervisions.person_id', '=', access.personId)
    .orderBy('case_supervisions.held_on', 'desc')
    .orderBy('case_supervisions.recorded_at', 'desc')
    .execute();
}

export function actionsOf(access: ChildRecordAccess) {
  return access.trx
    .selectFrom('supervision_actions')
    .innerJoin('staff', 'staff.id', 'supervision_actions.owner_id')
    .select([
      'supervision_actions.id',
      'supervision_actions.supervision_id',
      'supervision_actions.description',
      'supervision_actions.owner_id',
      'supervision_actions.due_on',
      'supervision_actions.completed_on',
      'supervision_actions.version',
      'staff.display_name as owner_name',
    ])
    .where('supervision_actions.person_id', '=', access.personId)
    .orderBy('supervision_actions.due_on')
    .execute();
}

export async function insertSupervision(access: ChildRecordAccess, supervision: Omit<Insertable<CaseSupervisionsTable>, 'person_id'>) {
  const row = await access.trx
    .insertInto('case_supervisions')
    .values({ ...supervision, person_id: access.personId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertActions(access: ChildRecordAccess, actions: Omit<Insertable<SupervisionActionsTable>, 'person_id'>[]) {
  if (actions.length === 0) return;
  await access.trx
    .insertInto('supervision_actions')
    .values(actions.map((a) => ({ ...a, person_id: access.personId })))
    .execute();
}

/** Marks an action done if it is still at `version` and open; false otherwise. */
export async function completeAction(access: ChildRecordAccess, id: string, version: number, completedOn: string) {
  const result = await access.trx
    .updateTable('supervision_actions')
    .set({ completed_on: completedOn, version: version + 1 })
    .where('id', '=', id)
    .where('person_id', '=', access.personId)
    .where('version', '=', version)
    .where('completed_on', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Open actions owned by one member of staff, soonest due first. */
export function openActionsOwnedBy(db: Kysely<Database>, staffId: string) {
  return db
    .selectFrom('supervision_actions')
    .innerJoin('case_supervisions', 'case_supervisions.id', 'supervision_actions.supervision_id')
    .select([
      'supervision_actions.id',
      'supervision_actions.person_id',
      'supervision_actions.description',
      'supervision_actions.due_on',
      'case_supervisions.held_on',
    ])
    .where('supervision_actions.owner_id', '=', staffId)
    .where('supervision_actions.completed_on', 'is', null)
    .orderBy('supervision_actions.due_on')
    .limit(200)
    .execute();
}

/** Active staff in a team, by name: who may own an action, and whose supervision a team manager keeps. */
export function teamStaff(db: Kysely<Database>, teamId: string) {
  return db
    .selectFrom('staff')
    .select(['id', 'display_name', 'role', 'created_at'])
    .where('team_id', '=', teamId)
    .where('active', '=', true)
    .orderBy('display_name')
    .execute();
}

/** The latest case supervision each of these workers had. */
export function lastSupervisionOf(db: Kysely<Database>, workerIds: readonly string[]) {
  if (workerIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('case_supervisions')
    .select(['worker_id', (eb) => eb.fn.max('held_on').as('last_held_on')])
    .where('worker_id', 'in', workerIds)
    .groupBy('worker_id')
    .execute();
}
