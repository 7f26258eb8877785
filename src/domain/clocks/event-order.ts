import { compareDates, compareMoments, type Moment } from '../calendar/index.js';
import type { ClockEvent, EventKind } from './events.js';

/** An event with its place in the case's history. */
export interface PlacedEvent {
  event: ClockEvent;
  moment: Moment;
  /** Position in time order: 0 is the earliest. */
  position: number;
}

function momentOf(event: ClockEvent): Moment {
  return event.time === undefined ? { date: event.date } : { date: event.date, time: event.time };
}

/**
 * Puts events in time order. Within one day, events with a time are ordered by it; events with
 * only a date keep the order they were given in (so give same-day events in the order they happened).
 */
export function inTimeOrder(events: readonly ClockEvent[]): PlacedEvent[] {
  const byDate = [...events].sort((a, b) => compareDates(a.date, b.date));
  const ordered: ClockEvent[] = [];
  for (let first = 0; first < byDate.length; ) {
    let last = first;
    while (last < byDate.length && byDate[last]?.date === byDate[first]?.date) last += 1;
    const day = byDate.slice(first, last);
    const timed = day.filter((event) => event.time !== undefined).sort((a, b) => compareMoments(momentOf(a), momentOf(b)));
    ordered.push(...day.map((event) => (event.time === undefined ? event : (timed.shift() ?? event))));
    first = last;
  }
  return ordered.map((event, position) => ({ event, moment: momentOf(event), position }));
}

export function isOfKind(placed: PlacedEvent, kinds: EventKind | readonly EventKind[]): boolean {
  return typeof kinds === 'string' ? placed.event.kind === kinds : kinds.includes(placed.event.kind);
}

/** Events about different things (two placements, two referrals) never match; an event without a ref matches any. */
export function refersToSame(placed: PlacedEvent, ref: string | undefined): boolean {
  return ref === undefined || placed.event.ref === undefined || placed.event.ref === ref;
}
