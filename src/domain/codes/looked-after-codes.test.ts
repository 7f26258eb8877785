import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { primaryNeedCodes } from './cin-primary-need.js';
import { carePlanPermanenceCodes } from './ssd-care-plan-permanence.js';
import { legalGatewayOutcomeCodes } from './ssd-legal-gateway-outcome.js';
import { careLeaverAccommodationTypeCodes } from './ssda903-care-leaver-accommodation.js';
import { careLeaverActivityCodes } from './ssda903-care-leaver-activity.js';
import { careLeaverInTouchCodes } from './ssda903-care-leaver-in-touch.js';
import { legalStatusCodes } from './ssda903-legal-status.js';
import { missingTypeCodes } from './ssda903-missing.js';
import { placementProviderCodes } from './ssda903-placement-provider.js';
import { placementTypeCodes } from './ssda903-placement-type.js';
import { reasonEpisodeCeasedCodes } from './ssda903-reason-episode-ceased.js';
import { reasonNewEpisodeCodes } from './ssda903-reason-new-episode.js';
import { reasonPlacementChangeCodes } from './ssda903-reason-placement-change.js';
import { reviewParticipationCodes } from './ssda903-review-participation.js';

type Entry = { code: string; label: string; validFrom?: number; validTo?: number };
const shared = JSON.parse(readFileSync(new URL('../../../../shared/domain/codes.json', import.meta.url), 'utf8')) as {
  cin: Record<string, Entry[]>;
  ssda903: Record<string, Entry[]>;
  ssd_local_outcomes: Record<string, Entry[]>;
};

describe('the code lists of looked-after children and care leavers are copies of ../shared/domain/codes.json', () => {
  it.each([
    ['legalStatus', legalStatusCodes],
    ['reasonNewEpisode', reasonNewEpisodeCodes],
    ['placementType', placementTypeCodes],
    ['placementProvider', placementProviderCodes],
    ['reasonEpisodeCeased', reasonEpisodeCeasedCodes],
    ['reasonPlacementChange', reasonPlacementChangeCodes],
    ['missing', missingTypeCodes],
    ['reviewParticipation', reviewParticipationCodes],
    ['careLeaverInTouch', careLeaverInTouchCodes],
    ['careLeaverActivity', careLeaverActivityCodes],
    ['careLeaverAccommodationLetters', careLeaverAccommodationTypeCodes],
  ] as const)('ssda903 %s, with its validity years', (name, list) => {
    const copy = (entries: readonly Entry[]) => entries.map(({ code, label, validFrom, validTo }) => ({ code, label, validFrom, validTo }));
    expect(copy(list)).toEqual(copy(shared.ssda903[name] as Entry[]));
  });

  it('CIN primary need, and the SSD permanence plan and legal gateway lists', () => {
    const plain = (entries: readonly Entry[]) => entries.map(({ code, label }) => ({ code, label }));
    expect(plain(primaryNeedCodes)).toEqual(plain(shared.cin.primaryNeed as Entry[]));
    expect(plain(carePlanPermanenceCodes)).toEqual(plain(shared.ssd_local_outcomes.carePlanPermanence as Entry[]));
    expect(plain(legalGatewayOutcomeCodes)).toEqual(plain(shared.ssd_local_outcomes.preProceedingsLegalGatewayOutcome as Entry[]));
  });
});
