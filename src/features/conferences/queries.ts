import type { Insertable } from 'kysely';
import { type Kysely, sql } from 'kysely';
import type { ChildProtectionConferencesTable, Database } from '../../db/schema.js';
import type { ChildRecordAccess } from '../../platform/access.js';

export function conferencesOf(access: ChildRecordAccess) {
  return access.trx
    .selectFrom('child_protection_conferences')
    .select(['id', 'referral_id', 'kind', 'section_47_id', 'plan_id', 'held_on', 'chair', 'agencies', 'decision', 'category_of_abuse'])
    .where('person_id', '=', access.personId)
    .orderBy('held_on', 'desc')
    .orderBy('recorded_at', 'desc')
    .execute();
}

export async function insertConference(
  access: ChildRecordAccess,
  conference: Omit<Insertable<ChildProtectionConferencesTable>, 'person_id'>,
) {
  const row = await access.trx
    .insertInto('child_protection_conferences')
    .values({ ...conference, person_id: access.personId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function linkPlan(access: ChildRecordAccess, conferenceId: string, planId: string) {
  await access.trx
    .updateTable('child_protection_conferences')
    .set({ plan_id: planId })
    .where('id', '=', conferenceId)
    .where('person_id', '=', access.personId)
    .execute();
}

/** For the statutory returns: every child protection conference of these referrals, whoever the child. */
export function conferencesForReturns(db: Kysely<Database>, referralIds: readonly string[]) {
  return db
    .selectFrom('child_protection_conferences')
    .select(['id', 'person_id', 'referral_id', 'kind', 'section_47_id', 'plan_id', 'held_on', 'decision'])
    .where(sql<boolean>`referral_id = any(${[...referralIds]}::uuid[])`)
    .execute();
}
