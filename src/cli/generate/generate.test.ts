import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, Visitor } from '../../../test/app.js';
import { openTestDatabase, type TestDatabase } from '../../../test/database.js';
import type { Database } from '../../db/schema.js';
import { addYears } from '../../domain/calendar/date-arithmetic.js';
import { ageAtReferral, ethnicGroupOf, ethnicityOfChildren, sexOfBornChildren } from '../../domain/synthetic/child-characteristics.js';
import { expectedOpenChildren, pathwayShares, reReferralWithin12Months } from '../../domain/synthetic/episode-pathways.js';
import { scales } from '../../domain/synthetic/scales.js';
import { sharesOf } from '../../domain/synthetic/weighted-choice.js';
import { demoPassword } from '../demo-authority.js';
import type { GeneratorPart } from './authority.js';
import { Draw } from './draw.js';
import { DatabaseNotEmptyError, generateAuthority } from './generate.js';
import { simulateHistory } from './history.js';
import { addOrganisation } from './organisation.js';

const today = '2026-11-25';

/** Every table the generator writes, as one hash of its ordered rows (password hashes left out: Argon2 salts them at random). */
async function fingerprint(db: Kysely<Database>): Promise<Record<string, string>> {
  const tables = {
    services: sql`select * from services`,
    teams: sql`select * from teams`,
    staff: sql`select id, username, display_name, email, role, team_id, active, must_change_password, created_at, updated_at from staff`,
    people: sql`select * from people`,
    allocations: sql`select * from allocations`,
    restricted_record_access: sql`select * from restricted_record_access`,
    audit_events: sql`select * from audit_events`,
    settings: sql`select * from settings where key = 'synthetic_authority'`,
    la_child_id_numbers: sql`select last_value from la_child_id_numbers`,
  };
  const result: Record<string, string> = {};
  for (const [name, query] of Object.entries(tables)) {
    const { rows } = await sql<{ hash: string; n: string }>`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as hash,
      count(*) as n from (${query}) t`.execute(db);
    result[name] = `${rows[0]?.n}:${rows[0]?.hash}`;
  }
  return result;
}

/** Is the observed share within four standard errors (plus a point for rounding) of the target? */
function withinTolerance(observed: number, target: number, n: number): boolean {
  return Math.abs(observed - target) <= 4 * Math.sqrt((target * (1 - target)) / n) + 0.01;
}

function shareCheck<T>(observed: readonly T[], targets: Map<T, number>) {
  const n = observed.length;
  return [...targets].map(([value, target]) => {
    const share = observed.filter((o) => o === value).length / n;
    return { value, share: Number(share.toFixed(3)), target: Number(target.toFixed(3)), ok: withinTolerance(share, target, n) };
  });
}

describe('hearth generate: the synthetic local authority', () => {
  let first: TestDatabase;
  let second: TestDatabase;
  beforeAll(async () => {
    [first, second] = await Promise.all([openTestDatabase(), openTestDatabase()]);
    await generateAuthority(first.db, { scale: 'small', seed: 7, today });
  });
  afterAll(async () => {
    await first.close();
    await second.close();
  });

  it('writes identical rows for the same seed and day', async () => {
    await generateAuthority(second.db, { scale: 'small', seed: 7, today });
    const [a, b] = await Promise.all([fingerprint(first.db), fingerprint(second.db)]);
    expect(b).toEqual(a);
    expect(Number(a.people?.split(':')[0])).toBeGreaterThan(40);
  });

  it('refuses a database that is not empty, and changes nothing in it', async () => {
    const before = await fingerprint(first.db);
    await expect(generateAuthority(first.db, { scale: 'small', seed: 8, today })).rejects.toThrow(DatabaseNotEmptyError);
    await expect(generateAuthority(first.db, { scale: 'small', seed: 8, today })).rejects.toThrow(/only an empty database/);
    expect(await fingerprint(first.db)).toEqual(before);
  });

  it('has the demo authority’s shape at small scale: the teams, one account per role, allocations that fit', async () => {
    const db = first.db;
    const staff = await db.selectFrom('staff').select(['role', 'active']).execute();
    const active = staff.filter((s) => s.active);
    expect(active.filter((s) => s.role === 'social_worker')).toHaveLength(scales.small.socialWorkers);
    for (const role of ['front_door', 'emergency_duty', 'reviewing_officer', 'fostering_worker', 'performance_analyst', 'administrator'])
      expect(active.filter((s) => s.role === role)).toHaveLength(1);
    const frontDoor = await db.selectFrom('teams').select('name').where('is_front_door', '=', true).execute();
    expect(frontDoor).toEqual([{ name: 'Front Door (MASH)' }]);
    const overlapping = await sql<{ n: string }>`select count(*) as n from allocations a join allocations b
      on a.person_id = b.person_id and a.kind = b.kind and a.id < b.id
      and a.started_on < coalesce(b.ended_on, 'infinity') and b.started_on < coalesce(a.ended_on, 'infinity')`.execute(db);
    expect(overlapping.rows[0]?.n).toBe('0');
    const next = await sql<{ n: string }>`select nextval('la_child_id_numbers') as n`.execute(db);
    const children = await db
      .selectFrom('people')
      .select(sql<string>`count(*)`.as('n'))
      .where('is_child', '=', true)
      .executeTakeFirstOrThrow();
    expect(Number(next.rows[0]?.n)).toBe(Number(children.n) + 1);
  });

  it('lets the demo social worker sign in and see the children allocated to them', async () => {
    const app = await startTestApp(first.db);
    try {
      const visitor = new Visitor(app);
      const signIn = await visitor.signIn('social.worker', demoPassword);
      expect(signIn.status).toBe(303);
      const home = await visitor.get('/');
      expect(home.status).toBe(200);
      const allocated = await first.db
        .selectFrom('allocations')
        .innerJoin('staff', 'staff.id', 'allocations.staff_id')
        .innerJoin('people', 'people.id', 'allocations.person_id')
        .select(['people.la_child_id'])
        .where('staff.username', '=', 'social.worker')
        .where('allocations.ended_on', 'is', null)
        .execute();
      expect(allocated.length).toBeGreaterThan(0);
      for (const child of allocated) expect(home.body).toContain(child.la_child_id);
    } finally {
      await app.close();
    }
  });

  it('follows the target shares of age at referral, sex and ethnicity', async () => {
    const rows = await sql<{ date_of_birth: string | null; sex: string; ethnicity: string; first_referred: string }>`
      select p.date_of_birth, p.sex, p.ethnicity, min(a.started_on) as first_referred
      from people p join allocations a on a.person_id = p.id where p.is_child
      group by p.id, p.date_of_birth, p.sex, p.ethnicity`.execute(first.db);
    const band = (row: { date_of_birth: string | null; first_referred: string }) => {
      if (!row.date_of_birth || row.date_of_birth > row.first_referred) return 'unborn';
      const years = [0, 1, 5, 10, 16].filter((from) => addYears(row.date_of_birth as string, from) <= row.first_referred).at(-1);
      return String(years);
    };
    const ageTargets = new Map(
      [...sharesOf(ageAtReferral)].map(([b, share]) => [b.kind === 'unborn' ? 'unborn' : String(b.fromYears), share]),
    );
    const ages = shareCheck(rows.rows.map(band), ageTargets);
    expect(ages.filter((a) => !a.ok)).toEqual([]);
    const born = rows.rows.filter((r) => r.date_of_birth && r.date_of_birth <= today);
    expect(
      shareCheck(
        born.map((r) => r.sex),
        sharesOf(sexOfBornChildren),
      ).filter((s) => !s.ok),
    ).toEqual([]);
    const groupTargets = new Map<string, number>();
    for (const [code, share] of sharesOf(ethnicityOfChildren))
      groupTargets.set(ethnicGroupOf(code), (groupTargets.get(ethnicGroupOf(code)) ?? 0) + share);
    expect(
      shareCheck(
        rows.rows.map((r) => ethnicGroupOf(r.ethnicity)),
        groupTargets,
      ).filter((g) => !g.ok),
    ).toEqual([]);
  });

  it('at medium scale, keeps the targets closely: characteristics, pathways, re-referrals, children open today', async () => {
    const scale = scales.medium;
    const historyStartsOn = addYears(today, -scale.years);
    const database = await openTestDatabase();
    const organisation = await addOrganisation(database.db, new Draw(11, 'organisation'), scale, today, historyStartsOn).finally(() =>
      database.close(),
    );
    const history = simulateHistory(
      new Draw(11, 'history'),
      scale,
      today,
      historyStartsOn,
      organisation.teams,
      organisation.posts,
      () => {},
    );
    const children = history.families.flatMap((f) => f.children);
    const firstReferral = new Map<string, string>();
    for (const episode of history.episodes)
      if (!firstReferral.has(episode.personId)) firstReferral.set(episode.personId, episode.referredOn);
    expect(
      shareCheck(
        children.map((c) => ethnicGroupOf(c.ethnicity)),
        new Map([
          ['White', 0.66],
          ['Mixed', 0.1],
          ['Asian', 0.09],
          ['Black', 0.08],
        ]),
      ).filter((g) => !g.ok),
    ).toEqual([]);
    const born = children.filter((c) => c.dateOfBirth);
    expect(
      shareCheck(
        born.map((c) => c.sex),
        sharesOf(sexOfBornChildren),
      ).filter((s) => !s.ok),
    ).toEqual([]);
    const teenagers = children.filter((c) => {
      const referred = firstReferral.get(c.id) as string;
      return c.dateOfBirth !== null && addYears(c.dateOfBirth, 10) <= referred;
    }).length;
    expect(withinTolerance(teenagers / children.length, 0.53, children.length)).toBe(true);
    const referrals = new Map<number, { pathway: string; reReferral: boolean }>();
    for (const e of history.episodes) referrals.set(e.familyReferral, { pathway: e.pathway, reReferral: e.isReReferral });
    const pathways = shareCheck(
      [...referrals.values()].map((r) => r.pathway),
      sharesOf(pathwayShares),
    );
    expect(pathways.filter((p) => !p.ok)).toEqual([]);
    const reReferred = history.episodes.filter((e) => e.isReReferral).length / history.episodes.length;
    expect(Math.abs(reReferred - reReferralWithin12Months)).toBeLessThan(0.06);
    const perYear = history.episodes.filter((e) => e.referredOn > addYears(today, -1)).length;
    expect(Math.abs(perYear / scale.referralsPerYear - 1)).toBeLessThan(0.05);
    const open = history.episodes.filter((e) => e.endedOn === null).length;
    expect(Math.abs(open / expectedOpenChildren(scale.referralsPerYear) - 1)).toBeLessThan(0.1);
  });

  it('runs each feature part inside the same transaction: a part that fails leaves nothing written', async () => {
    const database = await openTestDatabase();
    try {
      const seen: number[] = [];
      const counting: GeneratorPart = {
        name: 'Counting part',
        generate: async (db, authority) => {
          seen.push(authority.episodes.length);
          const { n } = await db.selectFrom('people').select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow();
          seen.push(Number(n));
        },
      };
      const failing: GeneratorPart = {
        name: 'Failing part',
        generate: async () => {
          throw new Error('part failed');
        },
      };
      await expect(generateAuthority(database.db, { scale: 'small', seed: 7, today, parts: [counting, failing] })).rejects.toThrow(
        'part failed',
      );
      expect(seen[0]).toBeGreaterThan(0);
      expect(seen[1]).toBeGreaterThan(0);
      const left = await database.db.selectFrom('people').select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow();
      expect(left.n).toBe('0');
      expect(await database.db.selectFrom('staff').select('id').execute()).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
