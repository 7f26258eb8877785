import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays } from '../src/domain/calendar/date-arithmetic.js';
import { upnFrom } from '../src/domain/people/upn.js';
import { todayInEngland } from '../src/platform/today.js';
import { startTestApp, Visitor } from './app.js';
import { openTestDatabase, type TestDatabase } from './database.js';
import { type Fixture, seedFixture } from './fixtures.js';

const child = (overrides: Record<string, string | string[]> = {}) => ({
  givenName: 'Jayden',
  familyName: 'Okonkwo',
  born: 'yes',
  'dateOfBirth-day': '25',
  'dateOfBirth-month': '11',
  'dateOfBirth-year': '2015',
  sex: 'M',
  ethnicity: 'BAFR',
  upn: '',
  addressLine1: '12 Elm Road',
  town: 'Demo Town',
  postcode: 'sw1a1aa',
  ...overrides,
});

function form(values: Record<string, string | string[]>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v]));
}

describe("the child's record", () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let fixture: Fixture;
  let jayden: string;

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
  const countPeople = async () => (await database.db.selectFrom('people').select('id').execute()).length;

  describe('adding a child', () => {
    it('refuses bad input with a clear error and saves nothing', async () => {
      const frontDoor = await as('frontDoor');
      await frontDoor.get('/children/new');
      const before = await countPeople();
      const cases: [Record<string, string>, string][] = [
        [{ 'dateOfBirth-year': '2099' }, 'Date of birth must be today or in the past'],
        [{ 'dateOfBirth-month': '13' }, 'Date of birth must be a real date'],
        [{ ethnicity: 'XXXX' }, 'Choose an ethnicity from the list'],
        [{ upn: 'B123456789012' }, 'is not a valid UPN'],
        [{ postcode: 'NOT A CODE' }, 'Enter a real UK postcode'],
        [{ givenName: '' }, 'Enter the first name'],
        [
          { born: 'no', sex: 'M', 'expectedDateOfBirth-day': '1', 'expectedDateOfBirth-month': '1', 'expectedDateOfBirth-year': '2099' },
          'Record the sex of an unborn child as Unknown',
        ],
      ];
      for (const [change, message] of cases) {
        const response = await frontDoor.post('/children/new', form(child(change)));
        expect({ change, status: response.status }).toEqual({ change, status: 400 });
        expect(response.body).toContain('There is a problem');
        expect(response.body).toContain(message);
      }
      const noneOfDisabilities = await frontDoor.post('/children/new', { ...form(child()), disabilities: 'NONE' });
      expect(noneOfDisabilities.status).toBe(303);
      expect(await countPeople()).toBe(before + 1);
      jayden = noneOfDisabilities.location?.split('/')[2]?.split('?')[0] as string;
    });

    it('gives the child an LA child ID for life, keeps the address and notes the creation on the chronology', async () => {
      const row = await database.db
        .selectFrom('people')
        .select(['la_child_id', 'date_of_birth', 'sex', 'ethnicity', 'disabilities'])
        .where('id', '=', jayden)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ la_child_id: 'H0000001', date_of_birth: '2015-11-25', sex: 'M', ethnicity: 'BAFR', disabilities: ['NONE'] });
      const address = await database.db.selectFrom('addresses').select(['postcode', 'to_on']).where('person_id', '=', jayden).execute();
      expect(address).toEqual([{ postcode: 'SW1A 1AA', to_on: null }]);
      const frontDoor = await as('frontDoor');
      const page = await frontDoor.get(`/children/${jayden}`);
      expect(page.status).toBe(200);
      expect(page.body).toContain('H0000001');
      expect(page.body).toContain('African');
      expect((await frontDoor.get(`/children/${jayden}/chronology`)).body).toContain('>Record created<');
    });

    it('shows likely existing records first, and adds a new one only when told none of them is the child', async () => {
      const frontDoor = await as('frontDoor');
      await frontDoor.get('/children/new');
      const before = await countPeople();
      const check = await frontDoor.post('/children/new', form(child({ givenName: 'Jaden', familyName: 'Okonkwo', postcode: 'SW1A 1AA' })));
      expect(check.status).toBe(200);
      expect(check.body).toContain('Is Jaden Okonkwo already known?');
      expect(check.body).toContain('Jayden Okonkwo');
      expect(check.body).toContain('Same date of birth');
      expect(await countPeople()).toBe(before);
      const hidden = [...check.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], m[2]] as const);
      const resent = Object.fromEntries(hidden.filter(([name]) => name !== '_csrf')) as Record<string, string>;
      expect(resent.noneMatch).toBe('yes');
      const added = await frontDoor.post('/children/new', resent);
      expect(added.status).toBe(303);
      expect(await countPeople()).toBe(before + 1);
    });

    it('takes an expected date of birth given alone as an unborn child, and refuses both dates at once', async () => {
      const frontDoor = await as('frontDoor');
      await frontDoor.get('/children/new');
      const before = await countPeople();
      const due = addCalendarDays(todayInEngland(), 60);
      const { born: _born, ...typed } = child({
        givenName: 'Baby',
        familyName: 'Ibekwe',
        sex: 'U',
        addressLine1: '',
        town: '',
        postcode: '',
      });
      const expected = {
        'expectedDateOfBirth-day': due.slice(8, 10),
        'expectedDateOfBirth-month': due.slice(5, 7),
        'expectedDateOfBirth-year': due.slice(0, 4),
        noneMatch: 'yes',
      };
      const both = await frontDoor.post('/children/new', form({ ...typed, ...expected }));
      expect(both.status).toBe(400);
      expect(both.body).toContain('Enter a date of birth or, if the child is not born yet, an expected date of birth: not both');
      expect(await countPeople()).toBe(before);
      const unborn = await frontDoor.post(
        '/children/new',
        form({ ...typed, ...expected, 'dateOfBirth-day': '', 'dateOfBirth-month': '', 'dateOfBirth-year': '' }),
      );
      expect(unborn.status).toBe(303);
      const row = await database.db
        .selectFrom('people')
        .select(['date_of_birth', 'expected_date_of_birth'])
        .where('family_name', '=', 'Ibekwe')
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ date_of_birth: null, expected_date_of_birth: due });
    });

    it('is for the front door, out of hours and managers, not social workers', async () => {
      const worker = await as('worker');
      expect((await worker.get('/children/new')).status).toBe(403);
      const manager = await as('manager');
      expect((await manager.get('/children/new')).status).toBe(200);
    });
  });

  describe('editing details', () => {
    it('saves with the version it was read at, and refuses a stale save with 409', async () => {
      const frontDoor = await as('frontDoor');
      const formPage = await frontDoor.get(`/children/${jayden}/details`);
      expect(formPage.status).toBe(200);
      const version = /name="version" value="(\d+)"/.exec(formPage.body)?.[1] as string;
      const upn = upnFrom('999', '123456789');
      const details = form(child({ upn, firstLanguage: 'Yoruba', school: 'Elm Primary', uasc: 'no' }));
      const saved = await frontDoor.post(`/children/${jayden}/details`, { ...details, version });
      expect(saved.status).toBe(303);
      const stale = await frontDoor.post(`/children/${jayden}/details`, { ...details, version, school: 'Oak Academy' });
      expect(stale.status).toBe(409);
      expect(stale.body).toContain('Someone else changed this record');
      const row = await database.db
        .selectFrom('people')
        .select(['upn', 'school', 'first_language'])
        .where('id', '=', jayden)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ upn, school: 'Elm Primary', first_language: 'Yoruba' });
    });
  });

  describe('search', () => {
    it('finds a child by a misspelt name in any order, date of birth in either form, LA child ID, UPN or postcode', async () => {
      const frontDoor = await as('frontDoor');
      const upn = upnFrom('999', '123456789');
      for (const q of ['Jaiden Okonkwo', 'okonkwo jayden', '25/11/2015', '2015-11-25', 'H0000001', upn, 'sw1a 1aa', 'Okonkow 25/11/2015']) {
        const response = await frontDoor.get(`/children?q=${encodeURIComponent(q)}`);
        expect({ q, found: response.body.includes(`/children/${jayden}"`) }).toEqual({ q, found: true });
      }
    });

    it('lists the best match first', async () => {
      const frontDoor = await as('frontDoor');
      const response = await frontDoor.get('/children?q=Jayden+Okonkwo');
      expect(response.body.indexOf(`/children/${jayden}"`)).toBeLessThan(response.body.indexOf('Jaden Okonkwo'));
    });
  });

  describe('allocation', () => {
    it('lets a manager allocate, keeps the history and puts each change on the chronology', async () => {
      const manager = await as('manager');
      const page = await manager.get(`/children/${jayden}/allocation`);
      expect(page.status).toBe(200);
      const wrongTeam = await manager.post(`/children/${jayden}/allocation`, {
        teamId: fixture.teams.north,
        staffId: fixture.staff.southWorker?.id as string,
        'startedOn-day': '1',
        'startedOn-month': '9',
        'startedOn-year': '2026',
      });
      expect(wrongTeam.status).toBe(400);
      expect(wrongTeam.body).toContain('is not in North');
      const toTeam = await manager.post(`/children/${jayden}/allocation`, {
        teamId: fixture.teams.north,
        staffId: '',
        'startedOn-day': '1',
        'startedOn-month': '9',
        'startedOn-year': '2026',
      });
      expect(toTeam.status).toBe(303);
      const home = await manager.get('/');
      expect(home.body).toContain('Children waiting for a social worker (2)');
      const toWorker = await manager.post(`/children/${jayden}/allocation`, {
        teamId: fixture.teams.north,
        staffId: fixture.staff.worker?.id as string,
        changeReason: 'MANAGE',
        'startedOn-day': '2',
        'startedOn-month': '9',
        'startedOn-year': '2026',
      });
      expect(toWorker.status).toBe(303);
      const history = await database.db
        .selectFrom('allocations')
        .select(['staff_id', 'started_on', 'ended_on'])
        .where('person_id', '=', jayden)
        .orderBy('started_on')
        .execute();
      expect(history).toEqual([
        { staff_id: null, started_on: '2026-09-01', ended_on: '2026-09-02' },
        { staff_id: fixture.staff.worker?.id, started_on: '2026-09-02', ended_on: null },
      ]);
      const worker = await as('worker');
      const chronology = await worker.get(`/children/${jayden}/chronology?kind=allocation`);
      expect(chronology.body).toContain('Allocated to Test worker, North');
      expect(chronology.body).toContain('Allocated to North, waiting for a social worker');
      expect(chronology.body).not.toContain('>Record created<');
      expect((await worker.get(`/children/${jayden}/allocation`)).status).toBe(403);
    });

    it('shows managers the children not allocated to any team', async () => {
      const manager = await as('manager');
      const page = await manager.get('/children/not-allocated');
      expect(page.status).toBe(200);
      expect(page.body).toContain('Jaden Okonkwo');
      expect(page.body).not.toContain('Jayden Okonkwo');
    });
  });

  describe('case notes', () => {
    it('records the date it happened, refuses a future date, and shows the child’s words as a quote', async () => {
      const worker = await as('worker');
      await worker.get(`/children/${jayden}/case-notes/new`);
      const base = {
        noteType: 'home_visit',
        'occurredOn-day': '3',
        'occurredOn-month': '9',
        'occurredOn-year': '2026',
        note: 'Saw Jayden at home with his mother.',
        childsWords: 'I like my new school',
      };
      const future = await worker.post(`/children/${jayden}/case-notes`, { ...base, 'occurredOn-year': '2099' });
      expect(future.status).toBe(400);
      expect(future.body).toContain('must be today or in the past');
      const unknownType = await worker.post(`/children/${jayden}/case-notes`, { ...base, noteType: 'gossip' });
      expect(unknownType.status).toBe(400);
      expect(await database.db.selectFrom('case_notes').select('id').execute()).toHaveLength(0);
      const saved = await worker.post(`/children/${jayden}/case-notes`, base);
      expect(saved.status).toBe(303);
      const note = await worker.get(saved.location as string);
      expect(note.body).toContain('<blockquote class="hearth-quote">“I like my new school”</blockquote>');
      const chronology = await worker.get(`/children/${jayden}/chronology`);
      expect(chronology.body).toContain('Home visit: Saw Jayden at home with his mother.');
      expect(chronology.body).toContain(`href="${saved.location}"`);
      expect(chronology.body.indexOf('Home visit')).toBeLessThan(chronology.body.indexOf('Allocated to Test worker'));
      const southWorker = await as('southWorker');
      expect((await southWorker.get(`/children/${jayden}/case-notes`)).status).toBe(403);
      const analyst = await as('analyst');
      expect((await analyst.post(`/children/${jayden}/case-notes`, base)).status).toBe(403);
    });
  });

  describe('family and household', () => {
    it('records a relationship once and shows it from both sides', async () => {
      const worker = await as('worker');
      await worker.get(`/children/${jayden}/relationships/new?new=1`);
      const added = await worker.post(`/children/${jayden}/relationships`, {
        givenName: 'Ada',
        familyName: 'Okonkwo',
        relationship: 'parent:from',
        sameHousehold: 'yes',
      });
      expect(added.status).toBe(303);
      const sibling = fixture.children.allocatedToWorker;
      await worker.get(`/children/${jayden}/relationships/new?with=${sibling}`);
      expect(
        (
          await worker.post(`/children/${jayden}/relationships`, {
            otherPersonId: sibling,
            relationship: 'half_sibling:from',
            sameHousehold: 'no',
          })
        ).status,
      ).toBe(303);
      await worker.get(`/children/${jayden}/relationships/new?new=1`);
      expect(
        (await worker.post(`/children/${jayden}/relationships`, { givenName: 'Ada', familyName: '', relationship: 'nonsense' })).status,
      ).toBe(400);
      expect(await database.db.selectFrom('relationships').select('id').execute()).toHaveLength(2);

      const family = await worker.get(`/children/${jayden}/family`);
      expect(family.body).toMatch(
        /Ada Okonkwo<br><span class="govuk-body-s">[^<]*<\/span><\/td>\s*<td class="govuk-table__cell">Parent<\/td>/,
      );
      expect(family.body).toContain('Half-sibling');
      const ada = await database.db.selectFrom('people').select('id').where('given_name', '=', 'Ada').executeTakeFirstOrThrow();
      const rel = await database.db.selectFrom('relationships').selectAll().where('person_id', '=', ada.id).executeTakeFirstOrThrow();
      expect(rel).toMatchObject({ related_person_id: jayden, kind: 'parent', same_household: true });
      const siblingFamily = await worker.get(`/children/${sibling}/family`);
      expect(siblingFamily.body).toContain('Jayden Okonkwo');
    });
  });

  describe('merging two records of the same child', () => {
    let duplicate: string;

    beforeAll(async () => {
      duplicate = (await database.db.selectFrom('people').select('id').where('given_name', '=', 'Jaden').executeTakeFirstOrThrow()).id;
    });

    it('is a manager’s decision', async () => {
      const worker = await as('worker');
      expect((await worker.get(`/children/${jayden}/merge/${duplicate}`)).status).toBe(403);
      expect((await worker.post(`/children/${jayden}/merge/${duplicate}`, { keep: 'this', reason: 'same' })).status).toBe(403);
    });

    it('offers likely duplicates, needs a reason, then moves everything to the record kept', async () => {
      const manager = await as('manager');
      await database.db
        .insertInto('case_notes')
        .values({ person_id: duplicate, note_type: 'phone_call', occurred_on: '2026-08-01', note: 'Call from school' })
        .execute();
      const choose = await manager.get(`/children/${jayden}/merge`);
      expect(choose.status).toBe(200);
      expect(choose.body).toContain(`/children/${jayden}/merge/${duplicate}`);
      await manager.get(`/children/${jayden}/merge/${duplicate}`);
      const noReason = await manager.post(`/children/${jayden}/merge/${duplicate}`, { keep: 'this', reason: '' });
      expect(noReason.status).toBe(400);
      const merged = await manager.post(`/children/${jayden}/merge/${duplicate}`, {
        keep: 'this',
        reason: 'Same child: same school and mother',
      });
      expect(merged.status).toBe(303);
      const notes = await database.db.selectFrom('case_notes').select('person_id').execute();
      expect(notes.every((n) => n.person_id === jayden)).toBe(true);
      expect(await database.db.selectFrom('addresses').select('id').where('person_id', '=', duplicate).execute()).toHaveLength(0);
      expect((await manager.get(`/children/${duplicate}`)).location).toBe(`/children/${jayden}`);
      const summary = await manager.get(`/children/${jayden}`);
      expect(summary.body).toContain('Jaden Okonkwo');
      const search = await manager.get('/children?q=Jaden+Okonkwo');
      expect(search.body).not.toContain(`/children/${duplicate}"`);
      const audit = await database.db
        .selectFrom('audit_events')
        .select(['action', 'person_id'])
        .where('action', '=', 'child.merge.done')
        .execute();
      expect(audit).toEqual([{ action: 'child.merge.done', person_id: jayden }]);
    });

    it('can be undone, restoring both records exactly', async () => {
      const manager = await as('manager');
      const merges = await manager.get(`/children/${jayden}/merges`);
      const mergeId = /action="\/merges\/([^/]+)\/undo"/.exec(merges.body)?.[1] as string;
      const undone = await manager.post(`/merges/${mergeId}/undo`);
      expect(undone.status).toBe(303);
      const dupNotes = await database.db.selectFrom('case_notes').select('note').where('person_id', '=', duplicate).execute();
      expect(dupNotes).toEqual([{ note: 'Call from school' }]);
      expect(await database.db.selectFrom('addresses').select('id').where('person_id', '=', duplicate).execute()).toHaveLength(1);
      expect(await database.db.selectFrom('person_aliases').select('id').where('person_id', '=', jayden).execute()).toHaveLength(0);
      const person = await database.db.selectFrom('people').select('merged_into_id').where('id', '=', duplicate).executeTakeFirstOrThrow();
      expect(person.merged_into_id).toBeNull();
      expect((await manager.get(`/children/${duplicate}`)).status).toBe(200);
      expect((await manager.post(`/merges/${mergeId}/undo`)).status).toBe(400);
    });
  });
});
