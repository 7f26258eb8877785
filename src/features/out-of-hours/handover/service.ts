import type { Kysely, Transaction } from 'kysely';
import type { Database, IsoDate } from '../../../db/schema.js';
import { handoverDayFor, nightOf } from '../../../domain/out-of-hours/night.js';
import { childrenVisibleTo, isRecordId, withChildRecord } from '../../../platform/access.js';
import type { Actor } from '../../../platform/actor.js';
import { recordAudit } from '../../../platform/audit.js';
import { dateAndTimeInEngland } from '../../../platform/england-time.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../../platform/errors.js';
import { registerRecordMover } from '../../../platform/record-movers.js';
import type { Role } from '../../../platform/roles.js';
import { childSummaries } from '../../children/service.js';
import { calendar } from '../../clocks/service.js';
import { allTeams, frontDoorTeam } from '../../teams/service.js';
import * as queries from './queries.js';

/** Day-team roles that accept what the out-of-hours service hands over. */
export const acceptingRoles: readonly Role[] = ['social_worker', 'team_manager', 'service_manager', 'front_door'];
/** Who may look at any team's handover list (to see what is still waiting). */
export const overseeingRoles: readonly Role[] = ['service_manager', 'emergency_duty'];

/** The working day a call received at this moment is handed over on. */
export function handoverDayOf(receivedAt: Date): IsoDate {
  const { date, time } = dateAndTimeInEngland(receivedAt);
  return handoverDayFor(calendar, nightOf(date, time));
}

/**
 * Puts one item on a day team's handover list, inside the caller's transaction: for a child, their
 * allocated team (`teamId`); otherwise, and for a child not allocated, the front door team.
 */
export async function queueHandover(
  trx: Transaction<Database>,
  item: { callId: string; personId: string | null; teamId: string | null; receivedAt: Date },
): Promise<void> {
  const teamId = item.teamId ?? (await frontDoorTeam(trx))?.id ?? null;
  await queries.insertItem(trx, {
    call_id: item.callId,
    person_id: item.personId,
    team_id: teamId,
    handover_on: handoverDayOf(item.receivedAt),
  });
}

/** The handover items of one call, with the team each went to and who accepted it. */
export function handoverOfCall(db: Kysely<Database>, callId: string) {
  return queries.itemsOfCall(db, callId);
}

/** The teams whose lists this person may look at: their own, or any for those who oversee. */
export async function teamsFor(db: Kysely<Database>, actor: Actor) {
  const all = await allTeams(db);
  if (actor.role === 'emergency_duty') return all;
  if (actor.role === 'service_manager') return all.filter((t) => t.service_id === actor.serviceId || t.id === actor.teamId);
  return all.filter((t) => t.id === actor.teamId);
}

/**
 * A day team's handover list: every item not yet accepted (oldest handover day first), and those
 * accepted in the last day. The front door's list also has items no team was set for.
 */
export async function handoverList(db: Kysely<Database>, actor: Actor, teamId: string) {
  const team = (await teamsFor(db, actor)).find((t) => t.id === teamId);
  if (!team) throw new ForbiddenError('You can see the handover list of your own team only.');
  const items = await queries.itemsFor(db, team.id, team.is_front_door, new Date(Date.now() - 86_400_000));
  const personIds = [...new Set(items.flatMap((i) => (i.person_id ? [i.person_id] : [])))];
  const visible = await childrenVisibleTo(db, actor, personIds, 'out_of_hours.handover.list');
  const names = await childSummaries(db, visible);
  return {
    team,
    mayAccept: acceptingRoles.includes(actor.role) && actor.teamId === team.id,
    items: items.map((item) => {
      const child = item.person_id ? names.find((n) => n.id === item.person_id) : undefined;
      const hidden = item.person_id !== null && child === undefined;
      return {
        ...item,
        childName: child ? `${child.given_name} ${child.family_name}` : null,
        hidden,
        concern: hidden ? null : item.concern,
        childrenNotKnown: hidden ? null : item.children_not_known,
      };
    }),
  };
}

/** Someone in the item's team accepts it: it leaves the list, recording who and when. */
export async function acceptHandover(db: Kysely<Database>, actor: Actor, itemId: string): Promise<void> {
  if (!isRecordId(itemId)) throw new NotFoundError();
  const item = await queries.itemById(db, itemId);
  if (!item) throw new NotFoundError();
  const accept = async (trx: Transaction<Database>) => {
    const locked = await queries.lockItem(trx, itemId);
    if (!locked) throw new NotFoundError();
    const myTeam = actor.teamId !== null && (await teamsFor(trx, actor)).find((t) => t.id === actor.teamId);
    const ours = myTeam && (locked.team_id === myTeam.id || (locked.team_id === null && myTeam.is_front_door));
    if (!acceptingRoles.includes(actor.role) || !ours) throw new ForbiddenError('Only someone in the team it was handed to can accept it.');
    if (locked.accepted_at) {
      throw new ConflictError(
        `${locked.accepted_by_name ?? 'Someone'} in your team has already accepted this handover. Nothing was changed.`,
      );
    }
    await queries.accept(trx, itemId, actor.staffId);
    await recordAudit(trx, {
      staffId: actor.staffId,
      action: 'out_of_hours.handover.accept',
      outcome: 'allowed',
      recordType: 'handover_item',
      recordId: itemId,
      ...(locked.person_id ? { personId: locked.person_id } : {}),
      ipAddress: actor.ipAddress,
    });
  };
  if (item.person_id)
    await withChildRecord(db, actor, item.person_id, 'view', 'out_of_hours.handover.accept', (access) => accept(access.trx));
  else await db.transaction().execute(accept);
}

/** On merging two records of a child, the merged child's handover items (waiting or accepted) go to the one kept. */
registerRecordMover({
  name: 'handover items',
  columns: ['handover_items.person_id'],
  move: (merged, survivor) => queries.moveItems(merged.trx, merged.personId, survivor.personId),
  restore: (merged, _survivor, moved) => queries.moveItemsBack(merged.trx, moved, merged.personId),
});
