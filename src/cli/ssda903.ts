import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { CsvError, parse } from 'csv-parse/sync';
import { type ValidationFailure, validateReturn } from '../domain/returns/ssda903/evaluate.js';
import { fileSpecs } from '../domain/returns/ssda903/files.js';
import { type CsvTable, type ReadResult, readReturn } from '../domain/returns/ssda903/read.js';
import type { ReadProblem } from '../domain/returns/ssda903/return.js';
import { ssda903Rules } from '../domain/returns/ssda903/rules.js';

/**
 * Reads a folder of SSDA903 return CSV files (Header.csv, episodes.csv, placed_for_adoption.csv ...)
 * into typed records. Throws only when the folder itself cannot be read; anything wrong inside a
 * file comes back as a line-numbered problem.
 */
export async function readReturnFolder(dir: string, year: number): Promise<ReadResult> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new Error(`${dir} is not a folder that can be read`);
  const names = (await readdir(dir)).filter((name) => name.toLowerCase().endsWith('.csv')).sort();
  const tables: CsvTable[] = [];
  const problems: ReadProblem[] = [];
  for (const name of names) {
    const text = await readFile(path.join(dir, name), 'utf8');
    try {
      const records = parse(text, { bom: true, relax_column_count: true, relax_quotes: true, info: true }) as unknown as {
        record: string[];
        info: { lines: number };
      }[];
      tables.push({ fileName: name, rows: records.map(({ record, info: at }) => ({ line: at.lines, cells: record })) });
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      problems.push({
        fileName: name,
        line: (error as CsvError & { lines?: number }).lines ?? 0,
        message: `The file is not valid CSV: ${error.message}`,
      });
    }
  }
  const read = readReturn(tables, year);
  return { return: read.return, problems: [...problems, ...read.problems] };
}

export interface ValidateFolderOptions {
  year: number;
  json: boolean;
  lastYear?: string;
  la?: string;
}

/** `hearth validate ssda903 DIR --year YYYY [--json]`: checks another system's extract without importing it. */
export async function validateSsda903Folder(dir: string, options: ValidateFolderOptions): Promise<void> {
  const began = performance.now();
  const read = await readReturnFolder(dir, options.year);
  const lastYear = options.lastYear ? await readReturnFolder(options.lastYear, options.year - 1) : undefined;
  const failures = validateReturn(read.return, options.year, {
    ...(lastYear ? { lastYear: lastYear.return } : {}),
    ...(options.la ? { localAuthority: options.la } : {}),
  });
  const seconds = (performance.now() - began) / 1000;
  const problems = [...read.problems, ...(lastYear?.problems ?? []).map((p) => ({ ...p, fileName: `last year: ${p.fileName}` }))];
  if (options.json) {
    console.log(JSON.stringify(failures.map(({ rule, la_child_id, message }) => ({ rule, la_child_id, message }))));
    for (const problem of problems) console.error(describeProblem(problem));
    return;
  }
  console.log(summary(read, failures, problems, options.year, seconds));
}

function describeProblem(problem: ReadProblem): string {
  const where = [problem.fileName, problem.line > 0 ? `line ${problem.line}` : '', problem.column ?? ''].filter(Boolean).join(', ');
  return `${where}: ${problem.message}`;
}

const childrenShown = 5;

function summary(read: ReadResult, failures: ValidationFailure[], problems: ReadProblem[], year: number, seconds: number): string {
  const lines: string[] = [];
  const files = Object.entries(read.return).map(
    ([kind, file]) => `${fileSpecs[kind as keyof typeof fileSpecs].name} (${file.rows.length})`,
  );
  lines.push(`SSDA903 return for collection year ${year} (1 April ${year - 1} to 31 March ${year})`);
  lines.push(`Files read: ${files.join(', ') || 'none'}`);
  if (problems.length > 0) {
    lines.push('', `Problems reading the files (${problems.length}):`);
    for (const problem of problems) lines.push(`  ${describeProblem(problem)}`);
  }
  const byRule = new Map<string, ValidationFailure[]>();
  for (const failure of failures) byRule.set(failure.rule, [...(byRule.get(failure.rule) ?? []), failure]);
  const descriptions = new Map(ssda903Rules.map((rule) => [rule.code, rule.description]));
  const children = new Set(failures.map((f) => f.la_child_id));
  lines.push(
    '',
    `${failures.length} failures of ${byRule.size} rules, for ${children.size} ${children.size === 1 ? 'child' : 'children'} (checked in ${seconds.toFixed(2)} s)`,
  );
  const ordered = [...byRule.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0], 'en', { numeric: true }));
  for (const [rule, list] of ordered) {
    const first = list[0] as ValidationFailure;
    const ids = [...new Set(list.map((f) => f.la_child_id))];
    const shown = ids.slice(0, childrenShown).join(', ') + (ids.length > childrenShown ? `, and ${ids.length - childrenShown} more` : '');
    lines.push(
      '',
      `${rule} (${first.severity}) ${descriptions.get(rule) ?? ''}: ${list.length}`,
      `  children: ${shown}`,
      `  e.g. ${first.la_child_id}: ${first.message}`,
    );
  }
  return lines.join('\n');
}
