import type { Kysely } from 'kysely';
import type { AuditOutcome, Database } from '../db/schema.js';

/**
 * One line of the append-only audit trail: who did what to which record, when and from where.
 * `detail` holds identifiers and codes only, never names or case content.
 */
export interface AuditEvent {
  staffId: string | null;
  action: string;
  outcome: AuditOutcome;
  recordType?: string;
  recordId?: string;
  personId?: string;
  ipAddress?: string;
  detail?: Record<string, string | number | boolean | null | readonly string[]>;
}

export async function recordAudit(db: Kysely<Database>, event: AuditEvent): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      staff_id: event.staffId,
      action: event.action,
      outcome: event.outcome,
      record_type: event.recordType ?? null,
      record_id: event.recordId ?? null,
      person_id: event.personId ?? null,
      ip_address: event.ipAddress ?? null,
      detail: event.detail ? JSON.stringify(event.detail) : null,
    })
    .execute();
}
