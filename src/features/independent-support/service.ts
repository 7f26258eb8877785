import type { Kysely } from 'kysely';
import type { Database, IsoDate } from '../../db/schema.js';
import { type ChildRecordAccess, withChildRecord } from '../../platform/access.js';
import type { Actor } from '../../platform/actor.js';
import { moveChildRows, moveChildRowsBack } from '../../platform/child-rows.js';
import { ConflictError, NotFoundError } from '../../platform/errors.js';
import { registerRecordMover } from '../../platform/record-movers.js';
import { recordChronologyEntry, registerSourceLink } from '../chronology/service.js';
import * as queries from './queries.js';

const supportTables = ['independent_support'] as const;

registerSourceLink('independent_support', (personId) => `/children/${personId}/reviews#independent-support`);

export type SupportKind = 'independent_visitor' | 'advocate';
export const supportKindNames: Record<SupportKind, string> = { independent_visitor: 'Independent visitor', advocate: 'Advocate' };

export type SupportChange = { ok: true } | { ok: false; problems: { field: string; message: string }[] };

/** The child's independent visitors and advocates: who asked, who was offered one, who has one. */
export function supportOf(access: ChildRecordAccess) {
  return queries.supportOf(access);
}

/**
 * Records an independent visitor or advocate: the child asked for one, one was offered, declined,
 * or is in place. Dates must follow one another: asked, offered, then declined or started.
 */
export function recordSupport(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: {
    kind: SupportKind;
    childAskedOn: IsoDate | null;
    offeredOn: IsoDate | null;
    declinedOn: IsoDate | null;
    startedOn: IsoDate | null;
    providedBy: string | null;
    today: IsoDate;
  },
): Promise<SupportChange> {
  return withChildRecord(db, actor, personId, 'edit', 'independent_support.record', async (access) => {
    const problems: { field: string; message: string }[] = [];
    if (!input.childAskedOn && !input.offeredOn && !input.startedOn) {
      problems.push({ field: 'childAskedOn', message: 'Enter when the child asked, when one was offered, or when one started' });
    }
    if (input.declinedOn && input.startedOn)
      problems.push({ field: 'declinedOn', message: 'An offer cannot be both declined and taken up' });
    if (input.declinedOn && !input.offeredOn)
      problems.push({ field: 'offeredOn', message: 'Enter when it was offered, if the child declined it' });
    if (input.childAskedOn && input.offeredOn && input.offeredOn < input.childAskedOn) {
      problems.push({ field: 'offeredOn', message: 'The offer cannot be before the child asked' });
    }
    const after = input.offeredOn ?? input.childAskedOn;
    if (after && input.startedOn && input.startedOn < after)
      problems.push({ field: 'startedOn', message: 'The start cannot be before the child asked or was offered one' });
    if (input.offeredOn && input.declinedOn && input.declinedOn < input.offeredOn)
      problems.push({ field: 'declinedOn', message: 'The child cannot decline before the offer' });
    for (const [field, value] of Object.entries({
      childAskedOn: input.childAskedOn,
      offeredOn: input.offeredOn,
      declinedOn: input.declinedOn,
      startedOn: input.startedOn,
    })) {
      if (value && value > input.today) problems.push({ field, message: 'The date cannot be in the future' });
    }
    if (input.startedOn && !input.providedBy)
      problems.push({ field: 'providedBy', message: 'Enter who the independent visitor or advocate is' });
    if (problems.length > 0) return { ok: false, problems };

    const id = await queries.insertSupport(access, {
      kind: input.kind,
      child_asked_on: input.childAskedOn,
      offered_on: input.offeredOn,
      declined_on: input.declinedOn,
      started_on: input.startedOn,
      provided_by: input.providedBy,
      recorded_by: actor.staffId,
    });
    const name = supportKindNames[input.kind].toLowerCase();
    const what = input.startedOn
      ? `Has an ${name}${input.providedBy ? ` (${input.providedBy})` : ''}`
      : input.declinedOn
        ? `Offered an ${name} and declined`
        : input.offeredOn
          ? `Offered an ${name}`
          : `Asked for an ${name}`;
    await recordChronologyEntry(access, {
      kind: 'advocacy',
      occurredOn: input.startedOn ?? input.declinedOn ?? input.offeredOn ?? (input.childAskedOn as IsoDate),
      summary: `${what}.`,
      source: { type: 'independent_support', id },
    });
    return { ok: true };
  });
}

/** Records that an independent visitor or advocate stopped. */
export function endSupport(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: { supportId: string; version: number; endedOn: IsoDate },
): Promise<SupportChange> {
  return withChildRecord(db, actor, personId, 'edit', 'independent_support.end', async (access) => {
    const support = (await queries.supportOf(access)).find((s) => s.id === input.supportId && s.started_on !== null);
    if (!support) throw new NotFoundError();
    if (input.endedOn < (support.started_on as IsoDate))
      return { ok: false, problems: [{ field: 'endedOn', message: 'The end cannot be before the start' }] };
    if (!(await queries.endSupport(access, input.supportId, input.version, input.endedOn))) throw new ConflictError();
    await recordChronologyEntry(access, {
      kind: 'advocacy',
      occurredOn: input.endedOn,
      summary: `${supportKindNames[support.kind]} stopped.`,
      source: { type: 'independent_support', id: input.supportId },
    });
    return { ok: true };
  });
}

/** On merging two records of a child, the merged record's independent visitors and advocates go to the one kept. */
registerRecordMover({
  name: 'independent visitors and advocates',
  columns: ['independent_support.person_id'],
  move: (merged, survivor) => moveChildRows(merged, survivor, supportTables),
  restore: (merged, _survivor, moved) => moveChildRowsBack(merged, supportTables, moved),
});
