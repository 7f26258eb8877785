import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { realisticCinReturn } from '../../test/cin-census-samples.js';
import { buildCinCensus } from '../domain/returns/cin/build.js';
import { parseCollectionYear, validateCinCensusFile } from './cin-census.js';

function fileWith(xml: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'cin-')), 'cin.xml');
  writeFileSync(file, xml);
  return file;
}

function printed(): string {
  return vi
    .mocked(process.stdout.write)
    .mock.calls.map(([text]) => String(text))
    .join('');
}

describe('hearth validate cin-census FILE', () => {
  afterEach(() => vi.restoreAllMocks());

  it('prints failures as JSON with exactly rule, la_child_id, severity and message, sorted by child then rule', async () => {
    const sample = realisticCinReturn();
    const [first, second] = sample.children;
    if (!first || !second) throw new Error('sample has children');
    first.ethnicity = 'XXXX';
    const episode = first.episodes[0];
    if (episode) episode.referralSource = '99';
    second.sex = null;
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    await validateCinCensusFile(fileWith(buildCinCensus(sample, { collectionYear: 2025 })), { year: 2025, json: true });
    const rows = JSON.parse(printed()) as Record<string, unknown>[];
    expect(rows.map((r) => Object.keys(r))).toEqual(rows.map(() => ['rule', 'la_child_id', 'severity', 'message']));
    expect(rows.map((r) => [r.la_child_id, r.rule, r.severity])).toEqual([
      [null, '2886Q', 'query'],
      ['C1001', '4220', 'error'],
      ['C1001', '8866', 'error'],
      ['C1002', '4180', 'error'],
    ]);
    expect(rows[1]?.message).toContain('ChildCharacteristics/Ethnicity');
  });

  it('prints a readable summary by rule, and reports a file that is not XML without failing', async () => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    await validateCinCensusFile(fileWith('<Message><Children>'), { year: 2025, json: false });
    expect(printed()).toMatch(/1 errors and 0 queries under 1 rules/);
    expect(printed()).toMatch(/schema \(error, 1\): Does not fit the DfE schema/);
  });

  it('fails only when the file cannot be read', async () => {
    await expect(validateCinCensusFile('/no/such/cin.xml', { year: 2025, json: true })).rejects.toThrow(/Could not read/);
  });

  it('takes a four-digit collection year', () => {
    expect(parseCollectionYear('2025')).toBe(2025);
    expect(() => parseCollectionYear('2024-25')).toThrow(/collection year/);
  });
});
