import { PassThrough } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Database, IsoDate } from '../src/db/schema.js';
import { annexALists, writeAnnexAWorkbook } from '../src/features/annex-a/service.js';
import { cinCensusXml, cinReturnPeriod, collectionYearOf, liveCinCensus } from '../src/features/cin-census-return/service.js';
import { recomputeAllClocks } from '../src/features/clocks/service.js';
import { exportReturn } from '../src/features/ssda903-return/service.js';
import { TRAY_PATHS } from '../src/features/worktrays/service.js';
import { readConfig } from '../src/platform/config.js';
import { childrenOfWorkers, signInsFor } from './sample-users.js';

/** One page request by one person: the benchmark signs each person in once and reuses the session. */
export interface PageRequest {
  username: string;
  url: string;
}

/**
 * A page to time: in process (server-side time) and under load (a real server, 50 people at once).
 * `requests` chooses, from the benchmark database, who asks for what; the runs go round the list.
 */
export interface PageScenario {
  name: string;
  /** A goal for the server-side time, in ms, where issue 8 sets one (search ≤ 20). Under load every page's goal is p95 ≤ 50 ms. */
  serverSideGoalMs?: number;
  requests(db: Kysely<Database>): Promise<PageRequest[]>;
}

/**
 * A job to time once the data is there (computing clocks, an export with its validation): time
 * and peak memory, and where `copyFloorQuery` is given (the rows the job produces, as SQL), the
 * time PostgreSQL itself takes to COPY those rows out.
 */
export interface JobScenario {
  name: string;
  run(db: Kysely<Database>, today: IsoDate): Promise<{ rows: number }>;
  copyFloorQuery?: string;
}

/** Pages, in the order they are reported. Features add theirs (worktrays, …) here; see docs/benchmarks.md. */
/** The goal for every page under load (issue 8): p95 ≤ 50 ms with 50 people at once. */
export const loadGoalP95Ms = 50;

export const pageScenarios: PageScenario[] = [
  {
    name: 'Child search (name)',
    serverSideGoalMs: 20,
    requests: async (db) =>
      (await childrenOfWorkers(db, 50)).map((c) => ({
        username: c.username,
        url: `/children?q=${encodeURIComponent(`${c.given_name} ${c.family_name}`)}`,
      })),
  },
  {
    name: 'Child record',
    requests: async (db) => (await childrenOfWorkers(db, 50)).map((c) => ({ username: c.username, url: `/children/${c.id}` })),
  },
  {
    name: 'Home: social worker',
    requests: async (db) => (await signInsFor(db, 'social_worker', 50)).map((username) => ({ username, url: '/' })),
  },
  {
    name: 'Home: team manager',
    requests: async (db) => (await signInsFor(db, 'team_manager', 50)).map((username) => ({ username, url: '/' })),
  },
  {
    name: 'Home: service manager',
    requests: async (db) => (await signInsFor(db, 'service_manager', 50)).map((username) => ({ username, url: '/' })),
  },
  {
    name: 'Worktray: my work',
    requests: async (db) => (await signInsFor(db, 'social_worker', 50)).map((username) => ({ username, url: TRAY_PATHS.mine })),
  },
  {
    name: 'Worktray: my team',
    requests: async (db) => (await signInsFor(db, 'team_manager', 50)).map((username) => ({ username, url: TRAY_PATHS.team })),
  },
  {
    name: 'Worktray: my service',
    requests: async (db) => (await signInsFor(db, 'service_manager', 50)).map((username) => ({ username, url: TRAY_PATHS.service })),
  },
];

/** Jobs, in the order they are reported. Features add theirs (each export with its validation, …) here. */
export const jobScenarios: JobScenario[] = [
  {
    name: 'All clocks from scratch',
    run: async (db, today) => ({ rows: await recomputeAllClocks(db, () => {}, today) }),
    copyFloorQuery: 'select * from clock_instances',
  },
];

jobScenarios.push(
  {
    name: 'CIN census: build and validate the current year',
    run: async (db, today) => {
      const live = await liveCinCensus(db, readConfig(), cinReturnPeriod(collectionYearOf(today), { yearToDate: true, today }));
      cinCensusXml(live);
      return { rows: live.message.children.length };
    },
    copyFloorQuery: 'select * from referrals',
  },
  {
    name: 'SSDA903: build and validate the latest complete year',
    run: async (db, today) => {
      const { files } = await exportReturn(db, collectionYearOf(today) - 1);
      return { rows: files.reduce((n, f) => n + f.lines, 0) };
    },
    copyFloorQuery: 'select * from care_episodes',
  },
  {
    name: 'Ofsted Annex A: lists and workbook',
    run: async (db, today) => {
      const lists = await annexALists(db, today);
      await writeAnnexAWorkbook(new PassThrough().resume(), lists, { authority: 'Benchmark', asOf: today });
      return { rows: lists.reduce((n, l) => n + l.rows.length, 0) };
    },
  },
);
