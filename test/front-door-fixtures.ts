import type { Kysely } from 'kysely';
import type { Database } from '../src/db/schema.js';
import { dateAndTimeInEngland } from '../src/platform/england-time.js';
import type { Visitor } from './app.js';
import type { Fixture } from './fixtures.js';

/** Marks the fixture's Front Door team as the authority's single point of contact. */
export async function markFrontDoorTeam(db: Kysely<Database>, fixture: Fixture): Promise<void> {
  await db.updateTable('teams').set({ is_front_door: true }).where('id', '=', fixture.teams.frontDoor).execute();
}

let n = 0;

/** Another child known to the authority, not allocated to any team. */
export async function addUnallocatedChild(db: Kysely<Database>, familyName = 'Frontdoor'): Promise<string> {
  n += 1;
  const row = await db
    .insertInto('people')
    .values({ is_child: true, la_child_id: `FD${n}`, given_name: `Sibling${n}`, family_name: familyName, date_of_birth: '2018-03-01' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The form fields of a GOV.UK date input for `date`. */
export function dateFields(name: string, date: string): Record<string, string> {
  return { [`${name}-day`]: date.slice(8, 10), [`${name}-month`]: date.slice(5, 7), [`${name}-year`]: date.slice(0, 4) };
}

/** A complete contact form, received at `receivedAt`; override any field. */
export function contactForm(receivedAt: Date, overrides: Record<string, string> = {}): Record<string, string> {
  const { date, time } = dateAndTimeInEngland(receivedAt);
  return {
    ...dateFields('receivedDate', date),
    receivedTime: time,
    referralSource: '2A',
    referrerName: 'Ms Head Teacher',
    referrerOrganisation: 'Hillside Primary',
    referrerContactDetails: '01234 567890',
    concerns: 'Bruising seen on the arm at breakfast club.',
    consent: 'given',
    ragRating: 'amber',
    ...overrides,
  };
}

/** Posts a contact form about these children; returns the response and the new contact's id. */
export async function recordContact(visitor: Visitor, children: readonly string[], form: Record<string, string>) {
  await visitor.get(`/front-door/contacts/new/details?${children.map((c) => `child=${c}`).join('&')}`);
  const response = await visitor.post('/front-door/contacts', { children: children.join(','), ...form });
  const id = /\/front-door\/contacts\/([0-9a-f-]{36})$/.exec(response.location ?? '')?.[1];
  return { response, id };
}
