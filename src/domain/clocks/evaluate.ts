import { type ClockTime, compareMoments, type IsoDate, type Moment } from '../calendar/index.js';
import type { ClockId } from './clock-ids.js';
import { conditionHolds } from './conditions.js';
import { inTimeOrder, isOfKind, type PlacedEvent, refersToSame } from './event-order.js';
import type { CaseHistory } from './events.js';
import type { ClockRule } from './rule.js';
import { type ClockStatus, statusOf } from './status.js';
import { addTimescale, type CountingRules, type Timescale } from './timescale.js';

/** One occurrence of a clock: when it started, when it is due, whether and when it was met. */
export interface ClockInstance {
  clockId: ClockId;
  /** 1 for the first occurrence after the clock started, 2 for the next, and so on. */
  occurrence: number;
  /** The record the clock runs for (a contact, referral, placement), when its events carry one. */
  ref?: string;
  startedOn: IsoDate;
  startedAt?: ClockTime;
  /** Null when the clock has no fixed timescale. */
  dueOn: IsoDate | null;
  /** Present for hour-based clocks started at a known time. */
  dueAt?: ClockTime;
  completedOn: IsoDate | null;
  completedAt?: ClockTime;
  status: ClockStatus;
  /** The reason recorded for lateness, on a `met_late` instance. */
  lateReason?: string;
  /** The duty ended (a plan, placement or period of care ended) while this occurrence was overdue. */
  endedOn?: IsoDate;
  /** How many times the due date was extended (e.g. an emergency protection order). */
  extensions?: number;
}

export interface EvaluationContext extends CountingRules {
  dueSoon: Timescale;
}

/** One continuous run of a clock: from its start event until the duty ends or it is replaced. */
interface Run {
  start: PlacedEvent;
  periodStart: PlacedEvent;
  ref: string | undefined;
  /** Where the run stops: an ending event, or the next period or start. */
  end: PlacedEvent | undefined;
  /** True when a new start event of the same clock replaced this run. */
  replaced: boolean;
  /** Events before this position cannot meet the run's first occurrence. */
  earliestCompletion: number;
}

function findRuns(rule: ClockRule, events: readonly PlacedEvent[], asOf: Moment): Run[] {
  const { event: startKind, period, nth } = rule.start;
  const starts: { start: PlacedEvent; periodStart: PlacedEvent; periodEnd: PlacedEvent | undefined }[] = [];
  if (period === undefined) {
    for (const start of events.filter((placed) => isOfKind(placed, startKind))) {
      starts.push({ start, periodStart: start, periodEnd: undefined });
    }
  } else {
    const periods = events.filter((placed) => isOfKind(placed, period));
    periods.forEach((periodStart, index) => {
      const periodEnd = periods[index + 1];
      const inPeriod = events.filter(
        (placed) =>
          isOfKind(placed, startKind) &&
          placed.position > periodStart.position &&
          placed.position < (periodEnd?.position ?? Number.POSITIVE_INFINITY) &&
          refersToSame(placed, periodStart.event.ref),
      );
      const chosen = nth === undefined ? inPeriod : inPeriod.slice(nth - 1, nth);
      for (const start of chosen) starts.push({ start, periodStart, periodEnd });
    });
  }
  return starts.map(({ start, periodStart, periodEnd }, index) => {
    const ref = start.event.ref ?? periodStart.event.ref;
    const next = rule.whenStartedAgain === 'replaces_open_instance' ? starts[index + 1]?.start : undefined;
    const endedBy = rule.endedBy ?? [];
    const ending = events.find((placed) => placed.position > start.position && isOfKind(placed, endedBy) && refersToSame(placed, ref));
    const candidates = [ending, periodEnd, next].filter(
      (placed): placed is PlacedEvent => placed !== undefined && compareMoments(placed.moment, asOf) <= 0,
    );
    const end = candidates.sort((a, b) => a.position - b.position)[0];
    const previousStart = starts[index - 1]?.start.position ?? -1;
    return {
      start,
      periodStart,
      ref,
      end,
      replaced: end !== undefined && end === next,
      earliestCompletion: rule.canBeMetInAdvance ? previousStart + 1 : start.position + 1,
    };
  });
}

function timescaleFor(
  rule: ClockRule,
  occurrence: number,
  start: PlacedEvent,
  history: CaseHistory,
  events: readonly PlacedEvent[],
): Timescale | null {
  const variant = rule.variants?.find((candidate) => conditionHolds(candidate.when, start, history, events));
  if (variant) return variant.due;
  return occurrence === 1 ? rule.due : (rule.repeat ?? rule.due);
}

function isInWindow(rule: ClockRule, run: Run, start: PlacedEvent, context: EvaluationContext): boolean {
  const { from, before } = rule.window ?? {};
  const opens = from && addTimescale(run.periodStart.moment, from, context);
  const closes = before && addTimescale(run.periodStart.moment, before, context);
  if (opens && compareMoments({ date: start.event.date }, { date: opens.date }) < 0) return false;
  if (closes && compareMoments({ date: start.event.date }, { date: closes.date }) >= 0) return false;
  return true;
}

function isBeforeEnd(placed: PlacedEvent, end: PlacedEvent | undefined): boolean {
  return end === undefined || placed.position < end.position || placed.event.date === end.event.date;
}

function extend(
  rule: ClockRule,
  due: Moment,
  start: PlacedEvent,
  until: number,
  ref: string | undefined,
  events: readonly PlacedEvent[],
  context: EvaluationContext,
): { due: Moment; extensions: number } {
  const extension = rule.extension;
  let extended = { due, extensions: 0 };
  if (!extension) return extended;
  for (const placed of events) {
    if (extended.extensions >= extension.times) break;
    const applies =
      isOfKind(placed, extension.event) &&
      placed.position > start.position &&
      placed.position < until &&
      refersToSame(placed, ref) &&
      compareMoments(placed.moment, extended.due) <= 0;
    const newDue = applies ? addTimescale(extended.due, extension.by, context) : null;
    if (newDue) extended = { due: newDue, extensions: extended.extensions + 1 };
  }
  return extended;
}

/**
 * Works out every instance of one clock for one child or case, as at `asOf`.
 * Events after `asOf` are ignored, except start events (a planned start can already have a due date).
 */
export function evaluateClock(rule: ClockRule, history: CaseHistory, asOf: Moment, context: EvaluationContext): ClockInstance[] {
  const events = inTimeOrder(
    history.events.filter(
      (event) =>
        event.kind === rule.start.event ||
        event.kind === rule.start.period ||
        compareMoments(event.time === undefined ? { date: event.date } : event, asOf) <= 0,
    ),
  );
  const used = new Set<number>();
  const instances: ClockInstance[] = [];
  for (const run of findRuns(rule, events, asOf)) {
    let start = run.start;
    let earliestCompletion = run.earliestCompletion;
    for (let occurrence = 1; ; occurrence += 1) {
      const completion = events.find(
        (placed) =>
          placed.position >= earliestCompletion &&
          !used.has(placed.position) &&
          isOfKind(placed, rule.completedBy) &&
          refersToSame(placed, run.ref) &&
          isBeforeEnd(placed, run.end),
      );
      if (completion) used.add(completion.position);
      const timescale = timescaleFor(rule, occurrence, start, history, events);
      const due = timescale && addTimescale(start.moment, timescale, context);
      const { due: finalDue, extensions } = due
        ? extend(rule, due, start, completion?.position ?? Number.POSITIVE_INFINITY, run.ref, events, context)
        : { due: null, extensions: 0 };
      const endedOn = completion ? undefined : run.end?.event.date;
      const droppedAtEnd =
        endedOn !== undefined && (run.replaced || finalDue === null || compareMoments({ date: endedOn }, { date: finalDue.date }) <= 0);
      if (!droppedAtEnd && isInWindow(rule, run, start, context)) {
        const status = statusOf(finalDue, completion?.moment ?? null, asOf, context.dueSoon, context);
        instances.push({
          clockId: rule.id,
          occurrence,
          ...(run.ref === undefined ? {} : { ref: run.ref }),
          startedOn: start.event.date,
          ...(start.event.time === undefined ? {} : { startedAt: start.event.time }),
          dueOn: finalDue?.date ?? null,
          ...(finalDue?.time === undefined ? {} : { dueAt: finalDue.time }),
          completedOn: completion?.event.date ?? null,
          ...(completion?.event.time === undefined ? {} : { completedAt: completion.event.time }),
          status,
          ...(status === 'met_late' && completion?.event.lateReason ? { lateReason: completion.event.lateReason } : {}),
          ...(endedOn === undefined ? {} : { endedOn }),
          ...(extensions > 0 ? { extensions } : {}),
        });
      }
      if (!completion || rule.repeat === undefined) break;
      start = completion;
      earliestCompletion = completion.position + 1;
    }
  }
  return instances;
}
