import type { Insertable } from 'kysely';
import { type Kysely, sql } from 'kysely';
import type { Database, ReferralsTable } from '../../../db/schema.js';
import type { ChildRecordAccess } from '../../../platform/access.js';

const columns = [
  'referrals.id',
  'referrals.contact_id',
  'referrals.referral_date',
  'referrals.referral_source',
  'referrals.primary_need_code',
  'referrals.referral_nfa',
  'referrals.is_re_referral',
  'referrals.previous_referral_id',
  'referrals.closed_on',
  'referrals.closure_reason',
  'referrals.version',
] as const;

export function referralsOf(access: ChildRecordAccess) {
  return access.trx
    .selectFrom('referrals')
    .select(columns)
    .where('referrals.person_id', '=', access.personId)
    .orderBy('referrals.referral_date', 'desc')
    .orderBy('referrals.recorded_at', 'desc')
    .execute();
}

export function openReferral(access: ChildRecordAccess) {
  return access.trx
    .selectFrom('referrals')
    .select(columns)
    .where('referrals.person_id', '=', access.personId)
    .where('referrals.closed_on', 'is', null)
    .where('referrals.referral_nfa', '=', false)
    .executeTakeFirst();
}

/** The child's latest referral on or before a date. */
export function latestReferralOnOrBefore(access: ChildRecordAccess, date: string) {
  return access.trx
    .selectFrom('referrals')
    .select(['id', 'referral_date'])
    .where('person_id', '=', access.personId)
    .where('referral_date', '<=', date)
    .orderBy('referral_date', 'desc')
    .orderBy('recorded_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertReferral(access: ChildRecordAccess, referral: Omit<Insertable<ReferralsTable>, 'person_id'>) {
  const row = await access.trx
    .insertInto('referrals')
    .values({ ...referral, person_id: access.personId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Closes the episode if it is still at `version`; false when it was changed or closed meanwhile. */
export async function closeReferral(access: ChildRecordAccess, id: string, version: number, closedOn: string, closureReason: string) {
  const result = await access.trx
    .updateTable('referrals')
    .set({ closed_on: closedOn, closure_reason: closureReason, version: version + 1 })
    .where('id', '=', id)
    .where('person_id', '=', access.personId)
    .where('version', '=', version)
    .where('closed_on', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** For the statutory returns: every referral made on or before `to` of an episode not closed before `from`, whoever the child. */
export function referralsForReturns(db: Kysely<Database>, from: string, to: string) {
  return db
    .selectFrom('referrals')
    .select(['id', 'person_id', 'referral_date', 'referral_source', 'primary_need_code', 'referral_nfa', 'closed_on', 'closure_reason'])
    .where('referral_date', '<=', to)
    .where((eb) => eb.or([eb('closed_on', 'is', null), eb('closed_on', '>=', from)]))
    .where(sql<boolean>`person_id in (select id from people where merged_into_id is null)`)
    .execute();
}

/** For the statutory returns: the referrals of these children made on or after a date (re-referral counts). */
export function referralsOfChildrenSince(db: Kysely<Database>, personIds: readonly string[], from: string) {
  return db
    .selectFrom('referrals')
    .select(['person_id', 'referral_date'])
    .where(sql<boolean>`person_id = any(${[...personIds]}::uuid[])`)
    .where('referral_date', '>=', from)
    .execute();
}

/** Whether the child has a referral not yet closed: a child has at most one. */
export async function hasUnclosedReferral(access: ChildRecordAccess): Promise<boolean> {
  const row = await access.trx
    .selectFrom('referrals')
    .select('id')
    .where('person_id', '=', access.personId)
    .where('closed_on', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

export async function moveReferrals(access: ChildRecordAccess, toId: string): Promise<string[]> {
  const rows = await access.trx
    .updateTable('referrals')
    .set({ person_id: toId })
    .where('person_id', '=', access.personId)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function moveReferralsBack(access: ChildRecordAccess, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await access.trx.updateTable('referrals').set({ person_id: access.personId }).where('id', 'in', ids).execute();
}
