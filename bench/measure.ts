import { type Kysely, sql } from 'kysely';
import type { Database } from '../src/db/schema.js';

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** The value below which `p` per cent of the measurements fall (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

/** How long `work` takes (ms) and the highest resident memory (MB) of this process while it runs, sampled every 10 ms. */
export async function timeAndPeakMemory<T>(work: () => Promise<T>): Promise<{ ms: number; peakMb: number; result: T }> {
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 10);
  const started = performance.now();
  try {
    const result = await work();
    const ms = performance.now() - started;
    peak = Math.max(peak, process.memoryUsage.rss());
    return { ms, peakMb: peak / 1024 / 1024, result };
  } finally {
    clearInterval(sampler);
  }
}

/**
 * The floor for an export: the time the database itself takes to COPY the same rows out, with no
 * application in between (written to the server's /dev/null, so no network or client either).
 */
export async function copyFloorMs(db: Kysely<Database>, query: string): Promise<number> {
  const started = performance.now();
  await sql.raw(`copy (${query}) to '/dev/null'`).execute(db);
  return performance.now() - started;
}
