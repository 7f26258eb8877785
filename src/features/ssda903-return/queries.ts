import type { Insertable, Transaction } from 'kysely';
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
