import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessmentFactorCodes } from './cin-assessment-factors.js';
import { categoryOfAbuseCodes } from './cin-category-of-abuse.js';
import { genderCurrentCodes, lastYearOfGenderCurrent } from './cin-gender-current.js';
import { reasonForClosureCodes } from './cin-reason-for-closure.js';
import { referralSourceCodes } from './cin-referral-source.js';
import { upnUnknownCodes } from './cin-upn-unknown.js';

type Code = { code: string; label: string };
const cin = (
  JSON.parse(readFileSync(new URL('../../../../shared/domain/codes.json', import.meta.url), 'utf8')) as {
    cin: Record<string, Code[] & { codes?: Code[]; validTo?: number }>;
  }
).cin;
const pairs = (codes: readonly Code[]) => codes.map(({ code, label }) => ({ code, label }));

describe('CIN census code lists are copies of ../shared/domain/codes.json', () => {
  it.each([
    ['referralSource', referralSourceCodes],
    ['reasonForClosure', reasonForClosureCodes],
    ['categoryOfAbuse', categoryOfAbuseCodes],
    ['assessmentFactors', assessmentFactorCodes],
    ['upnUnknown', upnUnknownCodes],
  ] as const)('%s', (list, codes) => {
    expect(pairs(codes)).toEqual(pairs(cin[list] ?? []));
  });

  it('genderCurrent, used up to 2023-24', () => {
    const gender = cin.genderCurrent_upTo2024 as unknown as { codes: Code[]; validTo: number };
    expect(pairs(genderCurrentCodes)).toEqual(pairs(gender.codes));
    expect(lastYearOfGenderCurrent).toBe(gender.validTo);
  });
});
