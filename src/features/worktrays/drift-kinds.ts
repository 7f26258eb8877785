/**
 * The chronology entry kinds that count as seeing the child or overseeing the work, for the drift
 * detector: an open case with none of these for longer than the authority's drift period is
 * flagged. Features that record visits, management oversight or supervision write chronology
 * entries of exactly these kinds (see docs/clocks.md).
 */
export const DRIFT_RESETTING_CHRONOLOGY_KINDS = ['visit', 'management_oversight', 'supervision'] as const;

export type DriftResettingChronologyKind = (typeof DRIFT_RESETTING_CHRONOLOGY_KINDS)[number];
