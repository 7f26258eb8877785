import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { isIsoDate } from '../domain/calendar/index.js';
import { type ClockInstanceAsOf, clockInstancesAsOf } from '../features/clocks/service.js';

const columns: { key: keyof ClockInstanceAsOf; heading: string }[] = [
  { key: 'la_child_id', heading: 'LA child ID' },
  { key: 'clock_id', heading: 'Clock' },
  { key: 'started_on', heading: 'Started on' },
  { key: 'due_on', heading: 'Due on' },
  { key: 'completed_on', heading: 'Completed on' },
  { key: 'status', heading: 'Status' },
];

/** The instances as an aligned plain-text table, one line per instance under a heading line. */
export function clocksTable(rows: readonly ClockInstanceAsOf[]): string {
  const cells = [columns.map((c) => c.heading), ...rows.map((row) => columns.map((c) => row[c.key] ?? '-'))];
  const widths = columns.map((_, i) => Math.max(...cells.map((line) => (line[i] ?? '').length)));
  return cells
    .map((line) =>
      line
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** `hearth clocks --as-of YYYY-MM-DD [--json]`: every clock instance as at that date. */
export async function printClocks(db: Kysely<Database>, asOf: string, json: boolean, write: (text: string) => void): Promise<void> {
  if (!isIsoDate(asOf)) throw new Error(`--as-of must be a date written YYYY-MM-DD, not "${asOf}"`);
  const rows = await clockInstancesAsOf(db, asOf);
  write(json ? JSON.stringify(rows, null, 2) : rows.length ? clocksTable(rows) : `No clock instances as at ${asOf}.`);
}
