import type { Kysely } from 'kysely';
import type { Database, IsoDate } from '../../db/schema.js';
import { type CaseNoteType, caseNoteTypeLabel } from '../../domain/case-notes/note-types.js';
import { isRecordId, withChildRecord } from '../../platform/access.js';
import type { Actor } from '../../platform/actor.js';
import { NotFoundError } from '../../platform/errors.js';
import { registerRecordMover } from '../../platform/record-movers.js';
import { childHeader } from '../children/service.js';
import { recordChronologyEntry } from '../chronology/service.js';
import * as queries from './queries.js';

export interface NewCaseNote {
  noteType: CaseNoteType;
  /** The day it happened (not the day it was typed). */
  occurredOn: IsoDate;
  note: string;
  /** What the child said, in their own words, where recorded. */
  childsWords?: string;
}

const summaryLength = 140;

/** Records a case note and its chronology entry together. */
export function addCaseNote(db: Kysely<Database>, actor: Actor, personId: string, note: NewCaseNote): Promise<string> {
  return withChildRecord(db, actor, personId, 'edit', 'child.case_note.add', async (access) => {
    const id = await queries.insertCaseNote(access, { ...note, childsWords: note.childsWords ?? null });
    const firstLine = note.note.replace(/\s+/g, ' ').trim();
    await recordChronologyEntry(access, {
      kind: 'case_note',
      occurredOn: note.occurredOn,
      summary: `${caseNoteTypeLabel(note.noteType)}: ${firstLine.length > summaryLength ? `${firstLine.slice(0, summaryLength - 1)}…` : firstLine}`,
      source: { type: 'case_note', id },
    });
    return id;
  });
}

export function caseNotesOf(db: Kysely<Database>, actor: Actor, personId: string) {
  return withChildRecord(db, actor, personId, 'view', 'child.case_notes.view', async (access) => {
    const [child, notes] = await Promise.all([childHeader(access), queries.caseNotesOf(access)]);
    return { child, notes };
  });
}

export function viewCaseNote(db: Kysely<Database>, actor: Actor, personId: string, noteId: string) {
  if (!isRecordId(noteId)) throw new NotFoundError();
  return withChildRecord(db, actor, personId, 'view', 'child.case_note.view', async (access) => {
    const [child, note] = await Promise.all([childHeader(access), queries.caseNote(access, noteId)]);
    if (!note) throw new NotFoundError();
    return { child, note };
  });
}

export function caseNoteForm(db: Kysely<Database>, actor: Actor, personId: string) {
  return withChildRecord(db, actor, personId, 'edit', 'child.case_note.form', childHeader);
}

registerRecordMover({
  name: 'case notes',
  columns: ['case_notes.person_id'],
  move: (merged, survivor) => queries.moveCaseNotes(merged.trx, merged.personId, survivor.personId),
  restore: (merged, _survivor, moved) => queries.moveCaseNotesBack(merged.trx, moved, merged.personId),
});
