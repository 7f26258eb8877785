import type { Insertable } from 'kysely';
import type {
  ChronologyEntriesTable,
  HandoverItemsTable,
  IsoDate,
  OutOfHoursCallbacksTable,
  OutOfHoursCallChildrenTable,
  OutOfHoursCallsTable,
} from '../../../db/schema.js';
import { addCalendarDays } from '../../../domain/calendar/date-arithmetic.js';
import { dayOfWeek } from '../../../domain/calendar/iso-date.js';
import { type CallAction, callActionLabel } from '../../../domain/out-of-hours/call-actions.js';
import { type CallerType, callerTypeLabel } from '../../../domain/out-of-hours/caller-types.js';
import { handoverDayFor, nightOf } from '../../../domain/out-of-hours/night.js';
import {
  answeredCallers,
  callAboutKnownChildren,
  callAnswers,
  callbackAttempts,
  callsByDayOfWeek,
  callsByHour,
  callsPerReferral,
  longestSecondsToAnswer,
  meanSecondsToAnswer,
  recentHandoverLeftWaiting,
  recentHandoverWorkingDays,
} from '../../../domain/synthetic/out-of-hours.js';
import { calendar as workingDayCalendar } from '../../../features/clocks/service.js';
import type { Role } from '../../../platform/roles.js';
import type { GeneratorPart, SyntheticAuthority, SyntheticEpisode } from '../authority.js';
import { insertRows } from '../bulk-insert.js';
import type { Draw } from '../draw.js';
import { instantOn } from '../instants.js';
import { workingDayTable } from './working-day-table.js';

interface CallStory {
  concern: string;
  actions: CallAction[];
  visitNeeded: boolean;
  outcome: string;
  /** How the caller described children not known to the authority. */
  notKnown: string;
}

const storiesByCaller: Record<Exclude<CallerType, 'unknown'>, readonly CallStory[]> = {
  police: [
    {
      concern: 'Police attended a domestic incident; father arrested, mother intoxicated, children at home.',
      actions: ['visit', 'placement'],
      visitNeeded: true,
      outcome: 'Children placed with a relative overnight under a safety plan; day team to visit.',
      notKnown: 'Two children, about 4 and 7, at the family address; names not given',
    },
    {
      concern: 'Young person arrested for possession with intent to supply; appropriate adult needed.',
      actions: ['custody_visit'],
      visitNeeded: false,
      outcome: 'Seen in custody; released under investigation to a parent. Possible exploitation: day team to consider.',
      notKnown: 'Boy, 15, name given to police only',
    },
    {
      concern: 'Child found wandering near the main road late at night; parent not answering the door.',
      actions: ['police_protection', 'placement'],
      visitNeeded: true,
      outcome: 'Police protection taken; child placed with emergency foster carers.',
      notKnown: 'Child, about 5; name not known',
    },
  ],
  parent_or_carer: [
    {
      concern: 'Parent says they cannot cope with their teenager, who has not come home since school.',
      actions: ['advice'],
      visitNeeded: false,
      outcome: 'Advice given; police told of a missing child; child returned home before midnight.',
      notKnown: 'Girl, 13; parent gave a first name only',
    },
    {
      concern: 'Parent rang after an argument at home; worried what the other parent will do when they return.',
      actions: ['advice'],
      visitNeeded: false,
      outcome: 'Safety plan agreed by phone; police informed; front door to follow up.',
      notKnown: 'Three children under 10; surname given',
    },
  ],
  foster_carer: [
    {
      concern: 'Foster carer reports the young person has left the placement and is believed to be with older males.',
      actions: ['advice'],
      visitNeeded: true,
      outcome: 'Missing report made to police; placement to be reviewed in the morning.',
      notKnown: 'Young person, 16, placed by another authority',
    },
    {
      concern: 'Residential home reports a young person refusing to return after a family visit.',
      actions: ['advice', 'visit'],
      visitNeeded: true,
      outcome: 'Visited with the home’s manager; young person agreed to return by 23:00.',
      notKnown: 'Young person, 15, placed by another authority',
    },
  ],
  health: [
    {
      concern: 'Infant brought to the emergency department with an injury the explanation does not fit.',
      actions: ['advice', 'police_protection', 'visit'],
      visitNeeded: true,
      outcome: 'Police protection taken; infant kept on the ward. Strategy discussion needed in the morning.',
      notKnown: 'Infant, about 3 months; hospital has the name',
    },
    {
      concern: 'Teenager admitted after taking an overdose; parent not answering the ward’s calls.',
      actions: ['advice'],
      visitNeeded: false,
      outcome: 'Advice to the ward; young person safe on the ward overnight; day team to follow up.',
      notKnown: 'Girl, 15; hospital has the name',
    },
  ],
  other_professional: [
    {
      concern: 'Youth worker concerned about a young person sleeping at a friend’s flat with no adult there.',
      actions: ['advice'],
      visitNeeded: false,
      outcome: 'Advice given; young person’s parent reached and collected them.',
      notKnown: 'Boy, 16; first name only',
    },
  ],
  relative_or_friend: [
    {
      concern: 'Grandparent worried the children have been left alone while their mother is out.',
      actions: ['visit'],
      visitNeeded: true,
      outcome: 'Visited with police: mother home, children safe; referral to the front door for follow-up.',
      notKnown: 'Two children, about 6 and 9; names given by the caller',
    },
  ],
  child: [
    {
      concern: 'Young person rang saying they are frightened to go home after an argument with a stepparent.',
      actions: ['advice', 'placement', 'visit'],
      visitNeeded: true,
      outcome: 'Emergency foster placement for the night under section 20 with a parent’s agreement.',
      notKnown: 'Girl, 14; would not give her surname',
    },
  ],
  member_of_public: [
    {
      concern: 'Neighbour reports children left alone in the flat; no adult seen since the afternoon.',
      actions: ['visit'],
      visitNeeded: true,
      outcome: 'Visited with police: mother home by 22:30, children safe; referral to the front door for follow-up.',
      notKnown: 'Two children, about 6 and 9, at the caller’s address; names not given',
    },
  ],
  anonymous: [
    {
      concern: 'Anonymous caller heard shouting and a child crying at a neighbouring house.',
      actions: ['advice'],
      visitNeeded: false,
      outcome: 'Police asked to make a welfare check; no concerns found; front door told.',
      notKnown: 'A child, age not known; address given',
    },
  ],
};

/** Who may accept a handover on a day team's list. */
const acceptingRoles: readonly Role[] = ['social_worker', 'team_manager', 'service_manager', 'front_door'];

/**
 * The out-of-hours part of the synthetic authority: the emergency duty team's calls for the whole
 * history, as many as the authority's size implies, by hour of day and day of week (weekday evenings
 * and nights, all day at weekends and on bank holidays), up to the start of today; some not answered
 * or abandoned, with call-backs; some about children known (an open episode that night), with the
 * chronology entry the call service writes and a handover to the child's allocated team (the front
 * door for the rest); handovers accepted on the morning they are due, except a few recent ones
 * still waiting and those due today.
 */
export const outOfHoursPart: GeneratorPart = {
  name: 'Out-of-hours calls',
  async generate(db, authority) {
    const rows = planCalls(authority, authority.draw('front-door/out-of-hours'));
    const step = authority.progress.step('Out-of-hours calls', rows.calls.length, 'calls');
    await insertRows(db, 'out_of_hours_calls', rows.calls, (n) => step.advance(n));
    await insertRows(db, 'out_of_hours_call_children', rows.callChildren);
    await insertRows(db, 'out_of_hours_callbacks', rows.callbacks);
    await insertRows(db, 'handover_items', rows.handover);
    await insertRows(db, 'chronology_entries', rows.chronology);
    step.finish();
  },
};

function planCalls(authority: SyntheticAuthority, draw: Draw) {
  const { today } = authority;
  const calendar = workingDayTable(workingDayCalendar, authority.historyStartsOn, addCalendarDays(today, 30));
  const worker = authority.staff.find((s) => s.role === 'emergency_duty' && s.leftOn === null);
  const frontDoor = authority.teams.find((t) => t.kind === 'front_door');
  if (!worker || !frontDoor) throw new Error('The synthetic authority has no emergency duty worker or front door team');
  const startOfToday = instantOn(today, '00:00');
  const recentFrom = calendar.addWorkingDays(today, -recentHandoverWorkingDays);
  const teamOn = allocatedTeams(authority.episodes);
  const accepterOn = accepters(authority);
  const isOpen = (day: IsoDate, hour: number) => !calendar.isWorkingDay(day) || hour < 9 || hour >= 17;

  let weight = 0;
  for (let day = authority.historyStartsOn; day < today; day = addCalendarDays(day, 1))
    for (let hour = 0; hour < 24; hour++) if (isOpen(day, hour)) weight += hourWeight(day, hour);
  const years = authority.scale.years;
  const callsPerWeight = (authority.scale.referralsPerYear * callsPerReferral * years) / Math.max(1, weight);

  const calls: Insertable<OutOfHoursCallsTable>[] = [];
  const callChildren: Insertable<OutOfHoursCallChildrenTable>[] = [];
  const callbacks: Insertable<OutOfHoursCallbacksTable>[] = [];
  const handover: Insertable<HandoverItemsTable>[] = [];
  const chronology: Insertable<ChronologyEntriesTable>[] = [];
  const open = openEpisodes(authority.episodes);

  for (let day = authority.historyStartsOn; day < today; day = addCalendarDays(day, 1)) {
    open.advanceTo(day);
    for (let hour = 0; hour < 24; hour++) {
      if (!isOpen(day, hour)) continue;
      for (let n = draw.poisson(callsPerWeight * hourWeight(day, hour)); n > 0; n--) {
        const id = draw.id();
        const time = `${String(hour).padStart(2, '0')}:${String(draw.int(0, 59)).padStart(2, '0')}`;
        const receivedAt = new Date(instantOn(day, time).getTime() + draw.int(0, 59) * 1000);
        const answer = draw.weighted(callAnswers);
        const answered = answer === 'answered';
        const caller = answered ? draw.weighted(answeredCallers) : 'unknown';
        const story = caller === 'unknown' ? null : draw.pick(storiesByCaller[caller]);
        const children = answered && draw.chance(callAboutKnownChildren) ? open.childrenOf(draw, day) : [];
        const answeredAt = answered
          ? new Date(receivedAt.getTime() + Math.round(Math.min(longestSecondsToAnswer, 5 + draw.exponential(meanSecondsToAnswer))) * 1000)
          : null;
        calls.push({
          id,
          received_at: receivedAt,
          answer,
          answered_at: answeredAt,
          caller_type: caller,
          caller_name: story ? callerName(draw, caller) : null,
          caller_contact_details: story ? null : draw.chance(0.7) ? `07700 ${draw.int(900000, 900999)}` : null,
          children_not_known: story && children.length === 0 ? story.notKnown : null,
          concern: story?.concern ?? null,
          actions: story?.actions ?? [],
          visit_needed: story?.visitNeeded ?? false,
          outcome: story?.outcome ?? null,
          worker_id: worker.id,
          recorded_at: answeredAt ?? receivedAt,
        });
        if (!answered) {
          let attemptAt = receivedAt.getTime();
          for (const result of draw.weighted(callbackAttempts)) {
            attemptAt += draw.int(10, 40) * 60_000;
            if (attemptAt >= startOfToday.getTime()) break;
            callbacks.push({
              id: draw.id(),
              call_id: id,
              attempted_at: new Date(attemptAt),
              attempted_by: worker.id,
              result,
              recorded_at: new Date(attemptAt),
            });
          }
        }
        const handoverOn = handoverDayFor(calendar, nightOf(day, time));
        const waiting = handoverOn >= today || (handoverOn >= recentFrom && draw.chance(recentHandoverLeftWaiting));
        const item = (personId: string | null, teamId: string) => {
          const accepter = waiting ? undefined : accepterOn(draw, teamId, handoverOn);
          handover.push({
            id: draw.id(),
            call_id: id,
            person_id: personId,
            team_id: teamId,
            handover_on: handoverOn,
            accepted_by: accepter ?? null,
            accepted_at: accepter ? instantOn(handoverOn, `09:${String(draw.int(5, 55)).padStart(2, '0')}`) : null,
          });
        };
        if (children.length === 0) item(null, frontDoor.id);
        const did = story?.actions.length ? `: ${story.actions.map((a) => callActionLabel(a)?.toLowerCase()).join(', ')}` : '';
        for (const personId of children) {
          callChildren.push({ call_id: id, person_id: personId });
          chronology.push({
            id: draw.id(),
            person_id: personId,
            kind: 'out_of_hours',
            occurred_on: day,
            occurred_at: receivedAt,
            summary: `Out-of-hours call from ${callerTypeLabel(caller)?.toLowerCase()}${did}`,
            source_type: 'out_of_hours_call',
            source_id: id,
            recorded_by: worker.id,
            recorded_at: answeredAt ?? receivedAt,
          });
          item(personId, teamOn(personId, day) ?? frontDoor.id);
        }
      }
    }
  }
  return { calls, callChildren, callbacks, handover, chronology };
}

function hourWeight(day: IsoDate, hour: number): number {
  return (callsByHour[hour] as number) * (callsByDayOfWeek[dayOfWeek(day)] as number);
}

function callerName(draw: Draw, caller: CallerType): string | null {
  switch (caller) {
    case 'police':
      return `PC ${draw.faker.person.lastName()}`;
    case 'health':
      return `Dr ${draw.faker.person.lastName()}`;
    case 'foster_carer':
    case 'other_professional':
    case 'relative_or_friend':
    case 'parent_or_carer':
      return `${draw.faker.person.firstName()} ${draw.faker.person.lastName()}`;
    default:
      return null;
  }
}

/** The team a child was allocated to on a day (the service hands over to it), from the episodes' team stays. */
function allocatedTeams(episodes: readonly SyntheticEpisode[]) {
  const spans = new Map<string, { from: IsoDate; to: IsoDate | null; teamId: string }[]>();
  for (const episode of episodes)
    for (const stay of episode.stays)
      for (const worker of stay.workers)
        spans.set(episode.personId, [
          ...(spans.get(episode.personId) ?? []),
          { from: worker.startedOn, to: worker.endedOn, teamId: stay.teamId },
        ]);
  return (personId: string, day: IsoDate) => spans.get(personId)?.find((s) => s.from <= day && (s.to === null || s.to > day))?.teamId;
}

/** Someone in the team, in post on the day, who accepts a handover. */
function accepters(authority: SyntheticAuthority) {
  const byTeam = new Map<string, SyntheticAuthority['staff'][number][]>();
  for (const person of authority.staff)
    if (person.teamId && acceptingRoles.includes(person.role)) byTeam.set(person.teamId, [...(byTeam.get(person.teamId) ?? []), person]);
  return (draw: Draw, teamId: string, day: IsoDate): string | undefined => {
    const inPost = (byTeam.get(teamId) ?? []).filter((s) => s.startedOn <= day && (s.leftOn === null || s.leftOn > day));
    return inPost.length === 0 ? undefined : draw.pick(inPost).id;
  };
}

/**
 * The episodes open on a day, as the days go by (episodes are in referral order): a call about a
 * known child is about one of them, with the brothers and sisters referred with them and still open.
 */
function openEpisodes(episodes: readonly SyntheticEpisode[]) {
  const active: SyntheticEpisode[] = [];
  const byFamilyReferral = new Map<number, SyntheticEpisode[]>();
  for (const episode of episodes)
    byFamilyReferral.set(episode.familyReferral, [...(byFamilyReferral.get(episode.familyReferral) ?? []), episode]);
  let next = 0;
  const isOpenOn = (episode: SyntheticEpisode, day: IsoDate) =>
    episode.referredOn <= day && (episode.endedOn === null || episode.endedOn > day);
  return {
    advanceTo(day: IsoDate) {
      while (next < episodes.length && (episodes[next] as SyntheticEpisode).referredOn <= day)
        active.push(episodes[next++] as SyntheticEpisode);
    },
    childrenOf(draw: Draw, day: IsoDate): string[] {
      while (active.length > 0) {
        const index = draw.int(0, active.length - 1);
        const episode = active[index] as SyntheticEpisode;
        if (isOpenOn(episode, day)) {
          const siblings = (byFamilyReferral.get(episode.familyReferral) ?? []).filter((e) => e !== episode && isOpenOn(e, day));
          return [episode.personId, ...(draw.chance(0.5) ? siblings.map((s) => s.personId) : [])];
        }
        active[index] = active[active.length - 1] as SyntheticEpisode;
        active.pop();
      }
      return [];
    },
  };
}
