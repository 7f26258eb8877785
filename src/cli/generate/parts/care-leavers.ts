import type { Insertable } from 'kysely';
import type { CareLeaverContactsTable, IsoDate, PathwayPlansTable, PersonalAdvisersTable } from '../../../db/schema.js';
import { addCalendarDays, addMonths, addYears } from '../../../domain/calendar/index.js';
import { careLeaverActivityLabel } from '../../../domain/codes/ssda903-care-leaver-activity.js';
import { careLeaverInTouchLabel } from '../../../domain/codes/ssda903-care-leaver-in-touch.js';
import {
  careLeaverAccommodation,
  careLeaverAccommodationSuitable,
  careLeaverActivity,
  careLeaverInTouch,
  timeliness,
} from '../../../domain/synthetic/looked-after.js';
import { type PathwayStage, pathwayStageNames } from '../../../features/care-leavers/service.js';
import type { SyntheticAuthority } from '../authority.js';
import type { Draw } from '../draw.js';
import { officeHoursOn } from '../instants.js';
import type { CareStay } from './care-histories.js';
import { type ChildRecords, caseHolder } from './child-records.js';

export interface CareLeaverRows {
  advisers: Insertable<PersonalAdvisersTable>[];
  pathwayPlans: Insertable<PathwayPlansTable>[];
  contacts: Insertable<CareLeaverContactsTable>[];
}

const pathwayEvents = {
  needs_assessment: 'needs_assessment_completed',
  plan: 'pathway_plan_completed',
  review: 'pathway_plan_reviewed',
} as const;

/**
 * Leaving care, as the care leavers service records it, for every young person who became an
 * eligible child: a personal adviser; the needs assessment (due 3 months after becoming eligible),
 * the pathway plan and its 6-monthly reviews until 21; and, once they have left care, a contact
 * around each birthday from 17 to 21 with whether they are in touch, their main activity and their
 * accommodation (SSDA903 OC3).
 */
export function buildCareLeavers(
  authority: SyntheticAuthority,
  draw: Draw,
  records: ChildRecords,
  stays: readonly CareStay[],
  eligibleFrom: ReadonlyMap<string, IsoDate>,
): CareLeaverRows {
  const holder = caseHolder(authority);
  const rows: CareLeaverRows = { advisers: [], pathwayPlans: [], contacts: [] };
  const lastStayOf = new Map(stays.map((s) => [s.child.id, s]));
  const lateReason = () => draw.pick(['Young person not available; rearranged', 'Personal adviser changed; rearranged']);

  for (const [personId, eligible] of eligibleFrom) {
    const stay = lastStayOf.get(personId);
    if (!stay) continue;
    const { episode, child } = stay;
    const born = child.dateOfBirth;
    const until = [addYears(born, 21), episode.endedOn ?? authority.today, authority.today].sort()[0] as IsoDate;
    const by = (date: IsoDate) => holder(episode, date);

    const appointedOn = addCalendarDays(eligible, draw.int(14, 120));
    if (appointedOn <= until) {
      const id = draw.id();
      const name = draw.faker.person.fullName();
      rows.advisers.push({
        id,
        person_id: personId,
        adviser_name: name,
        started_on: appointedOn,
        ended_on: null,
        recorded_by: by(appointedOn),
        recorded_at: officeHoursOn(appointedOn, draw),
      });
      records.entry(personId, by(appointedOn), {
        kind: 'care_leaver',
        occurredOn: appointedOn,
        summary: `Personal adviser: ${name}.`,
        source: { type: 'personal_adviser', id },
      });
    }

    let due = addMonths(eligible, 3);
    let previous = eligible;
    for (let stage: PathwayStage = 'needs_assessment'; ; stage = stage === 'needs_assessment' ? 'plan' : 'review') {
      const when = draw.weighted(timeliness);
      const planned =
        when === 'on_time'
          ? addCalendarDays(due, -draw.int(0, stage === 'plan' ? 0 : 20))
          : addCalendarDays(due, when === 'late' ? draw.int(1, 25) : draw.int(26, 80));
      const done = planned > previous ? planned : addCalendarDays(previous, 1);
      if (done > until) break;
      const late = done > due ? lateReason() : null;
      const id = draw.id();
      rows.pathwayPlans.push({
        id,
        person_id: personId,
        stage,
        completed_on: done,
        young_persons_views: null,
        late_reason: late,
        recorded_by: by(done),
        recorded_at: officeHoursOn(done, draw),
      });
      records.entry(personId, by(done), {
        kind: 'care_leaver',
        occurredOn: done,
        summary: `${pathwayStageNames[stage]}.`,
        source: { type: 'pathway_plan', id },
      });
      records.event(personId, { kind: pathwayEvents[stage], occurredOn: done, lateReason: late, source: { type: 'pathway_plan', id } });
      previous = done;
      due = stage === 'needs_assessment' ? addCalendarDays(done, draw.int(7, 42)) : addMonths(done, 6);
    }

    // A contact around each birthday from 17 to 21 after leaving care (SSDA903 OC3), unless another authority took over.
    const leftOn = stay.period.endedOn;
    if (!leftOn || stay.period.reasonCeased === 'E3' || stay.period.reasonCeased === 'E2') continue;
    for (const age of [17, 18, 19, 20, 21]) {
      const birthday = addYears(born, age);
      if (birthday < leftOn) continue;
      const drawn = addCalendarDays(birthday, draw.int(-60, 20));
      const contactOn = drawn > leftOn ? drawn : addCalendarDays(birthday, draw.int(0, 20));
      if (contactOn > authority.today) continue;
      const inTouch = draw.weighted(careLeaverInTouch);
      const activity = inTouch === 'YES' ? draw.weighted(careLeaverActivity) : null;
      const letter = draw.weighted(careLeaverAccommodation);
      // Living with former foster carers (Z) is not used at 17: they are still foster carers then.
      const accommodation =
        inTouch === 'YES'
          ? `${letter === 'Z' && age === 17 ? 'U' : letter}${draw.chance(careLeaverAccommodationSuitable) ? '1' : '2'}`
          : null;
      const id = draw.id();
      rows.contacts.push({
        id,
        person_id: personId,
        contact_on: contactOn,
        in_touch: inTouch,
        activity,
        accommodation,
        recorded_by: by(contactOn),
        recorded_at: officeHoursOn(contactOn, draw),
      });
      records.entry(personId, by(contactOn), {
        kind: 'care_leaver',
        occurredOn: contactOn,
        summary: `Care leaver contact: ${careLeaverInTouchLabel(inTouch)}${activity ? `; ${careLeaverActivityLabel(activity)}` : ''}${accommodation ? `; accommodation ${accommodation}` : ''}.`,
        source: { type: 'care_leaver_contact', id },
      });
    }
  }
  return rows;
}
