import { describe, expect, it } from 'vitest';
import { fileKindOf, fileKinds, fileSpecs } from './files.js';
import { type CsvTable, readReturn } from './read.js';
import { fromReturnDate, toReturnDate } from './return-date.js';
import { returnFileName, writeReturnFile } from './write.js';

const table = (fileName: string, lines: string[][]): CsvTable => ({ fileName, rows: lines.map((cells, i) => ({ line: i + 1, cells })) });
const headerColumns = [...fileSpecs.header.columns];

describe('file names', () => {
  it.each([
    ['header.csv', 'header'],
    ['Header.CSV', 'header'],
    ['episodes.csv', 'episodes'],
    ['placed_for_adoption.csv', 'placedAdoption'],
    ['PlacedAdoption.csv', 'placedAdoption'],
    ['previous_permanence.csv', 'prevPerm'],
    ['PrevPerm.csv', 'prevPerm'],
    ['sw_episodes.csv', 'swEpisodes'],
    ['SWEpisodes.csv', 'swEpisodes'],
    ['DoLo.csv', 'dolo'],
    ['some/folder/OC2.csv', 'oc2'],
  ])('%s is the %s file', (name, kind) => {
    expect(fileKindOf(name)).toBe(kind);
  });

  it('does not recognise other files', () => {
    expect(fileKindOf('notes.csv')).toBeUndefined();
    expect(fileKindOf('episodes_old.csv')).toBeUndefined();
  });

  it('names every written file after the DfE file', () => {
    expect(fileKinds.map(returnFileName)).toContain('PlacedAdoption.csv');
    for (const kind of fileKinds) expect(fileKindOf(returnFileName(kind))).toBe(kind);
  });
});

describe('return dates', () => {
  it('reads DD/MM/YYYY and writes it back', () => {
    expect(fromReturnDate('29/02/2024')).toBe('2024-02-29');
    expect(toReturnDate('2024-02-29')).toBe('29/02/2024');
  });
  it.each(['', '29/02/2023', '2024-02-29', '1/2/2024', '32/01/2024'])('rejects %j', (value) => {
    expect(fromReturnDate(value)).toBeNull();
  });
});

describe('readReturn', () => {
  it('reads records with their line numbers, trimming cells and skipping blank lines', () => {
    const { return: read, problems } = readReturn(
      [
        table('header.csv', [
          headerColumns,
          ['C1', 'F', '01/06/2010', 'WBRI ', 'UN1', '', ''],
          [''],
          ['C2', 'M', '01/01/2011', 'WBRI', 'UN1', '', ''],
        ]),
      ],
      2025,
    );
    expect(problems).toEqual([]);
    expect(read.header?.rows.map((r) => [r.line, r.record.CHILD, r.record.ETHNIC])).toEqual([
      [2, 'C1', 'WBRI'],
      [4, 'C2', 'WBRI'],
    ]);
  });

  it('reads columns in any order and keeps the derived episode columns', () => {
    const columns = [...fileSpecs.episodes.columns].reverse();
    const { return: read, problems } = readReturn(
      [
        table('episodes.csv', [
          [...columns, 'PL_LA'],
          [...columns.map((c) => (c === 'CHILD' ? 'C1' : '')), 'E09000001'],
        ]),
      ],
      2025,
    );
    expect(problems).toEqual([]);
    expect(read.episodes?.rows[0]?.record).toMatchObject({ CHILD: 'C1', PL_LA: 'E09000001' });
    expect(read.episodes?.columns).toContain('PL_LA');
  });

  it('reports a missing column with the file and line, and leaves the file out', () => {
    const { return: read, problems } = readReturn([table('Header.csv', [headerColumns.filter((c) => c !== 'ETHNIC'), ['C1']])], 2025);
    expect(read.header).toBeUndefined();
    expect(problems).toEqual([{ fileName: 'Header.csv', line: 1, column: 'ETHNIC', message: 'The ETHNIC column is missing' }]);
  });

  it('reports unknown files, files outside the year, duplicates, unknown columns, short lines and lines with no child', () => {
    const { return: read, problems } = readReturn(
      [
        table('notes.csv', [['a']]),
        table('sw_episodes.csv', [[...fileSpecs.swEpisodes.columns]]),
        table('header.csv', [
          [...headerColumns, 'NAME'],
          ['C1', 'F', '01/06/2010', 'WBRI', 'UN1', '', '', 'x'],
          ['C2', 'F'],
          ['', 'F', '', '', '', '', '', ''],
        ]),
        table('Header.csv', [headerColumns]),
        table('missing.csv', []),
      ],
      2023,
    );
    expect(read.header?.rows).toHaveLength(1);
    expect(problems.map((p) => [p.fileName, p.line, p.column ?? ''])).toEqual([
      ['notes.csv', 0, ''],
      ['sw_episodes.csv', 0, ''],
      ['header.csv', 1, 'NAME'],
      ['header.csv', 3, ''],
      ['header.csv', 4, 'CHILD'],
      ['Header.csv', 0, ''],
      ['missing.csv', 0, ''],
    ]);
    expect(problems[1]?.message).toContain('not part of the return for collection year 2023');
  });
});

describe('writeReturnFile', () => {
  it('writes exactly the specified columns in order, quoting where needed, and never the derived ones', () => {
    const text = writeReturnFile('episodes', [
      {
        CHILD: 'C1',
        DECOM: '01/05/2024',
        RNE: 'S',
        LS: 'C2',
        CIN: 'N1',
        PLACE: 'U4',
        PLACE_PROVIDER: 'PR1',
        DEC: '',
        REC: '',
        REASON_PLACE_CHANGE: '',
        HOME_POST: 'AB1, 2CD',
        PL_POST: 'EF3 4GH',
        URN: 'SC123456',
        PL_LA: 'E09000001',
      },
    ]);
    expect(text).toBe(
      'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\nC1,01/05/2024,S,C2,N1,U4,PR1,,,,"AB1, 2CD",EF3 4GH,SC123456\n',
    );
  });

  it('round-trips through readReturn', () => {
    const record = { CHILD: 'C1', DOB: '01/06/2010', REVIEW: '01/06/2024', REVIEW_CODE: 'PN1' };
    const lines = writeReturnFile('reviews', [record])
      .trim()
      .split('\n')
      .map((line) => line.split(','));
    expect(readReturn([table('Reviews.csv', lines)], 2025).return.reviews?.rows[0]?.record).toEqual(record);
  });
});
