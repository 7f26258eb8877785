import type { Kysely } from 'kysely';
import type { Database, IsoDate } from '../../db/schema.js';
import { addYears, ageOn } from '../../domain/calendar/index.js';
import { careLeaverAccommodationTypeLabel } from '../../domain/codes/ssda903-care-leaver-accommodation.js';
import { careLeaverActivityLabel } from '../../domain/codes/ssda903-care-leaver-activity.js';
import { careLeaverInTouchLabel } from '../../domain/codes/ssda903-care-leaver-in-touch.js';
import { careLeaverCategory, careLeaverCategoryNames, eligibleChildFrom } from '../../domain/looked-after/leaving-care.js';
import { withChildRecord } from '../../platform/access.js';
import type { Actor } from '../../platform/actor.js';
import { moveChildRows, moveChildRowsBack } from '../../platform/child-rows.js';
import { BadRequestError } from '../../platform/errors.js';
import { registerRecordMover } from '../../platform/record-movers.js';
import { recordChronologyEntry, registerSourceLink } from '../chronology/service.js';
import { outstandingClocksOf, recordCaseEvents } from '../clocks/service.js';
import { childHeader, periodsOf } from '../looked-after/service.js';
import * as queries from './queries.js';

const leavingCareTables = ['pathway_plans', 'personal_advisers', 'care_leaver_contacts'] as const;

registerSourceLink('pathway_plan', (personId) => `/children/${personId}/leaving-care`);
registerSourceLink('personal_adviser', (personId) => `/children/${personId}/leaving-care`);
registerSourceLink('care_leaver_contact', (personId) => `/children/${personId}/leaving-care`);

export type PathwayStage = 'needs_assessment' | 'plan' | 'review';
export const pathwayStageNames: Record<PathwayStage, string> = {
  needs_assessment: 'Needs assessment completed',
  plan: 'Pathway plan completed',
  review: 'Pathway plan reviewed',
};
const pathwayEvents = {
  needs_assessment: 'needs_assessment_completed',
  plan: 'pathway_plan_completed',
  review: 'pathway_plan_reviewed',
} as const;

export type LeavingCareChange = { ok: true } | { ok: false; problems: { field: string; message: string }[] };

/** The leaving care page: category, personal adviser, pathway plans, contacts and the birthdays the SSDA903 return asks about. */
export function viewLeavingCare(db: Kysely<Database>, actor: Actor, personId: string, today: IsoDate) {
  return withChildRecord(db, actor, personId, 'view', 'care_leaver.view', async (access) => {
    const [header, periods, plans, advisers, contacts, due] = await Promise.all([
      childHeader(access),
      periodsOf(access),
      queries.pathwayPlans(access),
      queries.advisers(access),
      queries.contacts(access),
      outstandingClocksOf(access, ['needs_assessment_eligible', 'pathway_plan_review']),
    ]);
    const born = header.child.date_of_birth;
    const category = born ? careLeaverCategory(born, periods, today) : 'none';
    return {
      header,
      category,
      categoryName: careLeaverCategoryNames[category],
      eligibleFrom: born ? eligibleChildFrom(born, periods) : null,
      birthdays: born ? [17, 18, 19, 20, 21].map((age) => ({ age, on: addYears(born, age) })) : [],
      plans: plans.map((p) => ({ ...p, stageName: pathwayStageNames[p.stage] })),
      adviser: advisers.find((a) => a.ended_on === null) ?? null,
      advisers,
      contacts: contacts.map((c) => ({
        ...c,
        inTouchLabel: careLeaverInTouchLabel(c.in_touch),
        activityLabel: c.activity ? careLeaverActivityLabel(c.activity) : null,
        accommodationLabel: c.accommodation
          ? `${careLeaverAccommodationTypeLabel(c.accommodation.slice(0, 1))}, ${c.accommodation.endsWith('1') ? 'suitable' : 'not suitable'}`
          : null,
      })),
      due,
    };
  });
}

/** Records a leaving care needs assessment, a pathway plan, or a review of it. */
export function recordPathwayPlan(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: { stage: PathwayStage; completedOn: IsoDate; views: string | null; lateReason: string | null; today: IsoDate },
): Promise<LeavingCareChange> {
  return withChildRecord(db, actor, personId, 'edit', 'care_leaver.pathway_plan.record', async (access) => {
    const header = await childHeader(access);
    const problems: { field: string; message: string }[] = [];
    if (input.completedOn > input.today) problems.push({ field: 'completedOn', message: 'The date cannot be in the future' });
    const born = header.child.date_of_birth;
    if (born && ageOn(born, input.completedOn) < 15)
      problems.push({ field: 'completedOn', message: 'Pathway planning starts at 16: check the date' });
    if (
      input.stage === 'review' &&
      !(await queries.pathwayPlans(access)).some((p) => p.stage === 'plan' && p.completed_on <= input.completedOn)
    ) {
      problems.push({ field: 'stage', message: 'Record the pathway plan before a review of it' });
    }
    if (problems.length > 0) return { ok: false, problems };
    const id = await queries.insertPathwayPlan(access, {
      stage: input.stage,
      completed_on: input.completedOn,
      young_persons_views: input.views,
      late_reason: input.lateReason,
      recorded_by: actor.staffId,
    });
    await recordChronologyEntry(access, {
      kind: 'care_leaver',
      occurredOn: input.completedOn,
      summary: `${pathwayStageNames[input.stage]}.`,
      source: { type: 'pathway_plan', id },
    });
    await recordCaseEvents(access, [
      {
        kind: pathwayEvents[input.stage],
        occurredOn: input.completedOn,
        ...(input.lateReason ? { lateReason: input.lateReason } : {}),
        source: { type: 'pathway_plan', id },
      },
    ]);
    return { ok: true };
  });
}

/** Names the young person's personal adviser from a date; the previous one's time ends that day. */
export function appointAdviser(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: { name: string; startedOn: IsoDate; today: IsoDate },
): Promise<LeavingCareChange> {
  return withChildRecord(db, actor, personId, 'edit', 'care_leaver.adviser.appoint', async (access) => {
    const current = (await queries.advisers(access)).find((a) => a.ended_on === null);
    if (input.startedOn > input.today)
      return { ok: false, problems: [{ field: 'startedOn', message: 'The date cannot be in the future' }] };
    if (current && input.startedOn < current.started_on) {
      return { ok: false, problems: [{ field: 'startedOn', message: 'The new adviser cannot start before the current one did' }] };
    }
    if (current) await queries.endAdviser(access, current.id, input.startedOn);
    const id = await queries.insertAdviser(access, input.name, input.startedOn, actor.staffId);
    await recordChronologyEntry(access, {
      kind: 'care_leaver',
      occurredOn: input.startedOn,
      summary: `Personal adviser: ${input.name}.`,
      source: { type: 'personal_adviser', id },
    });
    return { ok: true };
  });
}

/**
 * Records a contact with a care leaver for the SSDA903 return: in touch or not, and, when in touch,
 * their main activity and accommodation (with whether it is suitable).
 */
export function recordContact(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: {
    contactOn: IsoDate;
    inTouch: string;
    activity: string | null;
    accommodation: string | null;
    suitable: boolean | null;
    today: IsoDate;
  },
): Promise<LeavingCareChange> {
  return withChildRecord(db, actor, personId, 'edit', 'care_leaver.contact.record', async (access) => {
    const header = await childHeader(access);
    const problems: { field: string; message: string }[] = [];
    if (input.contactOn > input.today) problems.push({ field: 'contactOn', message: 'The date cannot be in the future' });
    const born = header.child.date_of_birth;
    const age = born ? ageOn(born, input.contactOn) : null;
    if (age !== null && age < 16)
      problems.push({ field: 'contactOn', message: 'Care leaver contacts are for young people aged 16 or over' });
    if (input.inTouch === 'YES') {
      if (!input.activity) problems.push({ field: 'activity', message: 'Select their main activity' });
      if (!input.accommodation) problems.push({ field: 'accommodation', message: 'Select where they live' });
      if (input.accommodation && input.suitable === null)
        problems.push({ field: 'suitable', message: 'Select whether the accommodation is suitable' });
    }
    if (input.accommodation === 'Z' && age === 17)
      problems.push({ field: 'accommodation', message: 'Living with former foster carers (Z) is not used at 17' });
    if (problems.length > 0) return { ok: false, problems };
    const accommodation = input.accommodation ? `${input.accommodation}${input.suitable ? '1' : '2'}` : null;
    const id = await queries.insertContact(access, {
      contact_on: input.contactOn,
      in_touch: input.inTouch,
      activity: input.activity,
      accommodation,
      recorded_by: actor.staffId,
    });
    await recordChronologyEntry(access, {
      kind: 'care_leaver',
      occurredOn: input.contactOn,
      summary: `Care leaver contact: ${careLeaverInTouchLabel(input.inTouch)}${input.activity ? `; ${careLeaverActivityLabel(input.activity)}` : ''}${accommodation ? `; accommodation ${accommodation}` : ''}.`,
      source: { type: 'care_leaver_contact', id },
    });
    return { ok: true };
  });
}

/** The care leaver contacts of many young people at once, for the authority's SSDA903 return (OC3). */
export function contactsForReturn(db: Kysely<Database>, personIds: readonly string[]) {
  return personIds.length === 0 ? Promise.resolve([]) : queries.contactsOf(db, personIds);
}

/**
 * On merging two records of a child, the merged record's pathway plans, personal advisers and
 * care leaver contacts go to the one kept. A young person has one current personal adviser, so two
 * records each with a current adviser are refused.
 */
registerRecordMover({
  name: 'pathway plans, personal advisers and care leaver contacts',
  columns: ['pathway_plans.person_id', 'personal_advisers.person_id', 'care_leaver_contacts.person_id'],
  move: async (merged, survivor) => {
    if ((await queries.hasCurrentAdviser(merged)) && (await queries.hasCurrentAdviser(survivor)))
      throw new BadRequestError('Both records have a current personal adviser. End one of them before merging the records.');
    return moveChildRows(merged, survivor, leavingCareTables);
  },
  restore: (merged, _survivor, moved) => moveChildRowsBack(merged, leavingCareTables, moved),
});
