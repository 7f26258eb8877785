import type { Kysely } from 'kysely';
import type { Database, IsoDate } from '../../db/schema.js';
import { CLOCK_RULES, isClockId, oversightCutoffs } from '../../domain/clocks/index.js';
import type { Actor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { ForbiddenError } from '../../platform/errors.js';
import { todayInEngland } from '../../platform/today.js';
import { type ClockRecalculationNotice, clockRecalculationNotice, readClockSettings } from '../clock-settings/service.js';
import { calendar } from '../clocks/service.js';
import type { TrayFilters, TrayMoment, TrayScope } from './queries.js';
import * as queries from './queries.js';
import { describeUrgency } from './urgency.js';

export type { TrayFilters } from './queries.js';

/** The three worktrays: a worker's own, a team manager's team, a service manager's service. */
export type TrayKind = 'mine' | 'team' | 'service';

export const TRAY_PATHS: Record<TrayKind, string> = { mine: '/worktray', team: '/worktray/team', service: '/worktray/service' };

const londonTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** The date and time in England now: what a worktray is read as at. */
export function nowInEngland(now: Date = new Date()): { date: IsoDate; time: string } {
  return { date: todayInEngland(now), time: londonTime.format(now) };
}

const clockNames = new Map(CLOCK_RULES.map((rule) => [rule.id as string, rule.name]));

/** The clocks a worktray can be filtered by, in the rule table's order, with their names. */
export const CLOCK_CHOICES = CLOCK_RULES.map((rule) => ({ id: rule.id, name: rule.name }));

export interface TrayItem {
  personId: string;
  childName: string;
  laChildId: string | null;
  clockId: string;
  clockName: string;
  startedOn: IsoDate;
  dueOn: IsoDate | null;
  status: 'overdue' | 'due_soon' | 'not_due';
  urgency: string;
  /** Marked for the level above: overdue past the escalation threshold for this tray. */
  escalated: boolean;
  workerName: string | null;
  teamName: string | null;
}

export interface DriftingChild {
  personId: string;
  childName: string;
  laChildId: string | null;
  lastSeenOn: IsoDate | null;
  allocatedOn: IsoDate;
  workerName: string | null;
  teamName: string;
}

/** A row of the counts table: one worker (team tray) or one team (service tray). */
export interface TrayGroup {
  id: string | null;
  name: string;
  overdue: number;
  dueSoon: number;
  escalated: number;
  drifting: number;
}

export interface Worktray {
  kind: TrayKind;
  asOf: IsoDate;
  items: TrayItem[];
  /** More items matched than are listed. */
  moreThanShown: boolean;
  counts: { open: number; overdue: number; dueSoon: number; escalated: number; drifting: number };
  groups: TrayGroup[];
  drifting: DriftingChild[];
  driftAfter: number;
  /** While clocks are being recalculated with new settings (or that failed): some items may still follow the old ones. */
  recalculation: ClockRecalculationNotice | null;
}

/** Items listed on one page of a worktray; the counts cover everything. */
export const TRAY_LIMIT = 200;

async function scopeFor(db: Kysely<Database>, actor: Actor, kind: TrayKind): Promise<TrayScope> {
  if (kind === 'mine' && actor.role === 'social_worker') return { kind: 'worker', staffId: actor.staffId };
  if (kind === 'team' && actor.role === 'team_manager' && actor.teamId) return { kind: 'team', teamId: actor.teamId };
  if (kind === 'service' && actor.role === 'service_manager' && actor.serviceId)
    return { kind: 'service', serviceId: actor.serviceId, unallocated: await queries.childrenWithOpenClocksAndNoSocialWorker(db) };
  throw new ForbiddenError('This worktray is not part of your role, or your account has no team or service. Ask an administrator.');
}

/** The tray each role works from, if any. */
export function trayOf(actor: Actor): TrayKind | null {
  if (actor.role === 'social_worker') return 'mine';
  if (actor.role === 'team_manager' && actor.teamId) return 'team';
  if (actor.role === 'service_manager' && actor.serviceId) return 'service';
  return null;
}

/** What each tray marks as escalated, and what the service manager's tray is limited to. */
const escalatedFor: Record<TrayKind, 'team_manager' | 'service_manager'> = {
  mine: 'team_manager',
  team: 'team_manager',
  service: 'service_manager',
};

/**
 * One worktray as at a moment: the open clock items of the children in scope that the person may
 * see, most urgent first, with counts and the drifting cases. The service manager's tray lists
 * only what has been escalated to them (its counts still show everything overdue in the service).
 */
export async function viewWorktray(
  db: Kysely<Database>,
  actor: Actor,
  kind: TrayKind,
  filters: TrayFilters,
  at: { date: IsoDate; time: string } = nowInEngland(),
): Promise<Worktray> {
  const scope = await scopeFor(db, actor, kind);
  const settings = await readClockSettings(db);
  const cutoffs = oversightCutoffs(calendar, at.date, settings.oversight);
  const moment: TrayMoment = { today: at.date, time: at.time, ...cutoffs };
  const listFilters: TrayFilters = {
    ...filters,
    clockIds: filters.clockIds?.filter(isClockId),
    ...(kind === 'service' ? { escalatedTo: 'service_manager' } : {}),
  };
  const countFilters: TrayFilters = { ...listFilters, escalatedTo: filters.escalatedTo };
  const by = kind === 'service' ? 'team' : 'worker';
  const [rows, counted, drifting, names, recalculation] = await Promise.all([
    queries.trayItems(db, actor, scope, moment, listFilters, TRAY_LIMIT + 1),
    queries.trayCounts(db, actor, scope, moment, countFilters, by),
    queries.driftingChildren(db, actor, scope, moment, filters),
    kind === 'team' && scope.kind === 'team'
      ? queries.teamWorkers(db, scope.teamId)
      : kind === 'service' && scope.kind === 'service'
        ? queries.serviceTeams(db, scope.serviceId)
        : Promise.resolve([]),
    clockRecalculationNotice(db),
  ]);
  const escalatedLevel = escalatedFor[kind];
  const isEscalated = (escalation: string) =>
    escalation === 'service_manager' || (escalation === 'team_manager' && escalatedLevel === 'team_manager');
  const items: TrayItem[] = rows.slice(0, TRAY_LIMIT).map((row) => ({
    personId: row.person_id,
    childName: `${row.given_name} ${row.family_name}`,
    laChildId: row.la_child_id,
    clockId: row.clock_id,
    clockName: clockNames.get(row.clock_id) ?? row.clock_id,
    startedOn: row.started_on,
    dueOn: row.due_on,
    status: row.status,
    urgency: describeUrgency(calendar, row, at.date),
    escalated: isEscalated(row.escalation),
    workerName: row.worker_name,
    teamName: row.team_name,
  }));
  const driftView: DriftingChild[] = drifting.map((row) => ({
    personId: row.person_id,
    childName: `${row.given_name} ${row.family_name}`,
    laChildId: row.la_child_id,
    lastSeenOn: row.last_seen_on,
    allocatedOn: row.allocated_on,
    workerName: row.worker_name,
    teamName: row.team_name,
  }));
  const escalatedCount = (row: (typeof counted)[number]) =>
    escalatedLevel === 'service_manager' ? row.escalated_to_service_manager : row.escalated_to_team_manager;
  const driftGroup = (row: (typeof drifting)[number]) => (by === 'worker' ? row.worker_id : row.team_id);
  const groupIds = [...names.map((n) => n.id), ...counted.map((c) => c.group_id), ...drifting.map(driftGroup)];
  const groupName = (id: string | null) =>
    names.find((n) => n.id === id)?.name ??
    counted.find((c) => c.group_id === id)?.group_name ??
    drifting.filter((d) => driftGroup(d) === id).map((d) => (by === 'worker' ? d.worker_name : d.team_name))[0] ??
    (by === 'worker' ? 'No social worker yet' : 'Not allocated to a team');
  const groups: TrayGroup[] = [...new Set(groupIds)].map((id) => {
    const count = counted.find((c) => c.group_id === id);
    return {
      id,
      name: id === null ? (by === 'worker' ? 'No social worker yet' : 'Not allocated to a team') : groupName(id),
      overdue: count?.overdue ?? 0,
      dueSoon: count?.due_soon ?? 0,
      escalated: count ? escalatedCount(count) : 0,
      drifting: drifting.filter((d) => driftGroup(d) === id).length,
    };
  });
  const sum = (pick: (row: (typeof counted)[number]) => number) => counted.reduce((total, row) => total + pick(row), 0);
  await recordAudit(db, {
    staffId: actor.staffId,
    action: `worktray.${kind}.view`,
    outcome: 'allowed',
    recordType: 'child_list',
    ipAddress: actor.ipAddress,
    detail: { shown: [...new Set([...items.map((i) => i.personId), ...driftView.map((d) => d.personId)])] },
  });
  return {
    kind,
    asOf: at.date,
    items,
    moreThanShown: rows.length > TRAY_LIMIT,
    counts: {
      open: sum((row) => row.open),
      overdue: sum((row) => row.overdue),
      dueSoon: sum((row) => row.due_soon),
      escalated: sum(escalatedCount),
      drifting: drifting.length,
    },
    groups: kind === 'mine' ? [] : groups,
    drifting: driftView,
    driftAfter: settings.oversight.driftAfter,
    recalculation,
  };
}

/** The counts for a role's home page, with a link to the tray; null for roles without one. */
export async function worktraySummary(db: Kysely<Database>, actor: Actor, at = nowInEngland()) {
  const kind = trayOf(actor);
  if (!kind) return null;
  const scope = await scopeFor(db, actor, kind);
  const settings = await readClockSettings(db);
  const moment: TrayMoment = { today: at.date, time: at.time, ...oversightCutoffs(calendar, at.date, settings.oversight) };
  const [counted, drifting] = await Promise.all([
    queries.trayCounts(db, actor, scope, moment, {}, 'worker'),
    queries.driftingChildren(db, actor, scope, moment, {}),
  ]);
  const sum = (pick: (row: (typeof counted)[number]) => number) => counted.reduce((total, row) => total + pick(row), 0);
  return {
    href: TRAY_PATHS[kind],
    overdue: sum((row) => row.overdue),
    dueSoon: sum((row) => row.due_soon),
    escalated: sum((row) => (escalatedFor[kind] === 'service_manager' ? row.escalated_to_service_manager : row.escalated_to_team_manager)),
    drifting: drifting.length,
  };
}

/** A to-do that another feature puts on its owner's worktray: an action agreed in supervision, for example. */
export interface WorktrayAction {
  personId: string;
  childName: string;
  laChildId: string | null;
  description: string;
  dueOn: IsoDate;
  overdue: boolean;
  /** Where it came from, as the worktray shows it ("Supervision 3 Mar 2026"). */
  origin: string;
  /** The page where it is done or marked done. */
  href: string;
}

/** Reads the open actions a person owns, only for children they may open. */
export type WorktrayActionSource = (db: Kysely<Database>, actor: Actor, today: IsoDate) => Promise<WorktrayAction[]>;

const actionSources: WorktrayActionSource[] = [];

/** Hook for action items on worktrays: a feature registers where its actions owned by a person come from. */
export function registerWorktrayActions(source: WorktrayActionSource): void {
  actionSources.push(source);
}

/** Every open action the person owns, from every registered source, soonest due first. */
export async function worktrayActionsFor(db: Kysely<Database>, actor: Actor, today: IsoDate = todayInEngland()): Promise<WorktrayAction[]> {
  const lists = await Promise.all(actionSources.map((source) => source(db, actor, today)));
  return lists.flat().sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.childName.localeCompare(b.childName));
}
