import type { Kysely } from 'kysely';
import type { Database, IsoDate } from '../../db/schema.js';
import type { CaseworkProblem } from '../../domain/child-protection/problem.js';
import { workerSupervisionDue } from '../../domain/child-protection/worker-supervision.js';
import { CLOCK_RULES } from '../../domain/clocks/index.js';
import { childrenVisibleTo, withChildRecord } from '../../platform/access.js';
import type { Actor } from '../../platform/actor.js';
import { moveChildRows, moveChildRowsBack } from '../../platform/child-rows.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors.js';
import { registerRecordMover } from '../../platform/record-movers.js';
import { formatDate } from '../../platform/view-filters.js';
import { currentSocialWorker } from '../allocation/service.js';
import { childHeader, childSummaries } from '../children/service.js';
import { recordChronologyEntry, registerSourceLink } from '../chronology/service.js';
import { readClockSettings } from '../clock-settings/service.js';
import { calendar, outstandingClocksOf, recordCaseEvents } from '../clocks/service.js';
import { managerRoles } from '../management-decisions/service.js';
import { registerWorktrayActions } from '../worktrays/service.js';
import * as queries from './queries.js';

registerSourceLink('case_supervision', (personId) => `/children/${personId}/casework/supervision`);

/** The supervision page: supervision records with their actions, and when the next is due. */
export function viewSupervision(db: Kysely<Database>, actor: Actor, personId: string) {
  return withChildRecord(db, actor, personId, 'view', 'case_supervision.view', async (access) => {
    const [header, supervisions, actions, due, allocation] = await Promise.all([
      childHeader(access),
      queries.supervisionsOf(access),
      queries.actionsOf(access),
      outstandingClocksOf(access, ['case_supervision']),
      currentSocialWorker(access),
    ]);
    const owners = allocation ? await queries.teamStaff(access.trx, allocation.teamId) : [];
    return {
      header,
      supervisions: supervisions.map((s) => ({ ...s, actions: actions.filter((a) => a.supervision_id === s.id) })),
      nextDue: due[0]?.due_on ?? null,
      owners: owners.filter((o) => o.role === 'social_worker' || managerRoles.includes(o.role)),
      workerId: allocation?.staffId ?? null,
    };
  });
}

export interface NewAction {
  description: string;
  ownerId: string;
  dueOn: IsoDate;
}

export type SupervisionChange = { ok: true } | { ok: false; problems: CaseworkProblem[] };

/**
 * Records a manager's case supervision of the child's allocated worker: the reflection, the
 * decisions and the actions with owners and due dates (which go on their owners' worktrays). It
 * meets the case supervision clock and goes on the chronology as supervision.
 */
export function recordSupervision(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: { heldOn: IsoDate; reflection: string; decisions: string; actions: readonly (NewAction & { field: string })[]; today: IsoDate },
): Promise<SupervisionChange> {
  if (!managerRoles.includes(actor.role)) throw new ForbiddenError('Case supervision is recorded by the supervising manager.');
  return withChildRecord(db, actor, personId, 'edit', 'case_supervision.record', async (access) => {
    const allocation = await currentSocialWorker(access);
    const problems: CaseworkProblem[] = [];
    if (!allocation)
      problems.push({ field: 'form', message: 'The child is not allocated to a team: supervision is of an allocated case.' });
    if (input.heldOn > input.today) problems.push({ field: 'heldOn', message: 'The date of supervision cannot be in the future' });
    const owners = allocation ? new Set((await queries.teamStaff(access.trx, allocation.teamId)).map((s) => s.id)) : new Set<string>();
    owners.add(actor.staffId);
    for (const action of input.actions) {
      if (!owners.has(action.ownerId))
        problems.push({ field: `${action.field}Owner`, message: 'Choose who owns the action from the list' });
      if (action.dueOn < input.heldOn)
        problems.push({ field: `${action.field}DueOn`, message: 'An action cannot be due before the supervision' });
    }
    if (problems.length > 0 || !allocation) return { ok: false, problems };
    const id = await queries.insertSupervision(access, {
      held_on: input.heldOn,
      supervisor_id: actor.staffId,
      worker_id: allocation.staffId,
      reflection: input.reflection,
      decisions: input.decisions,
    });
    await queries.insertActions(
      access,
      input.actions.map((a) => ({ supervision_id: id, description: a.description, owner_id: a.ownerId, due_on: a.dueOn })),
    );
    await recordCaseEvents(access, [{ kind: 'case_supervision_held', occurredOn: input.heldOn, source: { type: 'case_supervision', id } }]);
    await recordChronologyEntry(access, {
      kind: 'supervision',
      occurredOn: input.heldOn,
      summary: `Case supervision by ${actor.displayName}${input.actions.length ? `; ${input.actions.length} ${input.actions.length === 1 ? 'action' : 'actions'} agreed` : ''}.`,
      source: { type: 'case_supervision', id },
    });
    return { ok: true };
  });
}

/** Marks a supervision action done. */
export function completeAction(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  actionId: string,
  input: { version: number; completedOn: IsoDate },
): Promise<void> {
  return withChildRecord(db, actor, personId, 'edit', 'case_supervision.action_done', async (access) => {
    const action = (await queries.actionsOf(access)).find((a) => a.id === actionId);
    if (!action) throw new NotFoundError();
    if (!(await queries.completeAction(access, actionId, input.version, input.completedOn))) throw new ConflictError();
  });
}

/** The open supervision actions a person owns, for their worktray: only for children they may open. */
async function supervisionActionsFor(db: Kysely<Database>, actor: Actor, today: IsoDate) {
  const actions = await queries.openActionsOwnedBy(db, actor.staffId);
  if (actions.length === 0) return [];
  const visible = new Set(await childrenVisibleTo(db, actor, [...new Set(actions.map((a) => a.person_id))], 'worktray.actions'));
  const children = new Map((await childSummaries(db, [...visible])).map((c) => [c.id, c]));
  return actions.flatMap((a) => {
    const child = children.get(a.person_id);
    if (!child) return [];
    return [
      {
        personId: a.person_id,
        childName: `${child.given_name} ${child.family_name}`,
        laChildId: child.la_child_id,
        description: a.description,
        dueOn: a.due_on,
        overdue: a.due_on < today,
        origin: `Agreed in supervision on ${formatDate(a.held_on)}`,
        href: `/children/${a.person_id}/casework/supervision#action-${a.id}`,
      },
    ];
  });
}

registerWorktrayActions(supervisionActionsFor);

const nationalInterval = CLOCK_RULES.find((rule) => rule.id === 'case_supervision')?.repeat;
if (!nationalInterval) throw new Error('The case supervision clock has no interval in the rule table');
const caseSupervisionInterval = nationalInterval;

/**
 * Each worker's own supervision clock, for their team manager: the last case supervision they had
 * and when the next is due, at the authority's case supervision standard (Clock settings).
 */
export async function teamSupervision(db: Kysely<Database>, actor: Actor, today: IsoDate) {
  if (actor.role !== 'team_manager' || !actor.teamId) throw new ForbiddenError('Supervision of a team is for its team manager.');
  const [staff, settings] = await Promise.all([queries.teamStaff(db, actor.teamId), readClockSettings(db)]);
  const workers = staff.filter((s) => s.role === 'social_worker');
  const last = new Map(
    (
      await queries.lastSupervisionOf(
        db,
        workers.map((w) => w.id),
      )
    ).map((r) => [r.worker_id, r.last_held_on as string | null]),
  );
  const local = settings.local.clocks?.case_supervision;
  const interval = local?.repeat ?? local?.due ?? caseSupervisionInterval;
  const rules = { calendar, convention: settings.countingConvention, schoolTerms: [] };
  return {
    interval,
    workers: workers.map((w) => {
      const lastSupervisedOn = last.get(w.id) ?? null;
      const since = new Date(w.created_at).toISOString().slice(0, 10);
      return {
        id: w.id,
        name: w.display_name,
        lastSupervisedOn,
        ...workerSupervisionDue({
          lastSupervisedOn,
          since,
          interval,
          dueSoon: { amount: settings.dueSoonWorkingDays, unit: 'working_days' },
          rules,
          today,
        }),
      };
    }),
  };
}

const supervisionTables = ['case_supervisions', 'supervision_actions'] as const;

/**
 * On merging two records of a child, the merged record's case supervisions and their actions go to
 * the one kept (the actions stay on their owners' worktrays).
 */
registerRecordMover({
  name: 'case supervisions and their actions',
  columns: ['case_supervisions.person_id', 'supervision_actions.person_id'],
  move: (merged, survivor) => moveChildRows(merged, survivor, supervisionTables),
  restore: (merged, _survivor, moved) => moveChildRowsBack(merged, supervisionTables, moved),
});
