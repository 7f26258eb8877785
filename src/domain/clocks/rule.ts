import type { ClockId } from './clock-ids.js';
import type { ChildFact, EventKind } from './events.js';
import type { Timescale } from './timescale.js';

export type Basis = 'statute' | 'regulation' | 'statutory_guidance' | 'local_practice';
export type Confidence = 'verified' | 'partial' | 'unverified';

/** What starts the clock. */
export interface ClockStart {
  event: EventKind;
  /**
   * The event that opens the period the clock belongs to (a placement, a period of care, a CP
   * plan). The period lasts until the next such event. Without it, the start event is the period.
   */
  period?: EventKind;
  /** Only the nth start event in the period counts (1 = the first); without it every one does. */
  nth?: number;
}

/** When a variant's timescale applies, judged on the day each occurrence starts. */
export type Condition =
  | { ageUnder: number }
  | { ageAtLeast: number }
  | { fact: ChildFact }
  /** An event of this kind has happened by then (since the latest `since` event, if given). */
  | { after: EventKind; since?: EventKind };

export interface Variant {
  when: Condition;
  due: Timescale;
}

export interface ClockRule {
  id: ClockId;
  name: string;
  basis: Basis;
  confidence: Confidence;
  source: string;
  start: ClockStart;
  /** Events that meet the clock (each occurrence is met by the first one after it starts). */
  completedBy: readonly EventKind[];
  /** How long from the start to the first occurrence. Null: no fixed timescale (never overdue). */
  due: Timescale | null;
  /**
   * A recurring duty: each later occurrence is due this long after the previous ACTUAL
   * occurrence (the completing event), not after the previous due date.
   */
  repeat?: Timescale;
  /** Timescales that replace `due`/`repeat` when their condition holds; the first that holds wins. */
  variants?: readonly Variant[];
  /** Events that end the duty: no later occurrences, and an outstanding one not yet due is dropped. */
  endedBy?: readonly EventKind[];
  /**
   * What a second start event does while the clock is running: `adds_instance` (each contact
   * gets its own decision clock) or `replaces_open_instance` (the ICPC runs from the latest
   * strategy discussion; a new CP plan restarts its visits).
   */
  whenStartedAgain: 'adds_instance' | 'replaces_open_instance';
  /** The work may be done before the start event ("before placement, or within 5 working days"). */
  canBeMetInAdvance?: boolean;
  /** Only occurrences starting in this window after the period opened belong to this clock. */
  window?: { from?: Timescale; before?: Timescale };
  /** The due date may be extended, up to `times` times, by recording an extension event. */
  extension?: { event: EventKind; by: Timescale; times: number };
}
