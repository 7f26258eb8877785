import type { IsoDate } from '../../db/schema.js';
import type { WorkingDayCalendar } from '../../domain/calendar/index.js';
import { formatDate } from '../../platform/view-filters.js';

const workingDays = (n: number) => `${n} working ${n === 1 ? 'day' : 'days'}`;

/** How urgent an open item is, in words: "Overdue by 3 working days", "Due in 2 working days", "Due today by 14:00". */
export function describeUrgency(
  calendar: WorkingDayCalendar,
  item: { status: 'overdue' | 'due_soon' | 'not_due'; due_on: IsoDate | null; due_at: string | null },
  today: IsoDate,
): string {
  if (item.due_on === null) return 'No national timescale';
  if (item.status === 'overdue') {
    const behind = calendar.workingDaysBetween(item.due_on, today);
    if (behind > 0) return `Overdue by ${workingDays(behind)}`;
    return item.due_on === today && item.due_at ? `Overdue since ${item.due_at} today` : `Overdue since ${formatDate(item.due_on)}`;
  }
  const ahead = calendar.workingDaysBetween(today, item.due_on);
  if (item.due_on === today) return item.due_at ? `Due today by ${item.due_at}` : 'Due today';
  return ahead > 0 ? `Due in ${workingDays(ahead)}` : `Due on ${formatDate(item.due_on)}`;
}
