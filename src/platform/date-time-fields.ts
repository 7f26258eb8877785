import { isIsoDate } from '../domain/calendar/iso-date.js';

/** What was typed into a GOV.UK date input (`<name>-day`, `-month`, `-year`), kept to show again. */
export interface DateFields {
  day: string;
  month: string;
  year: string;
}

export function dateFieldsFrom(body: Record<string, unknown>, name: string): DateFields {
  const read = (part: string) => String(body[`${name}-${part}`] ?? '').trim();
  return { day: read('day'), month: read('month'), year: read('year') };
}

export function dateFieldsOf(date: string): DateFields {
  return { year: date.slice(0, 4), month: String(Number(date.slice(5, 7))), day: String(Number(date.slice(8, 10))) };
}

/** A real date as `YYYY-MM-DD`, or the GOV.UK error message naming what is wrong (`label` as in "Date received"). */
export function readDate(fields: DateFields, label: string): { date: string } | { error: string } {
  if (!fields.day && !fields.month && !fields.year) return { error: `Enter the ${label.toLowerCase()}` };
  const missing = (['day', 'month', 'year'] as const).filter((part) => !fields[part]);
  if (missing.length) return { error: `${label} must include a ${missing.join(' and ')}` };
  if (!/^\d{1,2}$/.test(fields.day) || !/^\d{1,2}$/.test(fields.month) || !/^\d{4}$/.test(fields.year)) {
    return { error: `${label} must be a real date` };
  }
  const date = `${fields.year}-${fields.month.padStart(2, '0')}-${fields.day.padStart(2, '0')}`;
  return isIsoDate(date) ? { date } : { error: `${label} must be a real date` };
}

/** A time of day typed as 14:30, 14.30 or 1430, as `HH:MM`, or an error message. */
export function readTime(value: string, label: string): { time: string } | { error: string } {
  const trimmed = value.trim();
  if (!trimmed) return { error: `Enter the ${label.toLowerCase()}` };
  const match = /^(\d{1,2})[:.]?(\d{2})$/.exec(trimmed);
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) return { error: `${label} must be a real time, like 09:30 or 21:05` };
  return { time: `${match[1]?.padStart(2, '0')}:${match[2]}` };
}

/** The items of a govukDateInput, showing what was typed and marking it when in error. */
export function dateInputItems(fields: DateFields, hasError: boolean) {
  const classes = (width: number) => `govuk-input--width-${width}${hasError ? ' govuk-input--error' : ''}`;
  return [
    { name: 'day', classes: classes(2), value: fields.day },
    { name: 'month', classes: classes(2), value: fields.month },
    { name: 'year', classes: classes(4), value: fields.year },
  ];
}
