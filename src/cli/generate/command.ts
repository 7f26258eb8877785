import type { Kysely } from 'kysely';
import type { Database, IsoDate } from '../../db/schema.js';
import type { ScaleName } from '../../domain/synthetic/scales.js';
import { printDemoLogins } from '../seed.js';
import { type GenerationSummary, generateAuthority } from './generate.js';
import { terminalProgress } from './progress.js';

/** `hearth generate`: fills an empty database with a synthetic authority, showing progress, and says what it made. */
export async function generateCommand(
  db: Kysely<Database>,
  options: { scale: ScaleName; seed: number; today: IsoDate },
): Promise<GenerationSummary> {
  const started = performance.now();
  console.log(`Generating a ${options.scale} synthetic local authority (seed ${options.seed}, today ${options.today})…`);
  const summary = await generateAuthority(db, { ...options, progress: terminalProgress() });
  const n = (value: number) => value.toLocaleString('en-GB');
  console.log(
    [
      `\nDone in ${((performance.now() - started) / 1000).toFixed(1)} s:`,
      `  ${n(summary.teams)} teams; ${n(summary.staff.active)} staff in post and ${n(summary.staff.left)} who have left`,
      `  ${n(summary.people.children)} children and ${n(summary.people.adults)} adults`,
      `  ${n(summary.episodes.all)} episodes (${n(summary.episodes.open)} open today), ${n(summary.allocations)} allocations`,
      `  ${n(summary.restrictedRecords)} restricted records; clocks computed for ${n(summary.childrenWithClocks)} children`,
      ...summary.seconds.map((s) => `  ${s.step.padEnd(28)} ${s.seconds.toFixed(1)} s`),
    ].join('\n'),
  );
  printDemoLogins();
  return summary;
}
