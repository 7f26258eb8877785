import type { Insertable } from 'kysely';
import type { StrategyDiscussionsTable } from '../../db/schema.js';
import type { ChildRecordAccess } from '../../platform/access.js';

export function discussionsOf(access: ChildRecordAccess) {
  return access.trx
    .selectFrom('strategy_discussions')
    .leftJoin('staff', 'staff.id', 'strategy_discussions.recorded_by')
    .select([
      'strategy_discussions.id',
      'strategy_discussions.referral_id',
      'strategy_discussions.held_on',
      'strategy_discussions.agencies',
      'strategy_discussions.participants',
      'strategy_discussions.decision',
      'strategy_discussions.rationale',
      'staff.display_name as recorded_by_name',
    ])
    .where('strategy_discussions.person_id', '=', access.personId)
    .orderBy('strategy_discussions.held_on', 'desc')
    .orderBy('strategy_discussions.recorded_at', 'desc')
    .execute();
}

export async function insertDiscussion(access: ChildRecordAccess, discussion: Omit<Insertable<StrategyDiscussionsTable>, 'person_id'>) {
  const row = await access.trx
    .insertInto('strategy_discussions')
    .values({ ...discussion, person_id: access.personId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
