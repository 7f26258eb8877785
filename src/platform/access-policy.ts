import type { Role } from './roles.js';

/** What may be done with a child's record. */
export type ChildAction = 'view' | 'edit';

/** The facts about one child's record that decide who may open it. */
export interface ChildAccessFacts {
  restricted: boolean;
  /** Staff named on a restricted record: the only people who may open it. */
  namedStaffIds: readonly string[];
  /** Teams the child is currently allocated to (social worker and reviewing officer allocations). */
  allocatedTeamIds: readonly string[];
  /** Services those teams belong to. */
  allocatedServiceIds: readonly string[];
  /** The allocated social worker and reviewing officer, where named. */
  allocatedStaffIds: readonly string[];
}

export interface AccessRequester {
  staffId: string;
  role: Role;
  teamId: string | null;
  serviceId: string | null;
}

export type AccessDecision = { allowed: true } | { allowed: false; reason: string };

const allow: AccessDecision = { allowed: true };
const deny = (reason: string): AccessDecision => ({ allowed: false, reason });

/**
 * Who may open a child's record, decided from role, team and allocation:
 * - a restricted record opens only for the staff named on it, whatever their role;
 * - social workers and team managers: children allocated to their team; managers also children
 *   not yet allocated to any team (waiting at the front door);
 * - service managers: children allocated within their service, and unallocated children;
 * - reviewing officers: the children they are allocated to review;
 * - front door and out-of-hours workers: any child, since anyone may ring about any child;
 * - performance analysts: any child, read-only, to put data right;
 * - fostering workers and administrators: none (administrators see the audit trail, not the case).
 */
export function decideChildAccess(who: AccessRequester, child: ChildAccessFacts, action: ChildAction): AccessDecision {
  if (child.restricted) {
    return child.namedStaffIds.includes(who.staffId) ? allow : deny('restricted record: only named staff may open it');
  }
  const unallocated = child.allocatedTeamIds.length === 0;
  const inMyTeam = who.teamId !== null && child.allocatedTeamIds.includes(who.teamId);
  const inMyService = who.serviceId !== null && child.allocatedServiceIds.includes(who.serviceId);

  switch (who.role) {
    case 'social_worker':
      return inMyTeam ? allow : deny('not allocated to your team');
    case 'team_manager':
      return inMyTeam || unallocated ? allow : deny('not allocated to your team');
    case 'service_manager':
      return inMyService || unallocated ? allow : deny('not allocated within your service');
    case 'reviewing_officer':
      return child.allocatedStaffIds.includes(who.staffId) ? allow : deny('you are not the reviewing officer');
    case 'front_door':
    case 'emergency_duty':
      return allow;
    case 'performance_analyst':
      return action === 'view' ? allow : deny('performance analysts have read-only access');
    case 'fostering_worker':
      return deny('fostering workers open the records of children placed with their households only');
    case 'administrator':
      return deny('administrators manage accounts, not case records');
  }
}

/** Who may read the audit trail of a child's record: who viewed or changed it. */
export function mayReadAuditTrail(role: Role): boolean {
  return role === 'administrator' || role === 'service_manager';
}
