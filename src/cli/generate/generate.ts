import { type Kysely, sql } from 'kysely';
import type { Database, IsoDate } from '../../db/schema.js';
import { addYears } from '../../domain/calendar/date-arithmetic.js';
import { assertIsoDate, calendarDaysBetween } from '../../domain/calendar/iso-date.js';
import { type ScaleName, scales } from '../../domain/synthetic/scales.js';
import { recomputeAllClocks } from '../../features/clocks/service.js';
import type { GeneratorPart, SyntheticAuthority } from './authority.js';
import { Draw } from './draw.js';
import { simulateHistory } from './history.js';
import { addOrganisation } from './organisation.js';
import { generatorParts } from './parts.js';
import { restrictSomeRecords, writeAllocations, writePeople } from './people.js';
import { type Progress, silentProgress } from './progress.js';

export interface GenerateOptions {
  scale: ScaleName;
  seed: number;
  /** The day the history runs up to: a parameter, never the clock, so a seed always gives the same rows. */
  today: IsoDate;
  progress?: Progress;
  /** The feature parts to run; every registered part unless a test says otherwise. */
  parts?: readonly GeneratorPart[];
}

export interface GenerationSummary {
  scale: ScaleName;
  seed: number;
  today: IsoDate;
  teams: number;
  staff: { active: number; left: number };
  people: { children: number; adults: number };
  episodes: { all: number; open: number };
  allocations: number;
  restrictedRecords: number;
  childrenWithClocks: number;
  /** Seconds each step took, in order. */
  seconds: { step: string; seconds: number }[];
}

export class DatabaseNotEmptyError extends Error {
  constructor(counts: Record<string, number>) {
    const found = Object.entries(counts)
      .filter(([, n]) => n > 0)
      .map(([what, n]) => `${n.toLocaleString('en-GB')} ${what}`)
      .join(', ');
    super(
      `The database is not empty (it holds ${found}): hearth generate fills only an empty database. ` +
        'Point HEARTH_DATA_DIR at a new folder, or DATABASE_URL at a new PostgreSQL database, and run it again.',
    );
  }
}

/** Settings key recording which synthetic authority the database holds (scale, seed, today). */
export const syntheticAuthorityKey = 'synthetic_authority';

async function refuseUnlessEmpty(db: Kysely<Database>): Promise<void> {
  const count = async (table: 'staff' | 'people' | 'teams' | 'services') =>
    Number((await db.selectFrom(table).select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  const counts = {
    'staff accounts': await count('staff'),
    people: await count('people'),
    teams: await count('teams'),
    services: await count('services'),
  };
  if (Object.values(counts).some((n) => n > 0)) throw new DatabaseNotEmptyError(counts);
}

/**
 * Fills an empty database with a synthetic local authority of the given scale, deterministic for
 * (scale, seed, today): services and teams, staff who join and leave over the years, families,
 * their children's episodes and allocations, then every feature's part, all in one transaction
 * with multi-row inserts; then every child's clocks are computed, a batch of children at a time.
 *
 * Audit: the generator writes the audit events the staff-account service writes when accounts
 * are made and closed from the command line (staff.create, staff.deactivate, by no one). It
 * writes none for children's records: nobody opened them in Hearth, and the audit trail records
 * only what people did.
 */
export async function generateAuthority(db: Kysely<Database>, options: GenerateOptions): Promise<GenerationSummary> {
  assertIsoDate(options.today);
  const scale = scales[options.scale];
  const progress = options.progress ?? silentProgress;
  const parts = options.parts ?? generatorParts;
  const historyStartsOn = addYears(options.today, -scale.years);
  const seconds: GenerationSummary['seconds'] = [];
  const timed = async <T>(step: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    seconds.push({ step, seconds: (performance.now() - started) / 1000 });
    return result;
  };
  const draw = (stream: string) => new Draw(options.seed, stream);

  await refuseUnlessEmpty(db);
  const built = await db.transaction().execute(async (trx) => {
    const organisation = await timed('Teams and staff', () =>
      addOrganisation(trx, draw('organisation'), scale, options.today, historyStartsOn),
    );
    const history = await timed('History', async () => {
      const days = calendarDaysBetween(historyStartsOn, options.today) + 1;
      const step = progress.step('History', days, 'days');
      let done = 0;
      const result = simulateHistory(
        draw('history'),
        scale,
        options.today,
        historyStartsOn,
        organisation.teams,
        organisation.posts,
        (d) => {
          step.advance(d - done);
          done = d;
        },
      );
      step.finish();
      return result;
    });
    const people = await timed('People', () => writePeople(trx, draw('people'), history, progress));
    const allocations = await timed('Allocations', () =>
      writeAllocations(trx, draw('allocations'), history.episodes, organisation.teams, progress),
    );
    const restricted = await timed('Restricted records', () =>
      restrictSomeRecords(trx, draw('restricted'), people.children, history.episodes, organisation.teams, organisation.staff),
    );
    const authority: SyntheticAuthority = {
      scale,
      seed: options.seed,
      today: options.today,
      historyStartsOn,
      services: organisation.services,
      teams: organisation.teams,
      staff: organisation.staff,
      families: people.families,
      children: people.children,
      episodes: history.episodes,
      draw,
      progress,
    };
    for (const part of parts) await timed(part.name, () => part.generate(trx, authority, scale));
    await trx
      .insertInto('settings')
      .values({ key: syntheticAuthorityKey, value: JSON.stringify({ scale: scale.name, seed: options.seed, today: options.today }) })
      .execute();
    return { organisation, people, history, allocations, restricted };
  });

  const childrenWithClocks = await timed('Clocks', async () => {
    let step: ReturnType<Progress['step']> | undefined;
    let done = 0;
    const count = await recomputeAllClocks(
      db,
      (batchDone, total) => {
        step ??= progress.step('Clocks', total, 'children');
        step.advance(batchDone - done);
        done = batchDone;
      },
      options.today,
    );
    step?.finish();
    return count;
  });
  await timed('Statistics (ANALYZE)', () => sql`analyze`.execute(db));

  const { organisation, people, history } = built;
  return {
    scale: scale.name,
    seed: options.seed,
    today: options.today,
    teams: organisation.teams.length,
    staff: {
      active: organisation.staff.filter((s) => s.leftOn === null).length,
      left: organisation.staff.filter((s) => s.leftOn !== null).length,
    },
    people: { children: people.children.length, adults: people.families.reduce((n, f) => n + f.adultIds.length, 0) },
    episodes: { all: history.episodes.length, open: history.episodes.filter((e) => e.endedOn === null).length },
    allocations: built.allocations,
    restrictedRecords: built.restricted,
    childrenWithClocks,
    seconds,
  };
}
