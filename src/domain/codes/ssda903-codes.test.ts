import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adopterLegalStatusCodes } from './ssda903-adopter-legal-status.js';
import { adopterSexCodes } from './ssda903-adopter-sex.js';
import { previousPermanenceCodes } from './ssda903-previous-permanence.js';
import { reasonNoLongerPlacedForAdoptionCodes } from './ssda903-reason-no-longer-placed-for-adoption.js';
import { sdqReasonCodes } from './ssda903-sdq-reason.js';
import { ssda903SexCodes } from './ssda903-sex.js';
import { socialWorkerChangeReasonCodes } from './ssda903-social-worker-change-reason.js';

type Entry = { code: string; label: string };
const shared = JSON.parse(readFileSync(new URL('../../../../shared/domain/codes.json', import.meta.url), 'utf8')) as {
  ssda903: Record<string, Entry[] & { upTo2024?: Entry[]; from2025?: Entry[] }>;
};
const plain = (list: readonly Entry[]) => list.map(({ code, label }) => ({ code, label }));

describe('SSDA903 code lists are copies of ../shared/domain/codes.json', () => {
  it.each([
    ['sdqReason', sdqReasonCodes],
    ['adopterSex', adopterSexCodes],
    ['adopterLegalStatus', adopterLegalStatusCodes],
    ['reasonNoLongerPlacedForAdoption', reasonNoLongerPlacedForAdoptionCodes],
    ['previousPermanence', previousPermanenceCodes],
    ['socialWorkerChangeReason', socialWorkerChangeReasonCodes],
  ] as const)('%s', (name, list) => {
    expect(plain(list)).toEqual(plain(shared.ssda903[name] as Entry[]));
  });

  it('sex: 1/2 up to 2023-24, M/F/U from 2024-25', () => {
    const sex = shared.ssda903.sex as unknown as { upTo2024: Entry[]; from2025: Entry[] };
    expect(plain(ssda903SexCodes.filter((c) => 'validTo' in c && c.validTo === 2024))).toEqual(plain(sex.upTo2024));
    expect(plain(ssda903SexCodes.filter((c) => 'validFrom' in c && c.validFrom === 2025))).toEqual(plain(sex.from2025));
  });
});
