import type { Insertable } from 'kysely';
import type { ChronologyEntriesTable, ClockEventsTable, IsoDate } from '../../../db/schema.js';
import type { EventKind } from '../../../domain/clocks/index.js';
import type { SyntheticAuthority, SyntheticEpisode } from '../authority.js';
import type { Draw } from '../draw.js';
import { officeHoursOn } from '../instants.js';

/** A case event as a service records it (features/clocks `CaseEvent`), for a generated record. */
export interface GeneratedCaseEvent {
  kind: EventKind;
  occurredOn: IsoDate;
  occurredTime?: string | null;
  ref?: string | null;
  lateReason?: string | null;
  source: { type: string; id: string };
}

/**
 * The chronology entries and case events a part's records would have made when recorded one by
 * one in Hearth, gathered for every child and written at the end with bulk inserts. Each child's
 * case events are written in date order (same-day events in the order they were recorded), as
 * the clocks read them.
 */
export class ChildRecords {
  readonly chronology: Insertable<ChronologyEntriesTable>[] = [];
  private readonly events = new Map<string, Insertable<ClockEventsTable>[]>();

  constructor(private readonly draw: Draw) {}

  entry(
    personId: string,
    recordedBy: string | null,
    entry: { kind: string; occurredOn: IsoDate; summary: string; source: { type: string; id: string } },
  ): void {
    this.chronology.push({
      id: this.draw.id(),
      person_id: personId,
      kind: entry.kind,
      occurred_on: entry.occurredOn,
      occurred_at: null,
      summary: entry.summary,
      source_type: entry.source.type,
      source_id: entry.source.id,
      recorded_by: recordedBy,
      recorded_at: officeHoursOn(entry.occurredOn, this.draw),
    });
  }

  event(personId: string, event: GeneratedCaseEvent): void {
    const list = this.events.get(personId) ?? [];
    list.push({
      id: this.draw.id(),
      person_id: personId,
      kind: event.kind,
      occurred_on: event.occurredOn,
      occurred_time: event.occurredTime ?? null,
      ref: event.ref ?? null,
      late_reason: event.lateReason ?? null,
      source_type: event.source.type,
      source_id: event.source.id,
      recorded_at: officeHoursOn(event.occurredOn, this.draw),
    });
    this.events.set(personId, list);
  }

  /** Every child's case events, each child's in date order (a stable sort keeps same-day events as recorded). */
  eventRows(): Insertable<ClockEventsTable>[] {
    return [...this.events.values()].flatMap((list) => [...list].sort((a, b) => a.occurred_on.localeCompare(b.occurred_on)));
  }
}

/**
 * Who recorded the work on a child's case on a day: the social worker holding the episode then,
 * or (while the child waited for a worker, or outside the episode's stays) the holding team's manager.
 */
export function caseHolder(authority: SyntheticAuthority): (episode: SyntheticEpisode, date: IsoDate) => string | null {
  const managerOf = new Map(authority.teams.map((t) => [t.id, t.managerId || null]));
  return (episode, date) => {
    const stay =
      episode.stays.find((s) => s.startedOn <= date && (s.endedOn === null || s.endedOn > date)) ?? episode.stays[episode.stays.length - 1];
    if (!stay) return null;
    const worker = stay.workers.find((w) => w.staffId && w.startedOn <= date && (w.endedOn === null || w.endedOn > date));
    return worker?.staffId ?? managerOf.get(stay.teamId) ?? null;
  };
}

const postcodeLetters = 'ABDEFGHJLNPQRSTUWXYZ';

/** A well-formed UK postcode in one of these postcode areas (not a real address). */
export function postcodeIn(draw: Draw, areas: readonly string[]): string {
  const letter = () => postcodeLetters[draw.int(0, postcodeLetters.length - 1)];
  return `${draw.pick(areas)}${draw.int(1, 29)} ${draw.int(1, 9)}${letter()}${letter()}`;
}

/** A time of day as HH:MM. */
export function clockTime(minutes: number): string {
  const m = ((Math.round(minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
