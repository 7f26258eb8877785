import { describe, expect, it } from 'vitest';
import { parseTypedDate } from '../calendar/typed-date.js';
import { isLikelySamePerson, matchScore } from './duplicate-match.js';
import { type ChildDetails, childDetailsProblems, disabilitiesProblem } from './person-details.js';
import { parseSearchTerm } from './search-term.js';

const today = '2026-11-25';
const born: ChildDetails = {
  givenName: 'Amy',
  familyName: 'Hill',
  born: true,
  dateOfBirth: '2015-06-01',
  disabilities: [],
  unaccompaniedAsylumSeeking: false,
};

describe('child details', () => {
  it('accepts a date of birth up to today, and refuses one in the future (CIN 8520)', () => {
    expect(childDetailsProblems({ ...born, dateOfBirth: today }, today)).toEqual({});
    expect(childDetailsProblems({ ...born, dateOfBirth: '2026-11-26' }, today).dateOfBirth).toMatch(/today or in the past/);
    expect(childDetailsProblems({ ...born, dateOfBirth: undefined }, today).dateOfBirth).toMatch(/Enter the date of birth/);
  });
  it('needs an expected date of birth not yet passed for an unborn child, whose sex is U (CIN 8750)', () => {
    const unborn = { ...born, born: false, dateOfBirth: undefined, expectedDateOfBirth: '2027-03-14' };
    expect(childDetailsProblems({ ...unborn, sex: 'U' }, today)).toEqual({});
    expect(childDetailsProblems({ ...unborn, sex: 'F' }, today).sex).toMatch(/Unknown/);
    expect(childDetailsProblems({ ...unborn, expectedDateOfBirth: '2026-11-24' }, today).expectedDateOfBirth).toMatch(/has passed/);
    expect(childDetailsProblems({ ...unborn, expectedDateOfBirth: undefined }, today).expectedDateOfBirth).toMatch(/Enter/);
  });
  it('refuses unknown codes', () => {
    expect(childDetailsProblems({ ...born, sex: '1' }, today).sex).toBeDefined();
    expect(childDetailsProblems({ ...born, ethnicity: 'WHIT' }, today).ethnicity).toBeDefined();
    expect(childDetailsProblems({ ...born, ethnicity: 'WBRI', sex: 'F' }, today)).toEqual({});
  });
  it('refuses a former UPN equal to the UPN', () => {
    expect(childDetailsProblems({ ...born, upn: 'A123456789012', formerUpn: 'A123456789012' }, today).formerUpn).toMatch(/different/);
  });
  it('allows "No disability" only on its own, and each code once (CIN 8790, 8794)', () => {
    expect(disabilitiesProblem(['NONE'])).toBeUndefined();
    expect(disabilitiesProblem(['AUT', 'HEAR'])).toBeUndefined();
    expect(disabilitiesProblem(['NONE', 'AUT'])).toMatch(/not both/);
    expect(disabilitiesProblem(['AUT', 'AUT'])).toMatch(/once/);
    expect(disabilitiesProblem(['XYZ'])).toMatch(/list/);
  });
});

describe('typed dates', () => {
  it('reads 25/11/2010, 25-11-2010, 5/1/2010 and 2010-11-25, and refuses dates that do not exist', () => {
    expect(parseTypedDate('25/11/2010')).toBe('2010-11-25');
    expect(parseTypedDate('25-11-2010')).toBe('2010-11-25');
    expect(parseTypedDate('5/1/2010')).toBe('2010-01-05');
    expect(parseTypedDate('2010-11-25')).toBe('2010-11-25');
    expect(parseTypedDate('31/02/2010')).toBeUndefined();
    expect(parseTypedDate('2010')).toBeUndefined();
  });
});

describe('search terms', () => {
  it('reads a UPN, a postcode, an LA child ID, a date of birth and a name', () => {
    expect(parseSearchTerm('a123456789012')).toEqual({ upn: 'A123456789012' });
    expect(parseSearchTerm('sw1a 1aa')).toEqual({ postcode: 'SW1A 1AA' });
    expect(parseSearchTerm('demo00012')).toEqual({ laChildId: 'DEMO00012' });
    expect(parseSearchTerm('25/11/2010')).toEqual({ dateOfBirth: '2010-11-25' });
    expect(parseSearchTerm('Smith  John 2010-11-25')).toEqual({ name: 'smith john', dateOfBirth: '2010-11-25' });
    expect(parseSearchTerm('Smith')).toEqual({ name: 'smith', laChildId: 'SMITH' });
    expect(parseSearchTerm('   ')).toEqual({});
  });
});

describe('likely duplicates', () => {
  const none = { nameSimilarity: 0, sameDateOfBirth: false, samePostcode: false };
  it('are a close name, a partly alike name with the same date of birth, an alike name at the same postcode, or both those facts', () => {
    expect(isLikelySamePerson({ ...none, nameSimilarity: 0.6 })).toBe(true);
    expect(isLikelySamePerson({ ...none, nameSimilarity: 0.59 })).toBe(false);
    expect(isLikelySamePerson({ ...none, nameSimilarity: 0.3, sameDateOfBirth: true })).toBe(true);
    expect(isLikelySamePerson({ ...none, nameSimilarity: 0.45, samePostcode: true })).toBe(true);
    expect(isLikelySamePerson({ ...none, nameSimilarity: 0.44, samePostcode: true })).toBe(false);
    expect(isLikelySamePerson({ ...none, nameSimilarity: 0.29, sameDateOfBirth: true })).toBe(false);
    expect(isLikelySamePerson({ ...none, sameDateOfBirth: true, samePostcode: true })).toBe(true);
    expect(isLikelySamePerson({ ...none, sameDateOfBirth: true })).toBe(false);
  });
  it('rank more matching facts above a closer name', () => {
    expect(matchScore({ nameSimilarity: 0.4, sameDateOfBirth: true, samePostcode: false })).toBeGreaterThan(
      matchScore({ nameSimilarity: 0.9, sameDateOfBirth: false, samePostcode: false }),
    );
  });
});
