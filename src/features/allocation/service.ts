import type { Kysely } from 'kysely';
import type { Database, IsoDate } from '../../db/schema.js';
import {
  type SocialWorkerChangeReasonCode,
  socialWorkerChangeReasonLabel,
} from '../../domain/codes/ssda903-social-worker-change-reason.js';
import { type ChildRecordAccess, childrenVisibleTo, withChildRecord } from '../../platform/access.js';
import type { Actor } from '../../platform/actor.js';
import { registerRecordMover } from '../../platform/record-movers.js';
import { todayInEngland } from '../../platform/today.js';
import { childHeader, childSummaries } from '../children/service.js';
import { recordChronologyEntry } from '../chronology/service.js';
import * as queries from './queries.js';

export interface NewAllocation {
  teamId: string;
  /** The social worker; null to allocate to the team while a worker is found. */
  staffId: string | null;
  startedOn: IsoDate;
  /** Why the social worker is changing (SSDA903 SW_REASON), asked when the child already has an allocation. */
  changeReason: SocialWorkerChangeReasonCode | null;
}

/** The reason recorded when a child is first allocated (or allocated again after their case closed). */
const firstAllocationReason: SocialWorkerChangeReasonCode = 'FCONTA';

/** The allocation page: the child, their current allocation, and the teams and social workers to choose from. */
export function allocationChoices(db: Kysely<Database>, actor: Actor, personId: string) {
  return withChildRecord(db, actor, personId, 'edit', 'child.allocation.form', async (access) => {
    const [child, current, teams, workers] = await Promise.all([
      childHeader(access),
      queries.currentAllocation(access, 'social_worker'),
      queries.teams(access.trx),
      queries.socialWorkers(access.trx),
    ]);
    return { child, current, teams, workers };
  });
}

/**
 * Allocates the child's team and social worker: the current allocation ends on the day the new
 * one starts, in the same transaction, so the history has no gap and no overlap.
 * Returns problems to show against the form's fields, or nothing when allocated.
 */
export function allocate(db: Kysely<Database>, actor: Actor, personId: string, allocation: NewAllocation) {
  return withChildRecord(db, actor, personId, 'edit', 'child.allocation.change', async (access): Promise<Record<string, string>> => {
    const team = await queries.teamName(access.trx, allocation.teamId);
    if (!team) return { teamId: 'Choose a team from the list' };
    let workerName: string | null = null;
    if (allocation.staffId) {
      const worker = await queries.staffMember(access.trx, allocation.staffId);
      if (!worker?.active || worker.role !== 'social_worker') return { staffId: 'Choose a social worker from the list' };
      if (worker.team_id !== allocation.teamId)
        return { staffId: `${worker.display_name} is not in ${team.name}: choose a social worker in that team` };
      workerName = worker.display_name;
    }
    const current = await queries.currentAllocation(access, 'social_worker');
    if (current && current.team_id === allocation.teamId && current.staff_id === allocation.staffId)
      return { staffId: 'The child is already allocated to this team and social worker' };
    if (current && allocation.startedOn < current.started_on)
      return { startedOn: 'The new allocation cannot start before the current one did' };
    const workerChanges = !current || current.staff_id !== allocation.staffId;
    if (current && workerChanges && !allocation.changeReason) return { changeReason: 'Select why the social worker is changing' };
    const changeReason = !workerChanges ? null : current ? allocation.changeReason : firstAllocationReason;
    if (current) await queries.endAllocation(access.trx, current.id, allocation.startedOn);
    const id = await queries.insertAllocation(access, { kind: 'social_worker', ...allocation, changeReason });
    const allocated = workerName ? `Allocated to ${workerName}, ${team.name}` : `Allocated to ${team.name}, waiting for a social worker`;
    await recordChronologyEntry(access, {
      kind: 'allocation',
      occurredOn: allocation.startedOn,
      summary: current && changeReason ? `${allocated}. Reason for the change: ${socialWorkerChangeReasonLabel(changeReason)}` : allocated,
      source: { type: 'allocation', id },
    });
    return {};
  });
}

/** The child's current independent reviewing officer (name and since when) and the officers who could be allocated. */
export async function reviewingOfficerChoices(access: ChildRecordAccess) {
  const [current, officers] = await Promise.all([
    queries.currentAllocation(access, 'reviewing_officer'),
    queries.reviewingOfficers(access.trx),
  ]);
  const currentOfficer = current?.staff_id ? officers.find((o) => o.id === current.staff_id) : undefined;
  return {
    current: current ? { staffId: current.staff_id, name: currentOfficer?.display_name ?? null, startedOn: current.started_on } : null,
    officers,
  };
}

/**
 * Allocates the child's independent reviewing officer (an allocation of kind 'reviewing_officer'),
 * ending the current one on the day the new one starts. Returns problems against the form's
 * fields, or nothing when allocated.
 */
export async function allocateReviewingOfficer(
  access: ChildRecordAccess,
  staffId: string,
  startedOn: IsoDate,
): Promise<Record<string, string>> {
  const officer = await queries.staffMember(access.trx, staffId);
  if (!officer?.active || officer.role !== 'reviewing_officer' || !officer.team_id) {
    return { staffId: 'Choose an independent reviewing officer from the list' };
  }
  const current = await queries.currentAllocation(access, 'reviewing_officer');
  if (current?.staff_id === staffId) return { staffId: `${officer.display_name} is already the reviewing officer` };
  if (current && startedOn < current.started_on) return { startedOn: 'The new allocation cannot start before the current one did' };
  if (current) await queries.endAllocation(access.trx, current.id, startedOn);
  const id = await queries.insertAllocation(access, { kind: 'reviewing_officer', teamId: officer.team_id, staffId, startedOn });
  await recordChronologyEntry(access, {
    kind: 'allocation',
    occurredOn: startedOn,
    summary: `Independent reviewing officer: ${officer.display_name}`,
    source: { type: 'allocation', id },
  });
  return {};
}

/** Children not allocated to any team that the person may open (managers see the front door's children). */
export async function childrenNotAllocated(db: Kysely<Database>, actor: Actor) {
  const ids = await queries.childrenWithoutAllocation(db, 200);
  return childSummaries(db, await childrenVisibleTo(db, actor, ids, 'children.not_allocated'));
}

/**
 * On merging, the other record's allocations join the survivor's history. Where both records
 * have a current allocation of the same kind, the survivor's stays current and the other ends today.
 */
registerRecordMover({
  name: 'allocations',
  columns: ['allocations.person_id'],
  move: async (merged, survivor) => {
    const [theirs, ours] = await Promise.all([
      queries.allocationsOf(merged.trx, merged.personId),
      queries.allocationsOf(merged.trx, survivor.personId),
    ]);
    const ended: string[] = [];
    for (const allocation of theirs) {
      if (allocation.ended_on === null && ours.some((o) => o.kind === allocation.kind && o.ended_on === null)) {
        await queries.endAllocation(merged.trx, allocation.id, todayInEngland());
        ended.push(allocation.id);
      }
    }
    await queries.moveAllocations(
      merged.trx,
      theirs.map((a) => a.id),
      survivor.personId,
    );
    return [...theirs.map((a) => `moved:${a.id}`), ...ended.map((id) => `ended:${id}`)];
  },
  restore: async (merged, _survivor, moved) => {
    const ids = (prefix: string) => moved.filter((m) => m.startsWith(prefix)).map((m) => m.slice(prefix.length));
    await queries.moveAllocations(merged.trx, ids('moved:'), merged.personId);
    await queries.reopenAllocations(merged.trx, ids('ended:'));
  },
});

/** The child's current social worker allocation (team, named worker if any, since when), or null when not allocated. */
export async function currentSocialWorker(access: ChildRecordAccess) {
  const current = await queries.currentAllocation(access, 'social_worker');
  return current ? { teamId: current.team_id, staffId: current.staff_id, startedOn: current.started_on } : null;
}

/** For the statutory returns (Ofsted Annex A): each of these children's current social work team and worker. */
export function currentAllocationsForReturns(db: Kysely<Database>, personIds: readonly string[]) {
  return queries.currentAllocationsForReturns(db, personIds);
}

/** One social work allocation as the SSDA903 return reads it (social worker episodes). */
export interface SocialWorkerAllocationForReturn {
  person_id: string;
  staff_id: string | null;
  started_on: IsoDate;
  ended_on: IsoDate | null;
  change_reason: string | null;
  swe_registration_number: string | null;
}

/** For the SSDA903 return: these children's social work allocations not ended before `from`, in order, with the workers' registration numbers. */
export async function socialWorkerAllocationsForReturns(
  db: Kysely<Database>,
  personIds: readonly string[],
  from: IsoDate,
): Promise<SocialWorkerAllocationForReturn[]> {
  return personIds.length === 0 ? [] : queries.socialWorkerAllocationsForReturns(db, personIds, from);
}
