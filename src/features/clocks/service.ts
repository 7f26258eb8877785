import type { Insertable, Kysely, Transaction } from 'kysely';
import type { ClockInstancesTable, Database, IsoDate } from '../../db/schema.js';
import { createCalendar, type WorkingDayCalendar } from '../../domain/calendar/index.js';
import {
  type CaseHistory,
  type ClockEngine,
  type ClockEvent,
  type ClockId,
  type ClockInstance,
  type ClockStatus,
  createClockEngine,
  dueSoonFrom,
  type EventKind,
  type LocalSettings,
} from '../../domain/clocks/index.js';
import type { ChildRecordAccess } from '../../platform/access.js';
import { registerRecordMover } from '../../platform/record-movers.js';
import { todayInEngland } from '../../platform/today.js';
import { readClockSettings } from '../clock-settings/service.js';
import * as queries from './queries.js';

/** The England and Wales working-day calendar every clock is counted in. */
export const calendar: WorkingDayCalendar = createCalendar();

/** Something that happened on a child's case that starts, meets or ends a statutory clock. */
export interface CaseEvent {
  kind: EventKind;
  occurredOn: IsoDate;
  /** HH:MM, where the time matters (hour-based clocks such as the 72-hour return interview). */
  occurredTime?: string;
  /** Links events about the same thing (one referral, one placement). */
  ref?: string;
  /** Why the work was late, when it was. */
  lateReason?: string;
  /** The record the event comes from. */
  source: { type: string; id: string };
}

/** The clocks as this authority runs them: its timescales, counting convention and due-soon window. */
interface AuthorityClocks {
  engine: ClockEngine;
  settings: LocalSettings;
}

let latest: { key: string; clocks: AuthorityClocks } | undefined;

async function authorityClocks(db: Kysely<Database>): Promise<AuthorityClocks> {
  const { local } = await readClockSettings(db);
  const key = JSON.stringify(local);
  if (latest?.key !== key) latest = { key, clocks: { engine: createClockEngine({ calendar, settings: local }), settings: local } };
  return latest.clocks;
}

/**
 * Records events on a child's case and recomputes the child's clocks in the same transaction, so
 * every worktray reads clocks that match the record. Same-day events keep the order given.
 */
export async function recordCaseEvents(access: ChildRecordAccess, events: readonly CaseEvent[]): Promise<void> {
  await queries.insertEvents(
    access.trx,
    events.map((event) => ({
      person_id: access.personId,
      kind: event.kind,
      occurred_on: event.occurredOn,
      occurred_time: event.occurredTime ?? null,
      ref: event.ref ?? null,
      late_reason: event.lateReason ?? null,
      source_type: event.source.type,
      source_id: event.source.id,
    })),
  );
  await recomputeClocks(access.trx, access.personId);
}

/** Replaces the events that came from one record (after it was corrected) and recomputes. */
export async function replaceCaseEvents(
  access: ChildRecordAccess,
  source: { type: string; id: string },
  events: readonly CaseEvent[],
): Promise<void> {
  await queries.deleteEventsFrom(access.trx, access.personId, source.type, source.id);
  await recordCaseEvents(access, events);
}

function historiesOf(
  events: Awaited<ReturnType<typeof queries.eventsOf>>,
  people: Awaited<ReturnType<typeof queries.peopleFacts>>,
): Map<string, CaseHistory> {
  const byPerson = new Map<string, ClockEvent[]>();
  for (const row of events) {
    const list = byPerson.get(row.person_id) ?? [];
    list.push({
      kind: row.kind as EventKind,
      date: row.occurred_on,
      ...(row.occurred_time ? { time: row.occurred_time } : {}),
      ...(row.ref ? { ref: row.ref } : {}),
      ...(row.late_reason ? { lateReason: row.late_reason } : {}),
    });
    byPerson.set(row.person_id, list);
  }
  const histories = new Map<string, CaseHistory>();
  for (const [personId, list] of byPerson) {
    const dateOfBirth = people.find((person) => person.id === personId)?.date_of_birth;
    histories.set(personId, { events: list, ...(dateOfBirth ? { dateOfBirth } : {}) });
  }
  return histories;
}

function evaluateAll(engine: ClockEngine, history: CaseHistory, asOf: IsoDate): ClockInstance[] {
  return engine.rules.flatMap((rule) => engine.evaluate(rule.id, history, asOf));
}

async function recomputeMany(trx: Transaction<Database>, personIds: readonly string[], clocks: AuthorityClocks, asOf: IsoDate) {
  const [events, people] = await Promise.all([queries.eventsOf(trx, personIds), queries.peopleFacts(trx, personIds)]);
  const dueSoon = clocks.settings.dueSoon ?? { amount: 5, unit: 'working_days' };
  const counting = { calendar, convention: clocks.settings.countingConvention ?? 'start_is_day_zero', schoolTerms: [] };
  const rows: Insertable<ClockInstancesTable>[] = [];
  for (const [personId, history] of historiesOf(events, people)) {
    for (const instance of evaluateAll(clocks.engine, history, asOf)) {
      rows.push({
        person_id: personId,
        clock_id: instance.clockId,
        occurrence: instance.occurrence,
        ref: instance.ref ?? null,
        started_on: instance.startedOn,
        due_on: instance.dueOn,
        due_at: instance.dueAt ?? null,
        due_soon_from: instance.dueOn ? dueSoonFrom(instance.dueOn, dueSoon, counting) : null,
        completed_on: instance.completedOn,
        completed_at: instance.completedAt ?? null,
        ended_on: instance.endedOn ?? null,
        late_reason: instance.lateReason ?? null,
      });
    }
  }
  await queries.replaceInstances(trx, personIds, rows);
}

/** Derives every clock instance of one child from their case events, as at today, with the authority's settings. */
export async function recomputeClocks(trx: Transaction<Database>, personId: string, asOf: IsoDate = todayInEngland()): Promise<void> {
  await recomputeMany(trx, [personId], await authorityClocks(trx), asOf);
}

const batchSize = 250;

/**
 * Recomputes every child's clocks with the authority's current settings (after they change), a
 * batch of children per transaction. Returns how many children's clocks were recomputed.
 */
export async function recomputeAllClocks(
  db: Kysely<Database>,
  onBatch: (done: number, total: number) => void = () => {},
  asOf: IsoDate = todayInEngland(),
): Promise<number> {
  const clocks = await authorityClocks(db);
  const personIds = await queries.peopleWithClocks(db);
  for (let start = 0; start < personIds.length; start += batchSize) {
    const batch = personIds.slice(start, start + batchSize);
    await db.transaction().execute((trx) => recomputeMany(trx, batch, clocks, asOf));
    onBatch(Math.min(start + batchSize, personIds.length), personIds.length);
  }
  return personIds.length;
}

/** How many children have clocks (case events or stored instances): everyone a recomputation of all clocks covers. */
export function countChildrenWithClocks(db: Kysely<Database>): Promise<number> {
  return queries.countPeopleWithClocks(db);
}

/**
 * The next children with clocks after the child `after` (from the first when null), in id order:
 * the next batch for a recomputation of everyone that can stop and carry on where it stopped.
 */
export function childrenWithClocksAfter(db: Kysely<Database>, after: string | null, limit: number = batchSize): Promise<string[]> {
  return queries.peopleWithClocksAfter(db, after, limit);
}

/** One clock instance as it stood on a date, worked out from the case events known then. */
export interface ClockInstanceAsOf {
  la_child_id: string | null;
  clock_id: string;
  started_on: IsoDate;
  due_on: IsoDate | null;
  completed_on: IsoDate | null;
  status: ClockStatus;
}

/**
 * Every clock instance in the database as at `asOf`, recomputed from the case events that had
 * happened or been recorded by that day (not the stored instances, which are as at today), by LA child ID and clock.
 */
export async function clockInstancesAsOf(db: Kysely<Database>, asOf: IsoDate): Promise<ClockInstanceAsOf[]> {
  const clocks = await authorityClocks(db);
  const personIds = await queries.peopleWithEvents(db);
  const result: ClockInstanceAsOf[] = [];
  for (let start = 0; start < personIds.length; start += batchSize) {
    const batch = personIds.slice(start, start + batchSize);
    const [events, people] = await Promise.all([queries.eventsOf(db, batch, asOf), queries.peopleFacts(db, batch)]);
    for (const [personId, history] of historiesOf(events, people)) {
      const laChildId = people.find((person) => person.id === personId)?.la_child_id ?? null;
      for (const instance of evaluateAll(clocks.engine, history, asOf)) {
        result.push({
          la_child_id: laChildId,
          clock_id: instance.clockId,
          started_on: instance.startedOn,
          due_on: instance.dueOn,
          completed_on: instance.completedOn,
          status: instance.status,
        });
      }
    }
  }
  return result.sort(
    (a, b) =>
      (a.la_child_id ?? '').localeCompare(b.la_child_id ?? '') ||
      a.clock_id.localeCompare(b.clock_id) ||
      a.started_on.localeCompare(b.started_on),
  );
}

/**
 * The instances of one clock that run for these records (the refs their events carried, such as
 * contact ids), for worklists of records rather than of children. Dates only: no personal data.
 */
export function clockInstancesFor(db: Kysely<Database>, clockId: ClockId, refs: readonly string[]) {
  if (refs.length === 0) return Promise.resolve([]);
  return queries.instancesByRef(db, clockId, refs);
}

/** The child's clocks of these kinds not yet met, soonest due first: for "next review due" on a record's pages. */
export function outstandingClocksOf(access: ChildRecordAccess, clockIds: readonly ClockId[]) {
  if (clockIds.length === 0) return Promise.resolve([]);
  return queries.outstandingInstancesOf(access.trx, access.personId, clockIds);
}

/**
 * On merging two records of a child, the case events move with everything else and both
 * children's clocks are derived again from the events each now has (and again on undo).
 */
registerRecordMover({
  name: 'case events',
  columns: ['clock_events.person_id', 'clock_instances.person_id'],
  move: async (merged, survivor) => {
    const moved = await queries.moveEvents(merged.trx, merged.personId, survivor.personId);
    await recomputeMany(merged.trx, [merged.personId, survivor.personId], await authorityClocks(merged.trx), todayInEngland());
    return moved;
  },
  restore: async (merged, survivor, moved) => {
    await queries.moveEventsBack(merged.trx, moved, merged.personId);
    await recomputeMany(merged.trx, [merged.personId, survivor.personId], await authorityClocks(merged.trx), todayInEngland());
  },
});

/** Recomputes these children's clocks inside the caller's transaction (after a bulk import), a batch of children at a time. */
export async function recomputeClocksOf(
  trx: Transaction<Database>,
  personIds: readonly string[],
  asOf: IsoDate = todayInEngland(),
): Promise<void> {
  const clocks = await authorityClocks(trx);
  for (let start = 0; start < personIds.length; start += batchSize)
    await recomputeMany(trx, personIds.slice(start, start + batchSize), clocks, asOf);
}
