import { base, en, en_GB, Faker } from '@faker-js/faker';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Role } from '../platform/roles.js';
import { addAssessmentAndProtectionDemo } from './demo/assessment-and-protection.js';
import { addChildRecordDemo } from './demo/child-record.js';
import { addClockDemo } from './demo/clocks.js';
import { addFrontDoorDemo } from './demo/front-door.js';
import { addLookedAfterDemo } from './demo/looked-after.js';
import { addOutOfHoursDemo } from './demo/out-of-hours.js';
import { generateAuthority } from './generate/generate.js';

/** The password of every demo account; printed when Hearth starts on demo data. */
export const demoPassword = 'hearth-demo-2026';

/**
 * One account per role for trying Hearth; usernames say what each one is. The generator's
 * organisation makes them (src/cli/generate/organisation.ts) with these names.
 */
export const demoLogins: { username: string; role: Role; name: string }[] = [
  { username: 'social.worker', role: 'social_worker', name: 'Amara Okafor' },
  { username: 'team.manager', role: 'team_manager', name: 'James Whitfield' },
  { username: 'service.manager', role: 'service_manager', name: 'Priya Raman' },
  { username: 'front.door', role: 'front_door', name: 'Tom Brennan' },
  { username: 'out.of.hours', role: 'emergency_duty', name: 'Grace Mensah' },
  { username: 'reviewing.officer', role: 'reviewing_officer', name: 'Helen Carter' },
  { username: 'fostering.worker', role: 'fostering_worker', name: 'Sam Doyle' },
  { username: 'analyst', role: 'performance_analyst', name: 'Ravi Shah' },
  { username: 'admin', role: 'administrator', name: 'Chris Lowe' },
];

/** The synthetic authority's case-holding teams (small scale) that the showcase children are allocated to. */
const caseholdingTeams = [
  'Assessment Team North',
  'Assessment Team South',
  'Children in Need and Child Protection',
  'Children in Care',
  'Leaving Care',
];

/** What the showcase parts of the demo build on: the generated teams and staff, and the showcase children. */
export interface DemoAuthority {
  faker: Faker;
  today: string;
  /** The generated teams by name. */
  teamIds: ReadonlyMap<string, string>;
  /** Everyone in post by username (the demo sign-ins among them). */
  staffIds: ReadonlyMap<string, string>;
  /** Each case-holding team's social workers in post (the demo social worker first in theirs), and its manager. */
  workersByTeam: ReadonlyMap<string, string[]>;
  managerOfTeam: ReadonlyMap<string, string>;
  /** Every showcase child's person id, in the order added. */
  childIds: readonly string[];
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The parts of the demo that each feature adds on top of teams, staff and children (contacts,
 * out-of-hours calls, assessments, …), in order. Each is deterministic given the faker's seed.
 */
const demoParts: ((db: Kysely<Database>, authority: DemoAuthority) => Promise<void>)[] = [];
demoParts.push(addClockDemo);
demoParts.push(addFrontDoorDemo, addOutOfHoursDemo);
demoParts.push(addChildRecordDemo);
demoParts.push(addLookedAfterDemo);
demoParts.push(addAssessmentAndProtectionDemo);

/**
 * The demo local authority: the synthetic authority at small scale (services, teams, staff who
 * came and went, families with two years of history; src/cli/generate), so the demo sign-ins see
 * realistic worktrays, and on top of it the showcase children the browser tests and a first look
 * need (allocated to the demo social worker, waiting for a worker, never allocated, re-allocated,
 * restricted, unborn, siblings), with each feature's showcase cases recorded through the services.
 * Deterministic for a seed and day. Names are invented.
 */
export async function seedDemoAuthority(db: Kysely<Database>, today: string, seed = 2017): Promise<void> {
  await generateAuthority(db, { scale: 'small', seed, today });
  const faker = new Faker({ locale: [en_GB, en, base] });
  faker.seed(seed);
  faker.setDefaultRefDate(`${today}T12:00:00Z`);

  const teamIds = new Map((await db.selectFrom('teams').select(['id', 'name']).execute()).map((t) => [t.name, t.id]));
  const teamId = (name: string) => {
    const id = teamIds.get(name);
    if (!id) throw new Error(`The synthetic authority has no team called ${name}`);
    return id;
  };
  const staff = await db.selectFrom('staff').select(['id', 'username', 'role', 'team_id', 'active']).orderBy('username').execute();
  const staffIds = new Map(staff.filter((s) => s.active).map((s) => [s.username, s.id]));
  const workersByTeam = new Map<string, string[]>();
  const formerWorkersByTeam = new Map<string, string[]>();
  const managerOfTeam = new Map<string, string>();
  for (const team of caseholdingTeams) {
    const everyone = staff.filter((s) => s.team_id === teamId(team) && s.role === 'social_worker');
    formerWorkersByTeam.set(
      team,
      everyone.filter((s) => !s.active).map((s) => s.id),
    );
    const inTeam = staff.filter((s) => s.team_id === teamId(team) && s.active);
    const workers = inTeam
      .filter((s) => s.role === 'social_worker')
      .sort((a, b) => Number(b.username === 'social.worker') - Number(a.username === 'social.worker'));
    const manager = inTeam.find((s) => s.role === 'team_manager');
    if (workers.length === 0 || !manager) throw new Error(`The synthetic team ${team} has no social worker or manager`);
    workersByTeam.set(
      team,
      workers.map((w) => w.id),
    );
    managerOfTeam.set(team, manager.id);
  }
  const reviewingOfficer = staffIds.get('reviewing.officer') as string;

  const childIds: string[] = [];
  let nextChildNumber = 1;
  const addChild = async (familyName: string, options: { born?: string; due?: string; restricted?: boolean }) => {
    const sex = faker.helpers.arrayElement(['M', 'F']);
    const givenName = options.due ? 'Baby' : faker.person.firstName(sex === 'M' ? 'male' : 'female');
    const child = await db
      .insertInto('people')
      .values({
        is_child: true,
        la_child_id: `DEMO${String(nextChildNumber++).padStart(5, '0')}`,
        given_name: givenName,
        family_name: familyName,
        date_of_birth: options.born ?? null,
        expected_date_of_birth: options.due ?? null,
        sex: options.due ? 'U' : sex,
        ethnicity: faker.helpers.weightedArrayElement([
          { weight: 70, value: 'WBRI' },
          { weight: 6, value: 'WOTH' },
          { weight: 5, value: 'MWBC' },
          { weight: 5, value: 'BAFR' },
          { weight: 4, value: 'AIND' },
          { weight: 3, value: 'APKN' },
          { weight: 3, value: 'BCRB' },
          { weight: 4, value: 'OOTH' },
        ]),
        restricted: options.restricted ?? false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    childIds.push(child.id);
    return child.id;
  };

  const allocate = (
    personId: string,
    team: string,
    staffId: string | null,
    startedOn: string,
    endedOn: string | null = null,
    kind: 'social_worker' | 'reviewing_officer' = 'social_worker',
  ) =>
    db
      .insertInto('allocations')
      .values({ person_id: personId, kind, team_id: teamId(team), staff_id: staffId, started_on: startedOn, ended_on: endedOn })
      .execute();

  for (let family = 0; family < 30; family++) {
    const familyName = faker.person.lastName();
    const siblings = faker.helpers.weightedArrayElement([
      { weight: 6, value: 1 },
      { weight: 3, value: 2 },
      { weight: 1, value: 3 },
    ]);
    // The first families are the demo social worker's own caseload, so signing in as them shows one.
    const demoWorkersFamily = family < 4;
    const team = demoWorkersFamily ? 'Assessment Team North' : faker.helpers.arrayElement(caseholdingTeams);
    const history = demoWorkersFamily
      ? 'allocated'
      : faker.helpers.weightedArrayElement([
          { weight: 10, value: 'allocated' },
          { weight: 3, value: 'reallocated' },
          { weight: 3, value: 'waiting_for_worker' },
          { weight: 2, value: 'not_allocated' },
        ]);
    const workers = workersByTeam.get(team) ?? [];
    const worker = demoWorkersFamily ? (staffIds.get('social.worker') as string) : faker.helpers.arrayElement(workers);
    const referred = isoDate(faker.date.recent({ days: 700 }));
    for (let s = 0; s < siblings; s++) {
      const maximumAge = team === 'Leaving Care' ? 20 : 17;
      const minimumAge = team === 'Leaving Care' ? 17 : 0;
      const born = isoDate(faker.date.birthdate({ mode: 'age', min: minimumAge, max: maximumAge, refDate: `${today}T12:00:00Z` }));
      const personId = await addChild(familyName, { born });
      if (history === 'not_allocated') continue;
      if (history === 'waiting_for_worker') {
        await allocate(personId, team, null, referred);
        continue;
      }
      if (history === 'reallocated') {
        // The worker before was a colleague, or someone who has since left the team.
        const others = [...workers.filter((w) => w !== worker), ...(formerWorkersByTeam.get(team) ?? [])];
        const previous = others.length > 0 ? faker.helpers.arrayElement(others) : null;
        const handover = isoDate(faker.date.between({ from: `${referred}T12:00:00Z`, to: `${today}T12:00:00Z` }));
        await allocate(personId, team, previous, referred, handover);
        await allocate(personId, team, worker, handover);
      } else {
        await allocate(personId, team, worker, referred);
      }
      if (team === 'Children in Care')
        await allocate(personId, 'Independent Reviewing Service', reviewingOfficer, referred, null, 'reviewing_officer');
    }
  }

  // Two brothers or sisters with the demo social worker, not referred yet: the front door's re-referral example (demo/front-door.ts).
  const siblingsFamily = faker.person.lastName();
  const siblingsAllocatedOn = isoDate(faker.date.recent({ days: 200 }));
  for (let s = 0; s < 2; s++) {
    const born = isoDate(faker.date.birthdate({ mode: 'age', min: 2, max: 12, refDate: `${today}T12:00:00Z` }));
    await allocate(
      await addChild(siblingsFamily, { born }),
      'Assessment Team North',
      staffIds.get('social.worker') as string,
      siblingsAllocatedOn,
    );
  }

  const unborn = await addChild(faker.person.lastName(), { due: isoDate(faker.date.soon({ days: 120 })) });
  await allocate(unborn, 'Assessment Team North', staffIds.get('social.worker') as string, isoDate(faker.date.recent({ days: 30 })));

  const restricted = await addChild(faker.person.lastName(), {
    born: isoDate(faker.date.birthdate({ mode: 'age', min: 12, max: 15 })),
    restricted: true,
  });
  await allocate(
    restricted,
    'Children in Need and Child Protection',
    (workersByTeam.get('Children in Need and Child Protection') ?? [])[0] ?? null,
    isoDate(faker.date.recent({ days: 200 })),
  );
  for (const named of [(workersByTeam.get('Children in Need and Child Protection') ?? [])[0], staffIds.get('service.manager')]) {
    if (named)
      await db
        .insertInto('restricted_record_access')
        .values({ person_id: restricted, staff_id: named, granted_by: staffIds.get('admin') as string })
        .execute();
  }

  const authority: DemoAuthority = { faker, today, teamIds, staffIds, workersByTeam, managerOfTeam, childIds };
  for (const addPart of demoParts) await addPart(db, authority);

  await db
    .insertInto('settings')
    .values({ key: 'demo_authority', value: String(seed) })
    .execute();
}

export async function hasDemoAuthority(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('settings').select('key').where('key', '=', 'demo_authority').executeTakeFirst()) !== undefined;
}

export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('staff').select('id').limit(1).executeTakeFirst()) === undefined;
}
