import { readFile } from 'node:fs/promises';
import { checkCinCensusXml, SCHEMA_RULE } from '../domain/returns/cin/check-file.js';
import type { CinValidationFailure } from '../domain/returns/cin/rule.js';
import { CIN_RULES } from '../domain/returns/cin/rules.js';

/** How many children are listed under each rule in the readable summary. */
const CHILDREN_LISTED_PER_RULE = 10;

/**
 * `hearth validate cin-census FILE.xml --year YYYY [--json]`: checks another system's CIN census
 * extract without importing it and without opening the database. Throws only when the file
 * cannot be read; failures in the data are the output, not an error.
 */
export async function validateCinCensusFile(file: string, options: { year: number; json: boolean }): Promise<void> {
  let xml: string;
  try {
    xml = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`Could not read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const started = performance.now();
  const failures = checkCinCensusXml(xml, { collectionYear: options.year });
  const seconds = (performance.now() - started) / 1000;
  if (options.json) {
    const rows = failures.map((f) => ({
      rule: f.rule,
      la_child_id: f.laChildId,
      severity: f.severity,
      message: `${f.message} (${f.path})`,
    }));
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  } else {
    process.stdout.write(summaryByRule(failures, file, options.year, seconds));
  }
}

export function parseCollectionYear(value: string): number {
  if (!/^\d{4}$/.test(value))
    throw new Error(`--year must be a collection year such as 2025 (the year ending 31 March 2025), not "${value}"`);
  return Number(value);
}

function summaryByRule(failures: CinValidationFailure[], file: string, year: number, seconds: number): string {
  const byRule = new Map<string, CinValidationFailure[]>();
  for (const failure of failures) byRule.set(failure.rule, [...(byRule.get(failure.rule) ?? []), failure]);
  const descriptions = new Map(CIN_RULES.map((rule) => [rule.code, rule.message]));
  const errors = failures.filter((f) => f.severity === 'error').length;
  const lines = [
    `CIN census ${year - 1}-${String(year).slice(2)} (1 April ${year - 1} to 31 March ${year}): ${file}`,
    `${errors} errors and ${failures.length - errors} queries under ${byRule.size} rules (checked in ${seconds.toFixed(2)} s)`,
  ];
  const rules = [...byRule.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  for (const rule of rules) {
    const ruleFailures = byRule.get(rule) ?? [];
    const first = ruleFailures[0] as CinValidationFailure;
    const title = rule === SCHEMA_RULE ? 'Does not fit the DfE schema' : (descriptions.get(rule) ?? first.message);
    lines.push('', `${rule} (${first.severity}, ${ruleFailures.length}): ${title}`);
    for (const failure of ruleFailures.slice(0, CHILDREN_LISTED_PER_RULE)) {
      const detail = failure.message === title ? '' : ` ${failure.message}`;
      lines.push(`  ${failure.laChildId ?? '(whole return)'}  ${failure.path}${detail}`);
    }
    if (ruleFailures.length > CHILDREN_LISTED_PER_RULE) lines.push(`  … and ${ruleFailures.length - CHILDREN_LISTED_PER_RULE} more`);
  }
  return `${lines.join('\n')}\n`;
}
