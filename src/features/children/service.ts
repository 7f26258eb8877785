import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { childrenVisibleTo, isRecordId, withChildRecord } from '../../platform/access.js';
import { mayReadAuditTrail } from '../../platform/access-policy.js';
import type { Actor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { ForbiddenError, NotFoundError } from '../../platform/errors.js';
import * as queries from './queries.js';

const searchLimit = 50;

export async function searchChildren(db: Kysely<Database>, actor: Actor, term: string) {
  const candidates = await queries.findChildIds(db, term, searchLimit);
  const visible = await childrenVisibleTo(db, actor, candidates, 'children.search');
  return queries.childSummaries(db, visible);
}

/** The child's record as its summary page shows it. */
export function viewChildRecord(db: Kysely<Database>, actor: Actor, personId: string) {
  return withChildRecord(db, actor, personId, 'view', 'child.record.view', async (access) => {
    const [child, allocations] = await Promise.all([queries.childRecord(access), queries.allocationHistory(access)]);
    return { child, allocations };
  });
}

/** Who viewed or changed a child's record: for administrators and service managers. */
export async function viewAuditTrail(db: Kysely<Database>, actor: Actor, personId: string) {
  if (!isRecordId(personId)) throw new NotFoundError();
  const child = await queries.childExists(db, personId);
  if (!child) throw new NotFoundError();
  const audit = {
    staffId: actor.staffId,
    action: 'child.audit_trail.view',
    recordType: 'child',
    recordId: personId,
    personId,
    ipAddress: actor.ipAddress,
  };
  if (!mayReadAuditTrail(actor.role)) {
    await recordAudit(db, { ...audit, outcome: 'denied' });
    throw new ForbiddenError();
  }
  await recordAudit(db, { ...audit, outcome: 'allowed' });
  return { laChildId: child.la_child_id, events: await queries.auditTrail(db, personId, 500) };
}

export const childSummaries = queries.childSummaries;
