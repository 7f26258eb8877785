import { type ChildInReturn, childrenInReturn } from './child-in-return.js';
import { ssda903CollectionYear } from './collection-year.js';
import type { FileKind } from './files.js';
import type { Ssda903Return } from './return.js';
import type { RuleContext, Severity, Ssda903Rule } from './rule.js';
import { ssda903Rules } from './rules.js';

/** One failure of a validation rule, for one child. */
export interface ValidationFailure {
  /** The DfE rule code. */
  rule: string;
  severity: Severity;
  /** The child's id in the return (CHILD). */
  la_child_id: string;
  message: string;
  file: FileKind;
  line: number;
}

export interface ValidationOptions {
  /** Last year's return, for the rules that compare the two. */
  lastYear?: Ssda903Return;
  /** The local authority's own code as PL_LA holds it. */
  localAuthority?: string;
  /** The rules to run; all of them unless given (tests run one at a time). */
  rules?: readonly Ssda903Rule[];
}

const byChildThenRule = new Intl.Collator('en', { numeric: true });

/** Whether a rule can run on this return: its files were given, the year is right, and what else it needs is there. */
function applies(rule: Ssda903Rule, ssda903: Ssda903Return, year: number, lastYear: boolean): boolean {
  if (rule.years?.from !== undefined && year < rule.years.from) return false;
  if (rule.years?.to !== undefined && year > rule.years.to) return false;
  if (rule.needsLastYear && !lastYear) return false;
  if (!rule.files.every((kind) => ssda903[kind] !== undefined)) return false;
  return !rule.needsColumn || (ssda903[rule.needsColumn.file]?.columns.includes(rule.needsColumn.column) ?? false);
}

/**
 * Runs the SSDA903 validation rules over a return for a collection year (1 April of the year
 * before to 31 March): the return is gathered by child once, then each rule checks each child.
 * Failures come sorted by child, then rule, then line.
 */
export function validateReturn(ssda903: Ssda903Return, year: number, options: ValidationOptions = {}): ValidationFailure[] {
  const collectionYear = ssda903CollectionYear(year);
  const children = childrenInReturn(ssda903);
  const lastYearChildren = options.lastYear ? childrenInReturn(options.lastYear) : undefined;
  const upnCounts = new Map<string, number>();
  for (const row of ssda903.header?.rows ?? []) upnCounts.set(row.record.UPN, (upnCounts.get(row.record.UPN) ?? 0) + 1);

  const context: RuleContext = {
    collectionYear,
    childrenWithUpn: (upn) => upnCounts.get(upn) ?? 0,
    ...(lastYearChildren ? { lastYear: (id: string) => lastYearChildren.get(id) } : {}),
    ...(options.localAuthority !== undefined ? { localAuthority: options.localAuthority } : {}),
  };
  const rules = (options.rules ?? ssda903Rules).filter((rule) => applies(rule, ssda903, year, lastYearChildren !== undefined));

  const failures: ValidationFailure[] = [];
  for (const child of children.values()) failures.push(...failuresFor(child, rules, context));
  return failures.sort(
    (a, b) => byChildThenRule.compare(a.la_child_id, b.la_child_id) || byChildThenRule.compare(a.rule, b.rule) || a.line - b.line,
  );
}

function failuresFor(child: ChildInReturn, rules: readonly Ssda903Rule[], context: RuleContext): ValidationFailure[] {
  const failures: ValidationFailure[] = [];
  for (const rule of rules) {
    for (const finding of rule.check(child, context)) {
      failures.push({
        rule: rule.code,
        severity: rule.severity,
        la_child_id: child.id,
        message: finding.message,
        file: finding.file,
        line: finding.line,
      });
    }
  }
  return failures;
}
