import type { Insertable, Kysely } from 'kysely';
import { sql } from 'kysely';
import type {
  ChronologyEntriesTable,
  ClockEventsTable,
  ContactChildrenTable,
  ContactsTable,
  Database,
  IsoDate,
} from '../../../db/schema.js';
import { addCalendarDays, addYears } from '../../../domain/calendar/date-arithmetic.js';
import type { WorkingDayCalendar } from '../../../domain/calendar/working-day-calendar.js';
import { referralSourceLabel } from '../../../domain/codes/cin-referral-source.js';
import { type ContactDecision, contactDecisionLabel } from '../../../domain/front-door/contact-decision.js';
import { ragRatingOf } from '../../../domain/front-door/rag-rating.js';
import {
  consentToContact,
  contactAboutSiblingsToo,
  contactSources,
  contactsBecomingReferrals,
  decisionsOnOtherContacts,
  ragRatingByDecision,
  referrerTold,
  workingDaysToDecision,
  workingDaysToTellReferrer,
} from '../../../domain/synthetic/front-door.js';
import { calendar } from '../../../features/clocks/service.js';
import type { GeneratorPart, SyntheticAuthority, SyntheticChild } from '../authority.js';
import { insertRows } from '../bulk-insert.js';
import type { Draw } from '../draw.js';
import { instantOn } from '../instants.js';
import { workingDayTable } from './working-day-table.js';

/** A referral the casework part wrote, which a contact must have started. */
interface ReferralToLink {
  id: string;
  person_id: string;
  referral_date: IsoDate;
  referral_source: string;
}

interface NewContact {
  personIds: readonly string[];
  receivedOn: IsoDate;
  decision: ContactDecision;
  /** The CIN census ReferralSource code: the referral's own, or drawn for the others. */
  source: string;
  /** The referral each child's contact started, for contacts that became referrals. */
  referralOf?: ReadonlyMap<string, string>;
}

interface Rows {
  contacts: Insertable<ContactsTable>[];
  contactChildren: Insertable<ContactChildrenTable>[];
  chronology: Insertable<ChronologyEntriesTable>[];
  caseEvents: Insertable<ClockEventsTable>[];
  referralContacts: { referralId: string; contactId: string }[];
}

const concernsByDecision: Record<ContactDecision, readonly string[]> = {
  no_further_action: [
    'School reports a bruise on the child’s arm; the child and mother both say it happened at football, and the PE teacher saw it.',
    'Anonymous caller says the children play out late; no other concerns known.',
    'Police notification: the family were witnesses to a street incident; no concerns about care of the children.',
  ],
  information_and_advice: [
    'Parent asking for help with a teenager’s behaviour at home and where to find parenting support.',
    'GP asks what support is available for a mother with low mood who is caring well for her baby.',
    'Housing officer asks whether children’s services should know of a family’s move to temporary accommodation.',
  ],
  early_help: [
    'School attendance has fallen below 80% this term; parent says she is struggling with the younger children’s routines.',
    'Health visitor concerned about a family under financial strain after the father lost his job; baby developing well.',
    'Family hub reports a parent asking for help after repeated arguments at home in front of the children.',
  ],
  referral_for_assessment: [
    'Child arrived at school hungry for the third day this week and said there was no food at home.',
    'Police called to a domestic incident overnight; the children were in the house and one was seen hiding upstairs.',
    'Baby missed two health visits; mother sounded low on the phone and said she is not coping.',
    'Early help plan closed without progress: school attendance still below 60% and the home conditions poor.',
  ],
  strategy_discussion: [
    'Child disclosed to a teacher that a parent hit them with a belt; marks seen on the child’s back.',
    'Infant brought to the emergency department with an injury the explanation does not fit.',
    'Young person found with older males in a car with drugs and cash; believed to be criminally exploited.',
  ],
};

const rationales: Record<ContactDecision, string> = {
  no_further_action: 'Concern explained and resolved with the referrer: no role for children’s social care.',
  information_and_advice: 'Advice given to the referrer and the family on support available; no assessment needed.',
  early_help: 'Needs met below the threshold for statutory services; family agreed to an early help assessment.',
  referral_for_assessment: 'Cumulative concerns about the child’s needs: a child and family assessment is needed.',
  strategy_discussion: 'Reasonable cause to suspect significant harm: a strategy discussion with police and health is needed today.',
};

/**
 * The front door's part of the synthetic authority: a contact for each family referral the
 * casework part wrote (not those with no further action, which come from an imported return) (received on the referral date, decided as a referral for assessment or,
 * where significant harm was suspected, a strategy discussion, and linked to the referrals as the
 * decision service links them), and as many other contacts again as the national conversion rate
 * implies, about children of known families, decided as no further action, advice or early help.
 * Each child gets the chronology entries and case events the contact, decision and referrer-told
 * services write. Decisions are mostly within one working day, some late; contacts received on the
 * last working days whose decision would fall today or later are still waiting for one.
 */
export const frontDoorPart: GeneratorPart = {
  name: 'Front door contacts',
  async generate(db, authority) {
    const referrals = await db
      .selectFrom('referrals')
      .select(['id', 'person_id', 'referral_date', 'referral_source'])
      .where('referral_nfa', '=', false)
      .orderBy('referral_date')
      .orderBy('id')
      .execute();
    const harmSuspected = new Set(
      (
        await db
          .selectFrom('clock_events')
          .select('ref')
          .where('kind', '=', 'significant_harm_suspected')
          .where('source_type', '=', 'referral')
          .execute()
      ).map((e) => e.ref),
    );
    const workingDays = workingDayTable(calendar, authority.historyStartsOn, addCalendarDays(authority.today, 30));
    const writer = contactWriter(authority, workingDays);
    const referralContacts = contactsForReferrals(authority, referrals, harmSuspected);
    // The other contacts draw from a stream of their own, so they do not change with the referrals.
    const others = authority.draw('front-door/other-contacts');
    const otherContacts = otherContactsAboutKnownFamilies(authority, others, workingDays);
    const step = authority.progress.step('Front door contacts', referralContacts.length + otherContacts.length, 'contacts');
    const draw = authority.draw('front-door');
    for (const contact of referralContacts) writer.add(draw, contact);
    for (const contact of otherContacts) writer.add(others, contact);
    const rows = writer.rows;
    rows.contacts.sort((a, b) => (a.received_at as Date).getTime() - (b.received_at as Date).getTime());
    await insertRows(db, 'contacts', rows.contacts, (n) => step.advance(n));
    await insertRows(db, 'contact_children', rows.contactChildren);
    await insertRows(db, 'chronology_entries', rows.chronology);
    await insertRows(db, 'clock_events', rows.caseEvents);
    await linkReferralsToContacts(db, rows.referralContacts);
    step.finish();
  },
};

/** One contact for each family referral (children referred together share one), in referral order. */
function contactsForReferrals(
  authority: SyntheticAuthority,
  referrals: readonly ReferralToLink[],
  harmSuspected: ReadonlySet<string | null>,
): NewContact[] {
  const familyReferralOf = new Map(authority.episodes.map((e) => [`${e.personId}|${e.referredOn}`, e.familyReferral]));
  const groups = new Map<string, ReferralToLink[]>();
  for (const referral of referrals) {
    const family = familyReferralOf.get(`${referral.person_id}|${referral.referral_date}`);
    const key = family === undefined ? `referral:${referral.id}` : `family:${family}`;
    groups.set(key, [...(groups.get(key) ?? []), referral]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0] as ReferralToLink;
    return {
      personIds: group.map((r) => r.person_id),
      receivedOn: first.referral_date,
      decision: group.some((r) => harmSuspected.has(r.id)) ? 'strategy_discussion' : 'referral_for_assessment',
      source: first.referral_source,
      referralOf: new Map(group.map((r) => [r.person_id, r.id])),
    };
  });
}

/**
 * The contacts that did not become referrals: about as many, for each one that did, as the
 * conversion rate implies, spread over the working days of the history, each about a child of a
 * family already known (referred on or before the day, not yet 18), sometimes with their brothers
 * and sisters.
 */
function otherContactsAboutKnownFamilies(authority: SyntheticAuthority, draw: Draw, calendarDays: WorkingDayCalendar): NewContact[] {
  const familyReferrals = new Set(authority.episodes.map((e) => e.familyReferral)).size;
  const expected = familyReferrals * ((1 - contactsBecomingReferrals) / contactsBecomingReferrals);
  const workingDays: IsoDate[] = [];
  for (let day = authority.historyStartsOn; day <= authority.today; day = addCalendarDays(day, 1))
    if (calendarDays.isWorkingDay(day)) workingDays.push(day);
  const perDay = expected / Math.max(1, workingDays.length);
  const childById = new Map(authority.children.map((c) => [c.id, c]));
  const firstReferred = new Map<string, IsoDate>();
  for (const episode of authority.episodes)
    if (!firstReferred.has(episode.personId)) firstReferred.set(episode.personId, episode.referredOn);
  const under18On = (child: SyntheticChild, day: IsoDate) => child.dateOfBirth === null || addYears(child.dateOfBirth, 18) > day;

  const contacts: NewContact[] = [];
  let known = 0;
  for (const day of workingDays) {
    while (known < authority.episodes.length && (authority.episodes[known]?.referredOn as IsoDate) <= day) known++;
    if (known === 0) continue;
    for (let n = draw.poisson(perDay); n > 0; n--) {
      const child = childById.get(authority.episodes[draw.int(0, known - 1)]?.personId as string);
      if (!child || !under18On(child, day)) continue;
      const family = authority.families[child.familyIndex];
      const siblings = draw.chance(contactAboutSiblingsToo)
        ? (family?.childIds ?? []).filter((id) => {
            const sibling = childById.get(id);
            const since = firstReferred.get(id);
            return id !== child.id && sibling !== undefined && since !== undefined && since <= day && under18On(sibling, day);
          })
        : [];
      contacts.push({
        personIds: [child.id, ...siblings],
        receivedOn: day,
        decision: draw.weighted(decisionsOnOtherContacts),
        source: draw.weighted(contactSources),
      });
    }
  }
  return contacts;
}

function contactWriter(authority: SyntheticAuthority, workingDays: WorkingDayCalendar) {
  const officer = authority.staff.find((s) => s.role === 'front_door' && s.leftOn === null);
  const frontDoorTeam = authority.teams.find((t) => t.kind === 'front_door');
  const headOfService = authority.teams.find((t) => t.kind === 'head_of_service' && t.serviceId === frontDoorTeam?.serviceId);
  if (!officer || !frontDoorTeam?.managerId || !headOfService)
    throw new Error('The synthetic authority has no front door officer, front door manager or head of service');
  const deciders = [
    { value: frontDoorTeam.managerId, weight: 85 },
    { value: headOfService.managerId, weight: 15 },
  ];
  const rows: Rows = { contacts: [], contactChildren: [], chronology: [], caseEvents: [], referralContacts: [] };
  const { today } = authority;

  const add = (draw: Draw, contact: NewContact) => {
    const id = draw.id();
    const source = { source_type: 'contact', source_id: id };
    const receivedMinute = contact.receivedOn === today ? draw.int(8 * 60 + 30, 9 * 60) : draw.int(8 * 60 + 30, 17 * 60 + 30);
    const receivedTime = clockTime(receivedMinute);
    const receivedAt = instantOn(contact.receivedOn, receivedTime);
    const rag = draw.weighted(ragRatingByDecision[contact.decision]);
    const referrer = referrerFor(draw, contact.source);

    let decidedOn: IsoDate | null = workingDays.addWorkingDays(contact.receivedOn, draw.weighted(workingDaysToDecision));
    if (decidedOn >= today) decidedOn = contact.referralOf ? contact.receivedOn : null;
    // Decided within the hour on today's referrals (the generator's day starts at 08:30), later in the day on others.
    const decisionMinute =
      decidedOn !== contact.receivedOn
        ? draw.int(8 * 60 + 30, 17 * 60 + 30)
        : contact.receivedOn === today
          ? receivedMinute + draw.int(10, 45)
          : Math.min(receivedMinute + draw.int(15, 240), Math.max(receivedMinute + 15, 18 * 60));
    const decidedTime = clockTime(decisionMinute);
    const decidedAt = decidedOn ? instantOn(decidedOn, decidedTime) : null;
    const decider = decidedOn ? draw.weighted(deciders) : null;
    let informedOn: IsoDate | null =
      decidedOn && draw.chance(referrerTold) ? workingDays.addWorkingDays(decidedOn, draw.weighted(workingDaysToTellReferrer)) : null;
    if (informedOn && informedOn > today) informedOn = null;

    rows.contacts.push({
      id,
      received_at: receivedAt,
      referral_source: contact.source,
      referrer_name: referrer.name,
      referrer_organisation: referrer.organisation,
      referrer_contact_details: referrer.contactDetails,
      concerns: draw.pick(concernsByDecision[contact.decision]),
      consent: draw.weighted(consentToContact),
      rag_rating: rag,
      decision: decidedOn ? contact.decision : null,
      decision_rationale: decidedOn ? rationales[contact.decision] : null,
      decided_by: decider,
      decided_at: decidedAt,
      referrer_informed_on: informedOn,
      referrer_informed_recorded_by: informedOn ? officer.id : null,
      recorded_by: officer.id,
      recorded_at: receivedAt,
      version: 1 + (decidedOn ? 1 : 0) + (informedOn ? 1 : 0),
    });

    const siblings = contact.personIds.length - 1;
    const others = siblings > 0 ? ` (with ${siblings} ${siblings === 1 ? 'sibling' : 'siblings'})` : '';
    const sourceLabel = referralSourceLabel(contact.source) ?? contact.source;
    for (const personId of contact.personIds) {
      const referralId = decidedOn ? (contact.referralOf?.get(personId) ?? null) : null;
      rows.contactChildren.push({ contact_id: id, person_id: personId, referral_id: referralId });
      if (referralId) rows.referralContacts.push({ referralId, contactId: id });
      rows.chronology.push({
        id: draw.id(),
        person_id: personId,
        kind: 'contact',
        occurred_on: contact.receivedOn,
        occurred_at: receivedAt,
        summary: `Contact received from ${sourceLabel}, rated ${ragRatingOf(rag)?.label.toLowerCase()}${others}`,
        ...source,
        recorded_by: officer.id,
        recorded_at: receivedAt,
      });
      rows.caseEvents.push({
        id: draw.id(),
        person_id: personId,
        kind: 'contact_received',
        occurred_on: contact.receivedOn,
        occurred_time: receivedTime,
        ref: id,
        late_reason: null,
        ...source,
        recorded_at: receivedAt,
      });
      if (decidedOn && decidedAt) {
        rows.chronology.push({
          id: draw.id(),
          person_id: personId,
          kind: 'decision',
          occurred_on: decidedOn,
          occurred_at: decidedAt,
          summary: `Front door decision on the contact: ${contactDecisionLabel(contact.decision)?.toLowerCase()}`,
          ...source,
          recorded_by: decider,
          recorded_at: decidedAt,
        });
        rows.caseEvents.push({
          id: draw.id(),
          person_id: personId,
          kind: 'contact_decision_made',
          occurred_on: decidedOn,
          occurred_time: decidedTime,
          ref: id,
          late_reason: null,
          ...source,
          recorded_at: decidedAt,
        });
      }
      if (informedOn)
        rows.chronology.push({
          id: draw.id(),
          person_id: personId,
          kind: 'contact',
          occurred_on: informedOn,
          occurred_at: null,
          summary: 'The person who made the contact was told of the front door decision',
          ...source,
          recorded_by: officer.id,
          recorded_at: instantOn(informedOn, clockTime(draw.int(9 * 60, 17 * 60))),
        });
    }
  };
  return { add, rows };
}

/** Who made the contact, as the front door officer writes them down. */
function referrerFor(draw: Draw, source: string): { name: string; organisation: string | null; contactDetails: string | null } {
  const person = `${draw.faker.person.firstName()} ${draw.faker.person.lastName()}`;
  const phone = `0${draw.int(1000, 9999)} ${draw.int(100000, 999999)}`;
  const group = source.replace(/[A-Z]$/, '');
  switch (group) {
    case '1':
      return {
        name: `${person}, ${source === '1C' ? 'the young person' : 'member of the public'}`,
        organisation: null,
        contactDetails: phone,
      };
    case '2':
      return {
        name: `${person}, designated safeguarding lead`,
        organisation: `${draw.pick(schoolNames)} ${draw.pick(['Primary School', 'Academy', 'High School'])}`,
        contactDetails: phone,
      };
    case '3':
      return {
        name: person,
        organisation: draw.pick(['GP practice', 'Community health trust', 'University Hospital', 'Mental health trust']),
        contactDetails: phone,
      };
    case '4':
      return { name: `${person}, housing officer`, organisation: 'Borough housing', contactDetails: phone };
    case '5':
      return {
        name: person,
        organisation: draw.pick(['Adult social care', 'Family hub', 'Youth service', 'Neighbouring council children’s services']),
        contactDetails: phone,
      };
    case '6':
      return { name: `PC ${draw.faker.person.lastName()}`, organisation: 'Police, public protection unit', contactDetails: null };
    case '7':
      return { name: person, organisation: draw.pick(['Probation service', 'Cafcass', 'Family court']), contactDetails: phone };
    case '8':
      return { name: person, organisation: draw.pick(['Children’s centre', 'Women’s refuge', 'Youth charity']), contactDetails: phone };
    case '9':
      return { name: 'Anonymous', organisation: null, contactDetails: null };
    default:
      return { name: 'Not recorded', organisation: null, contactDetails: null };
  }
}

const schoolNames = ['St Mary’s', 'Oakfield', 'Riverside', 'Hillcrest', 'Park View', 'Meadow Lane', 'St John’s', 'Greenfield', 'Northgate'];

function clockTime(minuteOfDay: number): string {
  return `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;
}

/** The referral names the contact that started it, as the decision service records it. */
async function linkReferralsToContacts(db: Kysely<Database>, links: readonly { referralId: string; contactId: string }[]) {
  const perStatement = 10_000;
  for (let start = 0; start < links.length; start += perStatement) {
    const values = links.slice(start, start + perStatement).map((l) => sql`(${l.referralId}::uuid, ${l.contactId}::uuid)`);
    await sql`update referrals set contact_id = linked.contact_id
      from (values ${sql.join(values)}) as linked(referral_id, contact_id)
      where referrals.id = linked.referral_id`.execute(db);
  }
}
