import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adopterLeavingReasonCodes } from './annex-a-adopter-leaving-reason.js';
import { annexAGenderCodes } from './annex-a-gender.js';

const shared = JSON.parse(readFileSync(new URL('../../../../shared/domain/codes.json', import.meta.url), 'utf8')) as {
  annexA: Record<string, { code: string; label?: string }[]>;
};

describe('the Annex A code lists of prospective adopters are copies of ../shared/domain/codes.json', () => {
  it('reasons for leaving the adoption process (list 11)', () => {
    expect(adopterLeavingReasonCodes).toEqual(shared.annexA.list11ReasonLeavingAdoptionProcess);
  });

  it('gender', () => {
    expect(annexAGenderCodes).toEqual(shared.annexA.gender);
  });
});
