import type { Kysely } from 'kysely';
import type { Database, IsoDate } from '../../../db/schema.js';
import { type ReferralSourceCode, referralSourceLabel } from '../../../domain/codes/cin-referral-source.js';
import type { Consent } from '../../../domain/front-door/consent.js';
import { type RagRating, ragRatingOf } from '../../../domain/front-door/rag-rating.js';
import { type TimeLeft, timeLeft } from '../../../domain/front-door/time-left.js';
import { childrenVisibleTo, isRecordId, withChildRecords } from '../../../platform/access.js';
import type { Actor } from '../../../platform/actor.js';
import { dateAndTimeInEngland } from '../../../platform/england-time.js';
import { BadRequestError, NotFoundError } from '../../../platform/errors.js';
import { registerRecordMover } from '../../../platform/record-movers.js';
import { todayInEngland } from '../../../platform/today.js';
import { childSummaries } from '../../children/service.js';
import { recordChronologyEntry } from '../../chronology/service.js';
import { calendar, clockInstancesFor, recordCaseEvents } from '../../clocks/service.js';
import { referralsOf } from '../referrals/service.js';
import * as queries from './queries.js';

/** A contact as the front door officer records it. */
export interface NewContact {
  /** The children it is about (siblings can share one contact); at least one. */
  personIds: readonly string[];
  receivedAt: Date;
  referralSource: ReferralSourceCode;
  referrerName: string;
  referrerOrganisation?: string;
  referrerContactDetails?: string;
  concerns: string;
  consent: Consent;
  ragRating: RagRating;
}

/**
 * Records a contact about one or more children: on each child's chronology, with a
 * `contact_received` case event that starts the one-working-day decision clock. All or nothing.
 */
export async function recordContact(db: Kysely<Database>, actor: Actor, contact: NewContact): Promise<string> {
  const personIds = [...new Set(contact.personIds)];
  if (personIds.length === 0) throw new BadRequestError('A contact must be about at least one child.');
  if (contact.receivedAt.getTime() > Date.now()) throw new BadRequestError('A contact cannot be received in the future.');
  const received = dateAndTimeInEngland(contact.receivedAt);
  return withChildRecords(db, actor, personIds, 'edit', 'front_door.contact.record', async (accesses) => {
    const [first] = accesses;
    if (!first) throw new BadRequestError('A contact must be about at least one child.');
    const id = await queries.insertContact(
      first.trx,
      {
        received_at: contact.receivedAt,
        referral_source: contact.referralSource,
        referrer_name: contact.referrerName,
        referrer_organisation: contact.referrerOrganisation || null,
        referrer_contact_details: contact.referrerContactDetails || null,
        concerns: contact.concerns,
        consent: contact.consent,
        rag_rating: contact.ragRating,
        recorded_by: actor.staffId,
      },
      personIds,
    );
    const source = { type: 'contact', id };
    const others = personIds.length > 1 ? ` (with ${personIds.length - 1} ${personIds.length === 2 ? 'sibling' : 'siblings'})` : '';
    for (const access of accesses) {
      await recordChronologyEntry(access, {
        kind: 'contact',
        occurredOn: received.date,
        occurredAt: contact.receivedAt,
        summary: `Contact received from ${referralSourceLabel(contact.referralSource) ?? contact.referralSource}, rated ${ragRatingOf(contact.ragRating)?.label.toLowerCase()}${others}`,
        source,
      });
      await recordCaseEvents(access, [
        { kind: 'contact_received', occurredOn: received.date, occurredTime: received.time, ref: id, source },
      ]);
    }
    return id;
  });
}

/** A child named on a contact, as the front door lists them; null name when the person may not open the record. */
export interface ContactChild {
  id: string;
  name: string | null;
  laChildId: string | null;
}

async function namesOf(db: Kysely<Database>, actor: Actor, personIds: readonly string[], purpose: string) {
  const visible = await childrenVisibleTo(db, actor, [...new Set(personIds)], purpose);
  const summaries = await childSummaries(db, visible);
  return (id: string): ContactChild => {
    const child = summaries.find((s) => s.id === id);
    return { id, name: child ? `${child.given_name} ${child.family_name}` : null, laChildId: child?.la_child_id ?? null };
  };
}

export interface OpenContact {
  id: string;
  receivedAt: Date;
  referralSource: string;
  referrerName: string;
  referrerOrganisation: string | null;
  ragRating: string;
  children: ContactChild[];
  /** When the decision is due, from the contact-decision clock. */
  decisionDueOn: IsoDate | null;
  timeLeft: TimeLeft | null;
}

/**
 * When a contact's decision is due, from its contact-decision clock (the earliest if its children's
 * clocks differ), and the time left as at `today`: one reading for the worklist and the contact.
 */
function decisionDue(
  clocks: readonly { ref: string | null; due_on: IsoDate | null }[],
  contactId: string,
  today: IsoDate,
): { decisionDueOn: IsoDate | null; timeLeft: TimeLeft | null } {
  const dueOn =
    clocks
      .filter((clock) => clock.ref === contactId && clock.due_on !== null)
      .map((clock) => clock.due_on as IsoDate)
      .sort()[0] ?? null;
  return { decisionDueOn: dueOn, timeLeft: dueOn ? timeLeft(calendar, today, dueOn) : null };
}

/**
 * The front door's worklist: every contact still waiting for a decision, overdue and oldest first,
 * with the time left from each contact's decision clock, and counts.
 */
export async function frontDoorWorklist(db: Kysely<Database>, actor: Actor, today: IsoDate) {
  const open = await queries.openContacts(db);
  const [clocks, nameOf] = await Promise.all([
    clockInstancesFor(
      db,
      'contact_decision',
      open.map((c) => c.id),
    ),
    namesOf(
      db,
      actor,
      open.flatMap((c) => c.person_ids ?? []),
      'front_door.worklist',
    ),
  ]);
  const contacts: OpenContact[] = open.map((c) => ({
    id: c.id,
    receivedAt: c.received_at,
    referralSource: c.referral_source,
    referrerName: c.referrer_name,
    referrerOrganisation: c.referrer_organisation,
    ragRating: c.rag_rating,
    children: (c.person_ids ?? []).map(nameOf),
    ...decisionDue(clocks, c.id, today),
  }));
  contacts.sort(
    (a, b) => (a.decisionDueOn ?? '9999').localeCompare(b.decisionDueOn ?? '9999') || a.receivedAt.getTime() - b.receivedAt.getTime(),
  );
  return {
    contacts,
    counts: {
      open: contacts.length,
      overdue: contacts.filter((c) => c.timeLeft?.status === 'overdue').length,
      dueToday: contacts.filter((c) => c.timeLeft?.status === 'due_today').length,
      red: contacts.filter((c) => c.ragRating === 'red').length,
    },
  };
}

/** Contacts decided in the last `days` days, those whose referrer has not yet been told first. */
export async function recentlyDecided(db: Kysely<Database>, actor: Actor, days: number) {
  const since = new Date(Date.now() - days * 86_400_000);
  const decided = await queries.decidedContacts(db, since);
  const nameOf = await namesOf(
    db,
    actor,
    decided.flatMap((c) => c.person_ids ?? []),
    'front_door.decided_list',
  );
  return decided.map((c) => ({ ...c, children: (c.person_ids ?? []).map(nameOf) }));
}

/** The ids of the children a contact is about: for the services that open their records. */
export async function childrenOfContact(db: Kysely<Database>, contactId: string): Promise<string[]> {
  if (!isRecordId(contactId)) throw new NotFoundError();
  const children = await queries.childrenOfContact(db, contactId);
  if (children.length === 0) throw new NotFoundError();
  return children.map((c) => c.person_id);
}

/**
 * One contact with its children, decision, referrals started and whether the referrer was told,
 * and when the decision is due with the time left as at `today`, as the worklist shows it.
 */
export async function viewContact(db: Kysely<Database>, actor: Actor, contactId: string, today: IsoDate = todayInEngland()) {
  const personIds = await childrenOfContact(db, contactId);
  return withChildRecords(db, actor, personIds, 'view', 'front_door.contact.view', async (accesses) => {
    const [first] = accesses;
    if (!first) throw new NotFoundError();
    const [contact, links, summaries, clocks] = await Promise.all([
      queries.contactById(first.trx, contactId),
      queries.childrenOfContact(first.trx, contactId),
      childSummaries(first.trx, personIds),
      clockInstancesFor(first.trx, 'contact_decision', [contactId]),
    ]);
    if (!contact) throw new NotFoundError();
    const children = [];
    for (const access of accesses) {
      const summary = summaries.find((s) => s.id === access.personId);
      const referralId = links.find((l) => l.person_id === access.personId)?.referral_id ?? null;
      const referral = referralId ? (await referralsOf(access)).find((r) => r.id === referralId) : undefined;
      children.push({ id: access.personId, summary, referral });
    }
    return { contact, children, ...decisionDue(clocks, contactId, today) };
  });
}

/** For the statutory returns (Ofsted Annex A list 1): each child of each contact received from `from` to `to`, whoever the child. */
export function contactsForReturns(db: Kysely<Database>, from: IsoDate, to: IsoDate) {
  return queries.contactsForReturns(db, from, to);
}

/** On merging two records of a child, the contacts about the merged child become contacts about the one kept. */
registerRecordMover({
  name: 'contacts',
  columns: ['contact_children.person_id'],
  move: async (merged, survivor) => {
    const { moved, removed } = await queries.moveContactChildren(merged.trx, merged.personId, survivor.personId);
    return [...moved.map((id) => `moved:${id}`), ...removed.map((r) => `removed:${r.contact_id}:${r.referral_id ?? ''}`)];
  },
  restore: async (merged, survivor, moved) => {
    const parts = (prefix: string) => moved.filter((m) => m.startsWith(prefix)).map((m) => m.slice(prefix.length).split(':'));
    await queries.moveContactChildrenBack(
      merged.trx,
      survivor.personId,
      merged.personId,
      parts('moved:').map(([contactId]) => contactId as string),
      parts('removed:').map(([contactId, referralId]) => ({ contact_id: contactId as string, referral_id: referralId || null })),
    );
  },
});
