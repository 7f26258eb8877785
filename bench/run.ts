import { writeFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { type Kysely, sql } from 'kysely';
import { buildApp } from '../src/app.js';
import { demoPassword } from '../src/cli/demo-authority.js';
import type { Database } from '../src/db/schema.js';
import { type ScaleName, scaleNames } from '../src/domain/synthetic/scales.js';
import { readConfig } from '../src/platform/config.js';
import { todayInEngland } from '../src/platform/today.js';
import { type BenchDatabase, type BenchEngine, benchDatabase } from './database.js';
import { loadTest, signInOverHttp, startServer } from './load.js';
import { copyFloorMs, median, percentile, timeAndPeakMemory } from './measure.js';
import type { EngineResults } from './report.js';
import { resultsMarkdown } from './report.js';
import { jobScenarios, loadGoalP95Ms, type PageRequest, pageScenarios } from './scenarios.js';

interface Options {
  scale: ScaleName;
  seed: number;
  runs: number;
  seconds: number;
  connections: number;
  port: number;
  output: string;
  engine?: BenchEngine;
}

const program = new Command('bench')
  .description('Build (or reuse) a benchmark database and time Hearth on it: pages in process and under load, and jobs')
  .addOption(new Option('--scale <scale>', 'size of the synthetic authority').choices(scaleNames).default('medium'))
  .option('--seed <n>', 'random seed of the synthetic authority', (v) => Number.parseInt(v, 10), 2017)
  .option('--runs <n>', 'requests a page for the server-side time', (v) => Number.parseInt(v, 10), 50)
  .option('--seconds <n>', 'seconds of load a page', (v) => Number.parseInt(v, 10), 20)
  .option('--connections <n>', 'people at once under load', (v) => Number.parseInt(v, 10), 50)
  .option('--port <n>', 'port of the server under load, on 127.0.0.1', (v) => Number.parseInt(v, 10), 3208)
  .option('--output <file>', 'where the results table goes', 'bench/results.md')
  .addOption(
    new Option('--engine <engine>', 'only this engine (default: embedded, and PostgreSQL too when BENCH_DATABASE_URL is set)').choices([
      'embedded',
      'postgres',
    ]),
  );

async function datasetFacts(db: Kysely<Database>): Promise<EngineResults['dataset']> {
  const { rows } = await sql<{ people: string; children: string; allocations: string; open: string; staff: string }>`
    select (select count(*) from people) as people, (select count(*) from people where is_child) as children,
      (select count(*) from allocations) as allocations, (select count(*) from allocations where ended_on is null) as open,
      (select count(*) from staff) as staff`.execute(db);
  const r = rows[0];
  return {
    people: Number(r?.people),
    children: Number(r?.children),
    allocations: Number(r?.allocations),
    openAllocations: Number(r?.open),
    staff: Number(r?.staff),
  };
}

async function benchEngine(engine: BenchEngine, options: Options): Promise<EngineResults> {
  const say = (text: string) => console.log(`[${engine}] ${text}`);
  say('preparing the benchmark database…');
  const database: BenchDatabase = await benchDatabase(engine, options.scale, options.seed, process.env.BENCH_DATABASE_URL);
  say(database.built ? 'built it.' : 'reusing it.');

  const handle = await database.open();
  const requests = new Map<string, PageRequest[]>();
  let dataset: EngineResults['dataset'];
  const serverSide: EngineResults['serverSide'] = [];
  const jobs: EngineResults['jobs'] = [];
  try {
    dataset = await datasetFacts(handle.db);
    for (const scenario of pageScenarios) requests.set(scenario.name, await scenario.requests(handle.db));

    const config = readConfig({ ...process.env, ...database.env, LOG_LEVEL: 'silent', HEARTH_SIGN_IN_RATE_PER_MINUTE: '100000' });
    const app = await buildApp(config, handle.db, { quiet: true });
    try {
      const cookies = new Map<string, string>();
      const cookieFor = async (username: string) => {
        const known = cookies.get(username);
        if (known) return known;
        const page = await app.inject({ method: 'GET', url: '/sign-in' });
        const jar = new Map(page.cookies.map((c) => [c.name, c.value]));
        const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
        const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
        const signedIn = await app.inject({
          method: 'POST',
          url: '/sign-in',
          headers: { cookie: header(), 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams({ _csrf: csrf, username, password: demoPassword }).toString(),
        });
        if (signedIn.statusCode !== 303) throw new Error(`Could not sign in as ${username}`);
        for (const c of signedIn.cookies) jar.set(c.name, c.value);
        cookies.set(username, header());
        return header();
      };
      for (const scenario of pageScenarios) {
        const list = requests.get(scenario.name) ?? [];
        if (list.length === 0) throw new Error(`${scenario.name}: the benchmark database has nobody to ask for it`);
        const times: number[] = [];
        for (let i = 0; i < options.runs + 5; i++) {
          const page = list[i % list.length] as PageRequest;
          const cookie = await cookieFor(page.username);
          const started = performance.now();
          const response = await app.inject({ method: 'GET', url: page.url, headers: { cookie } });
          const elapsed = performance.now() - started;
          if (response.statusCode !== 200) throw new Error(`${scenario.name}: ${page.url} answered ${response.statusCode}`);
          if (i >= 5) times.push(elapsed);
        }
        serverSide.push({
          name: scenario.name,
          goalMs: scenario.serverSideGoalMs ?? null,
          medianMs: median(times),
          p95Ms: percentile(times, 95),
          runs: times.length,
        });
        say(`${scenario.name}: median ${median(times).toFixed(1)} ms server-side`);
      }
    } finally {
      await app.close();
    }

    const today = todayInEngland();
    for (const job of jobScenarios) {
      const runs: { ms: number; peakMb: number; rows: number }[] = [];
      for (let i = 0; i < 3; i++) {
        const measured = await timeAndPeakMemory(() => job.run(handle.db, today));
        runs.push({ ms: measured.ms, peakMb: measured.peakMb, rows: measured.result.rows });
      }
      const floors: number[] = [];
      if (job.copyFloorQuery) for (let i = 0; i < 3; i++) floors.push(await copyFloorMs(handle.db, job.copyFloorQuery));
      jobs.push({
        name: job.name,
        rows: runs[0]?.rows ?? 0,
        medianMs: median(runs.map((r) => r.ms)),
        peakMb: Math.max(...runs.map((r) => r.peakMb)),
        copyFloorMs: floors.length ? median(floors) : null,
      });
      say(`${job.name}: median ${median(runs.map((r) => r.ms)).toFixed(0)} ms`);
    }
  } finally {
    await handle.close();
  }

  say(`starting a server on 127.0.0.1:${options.port} for the load test…`);
  const server = await startServer(database.env, options.port);
  const load: EngineResults['load'] = [];
  try {
    const cookies = new Map<string, string>();
    for (const list of requests.values())
      for (const { username } of list) if (!cookies.has(username)) cookies.set(username, await signInOverHttp(server.baseUrl, username));
    for (const scenario of pageScenarios) {
      const result = await loadTest(server.baseUrl, requests.get(scenario.name) ?? [], cookies, options.connections, options.seconds);
      load.push({ name: scenario.name, goalMs: loadGoalP95Ms, ...result });
      await server.drain();
      say(
        `${scenario.name}: ${result.requestsPerSecond.toFixed(0)} req/s, p95 ${result.p95.toFixed(1)} ms, ${result.errors} errors, ${result.answered} answered`,
      );
    }
  } finally {
    await server.stop();
  }
  return { engine, built: database.built, dataset, serverSide, load, jobs };
}

async function main(): Promise<void> {
  program.parse(process.argv);
  const options = program.opts<Options>();
  const engines: BenchEngine[] = options.engine
    ? [options.engine]
    : process.env.BENCH_DATABASE_URL
      ? ['embedded', 'postgres']
      : ['embedded'];
  if (engines.includes('postgres') && !process.env.BENCH_DATABASE_URL) throw new Error('--engine postgres needs BENCH_DATABASE_URL');
  const results: EngineResults[] = [];
  for (const engine of engines) results.push(await benchEngine(engine, options));
  const markdown = resultsMarkdown({ ...options, results });
  await writeFile(options.output, markdown);
  console.log(`\n${markdown}\nWritten to ${options.output}.`);
}

try {
  await main();
} catch (error) {
  console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
}
