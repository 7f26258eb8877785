import { readFile, writeFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { checkCinCensusXml, SCHEMA_RULE } from '../domain/returns/cin/check-file.js';
import type { CinValidationFailure } from '../domain/returns/cin/rule.js';
import { CIN_RULES } from '../domain/returns/cin/rules.js';
import { importCinCensus } from '../features/cin-census-return/import-service.js';
import { cinCensusXml, cinReturnPeriod, liveCinCensus } from '../features/cin-census-return/service.js';
import type { Config } from '../platform/config.js';
import { todayInEngland } from '../platform/today.js';

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
  printFailures(failures, file, options, seconds);
}

function printFailures(failures: CinValidationFailure[], what: string, options: { year: number; json: boolean }, seconds: number): void {
  if (options.json) {
    const rows = failures.map((f) => ({
      rule: f.rule,
      la_child_id: f.laChildId,
      severity: f.severity,
      message: `${f.message} (${f.path})`,
    }));
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  } else {
    process.stdout.write(summaryByRule(failures, what, options.year, seconds));
  }
}

/**
 * `hearth validate cin-census --year YYYY [--json]`: builds the return from Hearth's own record
 * and prints every DfE rule failure, as for a file.
 */
export async function validateLiveCinCensus(db: Kysely<Database>, config: Config, options: { year: number; json: boolean }): Promise<void> {
  const started = performance.now();
  const live = await liveCinCensus(db, config, cinReturnPeriod(options.year));
  printFailures(live.failures, `Hearth's record (${live.message.children.length} children)`, options, (performance.now() - started) / 1000);
}

/**
 * `hearth export cin-census --year YYYY --out FILE.xml`: validates the return built from Hearth's
 * record, prints the failures by rule, and writes the file whatever they are (as COLLECT takes a
 * file with queries, and an analyst fixes errors from the list).
 */
export async function exportCinCensus(db: Kysely<Database>, config: Config, options: { year: number; out: string }): Promise<void> {
  const started = performance.now();
  const live = await liveCinCensus(db, config, cinReturnPeriod(options.year));
  const xml = cinCensusXml(live);
  const seconds = (performance.now() - started) / 1000;
  await writeFile(options.out, xml, 'utf8');
  process.stdout.write(summaryByRule(live.failures, `Hearth's record (${live.message.children.length} children)`, options.year, seconds));
  process.stdout.write(`Wrote ${options.out} (${live.message.children.length} children).\n`);
}

/** `hearth import cin-census FILE.xml [--year YYYY]`: all or nothing; every problem with its child and element. */
export async function importCinCensusFile(db: Kysely<Database>, config: Config, file: string, options: { year?: number }): Promise<void> {
  let xml: string;
  try {
    xml = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`Could not read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const outcome = await importCinCensus(db, config, { staffId: null }, xml, {
    ...(options.year !== undefined ? { collectionYear: options.year } : {}),
    today: todayInEngland(),
  });
  if (!outcome.ok) {
    const lines = outcome.problems.map((p) => `  ${p.laChildId ?? '(whole file)'}  ${p.path}  ${p.message}`);
    throw new Error(`${file} was not imported: nothing was written. ${outcome.problems.length} problems:\n${lines.join('\n')}`);
  }
  const adopted = outcome.adoptedLaCode ? ` Hearth now serves local authority ${outcome.laCode}.` : '';
  process.stdout.write(`Imported ${outcome.children} children and ${outcome.referrals} referrals from ${file}.${adopted}\n`);
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
