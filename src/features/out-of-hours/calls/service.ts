import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { type CallAction, callActionLabel } from '../../../domain/out-of-hours/call-actions.js';
import type { CallAnswer } from '../../../domain/out-of-hours/call-answer.js';
import type { CallbackResult } from '../../../domain/out-of-hours/callback-results.js';
import { type CallerType, callerTypeLabel } from '../../../domain/out-of-hours/caller-types.js';
import { type ChildRecordAccess, childrenVisibleTo, isRecordId, withChildRecords } from '../../../platform/access.js';
import type { ChildAction } from '../../../platform/access-policy.js';
import type { Actor } from '../../../platform/actor.js';
import { recordAudit } from '../../../platform/audit.js';
import { dateAndTimeInEngland } from '../../../platform/england-time.js';
import { BadRequestError, NotFoundError } from '../../../platform/errors.js';
import { registerRecordMover } from '../../../platform/record-movers.js';
import type { Role } from '../../../platform/roles.js';
import { currentSocialWorker } from '../../allocation/service.js';
import { childSummaries } from '../../children/service.js';
import { recordChronologyEntry } from '../../chronology/service.js';
import { handoverOfCall, queueHandover } from '../handover/service.js';
import * as queries from './queries.js';

/** Out-of-hours workers record calls and call-backs. */
export const callRecordingRoles: readonly Role[] = ['emergency_duty'];
/** Who may read the call log: the out-of-hours service, the head of service, and day teams picking up a handover. */
export const callReadingRoles: readonly Role[] = ['emergency_duty', 'service_manager', 'team_manager', 'social_worker', 'front_door'];

export interface NewCall {
  receivedAt: Date;
  answer: CallAnswer;
  /** Required for an answered call, absent otherwise. */
  answeredAt?: Date;
  callerType: CallerType;
  callerName?: string;
  callerContactDetails?: string;
  /** Known children the call was about. */
  personIds: readonly string[];
  /** Children the caller spoke of who are not known to Hearth. */
  childrenNotKnown?: string;
  concern?: string;
  actions: readonly CallAction[];
  visitNeeded: boolean;
  outcome?: string;
}

/** Why these call times cannot be right, or null: none in the future, none answered before it rang. */
export function callTimesProblem(call: { receivedAt: Date; answer: CallAnswer; answeredAt?: Date | undefined }, now = new Date()) {
  if (call.receivedAt > now) return { field: 'receivedDate', message: 'The time the call came in must be now or in the past' };
  if (call.answer === 'answered' && !call.answeredAt) return { field: 'answeredDate', message: 'Enter when the call was answered' };
  if (call.answer !== 'answered' && call.answeredAt)
    return { field: 'answer', message: 'Only an answered call has a time it was answered' };
  if (call.answeredAt && call.answeredAt > now)
    return { field: 'answeredDate', message: 'The time the call was answered must be now or in the past' };
  if (call.answeredAt && call.answeredAt < call.receivedAt)
    return { field: 'answeredDate', message: 'A call cannot be answered before it came in' };
  return null;
}

/** Runs `work` in one transaction, with access to each named child's record (checked and audited). */
async function withCallChildren<T>(
  db: Kysely<Database>,
  actor: Actor,
  personIds: readonly string[],
  action: ChildAction,
  purpose: string,
  work: (trx: Transaction<Database>, accesses: ChildRecordAccess[]) => Promise<T>,
): Promise<T> {
  if (personIds.length === 0) return db.transaction().execute((trx) => work(trx, []));
  return withChildRecords(db, actor, personIds, action, purpose, (accesses) => {
    const [first] = accesses;
    if (!first) throw new NotFoundError();
    return work(first.trx, accesses);
  });
}

/**
 * Records an out-of-hours call, answered or not: on each known child's chronology, and on the next
 * working day's handover list of each child's allocated team (the front door for a child not
 * allocated, and for a call about no known child). All or nothing.
 */
export async function recordCall(db: Kysely<Database>, actor: Actor, call: NewCall): Promise<string> {
  const problem = callTimesProblem(call);
  if (problem) throw new BadRequestError(`${problem.message}. Nothing was saved.`);
  const personIds = [...new Set(call.personIds)];
  return withCallChildren(db, actor, personIds, 'edit', 'out_of_hours.call.record', async (trx, accesses) => {
    const id = await queries.insertCall(
      trx,
      {
        received_at: call.receivedAt,
        answer: call.answer,
        answered_at: call.answeredAt ?? null,
        caller_type: call.callerType,
        caller_name: call.callerName || null,
        caller_contact_details: call.callerContactDetails || null,
        children_not_known: call.childrenNotKnown || null,
        concern: call.concern || null,
        actions: [...call.actions],
        visit_needed: call.visitNeeded,
        outcome: call.outcome || null,
        worker_id: actor.staffId,
      },
      personIds,
    );
    const received = dateAndTimeInEngland(call.receivedAt);
    const did = call.actions.length ? `: ${call.actions.map((a) => callActionLabel(a)?.toLowerCase()).join(', ')}` : '';
    const what =
      call.answer === 'answered'
        ? `Out-of-hours call from ${callerTypeLabel(call.callerType)?.toLowerCase()}${did}`
        : 'Out-of-hours call not answered';
    for (const access of accesses) {
      await recordChronologyEntry(access, {
        kind: 'out_of_hours',
        occurredOn: received.date,
        occurredAt: call.receivedAt,
        summary: what,
        source: { type: 'out_of_hours_call', id },
      });
      await queueHandover(trx, {
        callId: id,
        personId: access.personId,
        teamId: (await currentSocialWorker(access))?.teamId ?? null,
        receivedAt: call.receivedAt,
      });
    }
    if (accesses.length === 0) {
      await queueHandover(trx, { callId: id, personId: null, teamId: null, receivedAt: call.receivedAt });
      await recordAudit(trx, {
        staffId: actor.staffId,
        action: 'out_of_hours.call.record',
        outcome: 'allowed',
        recordType: 'out_of_hours_call',
        recordId: id,
        ipAddress: actor.ipAddress,
      });
    }
    return id;
  });
}

async function childrenOf(db: Kysely<Database>, callId: string): Promise<string[]> {
  if (!isRecordId(callId)) throw new NotFoundError();
  if (!(await queries.callById(db, callId))) throw new NotFoundError();
  return (await queries.childrenOfCall(db, callId)).map((c) => c.person_id);
}

/** One call with its children, call-back attempts and where it was handed over. */
export async function viewCall(db: Kysely<Database>, actor: Actor, callId: string) {
  const personIds = await childrenOf(db, callId);
  return withCallChildren(db, actor, personIds, 'view', 'out_of_hours.call.view', async (trx, accesses) => {
    if (accesses.length === 0) {
      await recordAudit(trx, {
        staffId: actor.staffId,
        action: 'out_of_hours.call.view',
        outcome: 'allowed',
        recordType: 'out_of_hours_call',
        recordId: callId,
        ipAddress: actor.ipAddress,
      });
    }
    const [call, callbacks, children, handover] = await Promise.all([
      queries.callById(trx, callId),
      queries.callbacksOf(trx, callId),
      childSummaries(trx, personIds),
      handoverOfCall(trx, callId),
    ]);
    if (!call) throw new NotFoundError();
    return { call, callbacks, children, handover };
  });
}

/** A call-back to an unanswered or abandoned caller: not before the call, not in the future. */
export async function recordCallback(
  db: Kysely<Database>,
  actor: Actor,
  callId: string,
  callback: { attemptedAt: Date; result: CallbackResult },
): Promise<void> {
  const personIds = await childrenOf(db, callId);
  await withCallChildren(db, actor, personIds, 'edit', 'out_of_hours.callback.record', async (trx) => {
    const call = await queries.callById(trx, callId);
    if (!call) throw new NotFoundError();
    if (call.answer === 'answered')
      throw new BadRequestError('This call was answered: call-backs are recorded for unanswered and abandoned calls.');
    if (callback.attemptedAt > new Date()) throw new BadRequestError('The call-back time must be now or in the past. Nothing was saved.');
    if (callback.attemptedAt < call.received_at)
      throw new BadRequestError('A call-back cannot be before the call came in. Nothing was saved.');
    await queries.insertCallback(trx, {
      call_id: callId,
      attempted_at: callback.attemptedAt,
      attempted_by: actor.staffId,
      result: callback.result,
    });
    await recordAudit(trx, {
      staffId: actor.staffId,
      action: 'out_of_hours.callback.record',
      outcome: 'allowed',
      recordType: 'out_of_hours_call',
      recordId: callId,
      ipAddress: actor.ipAddress,
    });
  });
}

/** The call log for a period, newest first; children named only where the person may open their record. */
export async function callLog(db: Kysely<Database>, actor: Actor, from: Date, to: Date) {
  const calls = await queries.callsBetween(db, from, to);
  const visible = await childrenVisibleTo(db, actor, [...new Set(calls.flatMap((c) => c.person_ids ?? []))], 'out_of_hours.call_log');
  const names = await childSummaries(db, visible);
  return calls.map((c) => ({
    ...c,
    callbackCount: Number(c.callback_count ?? 0),
    children: (c.person_ids ?? []).map((id) => {
      const child = names.find((n) => n.id === id);
      return child ? `${child.given_name} ${child.family_name}` : 'A child whose record you cannot open';
    }),
  }));
}

/** On merging two records of a child, the out-of-hours calls about the merged child become calls about the one kept. */
registerRecordMover({
  name: 'out-of-hours calls',
  columns: ['out_of_hours_call_children.person_id'],
  move: async (merged, survivor) => {
    const { moved, removed } = await queries.moveCallChildren(merged.trx, merged.personId, survivor.personId);
    return [...moved.map((id) => `moved:${id}`), ...removed.map((id) => `removed:${id}`)];
  },
  restore: async (merged, survivor, moved) => {
    const ids = (prefix: string) => moved.filter((m) => m.startsWith(prefix)).map((m) => m.slice(prefix.length));
    await queries.moveCallChildrenBack(merged.trx, survivor.personId, merged.personId, ids('moved:'), ids('removed:'));
  },
});
