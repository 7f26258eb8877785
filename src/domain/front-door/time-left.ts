import { compareDates, type IsoDate } from '../calendar/iso-date.js';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar.js';

export type TimeLeft =
  | { status: 'due_later'; workingDays: number }
  | { status: 'due_today' }
  | { status: 'overdue'; workingDays: number; dueOn: IsoDate };

/**
 * How long is left until something is due, in working days, as a worklist shows it. Overdue counts
 * the working days since the due date, so on the Saturday after a Friday deadline it is overdue by
 * 0 working days (shown with the due date).
 */
export function timeLeft(calendar: WorkingDayCalendar, today: IsoDate, dueOn: IsoDate): TimeLeft {
  const order = compareDates(today, dueOn);
  if (order === 0) return { status: 'due_today' };
  if (order > 0) return { status: 'overdue', workingDays: calendar.workingDaysBetween(dueOn, today), dueOn };
  return { status: 'due_later', workingDays: calendar.workingDaysBetween(today, dueOn) };
}

const workingDays = (n: number) => `${n} working ${n === 1 ? 'day' : 'days'}`;

/** "Due today", "1 working day left", "Overdue by 2 working days" (or "Overdue since" a date). */
export function describeTimeLeft(left: TimeLeft, formatDate: (date: IsoDate) => string): string {
  switch (left.status) {
    case 'due_today':
      return 'Due today';
    case 'due_later':
      return `${workingDays(left.workingDays)} left`;
    case 'overdue':
      return left.workingDays === 0 ? `Overdue since ${formatDate(left.dueOn)}` : `Overdue by ${workingDays(left.workingDays)}`;
  }
}
