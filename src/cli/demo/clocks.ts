import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { recordChronologyEntry } from '../../features/chronology/service.js';
import { type CaseEvent, calendar, recordCaseEvents } from '../../features/clocks/service.js';
import { withChildRecord } from '../../platform/access.js';
import type { Actor } from '../../platform/actor.js';
import { loadActor } from '../../platform/staff-directory.js';
import type { DemoAuthority } from '../demo-authority.js';

/** What has happened on a demo child's case, as far as the clocks are concerned. */
const stories = [
  'assessment_on_time',
  'assessment_late',
  'assessment_overdue',
  'assessment_long_overdue',
  'assessment_due_soon',
  'assessment_running',
  'cp_plan_visited',
  'cp_plan_visit_overdue',
] as const;

const lateReasons = [
  'Family did not engage with the first three visits',
  'Awaiting information from the child’s school and GP',
  'Interpreter not available until the fourth week',
];

/**
 * The clock part of the demo: for each allocated child, a referral some months back with its
 * assessment authorised on time, late (with a reason), due soon or still open and overdue, or a
 * child protection plan with its visits kept up or slipping; and visits and management oversight
 * in the chronology, except for a few open cases left drifting. Every event goes through
 * recordCaseEvents, as a feature would record it, so the worktrays show every status.
 */
export async function addClockDemo(db: Kysely<Database>, authority: DemoAuthority): Promise<void> {
  const { faker, today } = authority;
  const ago = (workingDays: number) => calendar.addWorkingDays(today, -workingDays);
  const allocations = await db
    .selectFrom('allocations')
    .innerJoin('people', 'people.id', 'allocations.person_id')
    .select(['allocations.person_id', 'allocations.staff_id', 'allocations.started_on'])
    .where('allocations.kind', '=', 'social_worker')
    .where('allocations.ended_on', 'is', null)
    .where('people.restricted', '=', false)
    .where('people.date_of_birth', 'is not', null)
    .where('allocations.person_id', 'in', authority.childIds)
    .execute();
  const frontDoor = await loadActor(db, authority.staffIds.get('front.door') as string, '127.0.0.1');
  if (!frontDoor) throw new Error('The demo front door account is missing');
  const actors = new Map<string, Actor>();
  const ordered = authority.childIds.flatMap((id) => allocations.filter((a) => a.person_id === id));

  for (const [index, allocation] of ordered.entries()) {
    const story = stories[index % stories.length] as (typeof stories)[number];
    let actor = frontDoor;
    if (allocation.staff_id) {
      actor = actors.get(allocation.staff_id) ?? (await loadActor(db, allocation.staff_id, '127.0.0.1')) ?? frontDoor;
      actors.set(allocation.staff_id, actor);
    }
    const ref = `demo-${index}`;
    const source = (type: string) => ({ type: `demo_${type}`, id: ref });
    const referral = (workingDaysAgo: number): CaseEvent => ({
      kind: 'referral_received',
      occurredOn: ago(workingDaysAgo),
      ref,
      source: source('referral'),
    });
    const events: CaseEvent[] = [];
    switch (story) {
      case 'assessment_on_time':
        events.push(referral(120), {
          kind: 'assessment_authorised',
          occurredOn: ago(120 - faker.number.int({ min: 20, max: 44 })),
          ref,
          source: source('assessment'),
        });
        break;
      case 'assessment_late':
        events.push(referral(110), {
          kind: 'assessment_authorised',
          occurredOn: ago(110 - faker.number.int({ min: 48, max: 60 })),
          ref,
          lateReason: faker.helpers.arrayElement(lateReasons),
          source: source('assessment'),
        });
        break;
      case 'assessment_overdue':
        events.push(referral(45 + faker.number.int({ min: 1, max: 8 })));
        break;
      case 'assessment_long_overdue':
        events.push(referral(45 + faker.number.int({ min: 16, max: 30 })));
        break;
      case 'assessment_due_soon':
        events.push(referral(45 - faker.number.int({ min: 1, max: 4 })));
        break;
      case 'assessment_running':
        events.push(referral(faker.number.int({ min: 3, max: 25 })));
        break;
      case 'cp_plan_visited':
      case 'cp_plan_visit_overdue': {
        const started = 70;
        events.push({ kind: 'cp_plan_started', occurredOn: ago(started), ref, source: source('cp_plan') });
        events.push({ kind: 'core_group_held', occurredOn: ago(started - 8), ref, source: source('core_group') });
        events.push({ kind: 'rcpc_held', occurredOn: ago(started - 60), ref, source: source('rcpc') });
        const lastVisit = story === 'cp_plan_visited' ? faker.number.int({ min: 2, max: 7 }) : faker.number.int({ min: 13, max: 24 });
        for (let visit = started - 9; visit > lastVisit; visit -= 9) {
          events.push({ kind: 'cp_visit_made', occurredOn: ago(visit), ref, source: { type: 'demo_cp_visit', id: `${ref}-${visit}` } });
        }
        events.push({
          kind: 'cp_visit_made',
          occurredOn: ago(lastVisit),
          ref,
          source: { type: 'demo_cp_visit', id: `${ref}-${lastVisit}` },
        });
        break;
      }
    }
    const drifting = index % 7 === 3;
    await withChildRecord(db, actor, allocation.person_id, 'edit', 'demo.clocks', async (access) => {
      await recordCaseEvents(access, events);
      if (drifting) return;
      const visitedOn = ago(faker.number.int({ min: 1, max: 15 }));
      await recordChronologyEntry(access, {
        kind: 'visit',
        occurredOn: visitedOn,
        summary: 'Home visit: child seen',
        source: source('visit'),
      });
      await recordChronologyEntry(access, {
        kind: 'management_oversight',
        occurredOn: ago(faker.number.int({ min: 1, max: 18 })),
        summary: 'Management oversight recorded',
        source: source('oversight'),
      });
    });
  }
}
