import type { Kysely } from 'kysely';
import type { Database, ExploitationRisk, IsoDate } from '../../db/schema.js';
import { addHours, compareMoments, type Moment } from '../../domain/calendar/index.js';
import { offeredInTime, RETURN_INTERVIEW_HOURS } from '../../domain/missing/return-interview.js';
import { type RepeatMissingThreshold, repeatedMissing, riskRaised } from '../../domain/missing/strategy-meeting-prompt.js';
import { type ChildRecordAccess, withChildRecord } from '../../platform/access.js';
import type { Actor } from '../../platform/actor.js';
import { moveChildRows, moveChildRowsBack } from '../../platform/child-rows.js';
import { BadRequestError, ConflictError, NotFoundError } from '../../platform/errors.js';
import { registerRecordMover } from '../../platform/record-movers.js';
import { formatDate } from '../../platform/view-filters.js';
import { correctedFacts, recordChronologyEntry, recordCorrection, registerSourceLink } from '../chronology/service.js';
import { type CaseEvent, recordCaseEvents, replaceCaseEvents } from '../clocks/service.js';
import { careOn, childHeader } from '../looked-after/service.js';
import * as queries from './queries.js';

const missingTables = ['missing_episodes', 'return_interviews', 'exploitation_screenings', 'strategy_meeting_prompts'] as const;

registerSourceLink('missing_episode', (personId) => `/children/${personId}/missing`);
registerSourceLink('return_interview', (personId) => `/children/${personId}/missing`);
registerSourceLink('exploitation_screening', (personId) => `/children/${personId}/missing`);
registerSourceLink('strategy_meeting_prompt', (personId) => `/children/${personId}/missing#prompts`);

export type MissingChange = { ok: true } | { ok: false; problems: { field?: string; message: string }[] };

const moment = (date: IsoDate, time: string | null): Moment => (time ? { date, time } : { date });
const at = (date: IsoDate, time: string | null) => `${formatDate(date)}${time ? ` at ${time}` : ''}`;
const kindWords = { M: 'Missing', A: 'Away from placement without authorisation' } as const;

/** Strategy meeting prompts not yet answered: shown as a warning on every page about the child. */
export function openStrategyMeetingPrompts(access: ChildRecordAccess) {
  return queries.prompts(access, true);
}

async function promptIfRepeated(access: ChildRecordAccess, onDate: IsoDate, threshold: RepeatMissingThreshold): Promise<void> {
  const episodes = await queries.missingEpisodes(access);
  const count = repeatedMissing(
    episodes.map((e) => ({ kind: e.kind, startedOn: e.started_on })),
    onDate,
    threshold,
  );
  if (count === null) return;
  const open = await queries.prompts(access, true);
  if (open.some((p) => p.reason === 'repeated_missing')) return;
  await raisePrompt(access, onDate, 'repeated_missing', `Missing ${count} times in ${threshold.days} days`);
}

async function raisePrompt(access: ChildRecordAccess, onDate: IsoDate, reason: 'risk_raised' | 'repeated_missing', detail: string) {
  const id = await queries.insertPrompt(access, { raised_on: onDate, reason, detail });
  await recordChronologyEntry(access, {
    kind: 'prompt',
    occurredOn: onDate,
    summary: `Strategy meeting to be considered: ${detail}.`,
    source: { type: 'strategy_meeting_prompt', id },
  });
}

/** Checks the order of the times of one episode; an empty list means they make sense. */
function episodeProblems(e: {
  started: Moment;
  police: Moment | null;
  returned: Moment | null;
  today: IsoDate;
}): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (e.started.date > e.today) problems.push({ field: 'startedOn', message: 'The date the child went missing cannot be in the future' });
  if (e.police && compareMoments(e.police, e.started) < 0) {
    problems.push({ field: 'reportedToPoliceOn', message: 'The report to the police must be on or after the time the child went missing' });
  }
  if (e.returned && compareMoments(e.returned, e.started) < 0) {
    problems.push({ field: 'returnedOn', message: 'The return must be on or after the time the child went missing' });
  }
  if (e.returned && e.returned.date > e.today)
    problems.push({ field: 'returnedOn', message: 'The date of return cannot be in the future' });
  return problems;
}

/** A child is missing once at a time: the problem with an episode that would overlap one of `others`. */
function clashes(
  others: readonly { started_on: IsoDate; started_time: string | null; returned_on: IsoDate | null; returned_time: string | null }[],
  started: Moment,
  returned: Moment | null,
): { field: string; message: string }[] {
  if (others.some((e) => e.returned_on === null))
    return [{ field: 'startedOn', message: 'The child is already recorded as missing or away: record their return first' }];
  const overlaps = others.some(
    (e) =>
      e.returned_on !== null &&
      compareMoments(started, moment(e.returned_on, e.returned_time)) < 0 &&
      (returned === null || compareMoments(returned, moment(e.started_on, e.started_time)) > 0),
  );
  return overlaps ? [{ field: 'startedOn', message: 'This overlaps another missing episode already recorded' }] : [];
}

/**
 * Records a missing episode (or absence without authorisation): when it started, the report to the
 * police, and the return if the child is already back. Whether the child was missing from care or
 * from home is taken from their care history on that date.
 */
export function recordMissingEpisode(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: {
    kind: 'M' | 'A';
    startedOn: IsoDate;
    startedTime: string | null;
    reportedToPoliceOn: IsoDate | null;
    reportedToPoliceTime: string | null;
    returnedOn: IsoDate | null;
    returnedTime: string | null;
    whereFound: string | null;
    today: IsoDate;
  },
  threshold: RepeatMissingThreshold,
): Promise<MissingChange> {
  return withChildRecord(db, actor, personId, 'edit', 'missing_episode.record', async (access) => {
    const started = moment(input.startedOn, input.startedTime);
    const returned = input.returnedOn ? moment(input.returnedOn, input.returnedTime) : null;
    const problems = episodeProblems({
      started,
      police: input.reportedToPoliceOn ? moment(input.reportedToPoliceOn, input.reportedToPoliceTime) : null,
      returned,
      today: input.today,
    });
    problems.push(...clashes(await queries.missingEpisodes(access), started, returned));
    if (problems.length > 0) return { ok: false, problems };

    const care = await careOn(access, input.startedOn);
    const id = await queries.insertMissingEpisode(access, {
      kind: input.kind,
      missing_from: care.lookedAfter ? 'care' : 'home',
      started_on: input.startedOn,
      started_time: input.startedTime,
      reported_to_police_on: input.reportedToPoliceOn,
      reported_to_police_time: input.reportedToPoliceTime,
      returned_on: input.returnedOn,
      returned_time: input.returnedTime,
      where_found: input.whereFound,
      recorded_by: actor.staffId,
    });
    await recordChronologyEntry(access, {
      kind: 'missing',
      occurredOn: input.startedOn,
      summary: `${kindWords[input.kind]} from ${care.lookedAfter ? 'care' : 'home'} from ${at(input.startedOn, input.startedTime)}${
        input.reportedToPoliceOn ? `; reported to the police ${at(input.reportedToPoliceOn, input.reportedToPoliceTime)}` : ''
      }${input.returnedOn ? `; returned ${at(input.returnedOn, input.returnedTime)}` : ''}.`,
      source: { type: 'missing_episode', id },
    });
    if (input.returnedOn) {
      await recordCaseEvents(access, [
        {
          kind: 'returned_from_missing',
          occurredOn: input.returnedOn,
          ...(input.returnedTime ? { occurredTime: input.returnedTime } : {}),
          ref: id,
          source: { type: 'missing_episode', id },
        },
      ]);
    }
    if (input.kind === 'M') await promptIfRepeated(access, input.startedOn, threshold);
    return { ok: true };
  });
}

/** Records the child's return from a missing episode, which starts the 72-hour return interview clock. */
export function recordReturn(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: {
    episodeId: string;
    version: number;
    returnedOn: IsoDate;
    returnedTime: string | null;
    whereFound: string | null;
    today: IsoDate;
  },
): Promise<MissingChange> {
  return withChildRecord(db, actor, personId, 'edit', 'missing_episode.return', async (access) => {
    const episode = (await queries.missingEpisodes(access)).find((e) => e.id === input.episodeId);
    if (!episode) throw new NotFoundError();
    const problems = episodeProblems({
      started: moment(episode.started_on, episode.started_time),
      police: null,
      returned: moment(input.returnedOn, input.returnedTime),
      today: input.today,
    });
    if (problems.length > 0) return { ok: false, problems };
    if (
      !(await queries.recordReturn(access, input.episodeId, input.version, {
        returned_on: input.returnedOn,
        returned_time: input.returnedTime,
        where_found: input.whereFound,
      }))
    ) {
      throw new ConflictError();
    }
    await recordChronologyEntry(access, {
      kind: 'missing',
      occurredOn: input.returnedOn,
      summary: `Returned ${at(input.returnedOn, input.returnedTime)} after being ${episode.kind === 'M' ? 'missing' : 'away without authorisation'} since ${at(episode.started_on, episode.started_time)}.`,
      source: { type: 'missing_episode', id: input.episodeId },
    });
    await recordCaseEvents(access, [
      {
        kind: 'returned_from_missing',
        occurredOn: input.returnedOn,
        ...(input.returnedTime ? { occurredTime: input.returnedTime } : {}),
        ref: input.episodeId,
        source: { type: 'missing_episode', id: input.episodeId },
      },
    ]);
    return { ok: true };
  });
}

/** What the return home interview says happened: offered, then held or declined. */
interface InterviewFacts {
  offeredOn: IsoDate;
  offeredTime: string | null;
  outcome: 'held' | 'declined';
  heldOn: IsoDate | null;
  heldTime: string | null;
  conductedBy: string;
  childsAccount: string | null;
  lateReason: string | null;
  today: IsoDate;
}

/** Checks a return home interview against the child's return; says whether it was offered more than 72 hours after it. */
function interviewProblems(episode: { returned_on: IsoDate; returned_time: string | null }, input: InterviewFacts) {
  const returned = moment(episode.returned_on, episode.returned_time);
  const offered = moment(input.offeredOn, input.offeredTime);
  const problems: { field: string; message: string }[] = [];
  if (compareMoments(offered, returned) < 0)
    problems.push({ field: 'offeredOn', message: 'The interview must be offered after the child returned' });
  if (input.offeredOn > input.today) problems.push({ field: 'offeredOn', message: 'The date offered cannot be in the future' });
  if (input.outcome === 'held') {
    if (input.heldOn === null) problems.push({ field: 'heldOn', message: 'Enter the date the interview was held' });
    else if (compareMoments(moment(input.heldOn, input.heldTime), offered) < 0) {
      problems.push({ field: 'heldOn', message: 'The interview must be held on or after the date it was offered' });
    } else if (input.heldOn > input.today) problems.push({ field: 'heldOn', message: 'The date held cannot be in the future' });
  }
  const late = !offeredInTime(returned, offered);
  if (late && !input.lateReason)
    problems.push({ field: 'lateReason', message: 'Say why the interview was offered more than 72 hours after the return' });
  return { problems, late };
}

/** The case event a return home interview records: held or declined, when, and why late. */
function interviewEvent(episodeId: string, interviewId: string, input: InterviewFacts, late: boolean): CaseEvent {
  const doneOn = input.outcome === 'held' ? (input.heldOn as IsoDate) : input.offeredOn;
  const doneTime = input.outcome === 'held' ? input.heldTime : input.offeredTime;
  return {
    kind: input.outcome === 'held' ? 'return_interview_completed' : 'return_interview_declined',
    occurredOn: doneOn,
    ...(doneTime ? { occurredTime: doneTime } : {}),
    ref: episodeId,
    ...(late && input.lateReason ? { lateReason: input.lateReason } : {}),
    source: { type: 'return_interview', id: interviewId },
  };
}

/** Records the return home interview offered after an episode: held (with what the child said) or declined. */
export function recordReturnInterview(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: InterviewFacts & { episodeId: string },
): Promise<MissingChange> {
  return withChildRecord(db, actor, personId, 'edit', 'return_interview.record', async (access) => {
    const episode = (await queries.missingEpisodes(access)).find((e) => e.id === input.episodeId);
    if (!episode) throw new NotFoundError();
    if (episode.returned_on === null) {
      return { ok: false, problems: [{ field: 'offeredOn', message: 'Record the child’s return before the return home interview' }] };
    }
    const { problems, late } = interviewProblems({ returned_on: episode.returned_on, returned_time: episode.returned_time }, input);
    if (problems.length > 0) return { ok: false, problems };

    const id = await queries.insertReturnInterview(access, {
      missing_episode_id: input.episodeId,
      offered_on: input.offeredOn,
      offered_time: input.offeredTime,
      outcome: input.outcome,
      held_on: input.outcome === 'held' ? input.heldOn : null,
      held_time: input.outcome === 'held' ? input.heldTime : null,
      conducted_by: input.conductedBy,
      childs_account: input.childsAccount,
      late_reason: late ? input.lateReason : null,
      recorded_by: actor.staffId,
    });
    if (id === null)
      throw new ConflictError('A return home interview has already been recorded for this episode. Reload the page to see it.');
    const event = interviewEvent(input.episodeId, id, input, late);
    await recordChronologyEntry(access, {
      kind: 'return_interview',
      occurredOn: event.occurredOn,
      summary:
        input.outcome === 'held'
          ? `Return home interview held by ${input.conductedBy}${late ? ' (offered more than 72 hours after the return)' : ''}.`
          : `Return home interview offered by ${input.conductedBy} and declined by the child${late ? ' (offered more than 72 hours after the return)' : ''}.`,
      source: { type: 'return_interview', id },
    });
    await recordCaseEvents(access, [event]);
    return { ok: true };
  });
}

/** What a missing episode says happened, as corrected. */
interface EpisodeFacts {
  kind: 'M' | 'A';
  startedOn: IsoDate;
  startedTime: string | null;
  reportedToPoliceOn: IsoDate | null;
  reportedToPoliceTime: string | null;
  returnedOn: IsoDate | null;
  returnedTime: string | null;
  whereFound: string | null;
  today: IsoDate;
}

const episodeWords = (e: Omit<EpisodeFacts, 'today'>) => ({
  kind: kindWords[e.kind],
  'went missing': at(e.startedOn, e.startedTime),
  'reported to the police': e.reportedToPoliceOn ? at(e.reportedToPoliceOn, e.reportedToPoliceTime) : 'not reported',
  returned: e.returnedOn ? at(e.returnedOn, e.returnedTime) : 'not returned',
  'where found': e.whereFound ?? 'not recorded',
});
const interviewWords = (i: Omit<InterviewFacts, 'today'>) => ({
  offered: at(i.offeredOn, i.offeredTime),
  outcome: i.outcome,
  held: i.heldOn ? at(i.heldOn, i.heldTime) : 'not held',
  'offered or held by': i.conductedBy,
  'why late': i.lateReason ?? 'not recorded',
});

const nothingChanged: MissingChange = {
  ok: false,
  problems: [{ message: 'Nothing has changed: change what was recorded wrongly, or go back' }],
};

/** One missing episode with its return home interview, for the correction and removal pages. */
export function viewMissingEpisode(db: Kysely<Database>, actor: Actor, personId: string, episodeId: string) {
  return withChildRecord(db, actor, personId, 'view', 'missing_episode.view', async (access) => {
    const [header, episodes, interviews] = await Promise.all([
      childHeader(access),
      queries.missingEpisodes(access),
      queries.returnInterviews(access),
    ]);
    const episode = episodes.find((e) => e.id === episodeId);
    if (!episode) throw new NotFoundError();
    return { header, episode, interview: interviews.find((i) => i.missing_episode_id === episodeId) ?? null };
  });
}

/**
 * Corrects a missing episode recorded wrongly: the same checks as recording it, the return's case
 * event replaced (so the 72-hour return interview clock follows), and a chronology entry.
 */
export function correctMissingEpisode(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: EpisodeFacts & { episodeId: string; version: number; reason: string },
): Promise<MissingChange> {
  return withChildRecord(db, actor, personId, 'edit', 'missing_episode.correct', async (access) => {
    const episodes = await queries.missingEpisodes(access);
    const episode = episodes.find((e) => e.id === input.episodeId);
    if (!episode) throw new NotFoundError();
    if (episode.version !== input.version) throw new ConflictError();
    const started = moment(input.startedOn, input.startedTime);
    const returned = input.returnedOn ? moment(input.returnedOn, input.returnedTime) : null;
    const problems = [
      ...episodeProblems({
        started,
        police: input.reportedToPoliceOn ? moment(input.reportedToPoliceOn, input.reportedToPoliceTime) : null,
        returned,
        today: input.today,
      }),
      ...clashes(
        episodes.filter((e) => e.id !== episode.id),
        started,
        returned,
      ),
    ];
    const interview = (await queries.returnInterviews(access)).find((i) => i.missing_episode_id === episode.id);
    if (interview && returned === null)
      problems.push({ field: 'returnedOn', message: 'A return home interview is recorded, so enter the date they came back' });
    else if (interview && returned && compareMoments(moment(interview.offered_on, interview.offered_time), returned) < 0)
      problems.push({ field: 'returnedOn', message: 'The return must be before the return home interview was offered' });
    const recorded = {
      kind: episode.kind,
      startedOn: episode.started_on,
      startedTime: episode.started_time,
      reportedToPoliceOn: episode.reported_to_police_on,
      reportedToPoliceTime: episode.reported_to_police_time,
      returnedOn: episode.returned_on,
      returnedTime: episode.returned_time,
      whereFound: episode.where_found,
    };
    const changes = correctedFacts(episodeWords(recorded), episodeWords(input));
    if (problems.length > 0) return { ok: false, problems };
    if (changes.length === 0) return nothingChanged;
    const saved = await queries.correctMissingEpisode(access, episode.id, input.version, {
      kind: input.kind,
      started_on: input.startedOn,
      started_time: input.startedTime,
      reported_to_police_on: input.reportedToPoliceOn,
      reported_to_police_time: input.reportedToPoliceTime,
      returned_on: input.returnedOn,
      returned_time: input.returnedTime,
      where_found: input.whereFound,
    });
    if (!saved) throw new ConflictError();
    const source = { type: 'missing_episode', id: episode.id };
    await replaceCaseEvents(
      access,
      source,
      input.returnedOn
        ? [
            {
              kind: 'returned_from_missing',
              occurredOn: input.returnedOn,
              ...(input.returnedTime ? { occurredTime: input.returnedTime } : {}),
              ref: episode.id,
              source,
            },
          ]
        : [],
    );
    await recordCorrection(access, {
      what: 'Missing episode',
      occurredOn: input.startedOn,
      changes,
      removed: false,
      reason: input.reason,
      source,
    });
    return { ok: true };
  });
}

/** Removes a missing episode recorded in error, with its return home interview and their case events. */
export function removeMissingEpisode(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: { episodeId: string; version: number; reason: string },
): Promise<MissingChange> {
  return withChildRecord(db, actor, personId, 'edit', 'missing_episode.remove', async (access) => {
    const episode = (await queries.missingEpisodes(access)).find((e) => e.id === input.episodeId);
    if (!episode) throw new NotFoundError();
    const interview = (await queries.returnInterviews(access)).find((i) => i.missing_episode_id === episode.id);
    if (!(await queries.deleteMissingEpisode(access, episode.id, input.version))) throw new ConflictError();
    if (interview) await replaceCaseEvents(access, { type: 'return_interview', id: interview.id }, []);
    const source = { type: 'missing_episode', id: episode.id };
    await replaceCaseEvents(access, source, []);
    await recordCorrection(access, {
      what: `${kindWords[episode.kind]} episode from ${at(episode.started_on, episode.started_time)}${interview ? ', with its return home interview,' : ''}`,
      occurredOn: episode.started_on,
      changes: [],
      removed: true,
      reason: input.reason,
      source,
    });
    return { ok: true };
  });
}

/**
 * Corrects a return home interview recorded wrongly: the same checks as recording it, its case
 * event replaced so the 72-hour clock shows whether it was offered in time, and a chronology entry.
 */
export function correctReturnInterview(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: InterviewFacts & { episodeId: string; version: number; reason: string },
): Promise<MissingChange> {
  return withChildRecord(db, actor, personId, 'edit', 'return_interview.correct', async (access) => {
    const episode = (await queries.missingEpisodes(access)).find((e) => e.id === input.episodeId);
    const interview = (await queries.returnInterviews(access)).find((i) => i.missing_episode_id === input.episodeId);
    if (!episode || !interview || episode.returned_on === null) throw new NotFoundError();
    if (interview.version !== input.version) throw new ConflictError();
    const { problems, late } = interviewProblems({ returned_on: episode.returned_on, returned_time: episode.returned_time }, input);
    if (problems.length > 0) return { ok: false, problems };
    const corrected = {
      ...input,
      heldOn: input.outcome === 'held' ? input.heldOn : null,
      heldTime: input.outcome === 'held' ? input.heldTime : null,
      lateReason: late ? input.lateReason : null,
    };
    const recorded = {
      offeredOn: interview.offered_on,
      offeredTime: interview.offered_time,
      outcome: interview.outcome,
      heldOn: interview.held_on,
      heldTime: interview.held_time,
      conductedBy: interview.conducted_by,
      childsAccount: interview.childs_account,
      lateReason: interview.late_reason,
    };
    const changes = [
      ...correctedFacts(interviewWords(recorded), interviewWords(corrected)),
      ...(corrected.childsAccount === recorded.childsAccount
        ? []
        : [{ label: 'what the child said', before: 'as first recorded', after: 'as now written' }]),
    ];
    if (changes.length === 0) return nothingChanged;
    const saved = await queries.correctReturnInterview(access, interview.id, input.version, {
      offered_on: corrected.offeredOn,
      offered_time: corrected.offeredTime,
      outcome: corrected.outcome,
      held_on: corrected.heldOn,
      held_time: corrected.heldTime,
      conducted_by: corrected.conductedBy,
      childs_account: corrected.childsAccount,
      late_reason: corrected.lateReason,
    });
    if (!saved) throw new ConflictError();
    const source = { type: 'return_interview', id: interview.id };
    await replaceCaseEvents(access, source, [interviewEvent(episode.id, interview.id, corrected, late)]);
    await recordCorrection(access, {
      what: 'Return home interview',
      occurredOn: corrected.offeredOn,
      changes,
      removed: false,
      reason: input.reason,
      source,
    });
    return { ok: true };
  });
}

/** Removes a return home interview recorded in error: the 72-hour clock is open again until one is recorded. */
export function removeReturnInterview(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: { episodeId: string; version: number; reason: string },
): Promise<MissingChange> {
  return withChildRecord(db, actor, personId, 'edit', 'return_interview.remove', async (access) => {
    const interview = (await queries.returnInterviews(access)).find((i) => i.missing_episode_id === input.episodeId);
    if (!interview) throw new NotFoundError();
    if (!(await queries.deleteReturnInterview(access, interview.id, input.version))) throw new ConflictError();
    const source = { type: 'return_interview', id: interview.id };
    await replaceCaseEvents(access, source, []);
    await recordCorrection(access, {
      what: `Return home interview offered ${at(interview.offered_on, interview.offered_time)}`,
      occurredOn: interview.offered_on,
      changes: [],
      removed: true,
      reason: input.reason,
      source,
    });
    return { ok: true };
  });
}

/** Records an exploitation risk screening; a risk raised to medium or high prompts a strategy meeting. */
export function recordScreening(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: {
    episodeId: string | null;
    screenedOn: IsoDate;
    sexual: ExploitationRisk;
    criminal: ExploitationRisk;
    indicators: string | null;
    today: IsoDate;
  },
): Promise<MissingChange> {
  return withChildRecord(db, actor, personId, 'edit', 'exploitation_screening.record', async (access) => {
    if (input.screenedOn > input.today)
      return { ok: false, problems: [{ field: 'screenedOn', message: 'The date of the screening cannot be in the future' }] };
    if (input.episodeId !== null && !(await queries.missingEpisodes(access)).some((e) => e.id === input.episodeId))
      throw new NotFoundError();
    const [previous] = await queries.screenings(access);
    const id = await queries.insertScreening(access, {
      missing_episode_id: input.episodeId,
      screened_on: input.screenedOn,
      sexual_exploitation_risk: input.sexual,
      criminal_exploitation_risk: input.criminal,
      indicators: input.indicators,
      recorded_by: actor.staffId,
    });
    await recordChronologyEntry(access, {
      kind: 'exploitation',
      occurredOn: input.screenedOn,
      summary: `Exploitation risk screening: sexual exploitation risk ${input.sexual}, criminal exploitation risk ${input.criminal}.`,
      source: { type: 'exploitation_screening', id },
    });
    const raised = riskRaised(
      previous ? { sexual: previous.sexual_exploitation_risk, criminal: previous.criminal_exploitation_risk } : null,
      { sexual: input.sexual, criminal: input.criminal },
    );
    if (raised.length > 0) {
      const words = raised.map((kind) => `${kind} exploitation risk ${input[kind]}`).join(' and ');
      await raisePrompt(access, input.screenedOn, 'risk_raised', `Screening found ${words}`);
    }
    return { ok: true };
  });
}

/** Records what was decided about a strategy meeting prompt (held, or why not), which clears the warning. */
export function resolvePrompt(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: { promptId: string; version: number; resolvedOn: IsoDate; resolution: string },
): Promise<MissingChange> {
  return withChildRecord(db, actor, personId, 'edit', 'strategy_meeting_prompt.resolve', async (access) => {
    const prompt = (await queries.prompts(access, false)).find((p) => p.id === input.promptId);
    if (!prompt) throw new NotFoundError();
    if (input.resolvedOn < prompt.raised_on) {
      return { ok: false, problems: [{ field: 'resolvedOn', message: 'The decision must be on or after the date the prompt was raised' }] };
    }
    if (
      !(await queries.resolvePrompt(access, input.promptId, input.version, {
        resolved_on: input.resolvedOn,
        resolution: input.resolution,
        resolved_by: actor.staffId,
      }))
    ) {
      throw new ConflictError();
    }
    await recordChronologyEntry(access, {
      kind: 'decision',
      occurredOn: input.resolvedOn,
      summary: `Strategy meeting prompt (${prompt.detail}) answered: ${input.resolution}`,
      source: { type: 'strategy_meeting_prompt', id: input.promptId },
    });
    return { ok: true };
  });
}

/** The missing page: episodes with their return interviews and screenings, and the prompts. */
export function viewMissing(db: Kysely<Database>, actor: Actor, personId: string) {
  return withChildRecord(db, actor, personId, 'view', 'missing_episode.view', async (access) => {
    const [header, episodes, interviews, screenings, prompts] = await Promise.all([
      childHeader(access),
      queries.missingEpisodes(access),
      queries.returnInterviews(access),
      queries.screenings(access),
      queries.prompts(access, false),
    ]);
    return {
      header,
      episodes: episodes.map((e) => {
        const interview = interviews.find((i) => i.missing_episode_id === e.id) ?? null;
        return {
          ...e,
          interview,
          interviewDue: e.returned_on ? addHours(moment(e.returned_on, e.returned_time), RETURN_INTERVIEW_HOURS) : null,
          interviewInTime:
            interview && e.returned_on
              ? offeredInTime(moment(e.returned_on, e.returned_time), moment(interview.offered_on, interview.offered_time))
              : null,
          screenings: screenings.filter((s) => s.missing_episode_id === e.id),
        };
      }),
      screenings,
      prompts,
    };
  });
}

/** The missing episodes and absences of many children at once (kind, start and return dates), for the authority's SSDA903 return. */
export function missingEpisodesForReturn(db: Kysely<Database>, personIds: readonly string[]) {
  return personIds.length === 0 ? Promise.resolve([]) : queries.missingEpisodesOf(db, personIds);
}

/** The return interviews offered to many children at once (which episode, and whether it was held or declined), for the authority's Annex A. */
export function returnInterviewsForReturn(db: Kysely<Database>, personIds: readonly string[]) {
  return personIds.length === 0 ? Promise.resolve([]) : queries.returnInterviewsOf(db, personIds);
}

/**
 * On merging two records of a child, the merged record's missing episodes, return interviews,
 * exploitation screenings and strategy meeting prompts go to the one kept. A child is missing
 * once at a time, so two records each with a missing episode not yet returned from are refused.
 */
registerRecordMover({
  name: 'missing episodes, return interviews, screenings and strategy meeting prompts',
  columns: [
    'missing_episodes.person_id',
    'return_interviews.person_id',
    'exploitation_screenings.person_id',
    'strategy_meeting_prompts.person_id',
  ],
  move: async (merged, survivor) => {
    if ((await queries.hasOpenMissingEpisode(merged)) && (await queries.hasOpenMissingEpisode(survivor)))
      throw new BadRequestError(
        'Both records have a missing episode the child has not returned from. Record the return on one of them before merging the records.',
      );
    return moveChildRows(merged, survivor, missingTables);
  },
  restore: (merged, _survivor, moved) => moveChildRowsBack(merged, missingTables, moved),
});
