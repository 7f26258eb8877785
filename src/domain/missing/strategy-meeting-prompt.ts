import { addCalendarDays, type IsoDate } from '../calendar/index.js';

/** Exploitation risk levels, lowest first. */
export const exploitationRiskLevels = ['none', 'low', 'medium', 'high'] as const;
export type ExploitationRiskLevel = (typeof exploitationRiskLevels)[number];

export function isExploitationRiskLevel(value: string): value is ExploitationRiskLevel {
  return (exploitationRiskLevels as readonly string[]).includes(value);
}

/** How many missing episodes within how many days should prompt a strategy meeting (an authority's setting). */
export interface RepeatMissingThreshold {
  episodes: number;
  days: number;
}

/** One screening's risk levels, sexual and criminal. */
export interface ExploitationRisk {
  sexual: ExploitationRiskLevel;
  criminal: ExploitationRiskLevel;
}

const rank = (level: ExploitationRiskLevel) => exploitationRiskLevels.indexOf(level);

/**
 * Missing episodes (not "away without authorisation") that started within the threshold's days up
 * to and including `onDate`; when there are at least the threshold's number, a strategy meeting
 * should be considered. Returns the count when the threshold is reached, otherwise null.
 */
export function repeatedMissing(
  episodes: readonly { kind: 'M' | 'A'; startedOn: IsoDate }[],
  onDate: IsoDate,
  threshold: RepeatMissingThreshold,
): number | null {
  const from = addCalendarDays(onDate, -(threshold.days - 1));
  const count = episodes.filter((e) => e.kind === 'M' && e.startedOn >= from && e.startedOn <= onDate).length;
  return count >= threshold.episodes ? count : null;
}

/**
 * The kinds of exploitation whose risk a new screening raised to medium or high: higher than the
 * previous screening said, or medium or high at a first screening.
 */
export function riskRaised(previous: ExploitationRisk | null, current: ExploitationRisk): ('sexual' | 'criminal')[] {
  return (['sexual', 'criminal'] as const).filter(
    (kind) => rank(current[kind]) >= rank('medium') && (previous === null || rank(current[kind]) > rank(previous[kind])),
  );
}
