import type { FileKind, ReturnRecord } from './files.js';

/** One record of a return file with the line it came from (line 1 is the column names). */
export interface ReturnRow<K extends FileKind> {
  line: number;
  record: ReturnRecord<K>;
}

export interface ReturnFile<K extends FileKind> {
  /** The name the file had, for messages. */
  fileName: string;
  /** The columns the file had, in its own order (spec columns and any derived ones). */
  columns: readonly string[];
  rows: ReturnRow<K>[];
}

/** A return as read: the files that were given, each with its records. A file not given is absent. */
export type Ssda903Return = { [K in FileKind]?: ReturnFile<K> };

/** Something in a return file that stopped a file or line from being read as the specification says. */
export interface ReadProblem {
  fileName: string;
  /** 0 when the problem is about the file as a whole. */
  line: number;
  column?: string;
  message: string;
}
