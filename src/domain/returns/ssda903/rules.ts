import type { Ssda903Rule } from './rule.js';
import { adoptionRules } from './rules/adoption.js';
import { deprivationOfLibertyRules } from './rules/deprivation-of-liberty.js';
import { episodeAgeRules } from './rules/episode-ages.js';
import { episodeFieldRules } from './rules/episode-fields.js';
import { episodeLegalStatusRules } from './rules/episode-legal-status.js';
import { episodePlacementRules } from './rules/episode-placements.js';
import { episodeSequenceRules } from './rules/episode-sequence.js';
import { headerRules } from './rules/header.js';
import { lastYearRules } from './rules/last-year.js';
import { missingRules } from './rules/missing.js';
import { oc2Rules } from './rules/oc2.js';
import { oc3Rules } from './rules/oc3.js';
import { previousPermanenceRules } from './rules/previous-permanence.js';
import { reviewRules } from './rules/reviews.js';
import { socialWorkerEpisodeRules } from './rules/social-worker-episodes.js';
import { uascRules } from './rules/uasc.js';

/** Every SSDA903 validation rule Hearth checks, as one table for the evaluator. */
export const ssda903Rules: readonly Ssda903Rule[] = [
  ...headerRules,
  ...uascRules,
  ...episodeFieldRules,
  ...episodeSequenceRules,
  ...episodeAgeRules,
  ...episodeLegalStatusRules,
  ...episodePlacementRules,
  ...reviewRules,
  ...oc2Rules,
  ...oc3Rules,
  ...adoptionRules,
  ...previousPermanenceRules,
  ...missingRules,
  ...socialWorkerEpisodeRules,
  ...deprivationOfLibertyRules,
  ...lastYearRules,
];
