export { CLOCK_IDS, type ClockId, isClockId } from './clock-ids.js';
export { type ClockEngine, type ClockEngineOptions, createClockEngine } from './engine.js';
export { type ClockInstance, type EvaluationContext, evaluateClock } from './evaluate.js';
export { type CaseHistory, CHILD_FACTS, type ChildFact, type ClockEvent, EVENT_KINDS, type EventKind } from './events.js';
export {
  applyLocalSettings,
  checkLocalSettings,
  DEFAULT_DUE_SOON,
  type LocalClockSetting,
  type LocalSettings,
  LocalSettingsRejected,
  type SettingProblem,
} from './local-settings.js';
export {
  DEFAULT_OVERSIGHT,
  ESCALATION_LEVELS,
  type EscalationLevel,
  escalationLevel,
  isDrifting,
  latestDateWorkingDaysBefore,
  type OversightCutoffs,
  type OversightSettings,
  oversightCutoffs,
} from './oversight.js';
export type { Basis, ClockRule, ClockStart, Condition, Confidence, Variant } from './rule.js';
export { CLOCK_RULES, SHORT_BREAK_LIMITS } from './rules.js';
export { CLOCK_STATUSES, type ClockStatus } from './status.js';
export { dueSoonFrom, type StoredInstance, statusAsAt } from './stored-status.js';
export { isNoLongerThan } from './strictness.js';
export {
  addTimescale,
  type CountingRules,
  describeTimescale,
  type SchoolTerm,
  TIME_UNITS,
  type Timescale,
  type TimeUnit,
} from './timescale.js';
