import type { Kysely } from 'kysely';
import type { Database, IsoDate } from '../../db/schema.js';
import { addCalendarDays, addMonths, addYears, ageOn } from '../../domain/calendar/index.js';
import { appointAdviser, recordContact, recordPathwayPlan } from '../../features/care-leavers/service.js';
import { recordEducationPlan, recordHealthAssessment, recordPermanencePlan } from '../../features/care-plan/service.js';
import { concludeCareProceedings, issueCareProceedings, startPreProceedings } from '../../features/care-proceedings/service.js';
import { recordSupport } from '../../features/independent-support/service.js';
import {
  changeLegalStatus,
  changePlacement,
  endPeriodOfCare,
  startPeriodOfCare,
  viewOpenPeriod,
} from '../../features/looked-after/service.js';
import { recordReview } from '../../features/looked-after-reviews/service.js';
import { recordVisit } from '../../features/looked-after-visits/service.js';
import { recordMissingEpisode, recordReturnInterview, recordScreening, viewMissing } from '../../features/missing-episodes/service.js';
import type { Actor } from '../../platform/actor.js';
import { loadActor } from '../../platform/staff-directory.js';
import type { DemoAuthority } from '../demo-authority.js';

const carers = [
  'Mr and Mrs Okoro',
  'Janet and Phil Hughes',
  'The Kowalski family',
  'Bramble House',
  'Sandra Bell',
  'Oak Lodge Children’s Home',
  'Ravi and Meena Patel',
];
const childsViews = [
  'I like it here. Sandra makes pancakes on Saturdays.',
  'I want to see my brother more. Tuesdays are not enough.',
  'It’s OK. I don’t like the bus to school, it takes ages.',
  'I miss Mum but I feel safer here.',
  'Can I get a phone? Everyone at school has one.',
];
const rhiAccounts = [
  'I went to my mate’s house in town because I was angry about contact being cancelled. Nobody hurt me.',
  'I was with some older lads at the park. They gave me vapes. I don’t want to say their names.',
  'I just needed to get away for a bit. I slept at my cousin’s.',
];
const repeatMissingThreshold = { episodes: 3, days: 90 };
type Ok = { ok: true } | { ok: false; problems: readonly { message: string }[] };

function expectSaved(what: string, result: Ok): void {
  if (!result.ok) throw new Error(`Demo ${what} was refused: ${result.problems.map((p) => p.message).join('; ')}`);
}

async function actorFor(db: Kysely<Database>, staffId: string): Promise<Actor> {
  const actor = await loadActor(db, staffId, '127.0.0.1');
  if (!actor) throw new Error('demo staff account missing');
  return actor;
}

/**
 * Children looked after and care leavers in the demo: the showcase children of the Children in Care
 * team get periods of care with legal status changes and moves, reviews (some late), visits in the
 * child's words, health assessments and education plans, and some go missing (return interviews
 * on time, late and never offered); a few went through pre-proceedings and care proceedings. The
 * Leaving Care team's young people get a period of care that ended, pathway plans, a personal
 * adviser and birthday contacts.
 */
export async function addLookedAfterDemo(db: Kysely<Database>, authority: DemoAuthority): Promise<void> {
  const { faker, today } = authority;
  const teamOf = (name: string) => authority.teamIds.get(name) as string;
  const rows = await db
    .selectFrom('allocations')
    .innerJoin('people', 'people.id', 'allocations.person_id')
    .select(['allocations.person_id', 'allocations.team_id', 'allocations.staff_id', 'people.date_of_birth'])
    .where('allocations.kind', '=', 'social_worker')
    .where('allocations.ended_on', 'is', null)
    .where('allocations.team_id', 'in', [teamOf('Children in Care'), teamOf('Leaving Care')])
    .where('people.restricted', '=', false)
    .where('allocations.person_id', 'in', [...authority.childIds])
    .orderBy('people.la_child_id')
    .execute();
  const reviewingOfficer = await actorFor(db, authority.staffIds.get('reviewing.officer') as string);
  const iroChildren = new Set(
    (
      await db
        .selectFrom('allocations')
        .select('person_id')
        .where('kind', '=', 'reviewing_officer')
        .where('ended_on', 'is', null)
        .where('staff_id', '=', reviewingOfficer.staffId)
        .execute()
    ).map((r) => r.person_id),
  );

  let index = 0;
  for (const row of rows) {
    if (!row.date_of_birth) continue;
    const teamWorkers = authority.workersByTeam.get(row.team_id === teamOf('Leaving Care') ? 'Leaving Care' : 'Children in Care') ?? [];
    const worker = await actorFor(db, row.staff_id ?? (teamWorkers[0] as string));
    if (row.team_id === teamOf('Leaving Care')) await addCareLeaver(row.person_id, row.date_of_birth, worker);
    else
      await addLookedAfterChild(
        row.person_id,
        row.date_of_birth,
        worker,
        iroChildren.has(row.person_id) ? reviewingOfficer : worker,
        index++,
      );
  }

  async function addLookedAfterChild(personId: string, born: IsoDate, worker: Actor, chair: Actor, n: number) {
    const earliest = addCalendarDays(born, 30);
    const startedOn = [addCalendarDays(today, -faker.number.int({ min: 45, max: 700 })), earliest].sort().at(-1) as IsoDate;
    if (startedOn >= addCalendarDays(today, -20)) return;
    const court = n % 4 === 0;
    if (court) {
      const preStart = addCalendarDays(startedOn, -faker.number.int({ min: 70, max: 120 }));
      expectSaved(
        'pre-proceedings',
        await startPreProceedings(db, worker, personId, {
          gatewayOn: addCalendarDays(preStart, -7),
          gatewayOutcome: 'B',
          startedOn: preStart,
          today,
        }),
      );
      expectSaved(
        'care proceedings',
        await issueCareProceedings(db, worker, personId, {
          issuedOn: startedOn,
          court: 'Family Court at Croydon',
          caseNumber: `ZC${25 + n}C0${100 + n}`,
          finalHearingOn: null,
          today,
        }),
      );
    }
    expectSaved(
      'period of care',
      await startPeriodOfCare(db, worker, personId, {
        startedOn,
        categoryOfNeed: faker.helpers.arrayElement(['N1', 'N1', 'N1', 'N4', 'N5', 'N2']),
        homePostcode: 'CR0 2AB',
        legalStatus: court ? 'C1' : 'V2',
        placement: { placementType: 'U6', provider: 'PR1', postcode: 'CR4 3HD', urn: null, carerName: carers[n % carers.length] as string },
      }),
    );
    const version = async () => {
      const open = (await viewOpenPeriod(db, worker, personId)).open;
      return { periodId: open?.id as string, version: open?.version as number };
    };
    const days = (from: IsoDate, to: IsoDate) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
    const span = days(startedOn, today);
    if (court && span > 150) {
      const orderOn = addCalendarDays(startedOn, faker.number.int({ min: 120, max: Math.min(span - 10, 200) }));
      expectSaved(
        'care order',
        await changeLegalStatus(db, worker, personId, { ...(await version()), changedOn: orderOn, legalStatus: 'C2' }),
      );
      const proceedings = await db
        .selectFrom('care_proceedings')
        .select(['id', 'version'])
        .where('person_id', '=', personId)
        .executeTakeFirstOrThrow();
      expectSaved(
        'final order',
        await concludeCareProceedings(db, worker, personId, {
          id: proceedings.id,
          version: proceedings.version,
          concludedOn: orderOn,
          finalOrder: 'care_order',
          today,
        }),
      );
    }
    if (n % 3 === 1 && span > 120) {
      const moveOn = addCalendarDays(startedOn, faker.number.int({ min: 40, max: span - 30 }));
      expectSaved(
        'move',
        await changePlacement(db, worker, personId, {
          ...(await version()),
          changedOn: moveOn,
          reasonForChange: faker.helpers.arrayElement(['CREQB', 'CARPL', 'CHILD', 'STAND']),
          placement: {
            placementType: n % 2 ? 'K2' : 'U4',
            provider: n % 2 ? 'PR4' : 'PR1',
            postcode: 'BR1 1AA',
            urn: n % 2 ? `SC${String(400000 + n)}` : null,
            carerName: carers[(n + 3) % carers.length] as string,
          },
        }),
      );
    }

    let reviewOn = addCalendarDays(startedOn, n % 5 === 2 ? 34 : 20);
    for (let r = 0; reviewOn < today; r++) {
      expectSaved(
        'review',
        await recordReview(db, chair, personId, {
          heldOn: reviewOn,
          participation: ageOn(born, reviewOn) < 4 ? 'PN0' : faker.helpers.arrayElement(['PN1', 'PN1', 'PN2', 'PN5', 'PN6']),
          decisions: 'Care plan endorsed. Contact with mother to continue fortnightly, supervised.',
          lateReason: n % 5 === 2 && r === 0 ? 'Parent could not attend; rearranged' : null,
          today,
        }),
      );
      reviewOn = r === 0 ? addMonths(reviewOn, 3) : addMonths(reviewOn, n % 6 === 0 ? 7 : 6);
    }

    let visitOn = addCalendarDays(startedOn, 5);
    while (visitOn < today) {
      const seen = faker.datatype.boolean(0.9);
      expectSaved(
        'visit',
        await recordVisit(db, worker, personId, {
          visitedOn: visitOn,
          childSeen: seen,
          seenAlone: seen && ageOn(born, visitOn) >= 5 && faker.datatype.boolean(0.7),
          bedroomSeen: faker.datatype.boolean(0.6),
          childsViews: seen && ageOn(born, visitOn) >= 5 ? faker.helpers.arrayElement(childsViews) : null,
          lateReason: null,
          today,
        }),
      );
      visitOn = addCalendarDays(visitOn, faker.number.int({ min: 28, max: 46 }));
    }
    expectSaved(
      'health assessment',
      await recordHealthAssessment(db, worker, personId, {
        kind: 'initial',
        completedOn: addCalendarDays(startedOn, 18),
        completedBy: 'Dr Ngozi Eze, community paediatrician',
        lateReason: null,
        today,
      }),
    );
    if (ageOn(born, startedOn) >= 4) {
      expectSaved(
        'PEP',
        await recordEducationPlan(db, worker, personId, {
          stage: 'initiated',
          heldOn: addCalendarDays(startedOn, 9),
          school: 'Whitehorse Manor Primary',
          lateReason: null,
          today,
        }),
      );
      expectSaved(
        'PEP',
        await recordEducationPlan(db, worker, personId, {
          stage: 'completed',
          heldOn: addCalendarDays(startedOn, 19),
          school: null,
          lateReason: null,
          today,
        }),
      );
    }
    if (span > 120) {
      expectSaved(
        'permanence plan',
        await recordPermanencePlan(db, worker, personId, {
          plan: court ? 'LTFOST18' : faker.helpers.arrayElement(['RETURN6M', 'LTRELFR', 'LTFOST18']),
          agreedOn: addCalendarDays(startedOn, 110),
          detail: null,
          today,
        }),
      );
    }
    if (n % 4 === 1) {
      expectSaved(
        'advocate',
        await recordSupport(db, worker, personId, {
          kind: 'advocate',
          childAskedOn: addCalendarDays(startedOn, 12),
          offeredOn: addCalendarDays(startedOn, 14),
          declinedOn: null,
          startedOn: addCalendarDays(startedOn, 25),
          providedBy: 'Coram Voice',
          today,
        }),
      );
    }
    if (ageOn(born, today) >= 11 && n % 3 !== 2) await addMissingEpisodes(personId, worker, n);
    if (n % 7 === 3 && span > 200) {
      const endedOn = addCalendarDays(today, -faker.number.int({ min: 5, max: 40 }));
      expectSaved('end of care', await endPeriodOfCare(db, worker, personId, { ...(await version()), endedOn, reasonCeased: 'E4A' }));
    }
  }

  async function addMissingEpisodes(personId: string, worker: Actor, n: number) {
    const count = n % 2 === 0 ? 3 : 1;
    for (let e = 0; e < count; e++) {
      const startedOn = addCalendarDays(today, -(80 - e * 25 + (n % 5)));
      const returnedOn = addCalendarDays(startedOn, faker.number.int({ min: 1, max: 2 }));
      const kind = e === 1 && n % 3 === 0 ? 'A' : 'M';
      expectSaved(
        'missing episode',
        await recordMissingEpisode(
          db,
          worker,
          personId,
          {
            kind,
            startedOn,
            startedTime: '19:30',
            reportedToPoliceOn: kind === 'M' ? startedOn : null,
            reportedToPoliceTime: kind === 'M' ? '22:10' : null,
            returnedOn,
            returnedTime: '02:15',
            whereFound: faker.helpers.arrayElement([
              'At a friend’s flat in town',
              'Brought back by police from the train station',
              'Came back by themselves',
            ]),
            today,
          },
          repeatMissingThreshold,
        ),
      );
      const episode = (await viewMissing(db, worker, personId)).episodes.find((x) => x.started_on === startedOn);
      if (!episode) continue;
      const which = (n + e) % 3;
      if (which === 0) {
        expectSaved(
          'return interview',
          await recordReturnInterview(db, worker, personId, {
            episodeId: episode.id,
            offeredOn: addCalendarDays(returnedOn, 1),
            offeredTime: '10:00',
            outcome: 'held',
            heldOn: addCalendarDays(returnedOn, 2),
            heldTime: '16:00',
            conductedBy: 'Jo Bright, Missing People',
            childsAccount: faker.helpers.arrayElement(rhiAccounts),
            lateReason: null,
            today,
          }),
        );
      } else if (which === 1) {
        expectSaved(
          'late return interview',
          await recordReturnInterview(db, worker, personId, {
            episodeId: episode.id,
            offeredOn: addCalendarDays(returnedOn, 5),
            offeredTime: null,
            outcome: e % 2 ? 'declined' : 'held',
            heldOn: e % 2 ? null : addCalendarDays(returnedOn, 6),
            heldTime: null,
            conductedBy: 'Duty social worker',
            childsAccount: e % 2 ? null : faker.helpers.arrayElement(rhiAccounts),
            lateReason: 'Return not passed on by the out-of-hours team until the following week',
            today,
          }),
        );
      }
      if (e === count - 1) {
        expectSaved(
          'screening',
          await recordScreening(db, worker, personId, {
            episodeId: episode.id,
            screenedOn: addCalendarDays(returnedOn, 3),
            sexual: n % 4 === 0 ? 'medium' : 'low',
            criminal: n % 2 === 0 ? 'high' : 'low',
            indicators: n % 2 === 0 ? 'Seen with older young people; new clothes and a second phone.' : null,
            today,
          }),
        );
      }
    }
  }

  async function addCareLeaver(personId: string, born: IsoDate, worker: Actor) {
    const startedOn = addCalendarDays(addYears(born, 14), faker.number.int({ min: 30, max: 500 }));
    const endedOn = addYears(born, 18);
    if (endedOn >= today || startedOn >= addCalendarDays(endedOn, -100)) return;
    expectSaved(
      'care leaver period of care',
      await startPeriodOfCare(db, worker, personId, {
        startedOn,
        categoryOfNeed: 'N1',
        homePostcode: null,
        legalStatus: 'C2',
        placement: { placementType: 'U4', provider: 'PR1', postcode: 'SE25 6XX', urn: null, carerName: faker.helpers.arrayElement(carers) },
      }),
    );
    const open = (await viewOpenPeriod(db, worker, personId)).open;
    if (!open) return;
    expectSaved(
      'leaving care',
      await endPeriodOfCare(db, worker, personId, {
        periodId: open.id,
        version: open.version,
        endedOn,
        reasonCeased: faker.helpers.arrayElement(['E17', 'E5', 'E6']),
      }),
    );
    const sixteen = addYears(born, 16);
    const planFrom = sixteen > startedOn ? sixteen : addCalendarDays(startedOn, 100);
    expectSaved(
      'needs assessment',
      await recordPathwayPlan(db, worker, personId, {
        stage: 'needs_assessment',
        completedOn: addCalendarDays(planFrom, 40),
        views: null,
        lateReason: null,
        today,
      }),
    );
    expectSaved(
      'pathway plan',
      await recordPathwayPlan(db, worker, personId, {
        stage: 'plan',
        completedOn: addCalendarDays(planFrom, 60),
        views: 'I want my own flat near college.',
        lateReason: null,
        today,
      }),
    );
    for (let review = addMonths(addCalendarDays(planFrom, 60), 6); review < today; review = addMonths(review, 6)) {
      expectSaved(
        'pathway plan review',
        await recordPathwayPlan(db, worker, personId, { stage: 'review', completedOn: review, views: null, lateReason: null, today }),
      );
    }
    expectSaved(
      'personal adviser',
      await appointAdviser(db, worker, personId, { name: faker.person.fullName(), startedOn: addCalendarDays(planFrom, 30), today }),
    );
    for (const age of [17, 18, 19, 20, 21]) {
      const birthday = addYears(born, age);
      if (birthday > today) break;
      const inTouch = faker.helpers.weightedArrayElement([
        { weight: 8, value: 'YES' },
        { weight: 1, value: 'NO' },
        { weight: 1, value: 'REFU' },
      ]);
      expectSaved(
        'care leaver contact',
        await recordContact(db, worker, personId, {
          contactOn: addCalendarDays(birthday, 5) > today ? birthday : addCalendarDays(birthday, 5),
          inTouch,
          activity: inTouch === 'YES' ? faker.helpers.arrayElement(['F2', 'F5', 'P5', 'G5', 'F1']) : null,
          accommodation: inTouch === 'YES' ? (age === 17 ? 'D' : faker.helpers.arrayElement(['D', 'U', 'Z', 'B'])) : null,
          suitable: inTouch === 'YES' ? faker.datatype.boolean(0.85) : null,
          today,
        }),
      );
    }
  }
}
