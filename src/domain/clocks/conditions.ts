import { ageOn } from '../calendar/index.js';
import { isOfKind, type PlacedEvent } from './event-order.js';
import type { CaseHistory } from './events.js';
import type { Condition } from './rule.js';

/** Whether a variant's condition holds when an occurrence starts. Unknown age never matches. */
export function conditionHolds(condition: Condition, at: PlacedEvent, history: CaseHistory, events: readonly PlacedEvent[]): boolean {
  if ('ageUnder' in condition || 'ageAtLeast' in condition) {
    if (history.dateOfBirth === undefined) return false;
    const age = ageOn(history.dateOfBirth, at.event.date);
    return 'ageUnder' in condition ? age < condition.ageUnder : age >= condition.ageAtLeast;
  }
  if ('fact' in condition) return (history.facts ?? []).includes(condition.fact);
  const before = events.filter((placed) => placed.position <= at.position);
  const since = condition.since;
  const from = since === undefined ? -1 : (before.findLast((placed) => isOfKind(placed, since))?.position ?? -1);
  return before.some((placed) => placed.position > from && isOfKind(placed, condition.after));
}
