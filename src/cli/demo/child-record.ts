import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { addCalendarDays } from '../../domain/calendar/date-arithmetic.js';
import { normalisePostcode } from '../../domain/people/postcode.js';
import { upnFrom } from '../../domain/people/upn.js';
import { addCaseNote } from '../../features/case-notes/service.js';
import { recordChronologyEntry } from '../../features/chronology/service.js';
import { addAddressTo, addAlert, addOtherName } from '../../features/people/service.js';
import { addRelationship } from '../../features/relationships/service.js';
import { withChildRecord } from '../../platform/access.js';
import type { Actor } from '../../platform/actor.js';
import { loadActor } from '../../platform/staff-directory.js';
import type { DemoAuthority } from '../demo-authority.js';

const languages = ['English', 'English', 'English', 'English', 'Polish', 'Urdu', 'Somali', 'Romanian', 'Arabic', 'Bengali'];
const alerts = [
  'Father must not know the child’s address: non-molestation order in place',
  'Dog at the property: arrange to visit with a colleague',
  'Child has a severe nut allergy: carries an adrenaline pen',
  'Mother is Deaf and uses BSL: book an interpreter for every visit',
];
const visitNotes = [
  'Visited at home after school. The house was warm and tidy; there was food in the fridge. Spoke with the child alone in their bedroom, which had a bed, clean bedding and their own things around them.',
  'Phoned mother to arrange the next visit. She said things had been calmer since the family support worker started coming on Tuesdays.',
  'Met the child at school with the designated safeguarding lead. Attendance has improved to 92% this half term; teachers describe them as settled.',
  'Discussed the family in supervision. Agreed to request a health assessment and to invite the school nurse to the next review.',
];
const childsWords = [
  'I feel safe when Nan is here.',
  'I don’t like it when they shout at night.',
  'School is better now, I have a friend called Mo.',
  '',
];

/**
 * The child's record in the demo: addresses (with a move for some), first language, school and GP,
 * UPNs for school-age children, parents and siblings linked both ways, a few alerts and other
 * names, case notes in the workers' own words with the child's voice, allocation history on the
 * chronology, and one child recorded twice, for a manager to find and merge.
 */
export async function addChildRecordDemo(db: Kysely<Database>, authority: DemoAuthority): Promise<void> {
  const { faker, today, childIds } = authority;
  const frontDoor = await actorFor(db, authority.staffIds.get('front.door') as string);
  const children = await db
    .selectFrom('people')
    .select(['id', 'given_name', 'family_name', 'date_of_birth', 'restricted'])
    .where('id', 'in', [...childIds])
    .execute();
  const byFamily = new Map<string, typeof children>();
  for (const child of children.filter((c) => !c.restricted))
    byFamily.set(child.family_name, [...(byFamily.get(child.family_name) ?? []), child]);

  let upnNumber = 100000000;
  for (const [familyName, family] of byFamily) {
    const postcode = normalisePostcode(faker.location.zipCode()) ?? 'CR0 1NX';
    const street = `${faker.location.buildingNumber()} ${faker.location.street()}`;
    const moved = faker.datatype.boolean(0.3);
    const movedOn = addCalendarDays(today, -faker.number.int({ min: 30, max: 400 }));
    const language = faker.helpers.arrayElement(languages);
    const school = `${faker.location.city()} ${faker.helpers.arrayElement(['Primary School', 'Academy', 'Church of England Primary', 'High School'])}`;
    const gp = `${faker.location.street()} Medical Centre`;
    const mother = { givenName: faker.person.firstName('female'), familyName };
    const father = {
      givenName: faker.person.firstName('male'),
      familyName: faker.datatype.boolean(0.5) ? familyName : faker.person.lastName(),
    };

    for (const [index, child] of family.entries()) {
      const age = child.date_of_birth ? Number(today.slice(0, 4)) - Number(child.date_of_birth.slice(0, 4)) : 0;
      const schoolAge = age >= 5 && age <= 16;
      await db
        .updateTable('people')
        .set({
          first_language: language,
          gp_practice: gp,
          school: schoolAge ? school : null,
          upn: schoolAge ? upnFrom('999', String(upnNumber++)) : null,
          disabilities: faker.helpers.weightedArrayElement([
            { weight: 8, value: ['NONE'] },
            { weight: 1, value: ['AUT'] },
            { weight: 1, value: ['LD', 'COMM'] },
          ]),
        })
        .where('id', '=', child.id)
        .execute();

      const allocated = await db
        .selectFrom('allocations')
        .innerJoin('teams', 'teams.id', 'allocations.team_id')
        .leftJoin('staff', 'staff.id', 'allocations.staff_id')
        .select([
          'allocations.id',
          'allocations.started_on',
          'allocations.ended_on',
          'allocations.staff_id',
          'teams.name as team',
          'staff.display_name as worker',
        ])
        .where('allocations.person_id', '=', child.id)
        .where('allocations.kind', '=', 'social_worker')
        .orderBy('allocations.started_on')
        .execute();
      const current = allocated.find((a) => a.ended_on === null);
      const actor = current?.staff_id ? await actorFor(db, current.staff_id) : frontDoor;

      await withChildRecord(db, actor, child.id, 'edit', 'demo.child_record', async (access) => {
        if (moved) {
          await addAddressTo(access, {
            line1: `Flat ${faker.number.int({ min: 1, max: 40 })}, ${faker.location.street()}`,
            town: 'Demo Town',
            postcode: normalisePostcode(faker.location.zipCode()),
            fromOn: child.date_of_birth ?? undefined,
          });
        }
        await addAddressTo(access, {
          line1: street,
          town: 'Demo Town',
          postcode,
          fromOn: moved ? movedOn : (child.date_of_birth ?? undefined),
        });
        for (const a of allocated) {
          await recordChronologyEntry(access, {
            kind: 'allocation',
            occurredOn: a.started_on,
            summary: a.worker ? `Allocated to ${a.worker}, ${a.team}` : `Allocated to ${a.team}, waiting for a social worker`,
            source: { type: 'allocation', id: a.id },
          });
        }
      });

      const eldest = family[0];
      if (index === 0 || !eldest) {
        await addRelationship(db, actor, child.id, {
          other: { newPerson: mother },
          kind: 'parent',
          otherIsFirst: true,
          sameHousehold: true,
        });
        await addRelationship(db, actor, child.id, {
          other: { newPerson: father },
          kind: 'parent',
          otherIsFirst: true,
          sameHousehold: faker.datatype.boolean(0.4),
        });
      } else {
        const people = await db
          .selectFrom('relationships')
          .select(['person_id', 'same_household'])
          .where('related_person_id', '=', eldest.id)
          .where('kind', '=', 'parent')
          .execute();
        for (const parent of people) {
          await addRelationship(db, actor, child.id, {
            other: { personId: parent.person_id },
            kind: 'parent',
            otherIsFirst: true,
            sameHousehold: parent.same_household,
          });
        }
        for (const sibling of family.slice(0, index)) {
          await addRelationship(db, actor, child.id, {
            other: { personId: sibling.id },
            kind: 'sibling',
            otherIsFirst: true,
            sameHousehold: true,
          });
        }
      }

      if (faker.datatype.boolean(0.15)) await addAlert(db, actor, child.id, faker.helpers.arrayElement(alerts));
      if (faker.datatype.boolean(0.1))
        await addOtherName(db, actor, child.id, { givenName: child.given_name, familyName: faker.person.lastName() });
      if (current?.staff_id) {
        const notes = faker.number.int({ min: 2, max: 4 });
        for (let n = 0; n < notes; n++) {
          const occurredOn = addCalendarDays(today, -faker.number.int({ min: 1, max: 120 }));
          await addCaseNote(db, actor, child.id, {
            noteType: n % 4 === 3 ? 'supervision' : faker.helpers.arrayElement(['home_visit', 'phone_call', 'school_visit'] as const),
            occurredOn: occurredOn < current.started_on ? current.started_on : occurredOn,
            note: visitNotes[n % visitNotes.length] as string,
            childsWords: faker.datatype.boolean(0.5) ? childsWords[n % childsWords.length] || undefined : undefined,
          });
        }
      }
    }
  }

  const twice = children.find((c) => !c.restricted && c.date_of_birth && c.given_name.length > 3);
  if (twice) {
    await db
      .insertInto('people')
      .values({
        is_child: true,
        la_child_id: 'DEMO09999',
        given_name: `${twice.given_name.slice(0, -1)}`,
        family_name: twice.family_name,
        date_of_birth: twice.date_of_birth,
        sex: 'U',
      })
      .execute();
  }
}

async function actorFor(db: Kysely<Database>, staffId: string): Promise<Actor> {
  const actor = await loadActor(db, staffId, '127.0.0.1');
  if (!actor) throw new Error('A demo member of staff is missing');
  return actor;
}
