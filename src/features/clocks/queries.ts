import type { Insertable, Kysely, Transaction } from 'kysely';
import type { ClockEventsTable, ClockInstancesTable, Database } from '../../db/schema.js';

export async function insertEvent(trx: Transaction<Database>, event: Insertable<ClockEventsTable>) {
  await trx.insertInto('clock_events').values(event).execute();
}

export async function deleteEventsFrom(trx: Transaction<Database>, sourceType: string, sourceId: string) {
  await trx.deleteFrom('clock_events').where('source_type', '=', sourceType).where('source_id', '=', sourceId).execute();
}

export function eventsOf(db: Kysely<Database>, personId: string) {
  return db
    .selectFrom('clock_events')
    .select(['kind', 'occurred_on', 'occurred_time', 'ref', 'late_reason'])
    .where('person_id', '=', personId)
    .orderBy('occurred_on')
    .orderBy('recorded_at')
    .execute();
}

export function dateOfBirthOf(db: Kysely<Database>, personId: string) {
  return db.selectFrom('people').select('date_of_birth').where('id', '=', personId).executeTakeFirst();
}

export async function replaceInstances(trx: Transaction<Database>, personId: string, instances: Insertable<ClockInstancesTable>[]) {
  await trx.deleteFrom('clock_instances').where('person_id', '=', personId).execute();
  if (instances.length > 0) await trx.insertInto('clock_instances').values(instances).execute();
}
