import type { Transaction } from 'kysely';
import type { Database } from '../../../db/schema.js';

/** The contact, locked until the transaction ends, so two managers cannot decide it at once. */
export function lockContact(trx: Transaction<Database>, contactId: string) {
  return trx
    .selectFrom('contacts')
    .leftJoin('staff', 'staff.id', 'contacts.decided_by')
    .select([
      'contacts.id',
      'contacts.received_at',
      'contacts.referral_source',
      'contacts.decision',
      'contacts.decided_at',
      'contacts.version',
      'staff.display_name as decided_by_name',
    ])
    .where('contacts.id', '=', contactId)
    .forUpdate('contacts')
    .executeTakeFirst();
}

export async function saveDecision(
  trx: Transaction<Database>,
  contactId: string,
  decision: { decision: string; rationale: string; decidedBy: string; decidedAt: Date },
) {
  await trx
    .updateTable('contacts')
    .set((eb) => ({
      decision: decision.decision,
      decision_rationale: decision.rationale,
      decided_by: decision.decidedBy,
      decided_at: decision.decidedAt,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', contactId)
    .execute();
}

export async function linkReferral(trx: Transaction<Database>, contactId: string, personId: string, referralId: string) {
  await trx
    .updateTable('contact_children')
    .set({ referral_id: referralId })
    .where('contact_id', '=', contactId)
    .where('person_id', '=', personId)
    .execute();
}

export async function saveReferrerInformed(trx: Transaction<Database>, contactId: string, informedOn: string, recordedBy: string) {
  await trx
    .updateTable('contacts')
    .set((eb) => ({ referrer_informed_on: informedOn, referrer_informed_recorded_by: recordedBy, version: eb('version', '+', 1) }))
    .where('id', '=', contactId)
    .execute();
}
