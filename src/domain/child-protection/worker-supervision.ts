import type { IsoDate } from '../calendar/index.js';
import { dueSoonFrom } from '../clocks/stored-status.js';
import { addTimescale, type CountingRules, type Timescale } from '../clocks/timescale.js';

export interface WorkerSupervisionDue {
  dueOn: IsoDate | null;
  status: 'overdue' | 'due_soon' | 'not_due';
}

/**
 * A worker's own supervision clock: the next supervision is due one interval (the authority's case
 * supervision standard) after the last one the worker had, or after `since` (when they first held
 * a case) if they have had none.
 */
export function workerSupervisionDue(input: {
  lastSupervisedOn: IsoDate | null;
  since: IsoDate;
  interval: Timescale;
  dueSoon: Timescale;
  rules: CountingRules;
  today: IsoDate;
}): WorkerSupervisionDue {
  const from = input.lastSupervisedOn ?? input.since;
  const due = addTimescale({ date: from }, input.interval, input.rules);
  if (!due) return { dueOn: null, status: 'not_due' };
  if (input.today > due.date) return { dueOn: due.date, status: 'overdue' };
  const soon = dueSoonFrom(due.date, input.dueSoon, input.rules);
  return { dueOn: due.date, status: input.today >= soon ? 'due_soon' : 'not_due' };
}
