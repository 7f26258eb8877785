import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { Database, IsoDate } from '../../db/schema.js';
import type { Actor } from '../../platform/actor.js';
import { DRIFT_RESETTING_CHRONOLOGY_KINDS } from './drift-kinds.js';

/** Whose work a worktray shows. */
export type TrayScope =
  | { kind: 'worker'; staffId: string }
  | { kind: 'team'; teamId: string }
  /** `unallocated`: childrenWithOpenClocksAndNoSocialWorker, read once for the tray. */
  | { kind: 'service'; serviceId: string; unallocated: readonly string[] };

/** The date (and London time) a worktray is read as at, and the dates that decide escalation and drift. */
export interface TrayMoment {
  today: IsoDate;
  time: string;
  teamManagerDueOnOrBefore: IsoDate;
  serviceManagerDueOnOrBefore: IsoDate;
  driftingIfLastOnOrBefore: IsoDate;
}

export interface TrayFilters {
  clockIds?: readonly string[];
  statuses?: readonly ('overdue' | 'due_soon' | 'not_due')[];
  /** Only items escalated to at least this level. */
  escalatedTo?: 'team_manager' | 'service_manager';
  /** A worker's id, or 'none' for children with no named worker. */
  worker?: string;
  /** A team's id, or 'none' for children not allocated to a team. */
  teamId?: string;
}

/**
 * The children `actor` may view, as SQL over `people p`: the same rules as decideChildAccess
 * (src/platform/access-policy.ts), so a worktray over thousands of children is one query.
 * worktrays.test.ts checks it against childrenVisibleTo for every role.
 */
export function mayView(eb: ExpressionBuilder<Database & { p: Database['people'] }, 'p'>, actor: Actor) {
  const named = eb.exists(
    eb
      .selectFrom('restricted_record_access as r')
      .select('r.person_id')
      .whereRef('r.person_id', '=', 'p.id')
      .where('r.staff_id', '=', actor.staffId),
  );
  const current = () =>
    eb
      .selectFrom('allocations as cur')
      .innerJoin('teams as curt', 'curt.id', 'cur.team_id')
      .select('cur.id')
      .whereRef('cur.person_id', '=', 'p.id')
      .where('cur.ended_on', 'is', null);
  const unallocated = eb.not(eb.exists(current()));
  const inMyTeam = actor.teamId ? eb.exists(current().where('cur.team_id', '=', actor.teamId)) : eb.lit(false);
  const inMyService = actor.serviceId ? eb.exists(current().where('curt.service_id', '=', actor.serviceId)) : eb.lit(false);
  const byRole = (() => {
    switch (actor.role) {
      case 'social_worker':
        return inMyTeam;
      case 'team_manager':
        return eb.or([inMyTeam, unallocated]);
      case 'service_manager':
        return eb.or([inMyService, unallocated]);
      case 'reviewing_officer':
        return eb.exists(current().where('cur.staff_id', '=', actor.staffId));
      case 'front_door':
      case 'emergency_duty':
      case 'performance_analyst':
        return eb.lit(true);
      case 'fostering_worker':
      case 'administrator':
        return eb.lit(false);
    }
  })();
  return eb.and([
    eb('p.is_child', '=', true),
    eb.or([eb.and([eb('p.restricted', '=', true), named]), eb.and([eb('p.restricted', '=', false), byRole])]),
  ]);
}

/**
 * The children with open clocks and no current social worker allocation, anywhere in the
 * authority: the service manager's tray holds them as well as the service's own. Reading them means
 * reading every open clock, so a tray reads them once for its list and its counts.
 */
export async function childrenWithOpenClocksAndNoSocialWorker(db: Kysely<Database>): Promise<string[]> {
  const rows = await db
    .selectFrom('clock_instances as uci')
    .select('uci.person_id')
    .where('uci.completed_on', 'is', null)
    .where('uci.ended_on', 'is', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('allocations as ua')
            .select('ua.id')
            .whereRef('ua.person_id', '=', 'uci.person_id')
            .where('ua.kind', '=', 'social_worker')
            .where('ua.ended_on', 'is', null),
        ),
      ),
    )
    .groupBy('uci.person_id')
    .execute();
  return rows.map((row) => row.person_id);
}

/**
 * The current social worker allocation of each child whose work the tray shows (id, person_id,
 * team_id, staff_id): the table a tray starts from, so it reads only its own children's clocks,
 * through the allocation indexes. The service manager's also holds `unallocated`, the children
 * with open clocks and no social worker allocation (with no id, team or worker); mayView then
 * keeps only those the manager may open.
 */
function allocationsInScope(db: Kysely<Database>, scope: TrayScope) {
  const current = db
    .selectFrom('allocations as sa')
    .select((eb) => [
      eb.ref('sa.id').$castTo<string | null>().as('id'),
      'sa.person_id',
      eb.ref('sa.team_id').$castTo<string | null>().as('team_id'),
      'sa.staff_id',
    ])
    .where('sa.kind', '=', 'social_worker')
    .where('sa.ended_on', 'is', null);
  switch (scope.kind) {
    case 'worker':
      return current.where('sa.staff_id', '=', scope.staffId);
    case 'team':
      return current.where('sa.team_id', '=', scope.teamId);
    case 'service':
      return current
        .where('sa.team_id', 'in', db.selectFrom('teams as st').select('st.id').where('st.service_id', '=', scope.serviceId))
        .unionAll(
          db.selectNoFrom([
            sql<string | null>`null::uuid`.as('id'),
            sql<string>`unnest(${scope.unallocated}::uuid[])`.as('person_id'),
            sql<string | null>`null::uuid`.as('team_id'),
            sql<string | null>`null::uuid`.as('staff_id'),
          ]),
        );
  }
}

/** A current social worker allocation (`a`, with its team `t`) in the tray's scope. */
function allocationInScope(scope: TrayScope) {
  switch (scope.kind) {
    case 'worker':
      return sql<boolean>`a.staff_id = ${scope.staffId}`;
    case 'team':
      return sql<boolean>`a.team_id = ${scope.teamId}`;
    case 'service':
      return sql<boolean>`t.service_id = ${scope.serviceId}`;
  }
}

function statusSql(moment: TrayMoment) {
  return sql<'overdue' | 'due_soon' | 'not_due'>`case
    when ci.due_on is null then 'not_due'
    when ci.due_on < ${moment.today} or (ci.due_on = ${moment.today} and ci.due_at is not null and ci.due_at < ${moment.time}) then 'overdue'
    when ci.due_soon_from <= ${moment.today} then 'due_soon'
    else 'not_due' end`;
}

function escalationSql(moment: TrayMoment) {
  return sql<'none' | 'team_manager' | 'service_manager'>`case
    when ci.due_on <= ${moment.serviceManagerDueOnOrBefore} then 'service_manager'
    when ci.due_on <= ${moment.teamManagerDueOnOrBefore} then 'team_manager'
    else 'none' end`;
}

/** Open (not met, not ended) clock instances of the children in scope that `actor` may view. */
function openItems(db: Kysely<Database>, actor: Actor, scope: TrayScope) {
  return db
    .selectFrom(allocationsInScope(db, scope).as('a'))
    .innerJoin('clock_instances as ci', 'ci.person_id', 'a.person_id')
    .innerJoin('people as p', 'p.id', 'ci.person_id')
    .leftJoin('teams as t', 't.id', 'a.team_id')
    .where('ci.completed_on', 'is', null)
    .where('ci.ended_on', 'is', null)
    .where((eb) => mayView(eb, actor));
}

function withFilters<Q extends ReturnType<typeof openItems>>(query: Q, filters: TrayFilters, moment: TrayMoment): Q {
  let q = query;
  if (filters.clockIds?.length) q = q.where('ci.clock_id', 'in', filters.clockIds) as Q;
  if (filters.statuses?.length) q = q.where(statusSql(moment), 'in', filters.statuses) as Q;
  if (filters.escalatedTo === 'team_manager') q = q.where('ci.due_on', '<=', moment.teamManagerDueOnOrBefore) as Q;
  if (filters.escalatedTo === 'service_manager') q = q.where('ci.due_on', '<=', moment.serviceManagerDueOnOrBefore) as Q;
  if (filters.worker === 'none') q = q.where('a.staff_id', 'is', null) as Q;
  else if (filters.worker) q = q.where('a.staff_id', '=', filters.worker) as Q;
  if (filters.teamId === 'none') q = q.where('a.team_id', 'is', null) as Q;
  else if (filters.teamId) q = q.where('a.team_id', '=', filters.teamId) as Q;
  return q;
}

/** The items of a worktray, most urgent first: the longest overdue, then the soonest due. */
export function trayItems(db: Kysely<Database>, actor: Actor, scope: TrayScope, moment: TrayMoment, filters: TrayFilters, limit: number) {
  return withFilters(openItems(db, actor, scope), filters, moment)
    .leftJoin('staff as s', 's.id', 'a.staff_id')
    .select([
      statusSql(moment).as('status'),
      escalationSql(moment).as('escalation'),
      'ci.id',
      'ci.person_id',
      'ci.clock_id',
      'ci.occurrence',
      'ci.started_on',
      'ci.due_on',
      'ci.due_at',
      'p.la_child_id',
      'p.given_name',
      'p.family_name',
      'a.staff_id as worker_id',
      's.display_name as worker_name',
      't.name as team_name',
    ])
    .orderBy(sql`ci.due_on asc nulls last`)
    .orderBy(sql`ci.due_at asc nulls last`)
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .limit(limit)
    .execute();
}

/** How many open items of each status and escalation, per worker (or per team), for the counts. */
export function trayCounts(
  db: Kysely<Database>,
  actor: Actor,
  scope: TrayScope,
  moment: TrayMoment,
  filters: TrayFilters,
  by: 'worker' | 'team',
) {
  const status = statusSql(moment);
  const group = by === 'worker' ? sql<string | null>`a.staff_id` : sql<string | null>`a.team_id`;
  return withFilters(openItems(db, actor, scope), filters, moment)
    .leftJoin('staff as s', 's.id', 'a.staff_id')
    .select([
      group.as('group_id'),
      sql<string | null>`max(${by === 'worker' ? sql`s.display_name` : sql`t.name`})`.as('group_name'),
      sql<number>`count(*)::int`.as('open'),
      sql<number>`count(*) filter (where ${status} = 'overdue')::int`.as('overdue'),
      sql<number>`count(*) filter (where ${status} = 'due_soon')::int`.as('due_soon'),
      sql<number>`count(*) filter (where ci.due_on <= ${moment.teamManagerDueOnOrBefore})::int`.as('escalated_to_team_manager'),
      sql<number>`count(*) filter (where ci.due_on <= ${moment.serviceManagerDueOnOrBefore})::int`.as('escalated_to_service_manager'),
    ])
    .groupBy(group)
    .execute();
}

/**
 * Open cases (a current social worker allocation, with or without a named worker) in scope with
 * no visit or management oversight since the drift cutoff, and allocated before it.
 */
export function driftingChildren(db: Kysely<Database>, actor: Actor, scope: TrayScope, moment: TrayMoment, filters: TrayFilters) {
  let query = db
    .selectFrom('allocations as a')
    .innerJoin('people as p', 'p.id', 'a.person_id')
    .innerJoin('teams as t', 't.id', 'a.team_id')
    .leftJoin('staff as s', 's.id', 'a.staff_id')
    .where('a.kind', '=', 'social_worker')
    .where('a.ended_on', 'is', null)
    .where('a.started_on', '<=', moment.driftingIfLastOnOrBefore)
    .where(allocationInScope(scope))
    .where((eb) => mayView(eb, actor))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('chronology_entries as ce')
            .select('ce.id')
            .whereRef('ce.person_id', '=', 'p.id')
            .where('ce.kind', 'in', DRIFT_RESETTING_CHRONOLOGY_KINDS)
            .where('ce.occurred_on', '>', moment.driftingIfLastOnOrBefore),
        ),
      ),
    );
  if (filters.worker === 'none') query = query.where('a.staff_id', 'is', null);
  else if (filters.worker) query = query.where('a.staff_id', '=', filters.worker);
  if (filters.teamId === 'none') return Promise.resolve([]);
  if (filters.teamId) query = query.where('a.team_id', '=', filters.teamId);
  return query
    .select((eb) => [
      'p.id as person_id',
      'p.la_child_id',
      'p.given_name',
      'p.family_name',
      'a.staff_id as worker_id',
      'a.team_id',
      's.display_name as worker_name',
      't.name as team_name',
      'a.started_on as allocated_on',
      eb
        .selectFrom('chronology_entries as last')
        .select((inner) => inner.fn.max('last.occurred_on').as('on'))
        .whereRef('last.person_id', '=', 'p.id')
        .where('last.kind', 'in', DRIFT_RESETTING_CHRONOLOGY_KINDS)
        .as('last_seen_on'),
    ])
    .orderBy(sql`last_seen_on asc nulls first`)
    .orderBy('a.started_on')
    .execute();
}

/** The social workers of a team, for the team manager's counts (a worker with nothing due still shows). */
export async function teamWorkers(db: Kysely<Database>, teamId: string) {
  return db
    .selectFrom('staff')
    .select(['id', 'display_name as name'])
    .where('team_id', '=', teamId)
    .where('role', '=', 'social_worker')
    .where('active', '=', true)
    .orderBy('display_name')
    .execute();
}

/** The teams of a service, for the service manager's counts. */
export async function serviceTeams(db: Kysely<Database>, serviceId: string) {
  return db.selectFrom('teams').select(['id', 'name']).where('service_id', '=', serviceId).orderBy('name').execute();
}
