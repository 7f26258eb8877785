import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ReferralSourceCode } from '../../domain/codes/cin-referral-source.js';
import type { Consent } from '../../domain/front-door/consent.js';
import type { ContactDecision } from '../../domain/front-door/contact-decision.js';
import type { RagRating } from '../../domain/front-door/rag-rating.js';
import { calendar } from '../../features/clocks/service.js';
import { recordContact } from '../../features/front-door/contacts/service.js';
import { decideContact, recordReferrerInformed } from '../../features/front-door/decisions/service.js';
import { closeReferral, openReferral } from '../../features/front-door/referrals/service.js';
import { withChildRecord } from '../../platform/access.js';
import type { Actor } from '../../platform/actor.js';
import { instantInEngland } from '../../platform/england-time.js';
import { loadActor } from '../../platform/staff-directory.js';
import type { DemoAuthority } from '../demo-authority.js';

const referrers: { source: ReferralSourceCode; name: string; organisation: string }[] = [
  { source: '2A', name: 'Mrs Okonjo, designated safeguarding lead', organisation: 'St Anne’s Primary School' },
  { source: '6', name: 'PC Harding', organisation: 'Metropolitan Police, MASH desk' },
  { source: '3B', name: 'Lucy Farrow, health visitor', organisation: 'Community health trust' },
  { source: '3E', name: 'Dr Singh', organisation: 'University Hospital emergency department' },
  { source: '1A', name: 'A grandparent', organisation: '' },
  { source: '4', name: 'Housing officer', organisation: 'Borough housing' },
  { source: '5D', name: 'Early help practitioner', organisation: 'Family hub' },
  { source: '9', name: 'Anonymous', organisation: '' },
];

const concerns = [
  'Child arrived at school hungry for the third day this week and said there was no food at home.',
  'Police called to a domestic incident overnight; the children were in the house and one was seen hiding upstairs.',
  'Baby missed two health visits; mother sounded low on the phone and said she is not coping.',
  'Teenager attended the emergency department after taking an overdose of paracetamol.',
  'Grandparent worried that the children are left alone in the evenings while mother works.',
  'Family facing eviction next week; the flat has damp and the youngest has repeated chest infections.',
  'Early help plan closed without progress: school attendance still below 60%.',
  'Neighbour heard shouting and a child crying late at night on several occasions.',
];

const rationales: Record<ContactDecision, string> = {
  no_further_action: 'Concern resolved with the school: a one-off; no role for children’s social care.',
  information_and_advice: 'Advice given to the referrer on support available; parent agreed to contact the family hub.',
  early_help: 'Needs met below the threshold for statutory services; family consent to an early help assessment.',
  referral_for_assessment: 'Cumulative concerns about neglect: a child and family assessment is needed to understand the child’s needs.',
  strategy_discussion: 'Reasonable cause to suspect significant harm: a strategy discussion with police and health is needed today.',
};

/**
 * The front door part of the demo, on the showcase children: contacts waiting for a decision (some received today, some due today, some overdue); contacts decided by the head of
 * service (no further action, advice, early help, referrals and a strategy discussion), most with
 * the referrer told; one child referred again within 12 months; and a brother and sister in
 * Assessment Team North (or not allocated) whose older sibling's episode closed this year, so a new
 * referral for them is a re-referral. All through the services.
 */
export async function addFrontDoorDemo(db: Kysely<Database>, authority: DemoAuthority): Promise<void> {
  const { faker, today } = authority;
  const officer = await loadActor(db, authority.staffIds.get('front.door') as string, '127.0.0.1');
  const head = await loadActor(db, authority.staffIds.get('service.manager') as string, '127.0.0.1');
  if (!officer || !head) throw new Error('The demo front door accounts are missing');

  // The head of service decides these contacts: children in the teams of their service, or not allocated.
  const serviceTeams = ['Assessment Team North', 'Assessment Team South'].map((name) => authority.teamIds.get(name));
  const allocations = await db.selectFrom('allocations').select(['person_id', 'team_id']).where('ended_on', 'is', null).execute();
  const restricted = new Set((await db.selectFrom('people').select('id').where('restricted', '=', true).execute()).map((r) => r.id));
  const notAllocated = authority.childIds.filter((id) => !restricted.has(id) && !allocations.some((a) => a.person_id === id));
  const inService = authority.childIds.filter(
    (id) =>
      !restricted.has(id) &&
      allocations.some((a) => a.person_id === id) &&
      allocations.every((a) => a.person_id !== id || serviceTeams.includes(a.team_id)),
  );
  const children = [...notAllocated, ...inService];
  if (children.length === 0) throw new Error('The demo has no children for the front door');
  let next = 0;
  const someChildren = (count: number) => Array.from({ length: count }, () => children[next++ % children.length] as string);

  const now = Date.now();
  const contact = (personIds: string[], receivedOn: string, time: string, rag: RagRating) => {
    const referrer = faker.helpers.arrayElement(referrers);
    const receivedAt = instantInEngland(receivedOn, time);
    return recordContact(db, officer, {
      personIds: [...new Set(personIds)],
      receivedAt: receivedAt.getTime() > now ? new Date(now - 30 * 60_000) : receivedAt,
      referralSource: referrer.source,
      referrerName: referrer.name,
      referrerOrganisation: referrer.organisation,
      referrerContactDetails: faker.helpers.arrayElement(['020 7946 0000', '0161 496 0000', '']),
      concerns: faker.helpers.arrayElement(concerns),
      consent: faker.helpers.arrayElement<Consent>(['given', 'given', 'refused', 'not_sought']),
      ragRating: rag,
    });
  };
  const decide = async (contactId: string, decision: ContactDecision, told: boolean) => {
    await decideContact(db, head, contactId, {
      decision,
      rationale: rationales[decision],
      ...(decision === 'referral_for_assessment' || decision === 'strategy_discussion'
        ? { primaryNeed: faker.helpers.arrayElement(['N1', 'N4', 'N5'] as const) }
        : {}),
      version: 1,
    });
    if (told) await recordReferrerInformed(db, officer, contactId, { informedOn: today, version: 2 });
  };

  const earlier = await contact(someChildren(1), calendar.addWorkingDays(today, -170), '11:20', 'amber');
  await decide(earlier, 'referral_for_assessment', true);
  const [reReferred] = await db.selectFrom('contact_children').select('person_id').where('contact_id', '=', earlier).execute();
  await db
    .updateTable('referrals')
    .set({ closed_on: calendar.addWorkingDays(today, -120), closure_reason: 'RC8' })
    .where('contact_id', '=', earlier)
    .execute();
  if (reReferred)
    await decide(
      await contact([reReferred.person_id], calendar.addWorkingDays(today, -1), '09:40', 'amber'),
      'referral_for_assessment',
      false,
    );

  const decided: [ContactDecision, boolean][] = [
    ['no_further_action', true],
    ['information_and_advice', true],
    ['early_help', true],
    ['referral_for_assessment', true],
    ['strategy_discussion', false],
    ['early_help', false],
  ];
  for (const [index, [decision, told]] of decided.entries()) {
    const received = calendar.addWorkingDays(today, -(1 + (index % 3)));
    await decide(
      await contact(someChildren(index === 3 ? 2 : 1), received, `${10 + index}:15`, decision === 'strategy_discussion' ? 'red' : 'amber'),
      decision,
      told,
    );
  }

  const open: [number, string, RagRating, number][] = [
    [0, '08:05', 'red', 2],
    [0, '07:30', 'green', 1],
    [1, '15:45', 'amber', 1],
    [1, '16:50', 'amber', 3],
    [2, '10:10', 'red', 1],
    [4, '12:30', 'amber', 1],
  ];
  for (const [workingDaysAgo, time, rag, count] of open) {
    await contact(someChildren(count), calendar.addWorkingDays(today, -workingDaysAgo), time, rag);
  }

  await addClosedEpisodeInFamily(db, authority, officer, head, allocations, restricted);
}

/**
 * A family of two or more children, none referred before, all not allocated or in Assessment Team
 * North (so that team's manager can decide a new contact about them): the first child was referred
 * about seven months ago and the episode closed after assessment. Uses no random numbers, so the
 * rest of the demo stays the same.
 */
async function addClosedEpisodeInFamily(
  db: Kysely<Database>,
  authority: DemoAuthority,
  officer: Actor,
  head: Actor,
  allocations: readonly { person_id: string; team_id: string }[],
  restricted: ReadonlySet<string>,
): Promise<void> {
  const { today } = authority;
  const north = authority.teamIds.get('Assessment Team North');
  const referred = new Set((await db.selectFrom('referrals').select('person_id').execute()).map((r) => r.person_id));
  const people = await db
    .selectFrom('people')
    .select(['id', 'family_name'])
    .where('id', 'in', [...authority.childIds])
    .execute();
  const eligible = (id: string) =>
    !restricted.has(id) && !referred.has(id) && allocations.every((a) => a.person_id !== id || a.team_id === north);
  const families = new Map<string, string[]>();
  for (const id of authority.childIds) {
    const familyName = people.find((p) => p.id === id)?.family_name ?? '';
    families.set(familyName, [...(families.get(familyName) ?? []), id]);
  }
  const family = [...families.values()].find((ids) => ids.length >= 2 && ids.every(eligible));
  const [child] = family ?? [];
  if (!child) throw new Error('The demo has no family for the closed-episode example');
  const contactId = await recordContact(db, officer, {
    personIds: [child],
    receivedAt: instantInEngland(calendar.addWorkingDays(today, -150), '10:30'),
    referralSource: '3B',
    referrerName: 'Lucy Farrow, health visitor',
    referrerOrganisation: 'Community health trust',
    referrerContactDetails: '020 7946 0000',
    concerns: 'Baby missed two health visits; mother sounded low on the phone and said she is not coping.',
    consent: 'given',
    ragRating: 'amber',
  });
  await decideContact(db, head, contactId, {
    decision: 'referral_for_assessment',
    rationale: rationales.referral_for_assessment,
    primaryNeed: 'N1',
    version: 1,
  });
  await recordReferrerInformed(db, officer, contactId, { informedOn: today, version: 2 });
  await withChildRecord(db, head, child, 'edit', 'demo.referral.close', async (access) => {
    const episode = await openReferral(access);
    if (!episode) throw new Error('The demo referral did not start');
    await closeReferral(access, episode, { closedOn: calendar.addWorkingDays(today, -100), reason: 'RC8' });
  });
}
