import type { Transaction } from 'kysely';
import type { Database, IsoDate } from '../../db/schema.js';
import { createCalendar } from '../../domain/calendar/index.js';
import { type CaseHistory, type ClockEngine, type ClockEvent, createClockEngine, type EventKind } from '../../domain/clocks/index.js';
import type { ChildRecordAccess } from '../../platform/access.js';
import { todayInEngland } from '../../platform/today.js';
import * as queries from './queries.js';

const calendar = createCalendar();
const engine: ClockEngine = createClockEngine({ calendar });
const dueSoonWorkingDays = 5;

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

/**
 * Records events on a child's case and recomputes the child's clocks in the same transaction, so
 * every worktray reads clocks that match the record.
 */
export async function recordCaseEvents(access: ChildRecordAccess, events: readonly CaseEvent[]): Promise<void> {
  for (const event of events) {
    await queries.insertEvent(access.trx, {
      person_id: access.personId,
      kind: event.kind,
      occurred_on: event.occurredOn,
      occurred_time: event.occurredTime ?? null,
      ref: event.ref ?? null,
      late_reason: event.lateReason ?? null,
      source_type: event.source.type,
      source_id: event.source.id,
    });
  }
  await recomputeClocks(access.trx, access.personId);
}

/** Replaces the events that came from one record (after it was corrected) and recomputes. */
export async function replaceCaseEvents(
  access: ChildRecordAccess,
  source: { type: string; id: string },
  events: readonly CaseEvent[],
): Promise<void> {
  await queries.deleteEventsFrom(access.trx, source.type, source.id);
  await recordCaseEvents(access, events);
}

/** Derives every clock instance of one child from their case events, as at today. */
export async function recomputeClocks(trx: Transaction<Database>, personId: string, asOf: IsoDate = todayInEngland()): Promise<void> {
  const [rows, person] = await Promise.all([queries.eventsOf(trx, personId), queries.dateOfBirthOf(trx, personId)]);
  const history: CaseHistory = {
    events: rows.map(
      (row): ClockEvent => ({
        kind: row.kind as EventKind,
        date: row.occurred_on,
        ...(row.occurred_time ? { time: row.occurred_time } : {}),
        ...(row.ref ? { ref: row.ref } : {}),
        ...(row.late_reason ? { lateReason: row.late_reason } : {}),
      }),
    ),
    ...(person?.date_of_birth ? { dateOfBirth: person.date_of_birth } : {}),
  };
  const instances = history.events.length === 0 ? [] : engine.rules.flatMap((rule) => engine.evaluate(rule.id, history, asOf));
  await queries.replaceInstances(
    trx,
    personId,
    instances.map((instance) => ({
      person_id: personId,
      clock_id: instance.clockId,
      occurrence: instance.occurrence,
      ref: null,
      started_on: instance.startedOn,
      due_on: instance.dueOn,
      due_at: instance.dueAt ?? null,
      due_soon_from: instance.dueOn ? calendar.addWorkingDays(instance.dueOn, -dueSoonWorkingDays) : null,
      completed_on: instance.completedOn,
      ended_on: instance.endedOn ?? null,
      late_reason: instance.lateReason ?? null,
    })),
  );
}
