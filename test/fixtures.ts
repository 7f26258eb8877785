import type { Kysely } from 'kysely';
import type { Database } from '../src/db/schema.js';
import { hashPassword } from '../src/platform/passwords.js';
import type { Role } from '../src/platform/roles.js';

export const fixturePassword = 'correct horse battery';

export interface Fixture {
  teams: { north: string; south: string; care: string; frontDoor: string; reviewing: string };
  staff: Record<string, { id: string; username: string; role: Role }>;
  children: {
    /** Allocated to `worker` in North (service A). */
    allocatedToWorker: string;
    /** Allocated to North with no named worker. */
    northTeamOnly: string;
    /** Allocated to South (service A), worker `southWorker`. */
    south: string;
    /** Allocated to Children in Care (service B) with reviewing officer `iro`. */
    inCare: string;
    /** Not allocated to any team. */
    unallocated: string;
    /** Restricted; `worker` is named on it, and it is allocated to South. */
    restricted: string;
  };
}

let hash: Promise<string> | undefined;

/**
 * A small authority for tests: two services; North and South teams in A, Children in Care and
 * the reviewing service in B; one account per role; six children whose allocations exercise
 * every access rule.
 */
export async function seedFixture(db: Kysely<Database>): Promise<Fixture> {
  hash ??= hashPassword(fixturePassword);
  const passwordHash = await hash;
  const serviceA = (await db.insertInto('services').values({ name: 'Assessment' }).returning('id').executeTakeFirstOrThrow()).id;
  const serviceB = (await db.insertInto('services').values({ name: 'Children in Care' }).returning('id').executeTakeFirstOrThrow()).id;
  const team = async (name: string, serviceId: string) =>
    (await db.insertInto('teams').values({ name, service_id: serviceId }).returning('id').executeTakeFirstOrThrow()).id;
  const teams = {
    north: await team('North', serviceA),
    south: await team('South', serviceA),
    frontDoor: await team('Front Door', serviceA),
    care: await team('Children in Care', serviceB),
    reviewing: await team('Reviewing', serviceB),
  };

  const staff: Fixture['staff'] = {};
  const account = async (username: string, role: Role, teamId: string | null) => {
    const row = await db
      .insertInto('staff')
      .values({ username, display_name: `Test ${username}`, role, team_id: teamId, password_hash: passwordHash })
      .returning('id')
      .executeTakeFirstOrThrow();
    staff[username] = { id: row.id, username, role };
    return row.id;
  };
  await account('worker', 'social_worker', teams.north);
  await account('southWorker', 'social_worker', teams.south);
  await account('manager', 'team_manager', teams.north);
  await account('headOfService', 'service_manager', teams.north);
  await account('frontDoor', 'front_door', teams.frontDoor);
  await account('outOfHours', 'emergency_duty', null);
  await account('iro', 'reviewing_officer', teams.reviewing);
  await account('fostering', 'fostering_worker', teams.care);
  await account('analyst', 'performance_analyst', null);
  await account('admin', 'administrator', null);

  let n = 0;
  const child = async (restricted = false) =>
    (
      await db
        .insertInto('people')
        .values({
          is_child: true,
          la_child_id: `T${++n}`,
          given_name: `Child${n}`,
          family_name: 'Testcase',
          date_of_birth: '2015-06-01',
          restricted,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const allocate = (
    personId: string,
    teamId: string,
    staffId: string | null,
    kind: 'social_worker' | 'reviewing_officer' = 'social_worker',
  ) =>
    db
      .insertInto('allocations')
      .values({ person_id: personId, team_id: teamId, staff_id: staffId, kind, started_on: '2026-01-05' })
      .execute();

  const children: Fixture['children'] = {
    allocatedToWorker: await child(),
    northTeamOnly: await child(),
    south: await child(),
    inCare: await child(),
    unallocated: await child(),
    restricted: await child(true),
  };
  await allocate(children.allocatedToWorker, teams.north, staff.worker?.id ?? null);
  await allocate(children.northTeamOnly, teams.north, null);
  await allocate(children.south, teams.south, staff.southWorker?.id ?? null);
  await allocate(children.inCare, teams.care, null);
  await allocate(children.inCare, teams.reviewing, staff.iro?.id ?? null, 'reviewing_officer');
  await allocate(children.restricted, teams.south, staff.southWorker?.id ?? null);
  await db
    .insertInto('restricted_record_access')
    .values({ person_id: children.restricted, staff_id: staff.worker?.id as string, granted_by: staff.admin?.id as string })
    .execute();
  return { teams, staff, children };
}
