import type { Insertable, Kysely } from 'kysely';
import type {
  CareEpisodesTable,
  Database,
  LegalStatusesTable,
  PeriodsOfCareTable,
  PlacementsTable,
  UascStatusesTable,
} from '../../db/schema.js';
import type { ChildRecordAccess } from '../../platform/access.js';
import { updateChildRowAtVersion } from '../../platform/child-rows.js';

export function periodsOfCare(access: ChildRecordAccess) {
  return access.trx
    .selectFrom('periods_of_care')
    .select(['id', 'started_on', 'ended_on', 'reason_ceased', 'category_of_need', 'home_postcode', 'version'])
    .where('person_id', '=', access.personId)
    .orderBy('started_on')
    .execute();
}

export function legalStatuses(access: ChildRecordAccess) {
  return access.trx
    .selectFrom('legal_statuses')
    .select(['id', 'period_of_care_id', 'legal_status', 'started_on', 'ended_on'])
    .where('person_id', '=', access.personId)
    .orderBy('started_on')
    .orderBy('recorded_at')
    .execute();
}

export function placements(access: ChildRecordAccess) {
  return access.trx
    .selectFrom('placements')
    .select([
      'id',
      'period_of_care_id',
      'placement_type',
      'provider',
      'postcode',
      'urn',
      'carer_name',
      'started_on',
      'ended_on',
      'reason_for_change',
    ])
    .where('person_id', '=', access.personId)
    .orderBy('started_on')
    .orderBy('recorded_at')
    .execute();
}

export function episodes(access: ChildRecordAccess) {
  return access.trx.selectFrom('care_episodes').selectAll().where('person_id', '=', access.personId).orderBy('started_on').execute();
}

/** Claims the period of care for a change: bumps its version if it is still the one the person saw. */
export async function claimPeriod(access: ChildRecordAccess, periodId: string, version: number): Promise<boolean> {
  return updateChildRowAtVersion(access, 'periods_of_care', periodId, version, {});
}

export async function insertPeriod(access: ChildRecordAccess, period: Omit<Insertable<PeriodsOfCareTable>, 'person_id'>) {
  return (
    await access.trx
      .insertInto('periods_of_care')
      .values({ ...period, person_id: access.personId })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function endPeriod(access: ChildRecordAccess, periodId: string, endedOn: string, reasonCeased: string) {
  await access.trx
    .updateTable('periods_of_care')
    .set({ ended_on: endedOn, reason_ceased: reasonCeased })
    .where('id', '=', periodId)
    .where('person_id', '=', access.personId)
    .execute();
}

export async function insertLegalStatus(access: ChildRecordAccess, status: Omit<Insertable<LegalStatusesTable>, 'person_id'>) {
  return (
    await access.trx
      .insertInto('legal_statuses')
      .values({ ...status, person_id: access.personId })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function endLegalStatus(access: ChildRecordAccess, id: string, endedOn: string) {
  await access.trx
    .updateTable('legal_statuses')
    .set({ ended_on: endedOn })
    .where('id', '=', id)
    .where('person_id', '=', access.personId)
    .execute();
}

export async function insertPlacement(access: ChildRecordAccess, placement: Omit<Insertable<PlacementsTable>, 'person_id'>) {
  return (
    await access.trx
      .insertInto('placements')
      .values({ ...placement, person_id: access.personId })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function endPlacement(access: ChildRecordAccess, id: string, endedOn: string, reasonForChange: string | null) {
  await access.trx
    .updateTable('placements')
    .set({ ended_on: endedOn, reason_for_change: reasonForChange })
    .where('id', '=', id)
    .where('person_id', '=', access.personId)
    .execute();
}

/** Saves a legal status as corrected: its code and dates. */
export async function correctLegalStatus(
  access: ChildRecordAccess,
  id: string,
  status: { legal_status: string; started_on: string; ended_on: string | null },
) {
  await access.trx.updateTable('legal_statuses').set(status).where('id', '=', id).where('person_id', '=', access.personId).execute();
}

export async function deleteLegalStatus(access: ChildRecordAccess, id: string) {
  await access.trx.deleteFrom('legal_statuses').where('id', '=', id).where('person_id', '=', access.personId).execute();
}

/** Saves a placement as corrected: its details, dates and why it ended. */
export async function correctPlacement(
  access: ChildRecordAccess,
  id: string,
  placement: Pick<
    PlacementsTable,
    'placement_type' | 'provider' | 'postcode' | 'urn' | 'carer_name' | 'started_on' | 'ended_on' | 'reason_for_change'
  >,
) {
  await access.trx.updateTable('placements').set(placement).where('id', '=', id).where('person_id', '=', access.personId).execute();
}

export async function deletePlacement(access: ChildRecordAccess, id: string) {
  await access.trx.deleteFrom('placements').where('id', '=', id).where('person_id', '=', access.personId).execute();
}

/** Replaces the child's stored SSDA903 episodes with a fresh derivation. */
export async function replaceEpisodes(access: ChildRecordAccess, rows: Omit<Insertable<CareEpisodesTable>, 'person_id'>[]) {
  await access.trx.deleteFrom('care_episodes').where('person_id', '=', access.personId).execute();
  if (rows.length > 0) {
    await access.trx
      .insertInto('care_episodes')
      .values(rows.map((row) => ({ ...row, person_id: access.personId })))
      .execute();
  }
}

export function uascStatuses(access: ChildRecordAccess) {
  return access.trx
    .selectFrom('uasc_statuses')
    .select(['id', 'started_on', 'ceased_on', 'version'])
    .where('person_id', '=', access.personId)
    .orderBy('started_on')
    .execute();
}

export async function insertUascStatus(access: ChildRecordAccess, status: Omit<Insertable<UascStatusesTable>, 'person_id'>) {
  return (
    await access.trx
      .insertInto('uasc_statuses')
      .values({ ...status, person_id: access.personId })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function ceaseUascStatus(access: ChildRecordAccess, id: string, version: number, ceasedOn: string): Promise<boolean> {
  return updateChildRowAtVersion(access, 'uasc_statuses', id, version, { ceased_on: ceasedOn }, 'ceased_on');
}

/** Children with a period of care that began on or before a date. */
export async function childrenLookedAfterBy(db: Kysely<Database>, date: string): Promise<string[]> {
  const rows = await db.selectFrom('periods_of_care').select('person_id').distinct().where('started_on', '<=', date).execute();
  return rows.map((r) => r.person_id);
}

export function periodsOfCareOf(db: Kysely<Database>, personIds: readonly string[]) {
  return db
    .selectFrom('periods_of_care')
    .select(['person_id', 'started_on', 'ended_on', 'reason_ceased'])
    .where('person_id', 'in', personIds)
    .orderBy('person_id')
    .orderBy('started_on')
    .execute();
}

export function episodesOf(db: Kysely<Database>, personIds: readonly string[]) {
  return db
    .selectFrom('care_episodes')
    .selectAll()
    .where('person_id', 'in', personIds)
    .orderBy('person_id')
    .orderBy('started_on')
    .execute();
}

export function uascStatusesOf(db: Kysely<Database>, personIds: readonly string[]) {
  return db
    .selectFrom('uasc_statuses')
    .select(['person_id', 'started_on', 'ceased_on'])
    .where('person_id', 'in', personIds)
    .orderBy('person_id')
    .orderBy('started_on')
    .execute();
}

/** Whether this record has any period of care, open or ended. */
export async function hasPeriodOfCare(access: ChildRecordAccess): Promise<boolean> {
  const row = await access.trx.selectFrom('periods_of_care').select('id').where('person_id', '=', access.personId).executeTakeFirst();
  return row !== undefined;
}

/** Whether this record has a UASC status not yet ceased. */
export async function hasOpenUascStatus(access: ChildRecordAccess): Promise<boolean> {
  const row = await access.trx
    .selectFrom('uasc_statuses')
    .select('id')
    .where('person_id', '=', access.personId)
    .where('ceased_on', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}
