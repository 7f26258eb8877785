import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReturnFolder } from './ssda903.js';

const run = promisify(execFile);
const hearth = path.resolve('bin/hearth.js');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hearth-ssda903-'));
  await writeFile(
    path.join(dir, 'Header.csv'),
    '\ufeffCHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n10,F,01/06/2010,WBRI,A12345678901B,0,\n9,M,01/06/2010,XXXX,,,\n',
  );
  await writeFile(
    path.join(dir, 'episodes.csv'),
    'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n' +
      '10,01/05/2024,S,C2,N1,U4,PR1,,,,AB1 2CD,EF3 4GH,SC123456\n' +
      '9,01/05/2024,S,C2,N1,U4,PR1,,,,AB1 2CD,EF3 4GH,SC123456\n',
  );
  await writeFile(path.join(dir, 'reviews.csv'), 'CHILD,DOB,REVIEW\n10,01/06/2010,01/06/2024\n');
  await writeFile(path.join(dir, 'missing.csv'), 'CHILD,DOB,MISSING,MIS_START,MIS_END\n10,01/06/2010,M,"01/07/2024\n');
  await writeFile(path.join(dir, 'notes.csv'), 'anything\n');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readReturnFolder', () => {
  it('reads the files it knows, with line numbers, and reports the rest as problems', async () => {
    const read = await readReturnFolder(dir, 2025);
    expect(read.return.header?.rows.map((r) => [r.line, r.record.CHILD])).toEqual([
      [2, '10'],
      [3, '9'],
    ]);
    expect(read.return.reviews).toBeUndefined();
    expect(read.problems.map((p) => [p.fileName, p.column ?? ''])).toEqual([
      ['missing.csv', ''],
      ['notes.csv', ''],
      ['reviews.csv', 'REVIEW_CODE'],
    ]);
  });

  it('refuses a folder that does not exist', async () => {
    await expect(readReturnFolder(path.join(dir, 'nowhere'), 2025)).rejects.toThrow('is not a folder');
  });
});

describe('hearth validate ssda903', () => {
  it('prints the failures as JSON sorted by child then rule, and exits 0', async () => {
    const { stdout, stderr } = await run('node', [hearth, 'validate', 'ssda903', dir, '--year', '2025', '--json'], {
      env: { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
    });
    const failures = JSON.parse(stdout) as { rule: string; la_child_id: string; message: string }[];
    expect(failures.map((f) => `${f.la_child_id} ${f.rule}`)).toEqual(['9 103', '9 442']);
    expect(Object.keys(failures[0] ?? {})).toEqual(['rule', 'la_child_id', 'message']);
    expect(stderr).toContain('reviews.csv, line 1, REVIEW_CODE: The REVIEW_CODE column is missing');
  });

  it('prints a summary by rule without --json', async () => {
    const { stdout } = await run('node', [hearth, 'validate', 'ssda903', dir, '--year', '2025']);
    expect(stdout).toContain('2 failures of 2 rules, for 1 child');
    expect(stdout).toContain('103 (error) Ethnicity missing or invalid: 1');
  });

  it('exits non-zero when the folder cannot be read', async () => {
    await expect(run('node', [hearth, 'validate', 'ssda903', path.join(dir, 'nowhere'), '--year', '2025', '--json'])).rejects.toMatchObject(
      { code: 1 },
    );
  });
});
