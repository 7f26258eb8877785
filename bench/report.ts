import os from 'node:os';
import type { BenchEngine } from './database.js';
import type { LoadResult } from './load.js';

export interface EngineResults {
  engine: BenchEngine;
  built: boolean;
  dataset: { people: number; children: number; openAllocations: number; allocations: number; staff: number };
  serverSide: { name: string; goalMs: number | null; medianMs: number; p95Ms: number; runs: number }[];
  load: ({ name: string; goalMs: number } & LoadResult)[];
  jobs: { name: string; rows: number; medianMs: number; peakMb: number; copyFloorMs: number | null }[];
}

const engineName: Record<BenchEngine, string> = { embedded: 'Embedded (PGlite)', postgres: 'PostgreSQL' };

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–');
const n = (value: number) => Math.round(value).toLocaleString('en-GB');

/** bench/results.md: the date, the machine, the data, then one table per kind of measurement, the engines side by side. */
export function resultsMarkdown(options: {
  scale: string;
  seed: number;
  runs: number;
  connections: number;
  seconds: number;
  results: EngineResults[];
}): string {
  const { results } = options;
  const cpus = os.cpus();
  const heading = (cells: string[]) => `| ${cells.join(' | ')} |\n|${cells.map(() => '---').join('|')}|`;
  const engines = results.map((r) => engineName[r.engine]);
  const lines: string[] = [
    '# Benchmark results',
    '',
    `Run on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npm run bench -- --scale ${options.scale} --seed ${options.seed}\`.`,
    '',
    `Machine: ${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB memory, ${os.type()} ${os.release()}, Node ${process.version}; load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')} (1/5/15 min) at the end of the run (other work on the machine slows every figure).`,
    '',
    '## Data',
    '',
    heading(['', ...engines]),
    `| scale, seed | ${results.map(() => `${options.scale}, ${options.seed}`).join(' | ')} |`,
    `| database | ${results.map((r) => (r.built ? 'built for this run' : 'reused')).join(' | ')} |`,
    `| people (children) | ${results.map((r) => `${n(r.dataset.people)} (${n(r.dataset.children)})`).join(' | ')} |`,
    `| allocations (current) | ${results.map((r) => `${n(r.dataset.allocations)} (${n(r.dataset.openAllocations)})`).join(' | ')} |`,
    `| staff accounts | ${results.map((r) => n(r.dataset.staff)).join(' | ')} |`,
    '',
    `## Server-side time (ms; median and p95 of ${options.runs} requests after a warm-up)`,
    '',
    'Each request goes through the whole application in process (`app.inject` with a signed-in session: routing, session, access check, queries, audit event, template), without the network.',
    '',
    heading(['page', 'goal', ...engines.flatMap((e) => [`${e} median`, `${e} p95`])]),
    ...(results[0]?.serverSide ?? []).map(
      (s, i) =>
        `| ${s.name} | ${s.goalMs === null ? '–' : `≤ ${s.goalMs}`} | ${results
          .map((r) => {
            const median = r.serverSide[i]?.medianMs ?? Number.NaN;
            const mark = s.goalMs === null ? '' : median <= s.goalMs ? ' ✓' : ' ✗';
            return `${ms(median)}${mark} | ${ms(r.serverSide[i]?.p95Ms ?? Number.NaN)}`;
          })
          .join(' | ')} |`,
    ),
    '',
    `## Under load (${options.connections} people at once for ${options.seconds} s a page, real server on 127.0.0.1)`,
    '',
    'Each person sends the next request as soon as the last is answered (a closed loop, no thinking time), so latency is about 50 ÷ throughput: p95 ≤ 50 ms needs about 1,000 pages a second. Latency counts answered requests; the 50 still in flight when the run ends are not counted. Errors are non-200 answers, timeouts (30 s) and socket errors.',
    '',
    heading(['page', 'goal p95', ...engines.flatMap((e) => [`${e} req/s`, 'p50', 'p95', 'p99', 'errors'])]),
    ...(results[0]?.load ?? []).map(
      (l, i) =>
        `| ${l.name} | ≤ ${l.goalMs} | ${results
          .map((r) => {
            const x = r.load[i];
            return x
              ? x.answered === 0
                ? `0 | none answered within the run ✗ | – | – | ${x.errors}`
                : `${n(x.requestsPerSecond)} | ${ms(x.p50)} | ${ms(x.p95)}${x.p95 <= l.goalMs ? ' ✓' : ' ✗'} | ${ms(x.p99)} | ${x.errors}`
              : '– | – | – | – | –';
          })
          .join(' | ')} |`,
    ),
    '',
    '## Jobs (median of 3 runs; peak resident memory of the benchmark process; the COPY floor is PostgreSQL writing the same rows to /dev/null)',
    '',
    heading(['job', ...engines.flatMap((e) => [`${e} rows`, 'ms', 'peak MB', 'COPY floor ms'])]),
    ...(results[0]?.jobs ?? []).map(
      (j, i) =>
        `| ${j.name} | ${results
          .map((r) => {
            const x = r.jobs[i];
            return x
              ? `${n(x.rows)} | ${ms(x.medianMs)} | ${n(x.peakMb)} | ${x.copyFloorMs === null ? '–' : ms(x.copyFloorMs)}`
              : '– | – | – | –';
          })
          .join(' | ')} |`,
    ),
    '',
  ];
  return lines.join('\n');
}
