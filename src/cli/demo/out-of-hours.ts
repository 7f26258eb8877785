import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { addCalendarDays } from '../../domain/calendar/date-arithmetic.js';
import type { CallAction } from '../../domain/out-of-hours/call-actions.js';
import type { CallAnswer } from '../../domain/out-of-hours/call-answer.js';
import type { CallerType } from '../../domain/out-of-hours/caller-types.js';
import { recordCall, recordCallback } from '../../features/out-of-hours/calls/service.js';
import { acceptHandover } from '../../features/out-of-hours/handover/service.js';
import { instantInEngland } from '../../platform/england-time.js';
import { loadActor } from '../../platform/staff-directory.js';
import type { DemoAuthority } from '../demo-authority.js';

const callStories: {
  caller: CallerType;
  concern: string;
  actions: CallAction[];
  visitNeeded: boolean;
  outcome: string;
  notKnown: string;
}[] = [
  {
    caller: 'police',
    concern: 'Police attended a domestic incident; father arrested, mother intoxicated, two children at home.',
    actions: ['visit', 'placement'],
    visitNeeded: true,
    outcome: 'Children placed with maternal aunt overnight under a safety plan; day team to visit.',
    notKnown: 'Two children, about 4 and 7, at the family address; names not given',
  },
  {
    caller: 'police',
    concern: 'Young person, 15, arrested for possession with intent to supply; appropriate adult needed.',
    actions: ['custody_visit'],
    visitNeeded: false,
    outcome: 'Seen in custody; released under investigation to his mother at 03:10. Possible exploitation: day team to consider.',
    notKnown: 'Boy, 15, name given to police only',
  },
  {
    caller: 'health',
    concern: 'Infant brought to the emergency department with a spiral fracture; explanation inconsistent.',
    actions: ['advice', 'police_protection', 'visit'],
    visitNeeded: true,
    outcome: 'Police protection taken; infant kept on the ward. Strategy discussion needed in the morning.',
    notKnown: 'Infant, about 3 months; hospital has the name',
  },
  {
    caller: 'parent_or_carer',
    concern: 'Mother says she cannot cope with her 13-year-old, who has not come home since school.',
    actions: ['advice'],
    visitNeeded: false,
    outcome: 'Advice given; police informed of a missing child; child returned at 23:40.',
    notKnown: 'Girl, 13; mother gave a first name only',
  },
  {
    caller: 'foster_carer',
    concern: 'Foster carer reports the young person has left the placement and is believed to be with older males.',
    actions: ['advice'],
    visitNeeded: true,
    outcome: 'Missing report made to police; no worker free to visit; placement to be reviewed in the morning.',
    notKnown: 'Young person, 16, placed by another authority',
  },
  {
    caller: 'member_of_public',
    concern: 'Neighbour reports children left alone in the flat; no adult has been seen since the afternoon.',
    actions: ['visit'],
    visitNeeded: true,
    outcome: 'Visited with police: mother home by 22:30, children safe; referral to the front door for follow-up.',
    notKnown: 'Two children, about 6 and 9, at the caller’s address; names not given',
  },
  {
    caller: 'child',
    concern: 'Girl, 14, rang saying she is frightened to go home after an argument with her stepfather.',
    actions: ['advice', 'placement', 'visit'],
    visitNeeded: true,
    outcome: 'Emergency foster placement for the night under section 20 with mother’s agreement.',
    notKnown: 'Girl, 14; would not give her surname',
  },
];

/**
 * The out-of-hours part of the demo: a fortnight of nights, one to four calls each, mostly
 * answered within minutes, some not answered or abandoned (with call-backs, some reaching the
 * caller), about known and unknown children; and the day teams' handovers, accepted the next
 * morning except the most recent and a few left waiting. All through the services.
 */
export async function addOutOfHoursDemo(db: Kysely<Database>, authority: DemoAuthority): Promise<void> {
  const { faker, today } = authority;
  const worker = await loadActor(db, authority.staffIds.get('out.of.hours') as string, '127.0.0.1');
  if (!worker) throw new Error('The demo out-of-hours account is missing');
  const restricted = new Set((await db.selectFrom('people').select('id').where('restricted', '=', true).execute()).map((r) => r.id));
  const children = authority.childIds.filter((id) => !restricted.has(id));
  const now = Date.now();
  const callIds: string[] = [];

  for (let nightsAgo = 14; nightsAgo >= 1; nightsAgo--) {
    const night = addCalendarDays(today, -nightsAgo);
    const calls = faker.number.int({ min: 1, max: 4 });
    for (let n = 0; n < calls; n++) {
      const minutesAfterFive = faker.number.int({ min: 0, max: 15 * 60 + 59 });
      const hour = (17 + Math.floor(minutesAfterFive / 60)) % 24;
      const date = 17 + Math.floor(minutesAfterFive / 60) >= 24 ? addCalendarDays(night, 1) : night;
      const receivedAt = instantInEngland(date, `${String(hour).padStart(2, '0')}:${String(minutesAfterFive % 60).padStart(2, '0')}`);
      if (receivedAt.getTime() > now - 3_600_000) continue;
      const answer = faker.helpers.weightedArrayElement<CallAnswer>([
        { weight: 8, value: 'answered' },
        { weight: 1, value: 'not_answered' },
        { weight: 1, value: 'abandoned' },
      ]);
      const story = faker.helpers.arrayElement(callStories);
      const known = faker.helpers.weightedArrayElement([
        { weight: 5, value: 1 },
        { weight: 2, value: 2 },
        { weight: 3, value: 0 },
      ]);
      const personIds = answer === 'answered' ? faker.helpers.arrayElements(children, known) : [];
      const id = await recordCall(db, worker, {
        receivedAt,
        answer,
        ...(answer === 'answered'
          ? { answeredAt: new Date(receivedAt.getTime() + faker.number.int({ min: 20, max: 14 * 60 }) * 1000) }
          : {}),
        callerType: answer === 'answered' ? story.caller : 'unknown',
        callerContactDetails: answer === 'answered' ? '' : faker.helpers.arrayElement(['07700 900461', '07700 900982', '']),
        personIds,
        childrenNotKnown: answer === 'answered' && personIds.length === 0 ? story.notKnown : '',
        concern: answer === 'answered' ? story.concern : '',
        actions: answer === 'answered' ? story.actions : [],
        visitNeeded: answer === 'answered' && story.visitNeeded,
        outcome: answer === 'answered' ? story.outcome : '',
      });
      callIds.push(id);
      if (answer !== 'answered') {
        for (const [attempt, result] of faker.helpers
          .arrayElement([['no_answer'], ['no_answer', 'reached'], ['left_message'], ['reached']] as const)
          .entries()) {
          const attemptedAt = new Date(receivedAt.getTime() + (attempt + 1) * 20 * 60_000);
          if (attemptedAt.getTime() < now) await recordCallback(db, worker, id, { attemptedAt, result });
        }
      }
    }
  }

  const teamNames = new Map([...authority.teamIds].map(([name, id]) => [id, name]));
  if (callIds.length === 0) return;
  const waiting = await db
    .selectFrom('handover_items')
    .select(['id', 'team_id', 'handover_on'])
    .where('accepted_at', 'is', null)
    .where('call_id', 'in', callIds)
    .execute();
  for (const item of waiting) {
    if (item.handover_on >= today || faker.number.int({ min: 1, max: 8 }) === 1) continue;
    const team = item.team_id ? teamNames.get(item.team_id) : undefined;
    const staffId =
      team === 'Front Door (MASH)' ? authority.staffIds.get('front.door') : team ? authority.workersByTeam.get(team)?.[0] : undefined;
    const accepter = staffId ? await loadActor(db, staffId, '127.0.0.1') : null;
    if (!accepter) continue;
    await acceptHandover(db, accepter, item.id);
    const morning = instantInEngland(item.handover_on, `09:${String(faker.number.int({ min: 5, max: 55 })).padStart(2, '0')}`);
    await db.updateTable('handover_items').set({ accepted_at: morning }).where('id', '=', item.id).execute();
  }
}
