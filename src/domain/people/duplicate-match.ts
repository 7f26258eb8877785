/** How alike an existing record is to the person about to be added. */
export interface MatchEvidence {
  /** Trigram similarity of the names, 0–1, best of the record's name and other names. */
  nameSimilarity: number;
  sameDateOfBirth: boolean;
  samePostcode: boolean;
}

/** Names this alike are the same name misspelt or reordered (Jon Smyth, Smith John). */
const closeName = 0.6;
/** Names this alike count when the date of birth also matches. */
const partlyAlikeName = 0.3;
/**
 * Names this alike count when the postcode also matches: higher, because brothers and sisters
 * share a surname and an address without being the same child.
 */
const alikeNameAtSameAddress = 0.45;

/**
 * Whether an existing record is likely to be the same person: a close name; a partly alike name
 * with the same date of birth; an alike name at the same postcode; or the same date of birth at
 * the same postcode.
 */
export function isLikelySamePerson(evidence: MatchEvidence): boolean {
  if (evidence.nameSimilarity >= closeName) return true;
  if (evidence.nameSimilarity >= partlyAlikeName && evidence.sameDateOfBirth) return true;
  if (evidence.nameSimilarity >= alikeNameAtSameAddress && evidence.samePostcode) return true;
  return evidence.sameDateOfBirth && evidence.samePostcode;
}

/** Orders likely matches: more matching facts first, then the closer name. */
export function matchScore(evidence: MatchEvidence): number {
  return evidence.nameSimilarity + (evidence.sameDateOfBirth ? 1 : 0) + (evidence.samePostcode ? 0.5 : 0);
}
