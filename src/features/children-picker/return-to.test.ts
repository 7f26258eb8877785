import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, Visitor } from '../../../test/app.js';
import { openTestDatabase, type TestDatabase } from '../../../test/database.js';
import { type Fixture, seedFixture } from '../../../test/fixtures.js';

const newChild = (givenName: string, familyName: string) => ({
  givenName,
  familyName,
  born: 'yes',
  'dateOfBirth-day': '14',
  'dateOfBirth-month': '02',
  'dateOfBirth-year': '2017',
  sex: 'F',
  ethnicity: '',
  upn: '',
  addressLine1: '',
  town: '',
  postcode: '',
});

/** The href of the picker's "Add a new child" link, unescaped. */
const addChildHref = (body: string) => /href="([^"]+)">Add a new child<\/a>/.exec(body)?.[1]?.replaceAll('&amp;', '&');

describe('adding a child from choosing who a contact or call is about', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let fixture: Fixture;

  beforeAll(async () => {
    database = await openTestDatabase();
    fixture = await seedFixture(database.db);
    app = await startTestApp(database.db);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const as = async (username: string) => {
    const visitor = new Visitor(app);
    await visitor.signIn(username);
    return visitor;
  };
  const idOf = async (familyName: string) =>
    (await database.db.selectFrom('people').select('id').where('family_name', '=', familyName).executeTakeFirstOrThrow()).id;

  it('comes back to the new contact with the added child chosen beside those chosen before', async () => {
    const frontDoor = await as('frontDoor');
    const sibling = fixture.children.unallocated;
    const picker = await frontDoor.get(`/front-door/contacts/new?child=${sibling}&q=Amara%20Quartey`);
    const href = addChildHref(picker.body) as string;
    expect(href).toBe(`/children/new?q=Amara+Quartey&returnTo=${encodeURIComponent(`/front-door/contacts/new?child=${sibling}`)}`);

    const form = await frontDoor.get(href);
    expect(form.status).toBe(200);
    expect(form.body).toContain(`name="returnTo" value="/front-door/contacts/new?child=${sibling}"`);
    expect(form.body).toContain('Back to the new contact');
    expect(form.body).toContain('value="Amara"');

    const added = await frontDoor.post('/children/new', {
      ...newChild('Amara', 'Quartey'),
      returnTo: `/front-door/contacts/new?child=${sibling}`,
    });
    expect(added.status).toBe(303);
    const amara = await idOf('Quartey');
    expect(added.location).toBe(`/front-door/contacts/new?child=${sibling}&child=${amara}`);
    const back = await frontDoor.get(added.location as string);
    expect(back.body).toContain('Chosen (2)');
    expect(back.body).toContain('Amara Quartey');
    const continueHref = /href="(\/front-door\/contacts\/new\/details[^"]+)"/.exec(back.body)?.[1] ?? '';
    expect(continueHref).toContain(`child=${sibling}`);
    expect(continueHref).toContain(`child=${amara}`);
  });

  it('comes back to the new out-of-hours call, and keeps the way back when the form has errors', async () => {
    const outOfHours = await as('outOfHours');
    const href = addChildHref((await outOfHours.get('/out-of-hours/calls/new')).body) as string;
    expect(href).toBe(`/children/new?returnTo=${encodeURIComponent('/out-of-hours/calls/new')}`);
    await outOfHours.get(href);
    const refused = await outOfHours.post('/children/new', {
      ...newChild('', 'Mensah-Oduya'),
      returnTo: '/out-of-hours/calls/new',
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('name="returnTo" value="/out-of-hours/calls/new"');
    const added = await outOfHours.post('/children/new', { ...newChild('Kofi', 'Mensah-Oduya'), returnTo: '/out-of-hours/calls/new' });
    expect(added.status).toBe(303);
    expect(added.location).toBe(`/out-of-hours/calls/new?child=${await idOf('Mensah-Oduya')}`);
  });

  it('offers a possible match to choose instead, returning to the journey with that record chosen', async () => {
    const frontDoor = await as('frontDoor');
    await frontDoor.get('/children/new?returnTo=%2Ffront-door%2Fcontacts%2Fnew');
    const check = await frontDoor.post('/children/new', { ...newChild('Amara', 'Quartey'), returnTo: '/front-door/contacts/new' });
    expect(check.status).toBe(200);
    expect(check.body).toContain('Is Amara Quartey already known?');
    expect(check.body).toContain(`href="/front-door/contacts/new?child=${await idOf('Quartey')}">Choose this child`);
    expect(check.body).toContain('name="returnTo" value="/front-door/contacts/new"');
  });

  it('never sends anyone anywhere but a known journey: other sites and other paths are ignored', async () => {
    const frontDoor = await as('frontDoor');
    const refused = [
      'https://evil.example/front-door/contacts/new',
      '//evil.example/front-door/contacts/new',
      '/\\evil.example/front-door/contacts/new',
      '/\t/evil.example/front-door/contacts/new',
      'javascript:alert(1)',
      '/children/new',
      '/front-door/contacts/new/../../sign-out',
      '/front-door/contacts/newx',
    ];
    for (const [n, returnTo] of refused.entries()) {
      const form = await frontDoor.get(`/children/new?returnTo=${encodeURIComponent(returnTo)}`);
      expect(form.status, returnTo).toBe(200);
      expect(form.body, returnTo).not.toContain('name="returnTo"');
      expect(form.body, returnTo).not.toContain('evil.example');
      const familyName = `Redirectcheck${String.fromCharCode(65 + n)}`;
      const added = await frontDoor.post('/children/new', { ...newChild('Sam', familyName), returnTo, noneMatch: 'yes' });
      expect(added.status, returnTo).toBe(303);
      expect(added.location, returnTo).toBe(`/children/${await idOf(familyName)}?notice=added`);
    }
  });

  it('keeps only the chosen children of a known journey, dropping anything else in its query', async () => {
    const frontDoor = await as('frontDoor');
    const returnTo = `/front-door/contacts/new?child=${fixture.children.unallocated}&child=not-an-id&next=https://evil.example`;
    const form = await frontDoor.get(`/children/new?returnTo=${encodeURIComponent(returnTo)}`);
    expect(form.body).toContain(`name="returnTo" value="/front-door/contacts/new?child=${fixture.children.unallocated}"`);
    expect(form.body).not.toContain('evil.example');
  });
});
