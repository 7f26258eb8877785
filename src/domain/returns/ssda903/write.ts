import { stringify } from 'csv-stringify/sync';
import { type FileKind, type FileSpec, fileSpecs, type ReturnRecord } from './files.js';

/**
 * The CSV text of one return file: the specification's columns, in its order, then one line per
 * record. Derived columns (distance, placement LA and location) are never written: DfE derives them.
 */
export function writeReturnFile<K extends FileKind>(kind: K, records: readonly ReturnRecord<K>[]): string {
  const spec: FileSpec = fileSpecs[kind];
  const lines = records.map((record) => spec.columns.map((column) => (record as Record<string, string | undefined>)[column] ?? ''));
  return stringify([spec.columns as string[], ...lines], { record_delimiter: 'unix' });
}

/** The file name Hearth gives a return file when it writes one: the DfE name, e.g. "PlacedAdoption.csv". */
export function returnFileName(kind: FileKind): string {
  return `${fileSpecs[kind].name}.csv`;
}
