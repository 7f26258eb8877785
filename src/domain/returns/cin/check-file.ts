import { parseCinCensus } from './parse.js';
import type { CinValidationFailure } from './rule.js';
import { type CinValidationOptions, sortCinFailures, validateCinCensus } from './validate.js';

/**
 * The `rule` given to a problem with the file's structure (not well-formed, unknown element, bad
 * date...) that no DfE rule number reports. COLLECT rejects such a file before its rules run.
 */
export const SCHEMA_RULE = 'schema';

/**
 * Checks a CIN census file without loading it anywhere: structure problems that a DfE rule does
 * not already report, then every rule failure, sorted by child, then rule.
 */
export function checkCinCensusXml(xml: string, options: CinValidationOptions): CinValidationFailure[] {
  const parsed = parseCinCensus(xml, { collectionYear: options.collectionYear });
  const structural: CinValidationFailure[] = parsed.problems
    .filter((problem) => problem.reportedByRule === undefined)
    .map((problem) => ({
      rule: SCHEMA_RULE,
      laChildId: problem.laChildId,
      severity: 'error',
      message: problem.message,
      path: problem.path,
    }));
  const failures = parsed.message ? validateCinCensus(parsed.message, options) : [];
  return sortCinFailures([...structural, ...failures]);
}
