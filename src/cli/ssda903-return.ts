import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { collectionYearOf } from '../domain/looked-after/episodes.js';
import { collectionYearOfEpisodes, type ImportError } from '../domain/returns/ssda903/to-record.js';
import { exportReturn, failuresByRule, importReturn, validateLiveReturn } from '../features/ssda903-return/service.js';
import { findStaffByUsername } from '../features/staff-accounts/service.js';
import { loadActor } from '../platform/staff-directory.js';
import { todayInEngland } from '../platform/today.js';
import { readReturnFolder } from './ssda903.js';

type Write = (text: string) => void;

/**
 * `hearth export ssda903 --year YYYY --out DIR`: writes the return's CSV files from Hearth's
 * record, after checking them against the DfE rules. The failures are counted by rule for the
 * analyst to weigh; the files are written whatever they are.
 */
export async function exportSsda903(db: Kysely<Database>, options: { year: number; out: string }, write: Write): Promise<void> {
  const { files, failures } = await exportReturn(db, options.year);
  await mkdir(options.out, { recursive: true });
  for (const file of files) await writeFile(path.join(options.out, file.name), file.text, 'utf8');
  write(`Wrote ${files.map((f) => `${f.name} (${f.lines})`).join(', ')} to ${options.out}`);
  const rules = failuresByRule(failures);
  if (rules.length === 0) {
    write('No validation failures.');
    return;
  }
  const children = new Set(failures.map((f) => f.la_child_id)).size;
  write(`${failures.length} validation failures of ${rules.length} rules, for ${children} ${children === 1 ? 'child' : 'children'}:`);
  for (const rule of rules)
    write(`  ${rule.rule.padEnd(6)} ${String(rule.count).padStart(5)}  ${rule.severity === 'query' ? '(query) ' : ''}${rule.description}`);
}

/** `hearth validate ssda903 --year YYYY [--json]`: Hearth's own data, as the folder form checks a folder. */
export async function validateSsda903Live(db: Kysely<Database>, options: { year: number; json: boolean }, write: Write): Promise<void> {
  const failures = await validateLiveReturn(db, options.year);
  if (options.json) {
    write(JSON.stringify(failures.map(({ rule, la_child_id, message }) => ({ rule, la_child_id, message }))));
    return;
  }
  const rules = failuresByRule(failures);
  write(`SSDA903 return for collection year ${options.year} from Hearth's record: ${failures.length} failures of ${rules.length} rules`);
  for (const rule of rules) {
    const ids = [...new Set(rule.failures.map((f) => f.la_child_id))];
    write(
      `  ${rule.rule} (${rule.severity}) ${rule.description}: ${rule.count}; children ${ids.slice(0, 5).join(', ')}${ids.length > 5 ? `, and ${ids.length - 5} more` : ''}`,
    );
  }
}

export function describeImportError(error: ImportError): string {
  return (
    [error.fileName, error.line > 0 ? `line ${error.line}` : '', error.column ? `column ${error.column}` : ''].filter(Boolean).join(', ') +
    `: ${error.message}`
  );
}

/**
 * `hearth import ssda903 DIR --as USERNAME [--year YYYY]`: loads a return's CSV files into Hearth,
 * all or nothing. Any problem is listed by file, line and column, and nothing is imported.
 * Returns whether the import happened.
 */
export async function importSsda903(
  db: Kysely<Database>,
  dir: string,
  options: { as: string; year?: number },
  write: Write,
): Promise<boolean> {
  const staff = await findStaffByUsername(db, options.as);
  const actor = staff ? await loadActor(db, staff.id, '127.0.0.1') : null;
  if (!actor) throw new Error(`No active staff account called ${options.as}`);
  const firstYear = options.year ?? collectionYearOf(todayInEngland());
  const first = await readReturnFolder(dir, firstYear);
  const year = options.year ?? collectionYearOfEpisodes(first.return) ?? firstYear;
  const read = year === firstYear ? first : await readReturnFolder(dir, year);
  return report(await importReturn(db, actor, read, year), write);
}

function report(outcome: Awaited<ReturnType<typeof importReturn>>, write: Write): boolean {
  if (!outcome.ok) {
    write(`Nothing was imported: ${outcome.errors.length} ${outcome.errors.length === 1 ? 'problem' : 'problems'} to put right first.`);
    for (const error of outcome.errors) write(`  ${describeImportError(error)}`);
    return false;
  }
  write(
    `Imported ${outcome.children} ${outcome.children === 1 ? 'child' : 'children'} from the SSDA903 return for collection year ${outcome.year}.`,
  );
  for (const note of outcome.notes) write(`  ${note}`);
  return true;
}
