import { primaryNeedCodes } from '../../../codes/cin-primary-need.js';
import { isLegalStatusCode } from '../../../codes/ssda903-legal-status.js';
import { isPlacementProviderCode } from '../../../codes/ssda903-placement-provider.js';
import { placementTypeCodes } from '../../../codes/ssda903-placement-type.js';
import { isReasonEpisodeCeasedCode } from '../../../codes/ssda903-reason-episode-ceased.js';
import { isReasonNewEpisodeCode } from '../../../codes/ssda903-reason-new-episode.js';
import { isReasonPlacementChangeCode } from '../../../codes/ssda903-reason-placement-change.js';
import { isCodeValidInYear } from '../child-facts.js';
import { describeCollectionYear } from '../collection-year.js';
import { fromReturnDate } from '../return-date.js';
import { eachRow, type Ssda903Rule } from '../rule.js';

/** Category of need on an episode: the CIN primary needs N1-N8 (no N0 or N9). */
const categoriesOfNeed = primaryNeedCodes.map((c) => c.code).filter((code) => code !== 'N0' && code !== 'N9') as readonly string[];
/** Placements that take no provider: temporary ones other than T4, and the "other" placements. */
export const placementsWithoutProvider: readonly string[] = ['T0', 'T1', 'T2', 'T3', 'Z1', 'Z11', 'Z12', 'Z13', 'Z14'];
/** An Ofsted unique reference number: SC and 6 digits, or 7 digits; XXXXXXX where the provider has none. */
const URN = /^(SC\d{6}|\d{7}|XXXXXXX)$/;

/** A rule that a placement provider cannot go with some placement types. */
function providerNotWith(code: string, provider: string, placements: readonly string[], why: string): Ssda903Rule {
  return {
    code,
    severity: 'error',
    files: ['episodes'],
    description: `Placement provider ${provider} with placement ${placements.join('/')}`,
    check: (child) =>
      eachRow('episodes', child.episodeRows, ({ record }) =>
        record.PLACE_PROVIDER === provider && placements.includes(record.PLACE)
          ? `Placement provider ${provider} cannot go with placement type ${record.PLACE}: ${why}`
          : undefined,
      ),
  };
}

export const episodeFieldRules: readonly Ssda903Rule[] = [
  {
    code: '141',
    severity: 'error',
    files: ['episodes'],
    description: 'Episode start date (DECOM) not a valid date',
    check: (child) =>
      eachRow('episodes', child.episodeRows, ({ record }) =>
        fromReturnDate(record.DECOM) ? undefined : `Episode start date (DECOM) "${record.DECOM}" is not a valid date (DD/MM/YYYY)`,
      ),
  },
  {
    code: '143',
    severity: 'error',
    files: ['episodes'],
    description: 'Reason for new episode (RNE) invalid',
    check: (child) =>
      eachRow('episodes', child.episodeRows, ({ record }) =>
        isReasonNewEpisodeCode(record.RNE) ? undefined : `Reason for new episode (RNE) "${record.RNE}" is not a valid code`,
      ),
  },
  {
    code: '144',
    severity: 'error',
    files: ['episodes'],
    description: 'Legal status code invalid',
    check: (child) =>
      eachRow('episodes', child.episodeRows, ({ record }) =>
        isLegalStatusCode(record.LS) ? undefined : `Legal status (LS) "${record.LS}" is not a valid code`,
      ),
  },
  {
    code: '145',
    severity: 'error',
    files: ['episodes'],
    description: 'Category of need code invalid',
    check: (child) =>
      eachRow('episodes', child.episodeRows, ({ record }) =>
        categoriesOfNeed.includes(record.CIN) ? undefined : `Category of need (CIN) "${record.CIN}" is not valid: use N1 to N8`,
      ),
  },
  {
    code: '146',
    severity: 'error',
    files: ['episodes'],
    description: 'Placement type invalid for the collection year',
    check: (child, { collectionYear }) =>
      eachRow('episodes', child.episodeRows, ({ record }) =>
        isCodeValidInYear(placementTypeCodes, record.PLACE, collectionYear.year)
          ? undefined
          : `Placement type (PLACE) "${record.PLACE}" is not valid in ${describeCollectionYear(collectionYear.year)}`,
      ),
  },
  {
    code: '147',
    severity: 'error',
    files: ['episodes'],
    description: 'Episode end date (DEC) not a valid date',
    check: (child) =>
      eachRow('episodes', child.episodeRows, ({ record }) =>
        record.DEC === '' || fromReturnDate(record.DEC)
          ? undefined
          : `Episode end date (DEC) "${record.DEC}" is not a valid date (DD/MM/YYYY)`,
      ),
  },
  {
    code: '148',
    severity: 'error',
    files: ['episodes'],
    description: 'DEC and REC must both be present or both blank',
    check: (child) =>
      eachRow('episodes', child.episodeRows, ({ record }) =>
        record.DEC === '' && record.REC !== ''
          ? 'A reason the episode ceased (REC) is given but no end date (DEC)'
          : record.DEC !== '' && record.REC === ''
            ? 'The episode has an end date (DEC) but no reason it ceased (REC)'
            : undefined,
      ),
  },
  {
    code: '149',
    severity: 'error',
    files: ['episodes'],
    description: 'Reason episode ceased (REC) invalid',
    check: (child) =>
      eachRow('episodes', child.episodeRows, ({ record }) =>
        record.REC === '' || isReasonEpisodeCeasedCode(record.REC)
          ? undefined
          : `Reason episode ceased (REC) "${record.REC}" is not a valid code`,
      ),
  },
  {
    code: '178',
    severity: 'error',
    files: ['episodes'],
    description: 'Placement provider code invalid',
    check: (child) =>
      eachRow('episodes', child.episodeRows, ({ record }) =>
        record.PLACE_PROVIDER === '' || isPlacementProviderCode(record.PLACE_PROVIDER)
          ? undefined
          : `Placement provider (PLACE_PROVIDER) "${record.PLACE_PROVIDER}" is not a valid code`,
      ),
  },
  {
    code: '213',
    severity: 'error',
    files: ['episodes'],
    description: 'Placement provider not required for this placement type (T0-T3, Z1x)',
    check: (child) =>
      eachRow('episodes', child.episodeRows, ({ record }) =>
        record.PLACE_PROVIDER !== '' && placementsWithoutProvider.includes(record.PLACE)
          ? `Placement type ${record.PLACE} takes no placement provider, but ${record.PLACE_PROVIDER} is recorded`
          : undefined,
      ),
  },
  {
    code: '526',
    severity: 'error',
    files: ['episodes'],
    description: 'Placement provider missing for an episode',
    check: (child) =>
      eachRow('episodes', child.episodeRows, ({ record }) =>
        record.PLACE_PROVIDER === '' && record.PLACE !== '' && !placementsWithoutProvider.includes(record.PLACE)
          ? `Placement provider (PLACE_PROVIDER) is missing for placement type ${record.PLACE}`
          : undefined,
      ),
  },
  providerNotWith('527', 'PR1', ['P1', 'R2', 'R5'], 'these are not provided by the local authority itself'),
  providerNotWith('528', 'PR2', ['P1', 'R2', 'R5'], 'these are not provided by another local authority'),
  providerNotWith(
    '529',
    'PR3',
    ['P1', 'A3', 'A4', 'A5', 'A6', 'K1', 'K2', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6'],
    'these cannot be provided by another public body',
  ),
  providerNotWith('530', 'PR4', ['P1'], 'a placement with parents is not private provision'),
  providerNotWith('531', 'PR5', ['P1'], 'a placement with parents is not voluntary provision'),
  {
    code: '550',
    severity: 'error',
    files: ['episodes'],
    description: 'PR0 only allowed with P1',
    check: (child) =>
      eachRow('episodes', child.episodeRows, ({ record }) =>
        record.PLACE_PROVIDER === 'PR0' && record.PLACE !== 'P1'
          ? `Placement provider PR0 (parents) is only for placement type P1, not ${record.PLACE}`
          : undefined,
      ),
  },
  {
    code: '1008',
    severity: 'error',
    files: ['episodes'],
    description: 'Ofsted URN not valid',
    check: (child) =>
      eachRow('episodes', child.episodeRows, ({ record }) =>
        record.URN === '' || URN.test(record.URN) ? undefined : `URN "${record.URN}" is not valid: SC and 6 digits, 7 digits, or XXXXXXX`,
      ),
  },
  {
    code: '1009',
    severity: 'error',
    files: ['episodes'],
    description: 'Reason for placement change code invalid',
    check: (child) =>
      eachRow('episodes', child.episodeRows, ({ record }) =>
        record.REASON_PLACE_CHANGE === '' || isReasonPlacementChangeCode(record.REASON_PLACE_CHANGE)
          ? undefined
          : `Reason for placement change "${record.REASON_PLACE_CHANGE}" is not a valid code`,
      ),
  },
];
