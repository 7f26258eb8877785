import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { type ChildAccessFacts, type ChildAction, decideChildAccess } from './access-policy.js';
import type { Actor } from './actor.js';
import { type AuditEvent, recordAudit } from './audit.js';
import { ForbiddenError, NotFoundError } from './errors.js';

const granted: unique symbol = Symbol('child record access granted');

/**
 * Proof that `actor` may `action` the record of child `personId`, valid inside `trx` only.
 * It can be made nowhere but here, so a query that takes one cannot be reached without the
 * access check and the audit event.
 */
export interface ChildRecordAccess {
  readonly [granted]: true;
  readonly personId: string;
  readonly actor: Actor;
  readonly action: ChildAction;
  readonly trx: Transaction<Database>;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isRecordId(value: string): boolean {
  return uuidPattern.test(value);
}

async function loadAccessFacts(db: Kysely<Database>, personIds: readonly string[]): Promise<Map<string, ChildAccessFacts>> {
  const facts = new Map<string, ChildAccessFacts>();
  if (personIds.length === 0) return facts;
  const children = await db
    .selectFrom('people')
    .select(['id', 'restricted'])
    .where('id', 'in', personIds)
    .where('is_child', '=', true)
    .execute();
  if (children.length === 0) return facts;
  const ids = children.map((c) => c.id);
  const restrictedIds = children.filter((c) => c.restricted).map((c) => c.id);
  const [named, allocations] = await Promise.all([
    restrictedIds.length
      ? db.selectFrom('restricted_record_access').select(['person_id', 'staff_id']).where('person_id', 'in', restrictedIds).execute()
      : Promise.resolve([]),
    db
      .selectFrom('allocations')
      .innerJoin('teams', 'teams.id', 'allocations.team_id')
      .select(['allocations.person_id', 'allocations.team_id', 'allocations.staff_id', 'teams.service_id'])
      .where('allocations.person_id', 'in', ids)
      .where('allocations.ended_on', 'is', null)
      .execute(),
  ]);
  for (const child of children) {
    const mine = allocations.filter((a) => a.person_id === child.id);
    facts.set(child.id, {
      restricted: child.restricted,
      namedStaffIds: named.filter((n) => n.person_id === child.id).map((n) => n.staff_id),
      allocatedTeamIds: mine.map((a) => a.team_id),
      allocatedServiceIds: mine.map((a) => a.service_id),
      allocatedStaffIds: mine.flatMap((a) => (a.staff_id ? [a.staff_id] : [])),
    });
  }
  return facts;
}

/**
 * Of these children, the ones `actor` may view: for lists and search results, which show only
 * what the person could open. Appends one audit event for the list as a whole.
 */
export async function childrenVisibleTo(
  db: Kysely<Database>,
  actor: Actor,
  personIds: readonly string[],
  purpose: string,
): Promise<string[]> {
  const facts = await loadAccessFacts(db, personIds);
  const visible = personIds.filter((id) => {
    const f = facts.get(id);
    return f !== undefined && decideChildAccess(actor, f, 'view').allowed;
  });
  await recordAudit(db, {
    staffId: actor.staffId,
    action: purpose,
    outcome: 'allowed',
    recordType: 'child_list',
    ipAddress: actor.ipAddress,
    detail: { shown: visible, withheld: personIds.length - visible.length },
  });
  return visible;
}

/**
 * The one path for every read or write of a child's data: checks access, appends the audit event
 * and runs `work` in the same transaction. A refusal is audited too, and answered with 403.
 * `purpose` names what is being done (for example "child.record.view"); it goes into the audit trail.
 */
export function withChildRecord<T>(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  action: ChildAction,
  purpose: string,
  work: (access: ChildRecordAccess) => Promise<T>,
): Promise<T> {
  return withChildRecords(db, actor, [personId], action, purpose, ([access]) => work(access as ChildRecordAccess));
}

/** The audit event of one opening of (or refusal to open) a child's record. */
function childRecordEvent(actor: Actor, purpose: string, personId: string, reason?: string): AuditEvent {
  return {
    staffId: actor.staffId,
    action: purpose,
    outcome: reason === undefined ? 'allowed' : 'denied',
    recordType: 'child',
    recordId: personId,
    personId,
    ipAddress: actor.ipAddress,
    ...(reason === undefined ? {} : { detail: { reason } }),
  };
}

/**
 * `withChildRecord` for work that touches several children's records at once (merging two records
 * of the same child): every record is checked and audited, and `work` gets one access per record,
 * in the order given, all in one transaction. Any refusal refuses the whole.
 */
export async function withChildRecords<T>(
  db: Kysely<Database>,
  actor: Actor,
  personIds: readonly string[],
  action: ChildAction,
  purpose: string,
  work: (accesses: ChildRecordAccess[]) => Promise<T>,
): Promise<T> {
  if (personIds.some((id) => !isRecordId(id))) throw new NotFoundError();
  const facts = await loadAccessFacts(db, personIds);
  for (const personId of personIds) {
    const f = facts.get(personId);
    if (!f) throw new NotFoundError();
    const decision = decideChildAccess(actor, f, action);
    if (!decision.allowed) {
      await recordAudit(db, childRecordEvent(actor, purpose, personId, decision.reason));
      throw new ForbiddenError();
    }
  }
  return db.transaction().execute(async (trx) => {
    for (const personId of personIds) await recordAudit(trx, childRecordEvent(actor, purpose, personId));
    return work(personIds.map((personId) => ({ [granted]: true, personId, actor, action, trx })));
  });
}

/**
 * Adds a child's record and opens it for `work`, in one transaction: `insert` adds the child and
 * returns the new id; the actor must then be allowed to edit it (a new child is not yet allocated)
 * or nothing is saved. The creation is audited.
 */
export async function withNewChildRecord<T>(
  db: Kysely<Database>,
  actor: Actor,
  purpose: string,
  insert: (trx: Transaction<Database>) => Promise<string>,
  work: (access: ChildRecordAccess) => Promise<T>,
): Promise<T> {
  const unallocated: ChildAccessFacts = {
    restricted: false,
    namedStaffIds: [],
    allocatedTeamIds: [],
    allocatedServiceIds: [],
    allocatedStaffIds: [],
  };
  const decision = decideChildAccess(actor, unallocated, 'edit');
  if (!decision.allowed) {
    await recordAudit(db, {
      staffId: actor.staffId,
      action: purpose,
      outcome: 'denied',
      recordType: 'child',
      ipAddress: actor.ipAddress,
      detail: { reason: decision.reason },
    });
    throw new ForbiddenError();
  }
  return db.transaction().execute(async (trx) => {
    const personId = await insert(trx);
    await recordAudit(trx, childRecordEvent(actor, purpose, personId));
    return work({ [granted]: true, personId, actor, action: 'edit', trx });
  });
}
