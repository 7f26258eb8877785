import type { Insertable, Kysely } from 'kysely';
import type { Database, LookedAfterReviewsTable } from '../../db/schema.js';
import type { ChildRecordAccess } from '../../platform/access.js';

export function reviews(access: ChildRecordAccess) {
  return access.trx
    .selectFrom('looked_after_reviews')
    .leftJoin('staff', 'staff.id', 'looked_after_reviews.chaired_by')
    .select([
      'looked_after_reviews.id',
      'looked_after_reviews.held_on',
      'looked_after_reviews.participation',
      'looked_after_reviews.late_reason',
      'looked_after_reviews.decisions',
      'staff.display_name as chaired_by_name',
    ])
    .where('looked_after_reviews.person_id', '=', access.personId)
    .orderBy('looked_after_reviews.held_on', 'desc')
    .execute();
}

export async function insertReview(access: ChildRecordAccess, review: Omit<Insertable<LookedAfterReviewsTable>, 'person_id'>) {
  return (
    await access.trx
      .insertInto('looked_after_reviews')
      .values({ ...review, person_id: access.personId })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export function reviewsOf(db: Kysely<Database>, personIds: readonly string[]) {
  return db
    .selectFrom('looked_after_reviews')
    .select(['person_id', 'held_on', 'participation'])
    .where('person_id', 'in', personIds)
    .orderBy('person_id')
    .orderBy('held_on')
    .execute();
}
