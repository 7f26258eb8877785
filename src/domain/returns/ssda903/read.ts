import { type FileKind, type FileSpec, fileKindOf, fileSpecs, isFileInYear, type ReturnRecord } from './files.js';
import type { ReadProblem, ReturnFile, ReturnRow, Ssda903Return } from './return.js';

/** A CSV file as parsed, before it is checked against the specification: the first row holds the column names. */
export interface CsvTable {
  fileName: string;
  rows: readonly { line: number; cells: readonly string[] }[];
}

export interface ReadResult {
  return: Ssda903Return;
  problems: ReadProblem[];
}

/**
 * Reads parsed CSV files into typed return records. Problems (an unknown file, a file given twice,
 * a missing column, a line with the wrong number of cells, a line without a child id) are reported
 * with the file and line; a file missing a column is left out, a bad line is skipped.
 */
export function readReturn(tables: readonly CsvTable[], year: number): ReadResult {
  const result: Ssda903Return = {};
  const problems: ReadProblem[] = [];
  for (const table of tables) {
    const kind = fileKindOf(table.fileName);
    if (!kind) {
      problems.push({ fileName: table.fileName, line: 0, message: 'This is not one of the SSDA903 return files, so it was not read' });
      continue;
    }
    if (!isFileInYear(kind, year)) {
      problems.push({
        fileName: table.fileName,
        line: 0,
        message: `The ${fileSpecs[kind].name} file is not part of the return for collection year ${year}, so it was not read`,
      });
      continue;
    }
    const earlier = result[kind];
    if (earlier) {
      problems.push({
        fileName: table.fileName,
        line: 0,
        message: `${earlier.fileName} is already the ${fileSpecs[kind].name} file, so this one was not read`,
      });
      continue;
    }
    const file = readFile(kind, table, problems);
    if (file) setFile(result, kind, file);
  }
  return { return: result, problems };
}

function setFile<K extends FileKind>(target: Ssda903Return, kind: K, file: ReturnFile<K>): void {
  (target as Record<K, ReturnFile<K>>)[kind] = file;
}

function readFile<K extends FileKind>(kind: K, table: CsvTable, problems: ReadProblem[]): ReturnFile<K> | undefined {
  const spec: FileSpec = fileSpecs[kind];
  const [headerRow, ...dataRows] = table.rows;
  if (!headerRow) {
    problems.push({
      fileName: table.fileName,
      line: 0,
      message: `The file is empty: it needs the column names ${spec.columns.join(', ')}`,
    });
    return undefined;
  }
  const columns = headerRow.cells.map((cell) => cell.trim());
  const missing = spec.columns.filter((column) => !columns.includes(column));
  for (const column of missing) {
    problems.push({ fileName: table.fileName, line: headerRow.line, column, message: `The ${column} column is missing` });
  }
  const known = new Set([...spec.columns, ...spec.derivedColumns]);
  const seen = new Set<string>();
  for (const column of columns) {
    if (seen.has(column)) {
      problems.push({ fileName: table.fileName, line: headerRow.line, column, message: `The ${column} column appears twice` });
    } else if (!known.has(column)) {
      problems.push({
        fileName: table.fileName,
        line: headerRow.line,
        column,
        message: `${column} is not a column of the ${spec.name} file, so it was ignored`,
      });
    }
    seen.add(column);
  }
  if (missing.length > 0 || seen.size !== columns.length) return undefined;

  const wanted = columns.flatMap((column, index) => (known.has(column) ? [[column, index] as const] : []));
  const rows: ReturnRow<K>[] = [];
  for (const row of dataRows) {
    if (row.cells.every((cell) => cell.trim() === '')) continue;
    if (row.cells.length !== columns.length) {
      problems.push({
        fileName: table.fileName,
        line: row.line,
        message: `This line has ${row.cells.length} values but the file has ${columns.length} columns, so it was not read`,
      });
      continue;
    }
    const record: Record<string, string> = {};
    for (const [column, index] of wanted) record[column] = (row.cells[index] ?? '').trim();
    if (record.CHILD === '') {
      problems.push({
        fileName: table.fileName,
        line: row.line,
        column: 'CHILD',
        message: 'This line has no CHILD id, so it was not read',
      });
      continue;
    }
    rows.push({ line: row.line, record: record as ReturnRecord<K> });
  }
  return { fileName: table.fileName, columns, rows };
}
