import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { returnFromRecord } from './from-record.js';
import { type CsvTable, readReturn } from './read.js';
import { asChildForReturn, collectionYearOfEpisodes, planImport } from './to-record.js';

const sampleDir = path.resolve(import.meta.dirname, '../../../../test/ssda903-sample');

/** The sample return's files as parsed CSV, with one file's text changed. */
function sample(changes: Record<string, (text: string) => string> = {}): CsvTable[] {
  return readdirSync(sampleDir)
    .filter((name) => name.endsWith('.csv'))
    .map((fileName) => {
      const text = (changes[fileName] ?? ((t: string) => t))(readFileSync(path.join(sampleDir, fileName), 'utf8'));
      const rows = (
        parse(text, { info: true, relax_column_count: true }) as unknown as { record: string[]; info: { lines: number } }[]
      ).map((r) => ({
        line: r.info.lines,
        cells: r.record,
      }));
      return { fileName, rows };
    });
}

function plan(changes: Record<string, (text: string) => string> = {}, year = 2025) {
  const read = readReturn(sample(changes), year);
  return planImport(read.return, year, read.problems);
}

const errorsOf = (changes: Record<string, (text: string) => string>) => {
  const result = plan(changes);
  if (result.ok) throw new Error('expected the import to be refused');
  return result.errors.map((e) => `${e.fileName}:${e.line}:${e.column ?? ''} ${e.message}`);
};

const episodes = (replace: (t: string) => string) => ({ 'Episodes.csv': replace });

describe('reading a return into the records Hearth keeps', () => {
  it('rebuilds the sample: a move and a change of legal status on one day is one placement change and one legal status change', () => {
    const result = plan();
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const girl = result.children.find((c) => c.laChildId === 'C1001');
    expect(girl?.history.legalStatuses.map((s) => [s.legalStatus, s.startedOn, s.endedOn])).toEqual([
      ['V2', '2024-01-10', '2024-06-15'],
      ['C1', '2024-06-15', null],
    ]);
    expect(girl?.history.placements.map((p) => [p.placementType, p.startedOn, p.endedOn, p.reasonForChange])).toEqual([
      ['U6', '2024-01-10', '2024-06-15', 'CARPL'],
      ['U4', '2024-06-15', null, null],
    ]);
    const adopted = result.children.find((c) => c.laChildId === 'C1005');
    expect(adopted?.history.periods).toEqual([
      { id: 'p1', startedOn: '2022-05-05', endedOn: '2025-01-15', reasonCeased: 'E11', categoryOfNeed: 'N1', homePostcode: 'LS10 1JF' },
    ]);
    expect(adopted?.history.placements.map((p) => p.placementType)).toEqual(['U4', 'A6']);
  });

  it('gives back the same return for the year (the episode that ended before the year is history only)', () => {
    const result = plan();
    if (!result.ok) throw new Error('refused');
    const back = returnFromRecord(result.children.map(asChildForReturn), 2025);
    const original = readReturn(sample(), 2025).return;
    for (const kind of ['header', 'reviews', 'uasc', 'oc2', 'oc3', 'ad1', 'placedAdoption', 'prevPerm', 'missing'] as const) {
      expect(back[kind]?.rows.map((r) => r.record)).toEqual(original[kind]?.rows.map((r) => r.record));
    }
    expect(back.episodes?.rows.map((r) => r.record)).toEqual(
      original.episodes?.rows.filter((r) => r.record.DECOM !== '05/05/2022').map((r) => r.record),
    );
  });

  it('takes the collection year from the latest episode date', () => {
    expect(collectionYearOfEpisodes(readReturn(sample(), 2025).return)).toBe(2025);
  });

  it('refuses a file with a missing column, naming the file, line and column', () => {
    expect(errorsOf({ 'Reviews.csv': (t) => t.replace('CHILD,DOB,REVIEW,REVIEW_CODE', 'CHILD,DOB,REVIEW') })).toContain(
      'Reviews.csv:1:REVIEW_CODE The REVIEW_CODE column is missing',
    );
  });

  it('refuses unknown codes', () => {
    const errors = errorsOf({
      'Header.csv': (t) => t.replace('C1002,M,02/03/2009,MWBC', 'C1002,M,02/03/2009,XXXX'),
      'Episodes.csv': (t) => t.replace('C1004,14/04/2024,S,V2,N8', 'C1004,14/04/2024,S,Z9,N8'),
      'OC3.csv': (t) => t.replace('YES,F2,D1', 'YES,F2,Q1'),
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        'Header.csv:3:ETHNIC ETHNIC "XXXX" is not a code of the specification',
        'Episodes.csv:8:LS LS "Z9" is not a code of the specification',
        'OC3.csv:2:ACCOM ACCOM "Q1" is not a code of the specification',
      ]),
    );
  });

  it('refuses dates out of order: an episode ending before it starts, a gap inside a period of care, a decision reversed before it was made', () => {
    expect(
      errorsOf(episodes((t) => t.replace('C1002,01/05/2024,S,V2,N4,K2,PR4,20/07/2024', 'C1002,01/05/2024,S,V2,N4,K2,PR4,01/05/2024'))),
    ).toContain('Episodes.csv:4:DEC The episode must end after the day it started (DEC after DECOM)');
    expect(errorsOf(episodes((t) => t.replace('C1001,15/06/2024,B', 'C1001,16/06/2024,B')))).toContain(
      'Episodes.csv:3:DECOM The episode before ended with X1 on 15/06/2024, so this one must start that day',
    );
    expect(errorsOf({ 'PlacedAdoption.csv': (t) => t.replace('15/09/2022,,', '15/09/2022,01/09/2022,RD1') })).toContain(
      'PlacedAdoption.csv:2:DATE_PLACED_CEASED The decision cannot be reversed before it was made',
    );
  });

  it('refuses episodes that say a different change from the one they show', () => {
    expect(errorsOf(episodes((t) => t.replace('C1001,15/06/2024,B', 'C1001,15/06/2024,P')))).toContain(
      'Episodes.csv:3:RNE The legal status changed (V2 to C1) but RNE P says it did not: use L, B or U',
    );
    expect(errorsOf(episodes((t) => t.replace('C1002,20/07/2024,L,C2,N4,K2', 'C1002,20/07/2024,L,C2,N4,K1')))).toContain(
      'Episodes.csv:5:RNE RNE L says only the legal status changed, but the placement details (PLACE, PLACE_PROVIDER, PL_POST or URN) differ from the episode before',
    );
  });

  it('refuses a child whose care does not start with RNE S in the files', () => {
    const errors = errorsOf(episodes((t) => t.replace(/^C1005,05\/05\/2022.*\n/m, '')));
    expect(errors).toContain(
      "Episodes.csv:10:RNE CHILD C1005's first episode has RNE L: Hearth needs the child's whole period of care, from the episode with RNE S (include the episodes of earlier years)",
    );
  });

  it('refuses lines for a child with no Header line, and a care leaver line for someone whose birthday is not in the year', () => {
    expect(errorsOf({ 'Missing.csv': (t) => `${t}C9999,01/01/2010,M,01/05/2024,02/05/2024\n` })).toContain(
      'Missing.csv:4:CHILD CHILD C9999 has no line in the Header file',
    );
    const result = plan({}, 2026);
    expect(result.ok).toBe(false);
  });

  it('refuses a review on a day the child was not looked after, and PN0 for a child of 4 or over', () => {
    const errors = errorsOf({
      'Reviews.csv': (t) =>
        t.replace('C1002,02/03/2009,20/08/2024,PN4', 'C1002,02/03/2009,20/03/2025,PN4').replace('05/07/2024,PN1', '05/07/2024,PN0'),
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        'Reviews.csv:5:REVIEW The child was not looked after on the review date',
        'Reviews.csv:2:REVIEW_CODE PN0 is for children under 4 at the review, and only for them',
      ]),
    );
  });
});
