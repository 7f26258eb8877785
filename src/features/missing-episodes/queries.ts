import type { Insertable, Kysely } from 'kysely';
import type {
  Database,
  ExploitationScreeningsTable,
  MissingEpisodesTable,
  ReturnInterviewsTable,
  StrategyMeetingPromptsTable,
} from '../../db/schema.js';
import type { ChildRecordAccess } from '../../platform/access.js';
import { deleteChildRowAtVersion, updateChildRowAtVersion } from '../../platform/child-rows.js';

export function missingEpisodes(access: ChildRecordAccess) {
  return access.trx
    .selectFrom('missing_episodes')
    .selectAll()
    .where('person_id', '=', access.personId)
    .orderBy('started_on', 'desc')
    .orderBy('started_time', 'desc')
    .execute();
}

export async function insertMissingEpisode(access: ChildRecordAccess, episode: Omit<Insertable<MissingEpisodesTable>, 'person_id'>) {
  return (
    await access.trx
      .insertInto('missing_episodes')
      .values({ ...episode, person_id: access.personId })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function recordReturn(
  access: ChildRecordAccess,
  id: string,
  version: number,
  change: { returned_on: string; returned_time: string | null; where_found: string | null },
): Promise<boolean> {
  return updateChildRowAtVersion(access, 'missing_episodes', id, version, change, 'returned_on');
}

export function returnInterviews(access: ChildRecordAccess) {
  return access.trx.selectFrom('return_interviews').selectAll().where('person_id', '=', access.personId).execute();
}

export async function insertReturnInterview(access: ChildRecordAccess, interview: Omit<Insertable<ReturnInterviewsTable>, 'person_id'>) {
  const row = await access.trx
    .insertInto('return_interviews')
    .values({ ...interview, person_id: access.personId })
    .onConflict((oc) => oc.column('missing_episode_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Saves a missing episode as corrected, if no one changed it since it was read. */
export function correctMissingEpisode(
  access: ChildRecordAccess,
  id: string,
  version: number,
  episode: Pick<
    MissingEpisodesTable,
    | 'kind'
    | 'started_on'
    | 'started_time'
    | 'reported_to_police_on'
    | 'reported_to_police_time'
    | 'returned_on'
    | 'returned_time'
    | 'where_found'
  >,
): Promise<boolean> {
  return updateChildRowAtVersion(access, 'missing_episodes', id, version, episode);
}

/** Removes a missing episode recorded in error, with its return home interview; screenings made after it stay, no longer linked to it. */
export async function deleteMissingEpisode(access: ChildRecordAccess, id: string, version: number): Promise<boolean> {
  await access.trx
    .updateTable('exploitation_screenings')
    .set({ missing_episode_id: null })
    .where('missing_episode_id', '=', id)
    .where('person_id', '=', access.personId)
    .execute();
  await access.trx.deleteFrom('return_interviews').where('missing_episode_id', '=', id).where('person_id', '=', access.personId).execute();
  return deleteChildRowAtVersion(access, 'missing_episodes', id, version);
}

/** Saves a return home interview as corrected, if no one changed it since it was read. */
export function correctReturnInterview(
  access: ChildRecordAccess,
  id: string,
  version: number,
  interview: Pick<
    ReturnInterviewsTable,
    'offered_on' | 'offered_time' | 'outcome' | 'held_on' | 'held_time' | 'conducted_by' | 'childs_account' | 'late_reason'
  >,
): Promise<boolean> {
  return updateChildRowAtVersion(access, 'return_interviews', id, version, interview);
}

export function deleteReturnInterview(access: ChildRecordAccess, id: string, version: number): Promise<boolean> {
  return deleteChildRowAtVersion(access, 'return_interviews', id, version);
}

export function screenings(access: ChildRecordAccess) {
  return access.trx
    .selectFrom('exploitation_screenings')
    .selectAll()
    .where('person_id', '=', access.personId)
    .orderBy('screened_on', 'desc')
    .orderBy('recorded_at', 'desc')
    .execute();
}

export async function insertScreening(access: ChildRecordAccess, screening: Omit<Insertable<ExploitationScreeningsTable>, 'person_id'>) {
  return (
    await access.trx
      .insertInto('exploitation_screenings')
      .values({ ...screening, person_id: access.personId })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export function prompts(access: ChildRecordAccess, openOnly: boolean) {
  let query = access.trx
    .selectFrom('strategy_meeting_prompts')
    .leftJoin('staff', 'staff.id', 'strategy_meeting_prompts.resolved_by')
    .select([
      'strategy_meeting_prompts.id',
      'strategy_meeting_prompts.raised_on',
      'strategy_meeting_prompts.reason',
      'strategy_meeting_prompts.detail',
      'strategy_meeting_prompts.resolved_on',
      'strategy_meeting_prompts.resolution',
      'strategy_meeting_prompts.version',
      'staff.display_name as resolved_by_name',
    ])
    .where('strategy_meeting_prompts.person_id', '=', access.personId);
  if (openOnly) query = query.where('strategy_meeting_prompts.resolved_on', 'is', null);
  return query.orderBy('strategy_meeting_prompts.raised_on', 'desc').execute();
}

export async function insertPrompt(access: ChildRecordAccess, prompt: Omit<Insertable<StrategyMeetingPromptsTable>, 'person_id'>) {
  return (
    await access.trx
      .insertInto('strategy_meeting_prompts')
      .values({ ...prompt, person_id: access.personId })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function resolvePrompt(
  access: ChildRecordAccess,
  id: string,
  version: number,
  resolution: { resolved_on: string; resolution: string; resolved_by: string },
): Promise<boolean> {
  return updateChildRowAtVersion(access, 'strategy_meeting_prompts', id, version, resolution, 'resolved_on');
}

export function missingEpisodesOf(db: Kysely<Database>, personIds: readonly string[]) {
  return db
    .selectFrom('missing_episodes')
    .select(['id', 'person_id', 'kind', 'missing_from', 'started_on', 'returned_on'])
    .where('person_id', 'in', personIds)
    .orderBy('person_id')
    .orderBy('started_on')
    .execute();
}

export function returnInterviewsOf(db: Kysely<Database>, personIds: readonly string[]) {
  return db
    .selectFrom('return_interviews')
    .select(['person_id', 'missing_episode_id', 'offered_on', 'outcome'])
    .where('person_id', 'in', personIds)
    .orderBy('person_id')
    .orderBy('offered_on')
    .execute();
}

/** Whether this record has a missing episode the child has not yet returned from. */
export async function hasOpenMissingEpisode(access: ChildRecordAccess): Promise<boolean> {
  const row = await access.trx
    .selectFrom('missing_episodes')
    .select('id')
    .where('person_id', '=', access.personId)
    .where('returned_on', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}
