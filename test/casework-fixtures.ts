import type { Kysely } from 'kysely';
import type { Database } from '../src/db/schema.js';
import { recordCaseEvents } from '../src/features/clocks/service.js';
import { withChildRecord } from '../src/platform/access.js';
import { loadActor } from '../src/platform/staff-directory.js';
import type { Fixture } from './fixtures.js';

/** An open referral (child-in-need episode) for the child on `referralDate`, with its `referral_received` event, as the front door would leave it. */
export async function openReferralFor(db: Kysely<Database>, fixture: Fixture, personId: string, referralDate: string): Promise<string> {
  const actor = await loadActor(db, fixture.staff.manager?.id as string, '127.0.0.1');
  if (!actor) throw new Error('The fixture has no team manager');
  return withChildRecord(db, actor, personId, 'edit', 'test.referral', async (access) => {
    const { id } = await access.trx
      .insertInto('referrals')
      .values({
        person_id: personId,
        referral_date: referralDate,
        referral_source: '2A',
        primary_need_code: 'N1',
        is_re_referral: false,
        recorded_by: actor.staffId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordCaseEvents(access, [{ kind: 'referral_received', occurredOn: referralDate, ref: id, source: { type: 'referral', id } }]);
    return id;
  });
}

/** The form fields of a GOV.UK date input for `date`. */
export function dateInput(name: string, date: string): Record<string, string> {
  return { [`${name}-day`]: date.slice(8, 10), [`${name}-month`]: date.slice(5, 7), [`${name}-year`]: date.slice(0, 4) };
}
