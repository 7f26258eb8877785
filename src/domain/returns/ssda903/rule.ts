import type { ChildInReturn, EpisodeInReturn } from './child-in-return.js';
import type { Ssda903CollectionYear } from './collection-year.js';
import type { FileKind } from './files.js';
import type { ReturnRow } from './return.js';

/** DfE marks some failures as errors (must be fixed) and some as queries (fix or explain). */
export type Severity = 'error' | 'query';

/** What the evaluator knows besides the child: the year, the other children, last year's return. */
export interface RuleContext {
  collectionYear: Ssda903CollectionYear;
  /** How many children in the return have this UPN. */
  childrenWithUpn(upn: string): number;
  /** The child in last year's return, when last year's return was given. */
  lastYear?: (childId: string) => ChildInReturn | undefined;
  /** The local authority's own code as PL_LA holds it, when known (rules 1015). */
  localAuthority?: string;
}

/** One failure of one rule, found on a line of a file. */
export interface Finding {
  file: FileKind;
  line: number;
  message: string;
}

export interface Ssda903Rule {
  /** The DfE rule code, e.g. '101', '503A', 'SW01', '700'. */
  code: string;
  severity: Severity;
  /** The files the rule reads; it runs only when all of them were given. */
  files: readonly FileKind[];
  /** Collection years (ending 31 March) in which the rule applies. */
  years?: { from?: number; to?: number };
  /** Needs last year's return: runs only when it was given. */
  needsLastYear?: boolean;
  /** Runs only when the file carried this derived column. */
  needsColumn?: { file: FileKind; column: string };
  /** What the rule checks, in plain words. */
  description: string;
  check(child: ChildInReturn, context: RuleContext): Finding[];
}

/** A finding for each row the message function has something to say about. */
export function eachRow<K extends FileKind>(
  file: K,
  rows: readonly ReturnRow<K>[],
  message: (row: ReturnRow<K>) => string | undefined,
): Finding[] {
  const found: Finding[] = [];
  for (const row of rows) {
    const text = message(row);
    if (text !== undefined) found.push({ file, line: row.line, message: text });
  }
  return found;
}

/** A finding for each episode (with valid dates) the message function has something to say about. */
export function eachEpisode(episodes: readonly EpisodeInReturn[], message: (episode: EpisodeInReturn) => string | undefined): Finding[] {
  const found: Finding[] = [];
  for (const episode of episodes) {
    const text = message(episode);
    if (text !== undefined) found.push({ file: 'episodes', line: episode.row.line, message: text });
  }
  return found;
}
