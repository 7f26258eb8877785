import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { disabilityCodes } from '../codes/disability.js';
import { ethnicityCodes } from '../codes/ethnicity.js';
import { sexCodes } from '../codes/sex.js';
import { generatedLaChildId, laChildIdProblem } from './la-child-id.js';
import { normalisePostcode } from './postcode.js';
import { upnCheckLetter, upnFrom, upnProblem } from './upn.js';

describe('UPN', () => {
  it('accepts a UPN whose check letter matches (weights 2–13, modulo 23)', () => {
    expect(upnCheckLetter('123456789012')).toBe('A');
    expect(upnProblem('A123456789012')).toBeUndefined();
    expect(upnProblem('a1234 5678 9012')).toBeUndefined();
  });
  it('accepts a temporary UPN ending in a letter, counting the letter by its place in the check alphabet', () => {
    const upn = upnFrom('999', '12345678A');
    expect(upn).toMatch(/^[A-Z]99912345678A$/);
    expect(upnProblem(upn)).toBeUndefined();
  });
  it('refuses a wrong check letter, a wrong length, a bad shape and the letters I, O and S at the end', () => {
    expect(upnProblem('B123456789012')).toMatch(/not a valid UPN/);
    expect(upnProblem('A12345678901')).toMatch(/13 characters/);
    expect(upnProblem('A12345678901AB')).toMatch(/13 characters/);
    expect(upnProblem('AA23456789012')).toMatch(/a letter, 11 digits/);
    expect(upnProblem('A12345678901I')).toMatch(/cannot end in I, O or S/);
  });
});

describe('postcode', () => {
  it('accepts every UK outward-code shape and formats it with one space', () => {
    for (const [typed, stored] of [
      ['sw1a1aa', 'SW1A 1AA'],
      ['M1 1AE', 'M1 1AE'],
      ['b33 8th', 'B33 8TH'],
      ['CR2 6XH', 'CR2 6XH'],
      ['DN55 1PT', 'DN55 1PT'],
      ['W1A 0AX', 'W1A 0AX'],
      ['EC1A 1BB', 'EC1A 1BB'],
    ]) {
      expect(normalisePostcode(typed as string)).toBe(stored);
    }
  });
  it('refuses what is not a postcode', () => {
    for (const typed of ['', 'SW1A', '12345', 'QQ1 1AA', 'SW1A 1AAA', 'NOT A CODE']) expect(normalisePostcode(typed)).toBeUndefined();
  });
});

describe('LA child ID', () => {
  it('is at most 20 letters and digits (CIN rules 1570 and 1580)', () => {
    expect(laChildIdProblem('DEMO00001')).toBeUndefined();
    expect(laChildIdProblem('A'.repeat(20))).toBeUndefined();
    expect(laChildIdProblem('A'.repeat(21))).toMatch(/20 characters/);
    expect(laChildIdProblem('AB-12')).toMatch(/letters and numbers/);
  });
  it('is generated as H and seven digits at least', () => {
    expect(generatedLaChildId(1)).toBe('H0000001');
    expect(generatedLaChildId(12345678)).toBe('H12345678');
    expect(() => generatedLaChildId(0)).toThrow(RangeError);
  });
});

describe('code lists', () => {
  const shared = JSON.parse(readFileSync(new URL('../../../../shared/domain/codes.json', import.meta.url), 'utf8'));
  it('are the DfE lists in ../shared/domain/codes.json', () => {
    expect(ethnicityCodes).toEqual(shared.ethnicity);
    expect(disabilityCodes).toEqual(shared.cin.disability);
    expect(sexCodes.map((s) => s.code)).toEqual(shared.cin.sex_from2025.codes.map((c: { code: string }) => c.code));
  });
});
