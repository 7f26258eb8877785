import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { childrenVisibleTo } from '../../platform/access.js';
import type { Actor } from '../../platform/actor.js';
import { childSummaries } from '../children/service.js';
import * as queries from './queries.js';

/** What each role sees first when they sign in. */
export type HomePage =
  | { kind: 'caseload'; heading: string; children: Awaited<ReturnType<typeof childSummaries>> }
  | { kind: 'team'; caseloads: Awaited<ReturnType<typeof queries.caseloadsInTeam>>; waiting: Awaited<ReturnType<typeof childSummaries>> }
  | { kind: 'service'; teams: Awaited<ReturnType<typeof queries.teamsInService>>; notAllocated: number }
  | { kind: 'front_door'; notAllocated: number }
  | { kind: 'figures'; counts: Awaited<ReturnType<typeof queries.childrenCounts>> }
  | { kind: 'accounts'; counts: Awaited<ReturnType<typeof queries.staffCounts>> }
  | { kind: 'fostering' };

async function visibleSummaries(db: Kysely<Database>, actor: Actor, ids: string[]) {
  return childSummaries(db, await childrenVisibleTo(db, actor, ids, 'home.children_list'));
}

export async function homePageFor(db: Kysely<Database>, actor: Actor): Promise<HomePage> {
  switch (actor.role) {
    case 'social_worker':
      return {
        kind: 'caseload',
        heading: 'Children allocated to you',
        children: await visibleSummaries(db, actor, await queries.childrenAllocatedTo(db, actor.staffId, 'social_worker')),
      };
    case 'reviewing_officer':
      return {
        kind: 'caseload',
        heading: 'Children you review',
        children: await visibleSummaries(db, actor, await queries.childrenAllocatedTo(db, actor.staffId, 'reviewing_officer')),
      };
    case 'team_manager':
      if (!actor.teamId) return { kind: 'front_door', notAllocated: await queries.countChildrenNotAllocated(db) };
      return {
        kind: 'team',
        caseloads: await queries.caseloadsInTeam(db, actor.teamId),
        waiting: await visibleSummaries(db, actor, await queries.childrenWaitingForAWorker(db, actor.teamId)),
      };
    case 'service_manager':
      return {
        kind: 'service',
        teams: actor.serviceId ? await queries.teamsInService(db, actor.serviceId) : [],
        notAllocated: await queries.countChildrenNotAllocated(db),
      };
    case 'front_door':
    case 'emergency_duty':
      return { kind: 'front_door', notAllocated: await queries.countChildrenNotAllocated(db) };
    case 'performance_analyst':
      return { kind: 'figures', counts: await queries.childrenCounts(db) };
    case 'administrator':
      return { kind: 'accounts', counts: await queries.staffCounts(db) };
    case 'fostering_worker':
      return { kind: 'fostering' };
  }
}
