import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { isIsoDate } from '../domain/calendar/index.js';
import { latestClockRecalculation, requestClockRecalculation, runClockRecalculations } from '../features/clock-settings/service.js';
import { type ClockInstanceAsOf, clockInstancesAsOf } from '../features/clocks/service.js';
import type { Progress, StepProgress } from './generate/progress.js';

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

/**
 * `hearth clocks recompute`: recalculates every child's clocks with the clock settings as they
 * are, in the foreground, with a progress bar: the work a settings save queues for the server,
 * carried on where it stopped if one is unfinished. False when it could not finish (it failed, or
 * another Hearth process is working on it).
 */
export async function recomputeClocksCommand(
  db: Kysely<Database>,
  options: { onlyProcess: boolean; progress: Progress },
  write: (text: string) => void,
): Promise<boolean> {
  const unfinished = await latestClockRecalculation(db);
  if (unfinished?.status !== 'queued' && unfinished?.status !== 'running') await requestClockRecalculation(db, null);
  let bar: { id: string; step: StepProgress; done: number } | undefined;
  const latest = await runClockRecalculations(db, {
    onlyProcess: options.onlyProcess,
    onProgress: ({ id, done, total }) => {
      if (bar?.id !== id) {
        bar?.step.finish();
        bar = { id, step: options.progress.step('Recalculating clocks', total, 'children'), done: 0 };
      }
      bar.step.advance(done - bar.done);
      bar.done = done;
    },
  });
  bar?.step.finish();
  const children = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'child' : 'children'}`;
  if (latest?.status === 'finished') {
    write(`Recalculated the clocks of ${children(latest.total)} with the current settings.`);
    return true;
  }
  if (latest?.status === 'failed') {
    write(`The recalculation stopped after ${latest.done.toLocaleString('en-GB')} of ${children(latest.total)}: ${latest.failure}`);
    return false;
  }
  write(
    `Another Hearth process is recalculating every child's clocks (${latest?.done.toLocaleString('en-GB')} of ${children(latest?.total ?? 0)} done). Let it finish, or stop it and run this again.`,
  );
  return false;
}
