import type { Insertable } from 'kysely';
import type {
  AllocationsTable,
  EducationPlansTable,
  HealthAssessmentsTable,
  IndependentSupportTable,
  IsoDate,
  LookedAfterReviewsTable,
  LookedAfterVisitsTable,
  PermanencePlansTable,
} from '../../../db/schema.js';
import { addCalendarDays, addMonths, ageOn, createCalendar } from '../../../domain/calendar/index.js';
import { carePlanPermanenceLabel } from '../../../domain/codes/ssd-care-plan-permanence.js';
import { reviewParticipationLabel } from '../../../domain/codes/ssda903-review-participation.js';
import {
  advocateShare,
  independentVisitorShare,
  permanencePlans,
  reviewParticipation,
  timeliness,
} from '../../../domain/synthetic/looked-after.js';
import { pepStageNames } from '../../../features/care-plan/service.js';
import { supportKindNames } from '../../../features/independent-support/service.js';
import type { SyntheticAuthority } from '../authority.js';
import type { Draw } from '../draw.js';
import { officeHoursOn } from '../instants.js';
import type { CareStay } from './care-histories.js';
import { type ChildRecords, caseHolder } from './child-records.js';

const calendar = createCalendar();

/** Reasons a worker gives for statutory work done late (the late_reason the forms ask for). */
const lateReasons = [
  'Rearranged at the request of the child and carers',
  'Worker off sick; rearranged at the first date available',
  'Child unwell on the planned date',
  'Reviewing officer unavailable; rearranged',
  'Carers on holiday with the child',
];

export interface CareWorkRows {
  reviewingOfficers: Insertable<AllocationsTable>[];
  reviews: Insertable<LookedAfterReviewsTable>[];
  permanencePlans: Insertable<PermanencePlansTable>[];
  visits: Insertable<LookedAfterVisitsTable>[];
  healthAssessments: Insertable<HealthAssessmentsTable>[];
  educationPlans: Insertable<EducationPlansTable>[];
  independentSupport: Insertable<IndependentSupportTable>[];
}

/**
 * The statutory work of each period of care, as the reviews, visits, care plan, allocation and
 * independent support services record it: the independent reviewing officer; looked-after reviews
 * (20 working days, 3 months, then every 6 months: most on time, some late) with how the child
 * took part; the permanence plan at the second review; statutory visits (within a week of each
 * placement, then every 6 weeks); health assessments (within 20 working days, then every 6 or 12
 * months); personal education plans; and a few independent visitors and advocates.
 */
export function buildCareWork(
  authority: SyntheticAuthority,
  draw: Draw,
  records: ChildRecords,
  stays: readonly CareStay[],
  officerNames: ReadonlyMap<string, string>,
): CareWorkRows {
  const holder = caseHolder(authority);
  const rows: CareWorkRows = {
    reviewingOfficers: [],
    reviews: [],
    permanencePlans: [],
    visits: [],
    healthAssessments: [],
    educationPlans: [],
    independentSupport: [],
  };
  const reviewingTeams = authority.teams.filter((t) => t.kind === 'reviewing');
  const officers = authority.staff.filter((s) => s.role === 'reviewing_officer' && s.teamId !== null);
  const today = authority.today;

  /** When work due on `due` was done: on time (on or a few days before), late, or much later. */
  const doneFor = (due: IsoDate, earliest: IsoDate) => {
    const when = draw.weighted(timeliness);
    const on =
      when === 'on_time'
        ? addCalendarDays(due, -draw.int(0, 7))
        : when === 'late'
          ? addCalendarDays(due, draw.int(1, 20))
          : addCalendarDays(due, draw.int(21, 70));
    const done = on < earliest ? earliest : on;
    return { on: done, late: done > due };
  };

  for (const stay of stays) {
    const { child, episode, period, journey } = stay;
    const personId = child.id;
    const last = period.endedOn ?? addCalendarDays(today, 1);
    const inCare = (date: IsoDate) => date > period.startedOn && date < last && date <= today;
    const by = (date: IsoDate) => holder(episode, date);
    const lateReason = (late: boolean) => (late ? draw.pick(lateReasons) : null);

    // The independent reviewing officer, from the start of care (features/allocation allocateReviewingOfficer).
    const officer = officers.find((o) => o.startedOn <= period.startedOn && (o.leftOn === null || o.leftOn > period.startedOn));
    const officerTeam = reviewingTeams.find((t) => t.id === officer?.teamId);
    if (officer && officerTeam) {
      const id = draw.id();
      rows.reviewingOfficers.push({
        id,
        person_id: personId,
        kind: 'reviewing_officer',
        team_id: officerTeam.id,
        staff_id: officer.id,
        started_on: period.startedOn,
        ended_on: period.endedOn,
        recorded_by: officerTeam.managerId || null,
        recorded_at: officeHoursOn(period.startedOn, draw),
      });
      records.entry(personId, officerTeam.managerId || null, {
        kind: 'allocation',
        occurredOn: period.startedOn,
        summary: `Independent reviewing officer: ${officerNames.get(officer.id) ?? officer.username}`,
        source: { type: 'allocation', id },
      });
    }

    // Looked-after reviews: 20 working days, then 3 months, then every 6 months.
    const held: IsoDate[] = [];
    for (let due = calendar.addWorkingDays(period.startedOn, 20); ; ) {
      const done = doneFor(due, addCalendarDays(held.at(-1) ?? period.startedOn, 1));
      if (!inCare(done.on)) break;
      held.push(done.on);
      const id = draw.id();
      const participation = ageOn(child.dateOfBirth, done.on) < 4 ? 'PN0' : draw.weighted(reviewParticipation);
      const late = lateReason(done.late);
      rows.reviews.push({
        id,
        person_id: personId,
        held_on: done.on,
        participation,
        chaired_by: officer?.id ?? null,
        late_reason: late,
        decisions: null,
        recorded_by: officer?.id ?? by(done.on),
        recorded_at: officeHoursOn(done.on, draw),
      });
      records.entry(personId, officer?.id ?? by(done.on), {
        kind: 'review',
        occurredOn: done.on,
        summary: `Looked-after review held. Participation ${participation}: ${reviewParticipationLabel(participation)}.`,
        source: { type: 'looked_after_review', id },
      });
      records.event(personId, {
        kind: 'lac_review_held',
        occurredOn: done.on,
        lateReason: late,
        source: { type: 'looked_after_review', id },
      });
      if (held.length === 2) {
        const plan = draw.weighted(permanencePlans[journey.route]);
        const planId = draw.id();
        rows.permanencePlans.push({
          id: planId,
          person_id: personId,
          plan,
          agreed_on: done.on,
          detail: null,
          recorded_by: by(done.on),
          recorded_at: officeHoursOn(done.on, draw),
        });
        records.entry(personId, by(done.on), {
          kind: 'plan',
          occurredOn: done.on,
          summary: `Permanence plan: ${carePlanPermanenceLabel(plan)}.`,
          source: { type: 'permanence_plan', id: planId },
        });
      }
      due = held.length === 1 ? addMonths(done.on, 3) : addMonths(done.on, 6);
    }

    // Statutory visits: within a week of each placement starting, then at most every 6 weeks.
    for (const placement of journey.history.placements) {
      const placementEnd = placement.endedOn ?? last;
      let previous = placement.startedOn;
      for (let due = addCalendarDays(placement.startedOn, 7); ; ) {
        const done = doneFor(due, addCalendarDays(previous, 1));
        if (!inCare(done.on) || done.on >= placementEnd) break;
        previous = done.on;
        const id = draw.id();
        const seen = draw.chance(0.96);
        const alone = seen && ageOn(child.dateOfBirth, done.on) >= 5 && draw.chance(0.7);
        const bedroom = draw.chance(0.6);
        const late = seen ? lateReason(done.late) : null;
        rows.visits.push({
          id,
          person_id: personId,
          placement_id: placement.id,
          visited_on: done.on,
          child_seen: seen,
          seen_alone: alone,
          bedroom_seen: bedroom,
          childs_views: null,
          late_reason: late,
          visited_by: by(done.on),
          recorded_at: officeHoursOn(done.on, draw),
        });
        records.entry(personId, by(done.on), {
          kind: 'visit',
          occurredOn: done.on,
          summary: `Statutory visit: ${seen ? (alone ? 'child seen alone' : 'child seen, not alone') : 'child not seen'}${bedroom ? ', bedroom seen' : ''}.`,
          source: { type: 'looked_after_visit', id },
        });
        if (seen)
          records.event(personId, {
            kind: 'lac_visit_made',
            occurredOn: done.on,
            lateReason: late,
            source: { type: 'looked_after_visit', id },
          });
        due = addCalendarDays(done.on, 42);
      }
    }

    // Health assessments: the initial one within 20 working days, then every 6 months under 5 and every 12 from 5.
    let healthDue = calendar.addWorkingDays(period.startedOn, 20);
    for (let kind: 'initial' | 'review' = 'initial'; ; kind = 'review') {
      const done = doneFor(healthDue, addCalendarDays(period.startedOn, 1));
      if (!inCare(done.on)) break;
      const id = draw.id();
      const completedBy = `${draw.pick(['Dr', 'Nurse'])} ${draw.faker.person.lastName()}`;
      const late = lateReason(done.late);
      rows.healthAssessments.push({
        id,
        person_id: personId,
        kind,
        completed_on: done.on,
        completed_by: completedBy,
        late_reason: late,
        recorded_by: by(done.on),
        recorded_at: officeHoursOn(done.on, draw),
      });
      records.entry(personId, by(done.on), {
        kind: 'health',
        occurredOn: done.on,
        summary: `${kind === 'initial' ? 'Initial' : 'Review'} health assessment completed by ${completedBy}.`,
        source: { type: 'health_assessment', id },
      });
      records.event(personId, {
        kind: 'health_assessment_completed',
        occurredOn: done.on,
        lateReason: late,
        source: { type: 'health_assessment', id },
      });
      healthDue = addMonths(done.on, ageOn(child.dateOfBirth, done.on) < 5 ? 6 : 12);
    }

    // Personal education plans, for children of school age: started within 10 working days, ready for the first review, then each term.
    if (ageOn(child.dateOfBirth, period.startedOn) >= 4) {
      const school = `${draw.faker.location.street()} ${draw.pick(['Primary School', 'Academy', 'High School'])}`;
      const stages: { stage: 'initiated' | 'completed' | 'reviewed'; due: IsoDate }[] = [
        { stage: 'initiated', due: calendar.addWorkingDays(period.startedOn, 10) },
        { stage: 'completed', due: calendar.addWorkingDays(period.startedOn, 20) },
      ];
      let previous = period.startedOn;
      for (let next = stages.shift(); next; next = stages.shift()) {
        const done = doneFor(next.due, addCalendarDays(previous, 1));
        if (!inCare(done.on) || ageOn(child.dateOfBirth, done.on) >= 18) break;
        previous = done.on;
        const id = draw.id();
        const late = lateReason(done.late);
        rows.educationPlans.push({
          id,
          person_id: personId,
          stage: next.stage,
          held_on: done.on,
          school,
          late_reason: late,
          recorded_by: by(done.on),
          recorded_at: officeHoursOn(done.on, draw),
        });
        records.entry(personId, by(done.on), {
          kind: 'education',
          occurredOn: done.on,
          summary: `${pepStageNames[next.stage]} (${school}).`,
          source: { type: 'education_plan', id },
        });
        records.event(personId, {
          kind: next.stage === 'initiated' ? 'pep_initiated' : next.stage === 'completed' ? 'pep_completed' : 'pep_reviewed',
          occurredOn: done.on,
          lateReason: late,
          source: { type: 'education_plan', id },
        });
        if (next.stage !== 'initiated') stages.push({ stage: 'reviewed', due: addMonths(done.on, 4) });
      }
    }

    // A few independent visitors and advocates, asked for or offered a few weeks into care.
    for (const [kind, share] of [
      ['independent_visitor', independentVisitorShare],
      ['advocate', advocateShare],
    ] as const) {
      if (ageOn(child.dateOfBirth, period.startedOn) < 8 || !draw.chance(share)) continue;
      const offeredOn = addCalendarDays(period.startedOn, draw.int(20, 120));
      if (!inCare(offeredOn)) continue;
      const declined = draw.chance(0.25);
      const startedOn = declined ? null : addCalendarDays(offeredOn, draw.int(7, 45));
      const declinedOn = declined ? addCalendarDays(offeredOn, draw.int(1, 14)) : null;
      const on = startedOn ?? (declinedOn as IsoDate);
      if (on > today) continue;
      const providedBy = startedOn ? `${draw.faker.person.fullName()}, ${draw.pick(['Coram Voice', 'NYAS', 'Barnardo’s'])}` : null;
      const id = draw.id();
      rows.independentSupport.push({
        id,
        person_id: personId,
        kind,
        child_asked_on: null,
        offered_on: offeredOn,
        declined_on: declinedOn,
        started_on: startedOn,
        ended_on: null,
        provided_by: providedBy,
        recorded_by: by(on),
        recorded_at: officeHoursOn(on, draw),
      });
      const name = supportKindNames[kind].toLowerCase();
      records.entry(personId, by(on), {
        kind: 'advocacy',
        occurredOn: on,
        summary: `${startedOn ? `Has an ${name} (${providedBy})` : `Offered an ${name} and declined`}.`,
        source: { type: 'independent_support', id },
      });
    }
  }
  return rows;
}
