import type { Insertable, Kysely, Transaction } from 'kysely';
import type { ContactsTable, Database } from '../../../db/schema.js';

export async function insertContact(trx: Transaction<Database>, contact: Insertable<ContactsTable>, personIds: readonly string[]) {
  const row = await trx.insertInto('contacts').values(contact).returning('id').executeTakeFirstOrThrow();
  await trx
    .insertInto('contact_children')
    .values(personIds.map((personId) => ({ contact_id: row.id, person_id: personId })))
    .execute();
  return row.id;
}

export function childrenOfContact(db: Kysely<Database>, contactId: string) {
  return db.selectFrom('contact_children').select(['person_id', 'referral_id']).where('contact_id', '=', contactId).execute();
}

export function contactById(db: Kysely<Database>, contactId: string) {
  return db
    .selectFrom('contacts')
    .innerJoin('staff as recorder', 'recorder.id', 'contacts.recorded_by')
    .leftJoin('staff as decider', 'decider.id', 'contacts.decided_by')
    .leftJoin('staff as informer', 'informer.id', 'contacts.referrer_informed_recorded_by')
    .selectAll('contacts')
    .select([
      'recorder.display_name as recorded_by_name',
      'decider.display_name as decided_by_name',
      'informer.display_name as informed_by_name',
    ])
    .where('contacts.id', '=', contactId)
    .executeTakeFirst();
}

/** Open contacts (no decision yet), with the children each is about. */
export function openContacts(db: Kysely<Database>) {
  return db
    .selectFrom('contacts')
    .select(['id', 'received_at', 'referral_source', 'referrer_name', 'referrer_organisation', 'rag_rating'])
    .select((eb) =>
      eb
        .selectFrom('contact_children')
        .select((sub) => sub.fn.agg<string[]>('array_agg', ['contact_children.person_id']).as('ids'))
        .whereRef('contact_children.contact_id', '=', 'contacts.id')
        .as('person_ids'),
    )
    .where('decision', 'is', null)
    .orderBy('received_at')
    .execute();
}

/** Contacts decided since a moment, newest first. */
export function decidedContacts(db: Kysely<Database>, since: Date) {
  return db
    .selectFrom('contacts')
    .leftJoin('staff as decider', 'decider.id', 'contacts.decided_by')
    .select([
      'contacts.id',
      'contacts.received_at',
      'contacts.referrer_name',
      'contacts.referrer_organisation',
      'contacts.decision',
      'contacts.decided_at',
      'contacts.referrer_informed_on',
      'decider.display_name as decided_by_name',
    ])
    .select((eb) =>
      eb
        .selectFrom('contact_children')
        .select((sub) => sub.fn.agg<string[]>('array_agg', ['contact_children.person_id']).as('ids'))
        .whereRef('contact_children.contact_id', '=', 'contacts.id')
        .as('person_ids'),
    )
    .where('contacts.decided_at', '>=', since)
    .orderBy('contacts.referrer_informed_on', (o) => o.desc().nullsFirst())
    .orderBy('contacts.decided_at', 'desc')
    .execute();
}
