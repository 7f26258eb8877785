import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../src/db/schema.js';
import type { Role } from '../src/platform/roles.js';

/**
 * Up to `count` social workers in post with children allocated to them, each with one of their
 * children (not a restricted record): the same people every run, in username order.
 */
export async function childrenOfWorkers(db: Kysely<Database>, count: number) {
  const { rows } = await sql<{ username: string; id: string; given_name: string; family_name: string }>`
    select distinct on (s.username) s.username, p.id, p.given_name, p.family_name
    from staff s
    join allocations a on a.staff_id = s.id and a.ended_on is null and a.kind = 'social_worker'
    join people p on p.id = a.person_id and not p.restricted
    where s.role = 'social_worker' and s.active
    order by s.username, p.la_child_id
    limit ${count}`.execute(db);
  return rows;
}

/**
 * Up to `count` people in post with this role whose teams hold children (so their home pages
 * have something to show), in username order; repeated round the list when there are fewer.
 */
export async function signInsFor(db: Kysely<Database>, role: Role, count: number): Promise<string[]> {
  const { rows } = await sql<{ username: string }>`
    select s.username from staff s join teams t on t.id = s.team_id
    where s.role = ${role} and s.active
      and exists (select 1 from allocations a join teams at on at.id = a.team_id
        where a.ended_on is null and (a.team_id = t.id or (${role} = 'service_manager' and at.service_id = t.service_id)))
    order by s.username limit ${count}`.execute(db);
  const usernames = rows.map((r) => r.username);
  return usernames.length === 0 ? [] : Array.from({ length: count }, (_, i) => usernames[i % usernames.length] as string);
}
