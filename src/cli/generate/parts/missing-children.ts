import type { Insertable } from 'kysely';
import type {
  ExploitationScreeningsTable,
  IsoDate,
  MissingEpisodesTable,
  ReturnInterviewsTable,
  StrategyMeetingPromptsTable,
} from '../../../db/schema.js';
import { addCalendarDays, addHours, addYears, type Moment } from '../../../domain/calendar/index.js';
import { calendarDaysBetween } from '../../../domain/calendar/iso-date.js';
import { type RepeatMissingThreshold, repeatedMissing, riskRaised } from '../../../domain/missing/strategy-meeting-prompt.js';
import {
  awayWithoutAuthorisationShare,
  exploitationRisk,
  type MissingRates,
  returnInterviewOutcomes,
  screeningAfterMissingShare,
} from '../../../domain/synthetic/looked-after.js';
import { formatDate } from '../../../platform/view-filters.js';
import type { SyntheticAuthority, SyntheticEpisode } from '../authority.js';
import type { Draw } from '../draw.js';
import { officeHoursOn } from '../instants.js';
import type { CareStay } from './care-histories.js';
import { type ChildRecords, caseHolder, clockTime } from './child-records.js';

export interface MissingRows {
  episodes: Insertable<MissingEpisodesTable>[];
  interviews: Insertable<ReturnInterviewsTable>[];
  screenings: Insertable<ExploitationScreeningsTable>[];
  prompts: Insertable<StrategyMeetingPromptsTable>[];
}

const at = (date: IsoDate, time: string | null) => `${formatDate(date)}${time ? ` at ${time}` : ''}`;
const kindWords = { M: 'Missing', A: 'Away from placement without authorisation' } as const;
const whereFound = ['At a friend’s house', 'With family', 'In the town centre', 'Returned by the police', 'Came back by themselves'];
const promptResolutions = [
  'Strategy meeting held; safety plan updated.',
  'Strategy meeting held; referral to the exploitation panel.',
  'Discussed with the team manager: a strategy meeting is not needed, the risk is managed in the plan.',
];

/** A stretch of a child's life where they may go missing: from care (a period of care) or from home (an open CIN or CP episode). */
interface Window {
  personId: string;
  episode: SyntheticEpisode;
  from: 'care' | 'home';
  startsOn: IsoDate;
  endsOn: IsoDate;
}

/**
 * Missing episodes of a minority of children aged 11 or over, as the missing episodes service
 * records them: from care (during a period of care) or from home (during an open child in need or
 * child protection episode), some children going missing again and again; the return home
 * interview offered after each return (most within 72 hours, some late, some declined, some never
 * offered); exploitation screenings after some episodes; and the strategy meeting prompts Hearth
 * raises when a screening raises the risk to medium or high, or when the child goes missing
 * `threshold` times within its days.
 */
export function buildMissingEpisodes(
  authority: SyntheticAuthority,
  draw: Draw,
  records: ChildRecords,
  stays: readonly CareStay[],
  threshold: RepeatMissingThreshold,
  rates: MissingRates,
): MissingRows {
  const holder = caseHolder(authority);
  const rows: MissingRows = { episodes: [], interviews: [], screenings: [], prompts: [] };
  const bornOn = new Map(authority.children.map((c) => [c.id, c.dateOfBirth]));
  const windows: Window[] = [];
  const latest = (a: IsoDate, b: IsoDate) => (a > b ? a : b);
  const soonest = (a: IsoDate, b: IsoDate) => (a < b ? a : b);
  const ageWindow = (personId: string, from: IsoDate, to: IsoDate) => {
    const born = bornOn.get(personId);
    if (!born) return null;
    const startsOn = latest(from, addYears(born, 11));
    const endsOn = soonest(soonest(to, addCalendarDays(addYears(born, 18), -1)), authority.today);
    return startsOn < endsOn ? { startsOn, endsOn } : null;
  };
  for (const stay of stays) {
    const span = ageWindow(stay.child.id, stay.period.startedOn, stay.period.endedOn ?? authority.today);
    if (span) windows.push({ personId: stay.child.id, episode: stay.episode, from: 'care', ...span });
  }
  for (const episode of authority.episodes) {
    if (episode.pathway !== 'child_in_need' && episode.pathway !== 'child_protection') continue;
    const span = ageWindow(episode.personId, episode.referredOn, episode.endedOn ?? authority.today);
    if (span) windows.push({ personId: episode.personId, episode, from: 'home', ...span });
  }

  for (const window of windows) {
    const years = calendarDaysBetween(window.startsOn, window.endsOn) / 365;
    const rate = window.from === 'care' ? rates.fromCare : rates.fromHome;
    if (!draw.chance(1 - (1 - rate.childShareAYear) ** years)) continue;
    const count = Math.max(1, draw.poisson(rate.episodesAYear * years));
    const span = calendarDaysBetween(window.startsOn, window.endsOn);
    const starts = [...new Set(Array.from({ length: count }, () => draw.int(1, Math.max(1, span - 1))))].sort((a, b) => a - b);
    const { personId, episode } = window;
    const by = (date: IsoDate) => holder(episode, date);
    const history: { kind: 'M' | 'A'; startedOn: IsoDate }[] = [];
    let previousRisk: { sexual: 'none' | 'low' | 'medium' | 'high'; criminal: 'none' | 'low' | 'medium' | 'high' } | null = null;
    /** The last repeated-missing prompt: Hearth raises another only once it has been answered. */
    let repeatPrompt: { resolvedOn: IsoDate | null } | null = null;
    let free = 0;
    for (const offset of starts) {
      if (offset <= free) continue;
      const startedOn = addCalendarDays(window.startsOn, offset);
      const startedMinute = draw.int(14 * 60, 23 * 60 + 30);
      const hoursAway = draw.chance(0.7) ? draw.int(2, 20) : draw.int(21, 96);
      const returned: Moment = addHours({ date: startedOn, time: clockTime(startedMinute) }, hoursAway);
      const stillMissing = returned.date > authority.today;
      const returnedOn = stillMissing ? null : returned.date;
      const returnedTime = stillMissing ? null : (returned.time ?? null);
      free = offset + calendarDaysBetween(startedOn, returned.date) + 1;
      const kind = draw.chance(awayWithoutAuthorisationShare) && window.from === 'care' ? 'A' : 'M';
      const startedTime = clockTime(startedMinute);
      const police = addHours({ date: startedOn, time: startedTime }, draw.int(1, 4));
      const policeOn = police.date <= (returnedOn ?? authority.today) ? police.date : null;
      const policeTime = policeOn ? (police.time ?? null) : null;
      const id = draw.id();
      const found = returnedOn ? draw.pick(whereFound) : null;
      rows.episodes.push({
        id,
        person_id: personId,
        kind,
        missing_from: window.from,
        started_on: startedOn,
        started_time: startedTime,
        reported_to_police_on: policeOn,
        reported_to_police_time: policeTime,
        returned_on: returnedOn,
        returned_time: returnedTime,
        where_found: found,
        recorded_by: by(startedOn),
        recorded_at: officeHoursOn(returnedOn ?? startedOn, draw),
      });
      records.entry(personId, by(startedOn), {
        kind: 'missing',
        occurredOn: startedOn,
        summary: `${kindWords[kind]} from ${window.from} from ${at(startedOn, startedTime)}${
          policeOn ? `; reported to the police ${at(policeOn, policeTime)}` : ''
        }${returnedOn ? `; returned ${at(returnedOn, returnedTime)}` : ''}.`,
        source: { type: 'missing_episode', id },
      });
      if (returnedOn && returnedTime) {
        records.event(personId, {
          kind: 'returned_from_missing',
          occurredOn: returnedOn,
          occurredTime: returnedTime,
          ref: id,
          source: { type: 'missing_episode', id },
        });
        interview(id, returnedOn, returnedTime);
      }
      if (kind === 'M') {
        history.push({ kind, startedOn });
        const repeated = repeatedMissing(history, startedOn, threshold);
        const stillOpen = repeatPrompt !== null && (repeatPrompt.resolvedOn === null || repeatPrompt.resolvedOn > startedOn);
        if (repeated !== null && !stillOpen)
          repeatPrompt = prompt(startedOn, 'repeated_missing', `Missing ${repeated} times in ${threshold.days} days`);
      }
      if (returnedOn && draw.chance(screeningAfterMissingShare)) {
        const screenedOn = addCalendarDays(returnedOn, draw.int(1, 10));
        if (screenedOn <= authority.today) {
          const risk = { sexual: draw.weighted(exploitationRisk), criminal: draw.weighted(exploitationRisk) };
          const screeningId = draw.id();
          rows.screenings.push({
            id: screeningId,
            person_id: personId,
            missing_episode_id: id,
            screened_on: screenedOn,
            sexual_exploitation_risk: risk.sexual,
            criminal_exploitation_risk: risk.criminal,
            indicators: null,
            recorded_by: by(screenedOn),
            recorded_at: officeHoursOn(screenedOn, draw),
          });
          records.entry(personId, by(screenedOn), {
            kind: 'exploitation',
            occurredOn: screenedOn,
            summary: `Exploitation risk screening: sexual exploitation risk ${risk.sexual}, criminal exploitation risk ${risk.criminal}.`,
            source: { type: 'exploitation_screening', id: screeningId },
          });
          const raised = riskRaised(previousRisk, risk);
          if (raised.length > 0)
            prompt(screenedOn, 'risk_raised', `Screening found ${raised.map((k) => `${k} exploitation risk ${risk[k]}`).join(' and ')}`);
          previousRisk = risk;
        }
      }
    }

    /** The return home interview after a return: held or declined, on time or late, or never offered. */
    function interview(episodeId: string, returnedOn: IsoDate, returnedTime: string): void {
      const outcome = draw.weighted(returnInterviewOutcomes);
      if (outcome === 'never_offered') return;
      const late = outcome === 'held_late';
      const offered = addHours({ date: returnedOn, time: returnedTime }, late ? draw.int(73, 240) : draw.int(3, 70));
      const offeredOn = offered.date;
      if (offeredOn > authority.today) return;
      const offeredTime = offered.time ?? null;
      const held = outcome !== 'declined';
      const conductedBy = `${draw.faker.person.fullName()}, return interview worker`;
      const lateReason = late ? draw.pick(['Child not available until later in the week', 'No worker available within 72 hours']) : null;
      const id = draw.id();
      rows.interviews.push({
        id,
        person_id: personId,
        missing_episode_id: episodeId,
        offered_on: offeredOn,
        offered_time: offeredTime,
        outcome: held ? 'held' : 'declined',
        held_on: held ? offeredOn : null,
        held_time: held ? offeredTime : null,
        conducted_by: conductedBy,
        childs_account: null,
        late_reason: lateReason,
        recorded_by: by(offeredOn),
        recorded_at: officeHoursOn(offeredOn, draw),
      });
      records.entry(personId, by(offeredOn), {
        kind: 'return_interview',
        occurredOn: offeredOn,
        summary: held
          ? `Return home interview held by ${conductedBy}${late ? ' (offered more than 72 hours after the return)' : ''}.`
          : `Return home interview offered by ${conductedBy} and declined by the child.`,
        source: { type: 'return_interview', id },
      });
      records.event(personId, {
        kind: held ? 'return_interview_completed' : 'return_interview_declined',
        occurredOn: offeredOn,
        occurredTime: offeredTime,
        ref: episodeId,
        lateReason,
        source: { type: 'return_interview', id },
      });
    }

    /** Raises a strategy meeting prompt; most are answered within days. */
    function prompt(raisedOn: IsoDate, reason: 'risk_raised' | 'repeated_missing', detail: string): { resolvedOn: IsoDate | null } {
      const id = draw.id();
      const resolvedOn = draw.chance(0.85) ? addCalendarDays(raisedOn, draw.int(1, 10)) : null;
      const resolved = resolvedOn !== null && resolvedOn <= authority.today ? resolvedOn : null;
      const resolution = resolved ? draw.pick(promptResolutions) : null;
      rows.prompts.push({
        id,
        person_id: personId,
        raised_on: raisedOn,
        reason,
        detail,
        resolved_on: resolved,
        resolution,
        resolved_by: resolved ? by(resolved) : null,
        recorded_at: officeHoursOn(raisedOn, draw),
      });
      records.entry(personId, by(raisedOn), {
        kind: 'prompt',
        occurredOn: raisedOn,
        summary: `Strategy meeting to be considered: ${detail}.`,
        source: { type: 'strategy_meeting_prompt', id },
      });
      if (resolved)
        records.entry(personId, by(resolved), {
          kind: 'decision',
          occurredOn: resolved,
          summary: `Strategy meeting prompt (${detail}) answered: ${resolution}`,
          source: { type: 'strategy_meeting_prompt', id },
        });
      return { resolvedOn: resolved };
    }
  }
  return rows;
}
