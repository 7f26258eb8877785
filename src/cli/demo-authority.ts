import { base, en, en_GB, Faker } from '@faker-js/faker';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { createAccount } from '../features/staff-accounts/service.js';
import type { Role } from '../platform/roles.js';
import { addAssessmentAndProtectionDemo } from './demo/assessment-and-protection.js';
import { addChildRecordDemo } from './demo/child-record.js';
import { addClockDemo } from './demo/clocks.js';
import { addFrontDoorDemo } from './demo/front-door.js';
import { addLookedAfterDemo } from './demo/looked-after.js';
import { addOutOfHoursDemo } from './demo/out-of-hours.js';

/** The password of every demo account; printed when Hearth starts on demo data. */
export const demoPassword = 'hearth-demo-2026';

/** One account per role for trying Hearth; usernames say what each one is. */
export const demoLogins: { username: string; role: Role; name: string; team: string | null }[] = [
  { username: 'social.worker', role: 'social_worker', name: 'Amara Okafor', team: 'Assessment Team North' },
  { username: 'team.manager', role: 'team_manager', name: 'James Whitfield', team: 'Assessment Team North' },
  { username: 'service.manager', role: 'service_manager', name: 'Priya Raman', team: 'Head of Service, Assessment and Intervention' },
  { username: 'front.door', role: 'front_door', name: 'Tom Brennan', team: 'Front Door (MASH)' },
  { username: 'out.of.hours', role: 'emergency_duty', name: 'Grace Mensah', team: 'Emergency Duty Team' },
  { username: 'reviewing.officer', role: 'reviewing_officer', name: 'Helen Carter', team: 'Independent Reviewing Service' },
  { username: 'fostering.worker', role: 'fostering_worker', name: 'Sam Doyle', team: 'Fostering Service' },
  { username: 'analyst', role: 'performance_analyst', name: 'Ravi Shah', team: 'Performance and Intelligence' },
  { username: 'admin', role: 'administrator', name: 'Chris Lowe', team: null },
];

const services: Record<string, string[]> = {
  'Assessment and Intervention': [
    'Front Door (MASH)',
    'Assessment Team North',
    'Assessment Team South',
    'Child Protection and Children in Need',
    'Head of Service, Assessment and Intervention',
  ],
  'Children in Care and Care Leavers': ['Children Looked After', 'Leaving Care', 'Fostering Service', 'Independent Reviewing Service'],
  'Out of Hours and Performance': ['Emergency Duty Team', 'Performance and Intelligence'],
};

const caseholdingTeams = [
  'Assessment Team North',
  'Assessment Team South',
  'Child Protection and Children in Need',
  'Children Looked After',
  'Leaving Care',
];

/** What later parts of the demo seed build on: the teams, staff and children already added. */
export interface DemoAuthority {
  faker: Faker;
  today: string;
  teamIds: ReadonlyMap<string, string>;
  /** Demo sign-ins by username, and every social worker by team. */
  staffIds: ReadonlyMap<string, string>;
  workersByTeam: ReadonlyMap<string, string[]>;
  /** Every demo child's person id, in the order added. */
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
 * A small demo local authority: three services, eleven teams, an account for every role plus
 * social workers in each case-holding team, and about fifty children with varied histories
 * (allocated, waiting for a worker, never allocated, re-allocated, restricted, unborn, siblings).
 * Deterministic for a seed. Names are invented.
 */
export async function seedDemoAuthority(db: Kysely<Database>, today: string, seed = 2017): Promise<void> {
  const faker = new Faker({ locale: [en_GB, en, base] });
  faker.seed(seed);
  faker.setDefaultRefDate(`${today}T12:00:00Z`);

  const teamIds = new Map<string, string>();
  for (const [serviceName, teams] of Object.entries(services)) {
    const service = await db.insertInto('services').values({ name: serviceName }).returning('id').executeTakeFirstOrThrow();
    for (const name of teams) {
      const team = await db.insertInto('teams').values({ name, service_id: service.id }).returning('id').executeTakeFirstOrThrow();
      teamIds.set(name, team.id);
    }
  }
  const teamId = (name: string) => {
    const id = teamIds.get(name);
    if (!id) throw new Error(`No demo team called ${name}`);
    return id;
  };

  const by = { staffId: null };
  const staffIds = new Map<string, string>();
  for (const login of demoLogins) {
    const id = await createAccount(
      db,
      by,
      { username: login.username, displayName: login.name, role: login.role, teamId: login.team ? teamId(login.team) : undefined },
      demoPassword,
      false,
    );
    staffIds.set(login.username, id);
  }
  const workersByTeam = new Map<string, string[]>();
  workersByTeam.set('Assessment Team North', [staffIds.get('social.worker') as string]);
  for (const team of caseholdingTeams) {
    const workers = workersByTeam.get(team) ?? [];
    for (let i = 0; i < 2; i++) {
      const given = faker.person.firstName();
      const family = faker.person.lastName();
      const username = `${given}.${family}.${team.split(' ')[0]}`.toLowerCase().replace(/[^a-z.]/g, '');
      workers.push(
        await createAccount(
          db,
          by,
          { username, displayName: `${given} ${family}`, role: 'social_worker', teamId: teamId(team) },
          demoPassword,
          false,
        ),
      );
    }
    workersByTeam.set(team, workers);
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
        const previous = faker.helpers.arrayElement(workers.filter((w) => w !== worker));
        const handover = isoDate(faker.date.between({ from: `${referred}T12:00:00Z`, to: `${today}T12:00:00Z` }));
        await allocate(personId, team, previous, referred, handover);
        await allocate(personId, team, worker, handover);
      } else {
        await allocate(personId, team, worker, referred);
      }
      if (team === 'Children Looked After')
        await allocate(personId, 'Independent Reviewing Service', reviewingOfficer, referred, null, 'reviewing_officer');
    }
  }

  const unborn = await addChild(faker.person.lastName(), { due: isoDate(faker.date.soon({ days: 120 })) });
  await allocate(unborn, 'Assessment Team North', staffIds.get('social.worker') as string, isoDate(faker.date.recent({ days: 30 })));

  const restricted = await addChild(faker.person.lastName(), {
    born: isoDate(faker.date.birthdate({ mode: 'age', min: 12, max: 15 })),
    restricted: true,
  });
  await allocate(
    restricted,
    'Child Protection and Children in Need',
    (workersByTeam.get('Child Protection and Children in Need') ?? [])[0] ?? null,
    isoDate(faker.date.recent({ days: 200 })),
  );
  for (const named of [(workersByTeam.get('Child Protection and Children in Need') ?? [])[0], staffIds.get('service.manager')]) {
    if (named)
      await db
        .insertInto('restricted_record_access')
        .values({ person_id: restricted, staff_id: named, granted_by: staffIds.get('admin') as string })
        .execute();
  }

  const authority: DemoAuthority = { faker, today, teamIds, staffIds, workersByTeam, childIds };
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
