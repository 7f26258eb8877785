import type { Insertable, Kysely, Transaction } from 'kysely';
import type {
  AdoptionDecisionsTable,
  AdoptionsTable,
  CareEpisodesTable,
  CareLeaverContactsTable,
  ChronologyEntriesTable,
  ClockEventsTable,
  Database,
  LegalStatusesTable,
  LookedAfterOutcomesTable,
  LookedAfterReviewsTable,
  MissingEpisodesTable,
  MotherhoodTable,
  PeopleTable,
  PeriodsOfCareTable,
  PlacementsTable,
  PreviousPermanenceTable,
  UascStatusesTable,
} from '../../db/schema.js';
import type { ChildRecordAccess } from '../../platform/access.js';

export function adoptionDecisionsOf(db: Kysely<Database>, personIds: readonly string[]) {
  return db
    .selectFrom('adoption_decisions')
    .select(['person_id', 'decided_on', 'reversed_on', 'reason_reversed'])
    .where('person_id', 'in', personIds)
    .orderBy('person_id')
    .orderBy('decided_on')
    .execute();
}

export function adoptionsOf(db: Kysely<Database>, personIds: readonly string[]) {
  return db.selectFrom('adoptions').selectAll().where('person_id', 'in', personIds).orderBy('person_id').orderBy('adopted_on').execute();
}

export function previousPermanenceOf(db: Kysely<Database>, personIds: readonly string[]) {
  return db.selectFrom('previous_permanence').selectAll().where('person_id', 'in', personIds).execute();
}

export function outcomesOf(db: Kysely<Database>, personIds: readonly string[], year: number) {
  return db
    .selectFrom('looked_after_outcomes')
    .selectAll()
    .where('person_id', 'in', personIds)
    .where('collection_year', '=', year)
    .execute();
}

export function motherhoodOf(db: Kysely<Database>, personIds: readonly string[]) {
  return db.selectFrom('motherhood').selectAll().where('person_id', 'in', personIds).execute();
}

/*
 * The importer's bulk writes. They run inside the import's one transaction and write the same rows
 * the looked-after, reviews, missing episodes, care leavers and chronology services write when a
 * person records the same facts one at a time (the round-trip test checks the result).
 */

export async function insertChild(trx: Transaction<Database>, child: Insertable<PeopleTable>): Promise<string> {
  return (await trx.insertInto('people').values(child).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertPeriod(trx: Transaction<Database>, row: Insertable<PeriodsOfCareTable>): Promise<string> {
  return (await trx.insertInto('periods_of_care').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertLegalStatus(trx: Transaction<Database>, row: Insertable<LegalStatusesTable>): Promise<string> {
  return (await trx.insertInto('legal_statuses').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertPlacement(trx: Transaction<Database>, row: Insertable<PlacementsTable>): Promise<string> {
  return (await trx.insertInto('placements').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertEpisodes(trx: Transaction<Database>, rows: Insertable<CareEpisodesTable>[]): Promise<void> {
  if (rows.length > 0) await trx.insertInto('care_episodes').values(rows).execute();
}

export async function insertReview(trx: Transaction<Database>, row: Insertable<LookedAfterReviewsTable>): Promise<string> {
  return (await trx.insertInto('looked_after_reviews').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertMissingEpisode(trx: Transaction<Database>, row: Insertable<MissingEpisodesTable>): Promise<string> {
  return (await trx.insertInto('missing_episodes').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertUascStatus(trx: Transaction<Database>, row: Insertable<UascStatusesTable>): Promise<string> {
  return (await trx.insertInto('uasc_statuses').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertCareLeaverContact(trx: Transaction<Database>, row: Insertable<CareLeaverContactsTable>): Promise<string> {
  return (await trx.insertInto('care_leaver_contacts').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertAdoptionDecisions(trx: Transaction<Database>, rows: Insertable<AdoptionDecisionsTable>[]): Promise<void> {
  if (rows.length > 0) await trx.insertInto('adoption_decisions').values(rows).execute();
}

export async function insertAdoptions(trx: Transaction<Database>, rows: Insertable<AdoptionsTable>[]): Promise<void> {
  if (rows.length > 0) await trx.insertInto('adoptions').values(rows).execute();
}

export async function insertPreviousPermanence(trx: Transaction<Database>, rows: Insertable<PreviousPermanenceTable>[]): Promise<void> {
  if (rows.length > 0) await trx.insertInto('previous_permanence').values(rows).execute();
}

export async function insertOutcomes(trx: Transaction<Database>, row: Insertable<LookedAfterOutcomesTable>): Promise<void> {
  await trx.insertInto('looked_after_outcomes').values(row).execute();
}

export async function insertMotherhood(trx: Transaction<Database>, row: Insertable<MotherhoodTable>): Promise<void> {
  await trx.insertInto('motherhood').values(row).execute();
}

export async function insertChronologyEntries(trx: Transaction<Database>, rows: Insertable<ChronologyEntriesTable>[]): Promise<void> {
  if (rows.length > 0) await trx.insertInto('chronology_entries').values(rows).execute();
}

export async function insertCaseEvents(trx: Transaction<Database>, rows: Insertable<ClockEventsTable>[]): Promise<void> {
  if (rows.length > 0) await trx.insertInto('clock_events').values(rows).execute();
}

/**
 * Moves the return facts of a merged record to the survivor: every adoption decision, and the
 * adoptions, previous permanence, outcomes and motherhood the survivor does not already have for
 * the same day, period or year. Returns "table:id" for each row moved, to move them back.
 */
export async function moveReturnFacts(access: ChildRecordAccess, toPersonId: string): Promise<string[]> {
  const from = access.personId;
  const trx = access.trx;
  const decisions = await trx
    .updateTable('adoption_decisions')
    .set({ person_id: toPersonId })
    .where('person_id', '=', from)
    .returning('id')
    .execute();
  const adoptions = await trx
    .updateTable('adoptions')
    .set({ person_id: toPersonId })
    .where('person_id', '=', from)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('adoptions as kept')
            .select('kept.id')
            .where('kept.person_id', '=', toPersonId)
            .whereRef('kept.adopted_on', '=', 'adoptions.adopted_on'),
        ),
      ),
    )
    .returning('id')
    .execute();
  const previous = await trx
    .updateTable('previous_permanence')
    .set({ person_id: toPersonId })
    .where('person_id', '=', from)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('previous_permanence as kept')
            .select('kept.id')
            .where('kept.person_id', '=', toPersonId)
            .whereRef('kept.period_started_on', '=', 'previous_permanence.period_started_on'),
        ),
      ),
    )
    .returning('id')
    .execute();
  const outcomes = await trx
    .updateTable('looked_after_outcomes')
    .set({ person_id: toPersonId })
    .where('person_id', '=', from)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('looked_after_outcomes as kept')
            .select('kept.id')
            .where('kept.person_id', '=', toPersonId)
            .whereRef('kept.collection_year', '=', 'looked_after_outcomes.collection_year'),
        ),
      ),
    )
    .returning('id')
    .execute();
  const survivorIsRecorded = await trx.selectFrom('motherhood').select('person_id').where('person_id', '=', toPersonId).executeTakeFirst();
  const motherhood = survivorIsRecorded
    ? []
    : await trx
        .updateTable('motherhood')
        .set({ person_id: toPersonId })
        .where('person_id', '=', from)
        .returning('person_id as id')
        .execute();
  return [
    ...decisions.map((r) => `adoption_decisions:${r.id}`),
    ...adoptions.map((r) => `adoptions:${r.id}`),
    ...previous.map((r) => `previous_permanence:${r.id}`),
    ...outcomes.map((r) => `looked_after_outcomes:${r.id}`),
    ...motherhood.map(() => 'motherhood:'),
  ];
}

/** Undoes `moveReturnFacts`: the rows it moved go back to the merged record. */
export async function moveReturnFactsBack(access: ChildRecordAccess, survivorId: string, moved: readonly string[]): Promise<void> {
  const ids = (table: string) => moved.filter((m) => m.startsWith(`${table}:`)).map((m) => m.slice(table.length + 1));
  const to = { person_id: access.personId };
  const trx = access.trx;
  for (const table of ['adoption_decisions', 'adoptions', 'previous_permanence', 'looked_after_outcomes'] as const) {
    const list = ids(table);
    if (list.length > 0) await trx.updateTable(table).set(to).where('id', 'in', list).execute();
  }
  if (ids('motherhood').length > 0) await trx.updateTable('motherhood').set(to).where('person_id', '=', survivorId).execute();
}
