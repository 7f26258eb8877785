import type { ChildRecordAccess } from './access.js';

/** A column that refers to a person (`people.id`), as `table.column`: "case_notes.person_id". */
export type PersonColumn = `${string}.${string}`;

/**
 * What a feature moves when two records of the same child are merged, and how it puts them back
 * when the merge is undone. Each feature registers one for its own records, so merging never
 * touches another feature's tables and a new feature's records are never left behind: the
 * merge-safety test reads the database's foreign keys to `people` and fails for any column that
 * no mover declares.
 */
export interface RecordMover {
  /** What it moves, as the merge's record lists it: "case notes", "addresses". Unique. */
  name: string;
  /** The columns referring to the child whose rows this mover moves (or re-derives) from one record to the other. */
  columns: readonly PersonColumn[];
  /** Moves everything of `merged` to `survivor`; returns what it did, enough to undo it exactly. */
  move(merged: ChildRecordAccess, survivor: ChildRecordAccess): Promise<string[]>;
  /** Undoes `move`, given what it returned. */
  restore(merged: ChildRecordAccess, survivor: ChildRecordAccess, moved: readonly string[]): Promise<void>;
}

/** Columns referring to a person that deliberately stay with the merged record, and why. */
export interface ColumnsThatStay {
  columns: readonly PersonColumn[];
  /** Why these rows belong to the merged record itself, as a reader of the code needs to know. */
  why: string;
}

const movers = new Map<string, RecordMover>();
const staying: ColumnsThatStay[] = [];

export function registerRecordMover(mover: RecordMover): void {
  movers.set(mover.name, mover);
}

/** Declares columns whose rows stay with the merged record (the merge's own bookkeeping), so no mover is expected for them. */
export function declareColumnsThatStay(declaration: ColumnsThatStay): void {
  staying.push(declaration);
}

/** Every registered mover, in the order registered. */
export function recordMovers(): RecordMover[] {
  return [...movers.values()];
}

/** Every declaration of columns that stay with the merged record. */
export function columnsThatStay(): ColumnsThatStay[] {
  return [...staying];
}
