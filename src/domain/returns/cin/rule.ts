import type { IsoDate } from '../../calendar/iso-date.js';
import type { CinCollectionYear } from './collection-year.js';
import type { CinCensusMessage, CinChild } from './message.js';

/** As the DfE marks them: an error must be fixed; a query must be fixed or explained. */
export type CinSeverity = 'error' | 'query';

/** One place a rule failed: the element path and, when more specific than the rule's own text, a message. */
export interface CinFinding {
  path: string;
  message?: string;
}

/** One failure of one rule, as reported to the person fixing the data. */
export interface CinValidationFailure {
  /** The DfE rule number, e.g. "8525Q". */
  rule: string;
  /** Null for a failure of the whole return (header, return-wide proportions). */
  laChildId: string | null;
  severity: CinSeverity;
  message: string;
  path: string;
}

/** Facts about the whole return, worked out once before the rules run. */
export interface CinReturnIndex {
  childrenPerLaChildId: ReadonlyMap<string, number>;
  childrenPerUpn: ReadonlyMap<string, number>;
}

export interface CinRuleContext {
  period: CinCollectionYear;
  /**
   * The date `workingDays` working days after `start`, counted with the calendar and counting
   * convention of the validation (remembered per start date: returns share few distinct dates).
   */
  dueAfterWorkingDays(start: IsoDate, workingDays: number): IsoDate;
  index: CinReturnIndex;
  /** Referral dates before this are more than 1 working day before the collection start (rule 8569Q). */
  earliestNfaReferralDate: IsoDate;
}

interface CinRuleBase {
  /** The DfE rule number, with its Q for a query. */
  code: string;
  severity: CinSeverity;
  /** Where in the message the rule looks (as in validation_rules.json). */
  module: string;
  /** What is wrong when the rule fails, in plain words. */
  message: string;
  /** First and last collection years the rule applies to, when it does not apply to all. */
  fromYear?: number;
  toYear?: number;
}

/** A rule about one child and their episodes: called once per child. */
export interface CinChildRule extends CinRuleBase {
  scope: 'child';
  check(child: CinChild, childPath: string, context: CinRuleContext): Iterable<CinFinding>;
}

/** A rule about the whole return (the header, or proportions across all children). */
export interface CinReturnRule extends CinRuleBase {
  scope: 'return';
  check(message: CinCensusMessage, context: CinRuleContext): Iterable<CinFinding>;
}

export type CinRule = CinChildRule | CinReturnRule;
