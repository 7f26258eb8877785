import type { Insertable, Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
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

/** For the statutory returns: each child of each contact received between two dates (England), with the contact's source. */
export function contactsForReturns(db: Kysely<Database>, from: string, to: string) {
  return db
    .selectFrom('contact_children')
    .innerJoin('contacts', 'contacts.id', 'contact_children.contact_id')
    .select([
      'contact_children.person_id',
      'contacts.id',
      'contacts.referral_source',
      sql<string>`to_char(contacts.received_at at time zone 'Europe/London', 'YYYY-MM-DD')`.as('received_on'),
    ])
    .where(sql<boolean>`(contacts.received_at at time zone 'Europe/London')::date between ${from}::date and ${to}::date`)
    .execute();
}

/**
 * On merging two records of a child: the merged child's places on contacts go to the survivor.
 * Where the survivor is already on the same contact, the merged child's place is removed instead,
 * and returned so an undo can put it back exactly.
 */
export async function moveContactChildren(trx: Transaction<Database>, fromId: string, toId: string) {
  const theirs = await trx.selectFrom('contact_children').select(['contact_id', 'referral_id']).where('person_id', '=', fromId).execute();
  if (theirs.length === 0) return { moved: [], removed: [] };
  const shared = new Set(
    (
      await trx
        .selectFrom('contact_children')
        .select('contact_id')
        .where('person_id', '=', toId)
        .where(
          'contact_id',
          'in',
          theirs.map((t) => t.contact_id),
        )
        .execute()
    ).map((r) => r.contact_id),
  );
  const removed = theirs.filter((t) => shared.has(t.contact_id));
  const moved = theirs.filter((t) => !shared.has(t.contact_id)).map((t) => t.contact_id);
  if (removed.length > 0)
    await trx
      .deleteFrom('contact_children')
      .where('person_id', '=', fromId)
      .where(
        'contact_id',
        'in',
        removed.map((r) => r.contact_id),
      )
      .execute();
  if (moved.length > 0)
    await trx
      .updateTable('contact_children')
      .set({ person_id: toId })
      .where('person_id', '=', fromId)
      .where('contact_id', 'in', moved)
      .execute();
  return { moved, removed };
}

/** Undoes `moveContactChildren`: the moved places go back from the survivor, the removed ones are added again. */
export async function moveContactChildrenBack(
  trx: Transaction<Database>,
  survivorId: string,
  mergedId: string,
  moved: readonly string[],
  removed: readonly { contact_id: string; referral_id: string | null }[],
) {
  if (moved.length > 0)
    await trx
      .updateTable('contact_children')
      .set({ person_id: mergedId })
      .where('person_id', '=', survivorId)
      .where('contact_id', 'in', moved)
      .execute();
  if (removed.length > 0)
    await trx
      .insertInto('contact_children')
      .values(removed.map((r) => ({ contact_id: r.contact_id, person_id: mergedId, referral_id: r.referral_id })))
      .execute();
}
