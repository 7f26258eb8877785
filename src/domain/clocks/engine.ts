import { createCalendar, type IsoDate, type Moment, type WorkingDayCalendar } from '../calendar/index.js';
import type { ClockId } from './clock-ids.js';
import { type ClockInstance, type EvaluationContext, evaluateClock } from './evaluate.js';
import type { CaseHistory } from './events.js';
import { applyLocalSettings, countingConventionOf, DEFAULT_DUE_SOON, type LocalSettings } from './local-settings.js';
import type { ClockRule } from './rule.js';
import { CLOCK_RULES } from './rules.js';

export interface ClockEngineOptions {
  /** Defaults to the England & Wales calendar with no extra days. */
  calendar?: WorkingDayCalendar;
  /** The local authority's settings; rejected (LocalSettingsRejected) if they lengthen a statutory clock. */
  settings?: LocalSettings;
}

/** The clocks as one local authority runs them. */
export interface ClockEngine {
  /** Every clock, with the authority's timescales in place. */
  readonly rules: readonly ClockRule[];
  rule(id: ClockId): ClockRule;
  /** Every instance of one clock for one child or case, as at a date (or a date and time). */
  evaluate(id: ClockId, history: CaseHistory, asOf: IsoDate | Moment): ClockInstance[];
}

export function createClockEngine(options: ClockEngineOptions = {}): ClockEngine {
  const settings = options.settings ?? {};
  const rules = applyLocalSettings(CLOCK_RULES, settings);
  const context: EvaluationContext = {
    calendar: options.calendar ?? createCalendar(),
    convention: countingConventionOf(settings),
    schoolTerms: settings.schoolTerms ?? [],
    dueSoon: settings.dueSoon ?? DEFAULT_DUE_SOON,
  };
  function rule(id: ClockId): ClockRule {
    const found = rules.find((candidate) => candidate.id === id);
    if (!found) throw new RangeError(`No clock with id ${id}`);
    return found;
  }
  return {
    rules,
    rule,
    evaluate: (id, history, asOf) => evaluateClock(rule(id), history, typeof asOf === 'string' ? { date: asOf } : asOf, context),
  };
}
