import type { Transaction } from 'kysely';
import type { Database, IsoDate } from '../../db/schema.js';
import type { ChildRecordAccess } from '../../platform/access.js';

export async function insertCaseNote(
  access: ChildRecordAccess,
  note: { noteType: string; occurredOn: IsoDate; note: string; childsWords: string | null },
): Promise<string> {
  const row = await access.trx
    .insertInto('case_notes')
    .values({
      person_id: access.personId,
      note_type: note.noteType,
      occurred_on: note.occurredOn,
      note: note.note,
      childs_words: note.childsWords,
      recorded_by: access.actor.staffId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const columns = [
  'case_notes.id',
  'case_notes.note_type',
  'case_notes.occurred_on',
  'case_notes.note',
  'case_notes.childs_words',
  'case_notes.recorded_at',
  'staff.display_name as recorded_by_name',
] as const;

export function caseNotesOf(access: ChildRecordAccess) {
  return access.trx
    .selectFrom('case_notes')
    .leftJoin('staff', 'staff.id', 'case_notes.recorded_by')
    .select(columns)
    .where('case_notes.person_id', '=', access.personId)
    .orderBy('case_notes.occurred_on', 'desc')
    .orderBy('case_notes.recorded_at', 'desc')
    .execute();
}

export function caseNote(access: ChildRecordAccess, noteId: string) {
  return access.trx
    .selectFrom('case_notes')
    .leftJoin('staff', 'staff.id', 'case_notes.recorded_by')
    .select(columns)
    .where('case_notes.person_id', '=', access.personId)
    .where('case_notes.id', '=', noteId)
    .executeTakeFirst();
}

export async function moveCaseNotes(trx: Transaction<Database>, fromId: string, toId: string): Promise<string[]> {
  const rows = await trx.updateTable('case_notes').set({ person_id: toId }).where('person_id', '=', fromId).returning('id').execute();
  return rows.map((r) => r.id);
}

export async function moveCaseNotesBack(trx: Transaction<Database>, ids: readonly string[], toId: string): Promise<void> {
  if (ids.length === 0) return;
  await trx.updateTable('case_notes').set({ person_id: toId }).where('id', 'in', ids).execute();
}
