import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import type { ClockEventsTable, ClockInstancesTable, Database, IsoDate } from '../../db/schema.js';

export async function insertEvents(trx: Transaction<Database>, events: Insertable<ClockEventsTable>[]) {
  if (events.length > 0) await trx.insertInto('clock_events').values(events).execute();
}

export async function deleteEventsFrom(trx: Transaction<Database>, personId: string, sourceType: string, sourceId: string) {
  await trx
    .deleteFrom('clock_events')
    .where('person_id', '=', personId)
    .where('source_type', '=', sourceType)
    .where('source_id', '=', sourceId)
    .execute();
}

/**
 * The case events of these people, each person's in the order they happened and were recorded.
 * With `knownOn`, only events that had happened or been recorded by the end of that day.
 */
export function eventsOf(db: Kysely<Database>, personIds: readonly string[], knownOn?: IsoDate) {
  let query = db
    .selectFrom('clock_events')
    .select(['person_id', 'kind', 'occurred_on', 'occurred_time', 'ref', 'late_reason'])
    .where('person_id', 'in', personIds);
  if (knownOn !== undefined) {
    query = query.where((eb) =>
      eb.or([eb('occurred_on', '<=', knownOn), eb(sql<string>`(recorded_at at time zone 'Europe/London')::date`, '<=', knownOn)]),
    );
  }
  return query.orderBy('person_id').orderBy('occurred_on').orderBy('seq').execute();
}

export function peopleFacts(db: Kysely<Database>, personIds: readonly string[]) {
  return db.selectFrom('people').select(['id', 'date_of_birth', 'la_child_id']).where('id', 'in', personIds).execute();
}

/** Everyone with case events or stored clocks, in a stable order for batching. */
export async function peopleWithClocks(db: Kysely<Database>): Promise<string[]> {
  const rows = await db
    .selectFrom('clock_events')
    .select('person_id')
    .union(db.selectFrom('clock_instances').select('person_id'))
    .orderBy('person_id')
    .execute();
  return rows.map((row) => row.person_id);
}

/** How many people have case events or stored clocks. */
export async function countPeopleWithClocks(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom((eb) =>
      eb
        .selectFrom('clock_events')
        .select('person_id')
        .union(eb.selectFrom('clock_instances').select('person_id'))
        .as('people_with_clocks'),
    )
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

/** The next `limit` people with case events or stored clocks whose id comes after `after` (from the first when null), in id order. */
export async function peopleWithClocksAfter(db: Kysely<Database>, after: string | null, limit: number): Promise<string[]> {
  const events = db.selectFrom('clock_events').select('person_id');
  const instances = db.selectFrom('clock_instances').select('person_id');
  const rows = await (after === null ? events : events.where('person_id', '>', after))
    .union(after === null ? instances : instances.where('person_id', '>', after))
    .orderBy('person_id')
    .limit(limit)
    .execute();
  return rows.map((row) => row.person_id);
}

export async function peopleWithEvents(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('clock_events').select('person_id').distinct().orderBy('person_id').execute();
  return rows.map((row) => row.person_id);
}

const insertChunk = 1000;

export async function replaceInstances(
  trx: Transaction<Database>,
  personIds: readonly string[],
  instances: Insertable<ClockInstancesTable>[],
) {
  await trx.deleteFrom('clock_instances').where('person_id', 'in', personIds).execute();
  for (let start = 0; start < instances.length; start += insertChunk) {
    await trx
      .insertInto('clock_instances')
      .values(instances.slice(start, start + insertChunk))
      .execute();
  }
}

export function instancesByRef(db: Kysely<Database>, clockId: string, refs: readonly string[]) {
  return db
    .selectFrom('clock_instances')
    .select(['person_id', 'ref', 'started_on', 'due_on', 'completed_on'])
    .where('clock_id', '=', clockId)
    .where('ref', 'in', refs)
    .execute();
}

export function outstandingInstancesOf(trx: Transaction<Database>, personId: string, clockIds: readonly string[]) {
  return trx
    .selectFrom('clock_instances')
    .select(['clock_id', 'ref', 'started_on', 'due_on', 'due_at'])
    .where('person_id', '=', personId)
    .where('clock_id', 'in', clockIds)
    .where('completed_on', 'is', null)
    .where('ended_on', 'is', null)
    .orderBy('due_on')
    .execute();
}

export async function moveEvents(trx: Transaction<Database>, fromPersonId: string, toPersonId: string): Promise<string[]> {
  const rows = await trx
    .updateTable('clock_events')
    .set({ person_id: toPersonId })
    .where('person_id', '=', fromPersonId)
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

export async function moveEventsBack(trx: Transaction<Database>, ids: readonly string[], toPersonId: string): Promise<void> {
  if (ids.length > 0) await trx.updateTable('clock_events').set({ person_id: toPersonId }).where('id', 'in', ids).execute();
}
