import type { Insertable } from 'kysely';
import type {
  AdopterHouseholdsTable,
  AdopterMatchesTable,
  ChronologyEntriesTable,
  IsoDate,
  ProspectiveAdoptersTable,
} from '../../../db/schema.js';
import { addCalendarDays } from '../../../domain/calendar/date-arithmetic.js';
import {
  adopterDisability,
  adopterEthnicity,
  approvedHouseholdsPerAdoption,
  fastTrackShare,
  fosteringForAdoptionShare,
  householdMakeUp,
  leavingPoints,
  minimumEnquiriesPerYear,
  otherEnquiriesPerAdoption,
  stepDays,
  waitingChildrenMatchedShare,
} from '../../../domain/synthetic/adopters.js';
import type { GeneratorPart } from '../authority.js';
import { insertRows } from '../bulk-insert.js';
import type { Draw } from '../draw.js';

type Household = Insertable<AdopterHouseholdsTable> & { id: string };
type StepColumn = 'stage_one_started_on' | 'stage_one_ended_on' | 'stage_two_started_on' | 'stage_two_ended_on' | 'approved_on';
type Match = { householdId: string; personId: string; matchedOn: IsoDate; placedOn: IsoDate | null };

const placedForAdoption = ['A3', 'A4', 'A5', 'A6'];
const latestOf = (a: IsoDate, b: IsoDate) => (a > b ? a : b);
const earliestOf = (a: IsoDate, b: IsoDate) => (a < b ? a : b);

function days(draw: Draw, range: readonly [number, number]): number {
  return draw.int(range[0], range[1]);
}

/** A household approved some time before `matchedOn`, its journey worked back from there. */
function approvedBefore(draw: Draw, id: string, matchedOn: IsoDate): Household {
  const approved = addCalendarDays(matchedOn, -days(draw, stepDays.approvalToMatch));
  const stageTwoEnded = addCalendarDays(approved, -days(draw, stepDays.stageTwoToApproval));
  const stageTwoStarted = addCalendarDays(stageTwoEnded, -days(draw, stepDays.stageTwo));
  const fastTrack = draw.chance(fastTrackShare);
  const stageOneEnded = fastTrack ? null : addCalendarDays(stageTwoStarted, -days(draw, stepDays.betweenStages));
  const stageOneStarted = stageOneEnded ? addCalendarDays(stageOneEnded, -days(draw, stepDays.stageOne)) : null;
  return {
    id,
    fostering_for_adoption: draw.chance(fosteringForAdoptionShare),
    enquiry_received_on: addCalendarDays(stageOneStarted ?? stageTwoStarted, -days(draw, stepDays.enquiryToStageOne)),
    stage_one_started_on: stageOneStarted,
    stage_one_ended_on: stageOneEnded,
    stage_two_started_on: stageTwoStarted,
    stage_two_ended_on: stageTwoEnded,
    application_submitted_on: stageTwoStarted,
    approved_on: approved,
  };
}

/** A household that enquired on `enquiry`, taken forward step by step until they leave, are approved, or reach today. */
function enquiringOn(draw: Draw, id: string, enquiry: IsoDate, today: IsoDate): Household {
  const household: Household = { id, fostering_for_adoption: draw.chance(fosteringForAdoptionShare), enquiry_received_on: enquiry };
  let reached = enquiry;
  const next = (range: readonly [number, number]) => {
    const on = addCalendarDays(reached, days(draw, range));
    if (on > today) return null;
    reached = on;
    return on;
  };
  const leaves = (point: keyof typeof leavingPoints, range: readonly [number, number]) => {
    if (!draw.chance(leavingPoints[point].chance)) return false;
    const on = addCalendarDays(reached, draw.int(1, range[1]));
    if (on > today) return false;
    household.left_on = on;
    household.reason_left = draw.weighted(leavingPoints[point].reasons);
    return true;
  };
  const fastTrack = draw.chance(fastTrackShare);
  const path: { leaveFirst?: keyof typeof leavingPoints; column: StepColumn; after: readonly [number, number] }[] = [
    ...(fastTrack
      ? []
      : [
          { leaveFirst: 'beforeStageOne' as const, column: 'stage_one_started_on' as const, after: stepDays.enquiryToStageOne },
          { leaveFirst: 'duringStageOne' as const, column: 'stage_one_ended_on' as const, after: stepDays.stageOne },
        ]),
    {
      leaveFirst: fastTrack ? 'beforeStageOne' : 'betweenStages',
      column: 'stage_two_started_on',
      after: fastTrack ? stepDays.enquiryToStageOne : stepDays.betweenStages,
    },
    { leaveFirst: 'duringStageTwo', column: 'stage_two_ended_on', after: stepDays.stageTwo },
    { column: 'approved_on', after: stepDays.stageTwoToApproval },
  ];
  for (const step of path) {
    if (step.leaveFirst && leaves(step.leaveFirst, step.after)) return household;
    const on = next(step.after);
    if (on === null) return household;
    household[step.column] = on;
    if (step.column === 'stage_two_started_on') household.application_submitted_on = on;
  }
  return household;
}

function adoptersOf(draw: Draw, householdId: string): Insertable<ProspectiveAdoptersTable>[] {
  const makeUp = draw.weighted(householdMakeUp);
  const genders = {
    male_female_couple: ['a) Male', 'b) Female'],
    female_couple: ['b) Female', 'b) Female'],
    male_couple: ['a) Male', 'a) Male'],
    single_female: ['b) Female'],
    single_male: ['a) Male'],
  }[makeUp];
  const familyName = draw.faker.person.lastName();
  const firstEthnicity = draw.weighted(adopterEthnicity);
  return genders.map((gender, index) => ({
    id: draw.id(),
    household_id: householdId,
    position: index + 1,
    given_name: draw.faker.person.firstName(gender === 'a) Male' ? 'male' : 'female'),
    family_name: index === 0 || draw.chance(0.7) ? familyName : draw.faker.person.lastName(),
    gender,
    ethnicity: index === 0 || draw.chance(0.8) ? firstEthnicity : draw.weighted(adopterEthnicity),
    disabled: draw.weighted(adopterDisability),
  }));
}

/**
 * Prospective adopters (Annex A list 11), built on the children's side the looked-after part
 * wrote: a household approved in time for each child adopted, matched on the child's AD1 match date
 * and moving in on the child's adoption placement; other households enquiring through the years,
 * some leaving at each stage with a reason, some approved and waiting, some of those matched with
 * children still waiting to be placed. Matches get the chronology entries the service writes.
 */
export const adoptersPart: GeneratorPart = {
  name: 'Prospective adopters',
  async generate(db, authority) {
    const draw = authority.draw('adopters');
    const { today } = authority;
    const [adoptions, decisions, placements] = await Promise.all([
      db.selectFrom('adoptions').select(['person_id', 'adopted_on', 'matched_on']).orderBy('person_id').orderBy('adopted_on').execute(),
      db
        .selectFrom('adoption_decisions')
        .select(['person_id', 'decided_on', 'reversed_on'])
        .orderBy('person_id')
        .orderBy('decided_on')
        .execute(),
      db
        .selectFrom('placements')
        .select(['person_id', 'started_on'])
        .where('placement_type', 'in', placedForAdoption)
        .orderBy('person_id')
        .orderBy('started_on')
        .execute(),
    ]);
    const households: Household[] = [];
    const matches: Match[] = [];

    for (const adoption of adoptions) {
      const matchedOn = adoption.matched_on ?? addCalendarDays(adoption.adopted_on, -draw.int(200, 330));
      const household = approvedBefore(draw, draw.id(), matchedOn);
      const placement = placements.filter((p) => p.person_id === adoption.person_id && p.started_on <= adoption.adopted_on).at(-1);
      const movedIn = placement?.started_on ?? addCalendarDays(matchedOn, days(draw, stepDays.matchToMovingIn));
      const placedOn = household.fostering_for_adoption ? movedIn : latestOf(movedIn, matchedOn);
      households.push(household);
      matches.push({
        householdId: household.id,
        personId: adoption.person_id,
        matchedOn,
        placedOn: earliestOf(placedOn, adoption.adopted_on),
      });
    }

    const years = authority.scale.years;
    const others = Math.max(
      Math.round(adoptions.length * (approvedHouseholdsPerAdoption - 1 + otherEnquiriesPerAdoption)),
      minimumEnquiriesPerYear * years,
    );
    const historyDays = Math.max(1, Math.round((Date.parse(today) - Date.parse(authority.historyStartsOn)) / 86_400_000));
    const enquiring = Array.from({ length: others }, () => addCalendarDays(authority.historyStartsOn, draw.int(0, historyDays))).sort();
    const waitingPool = enquiring.map((enquiry) => {
      const household = enquiringOn(draw, draw.id(), enquiry, today);
      households.push(household);
      return household;
    });

    const adopted = new Set(adoptions.map((a) => a.person_id));
    for (const decision of decisions) {
      if (decision.reversed_on !== null || adopted.has(decision.person_id) || !draw.chance(waitingChildrenMatchedShare)) continue;
      const household = waitingPool.find((h) => h.approved_on && !h.left_on && !matches.some((m) => m.householdId === h.id));
      if (!household?.approved_on) continue;
      const matchedOn = addCalendarDays(latestOf(decision.decided_on, household.approved_on), draw.int(30, 120));
      if (matchedOn > today) continue;
      const placedOn = addCalendarDays(matchedOn, days(draw, stepDays.matchToMovingIn));
      matches.push({ householdId: household.id, personId: decision.person_id, matchedOn, placedOn: placedOn <= today ? placedOn : null });
    }

    // Households are recorded by the adoption and fostering team; matches by the children in care team's manager.
    const recorder = authority.staff.find((s) => s.role === 'fostering_worker')?.id ?? null;
    const matchRecorder = authority.teams.find((t) => t.kind === 'children_in_care')?.managerId || null;
    const step = authority.progress.step('Prospective adopters', households.length, 'households');
    await insertRows(
      db,
      'adopter_households',
      households.map((h) => ({
        stage_one_started_on: null,
        stage_one_ended_on: null,
        stage_two_started_on: null,
        stage_two_ended_on: null,
        application_submitted_on: null,
        approved_on: null,
        left_on: null,
        reason_left: null,
        ...h,
        recorded_by: recorder,
      })),
      (n) => step.advance(n),
    );
    await insertRows(
      db,
      'prospective_adopters',
      households.flatMap((h) => adoptersOf(draw, h.id)),
    );
    const familyIdentifiers = new Map(
      (await db.selectFrom('adopter_households').select(['id', 'family_identifier']).execute()).map((r) => [r.id, r.family_identifier]),
    );
    const matchRows: Insertable<AdopterMatchesTable>[] = [];
    const entries: Insertable<ChronologyEntriesTable>[] = [];
    for (const match of matches) {
      const id = draw.id();
      matchRows.push({
        id,
        household_id: match.householdId,
        person_id: match.personId,
        matched_on: match.matchedOn,
        placed_on: match.placedOn,
        recorded_by: matchRecorder,
      });
      const family = familyIdentifiers.get(match.householdId);
      const entry = (occurredOn: IsoDate, summary: string) => ({
        id: draw.id(),
        person_id: match.personId,
        kind: 'adoption',
        occurred_on: occurredOn,
        occurred_at: null,
        summary,
        source_type: 'adopter_match',
        source_id: id,
        recorded_by: matchRecorder,
      });
      entries.push(entry(match.matchedOn, `Matched with prospective adopters (family ${family}).`));
      if (match.placedOn) entries.push(entry(match.placedOn, `Moved in with prospective adopters (family ${family}).`));
    }
    await insertRows(db, 'adopter_matches', matchRows);
    await insertRows(db, 'chronology_entries', entries);
    step.finish();
  },
};
