import type { ChildRecordAccess } from './access.js';

/**
 * What a feature moves when two records of the same child are merged, and how it puts them back
 * when the merge is undone. Each feature registers one for its own records, so merging never
 * touches another feature's tables and a new feature's records are never left behind.
 */
export interface RecordMover {
  /** What it moves, as the merge's record lists it: "case notes", "addresses". Unique. */
  name: string;
  /** Moves everything of `merged` to `survivor`; returns what it did, enough to undo it exactly. */
  move(merged: ChildRecordAccess, survivor: ChildRecordAccess): Promise<string[]>;
  /** Undoes `move`, given what it returned. */
  restore(merged: ChildRecordAccess, survivor: ChildRecordAccess, moved: readonly string[]): Promise<void>;
}

const movers = new Map<string, RecordMover>();

export function registerRecordMover(mover: RecordMover): void {
  movers.set(mover.name, mover);
}

/** Every registered mover, in the order registered. */
export function recordMovers(): RecordMover[] {
  return [...movers.values()];
}
