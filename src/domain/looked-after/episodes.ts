import type { IsoDate } from '../calendar/index.js';
import type { ReasonNewEpisodeCode } from '../codes/ssda903-reason-new-episode.js';
import {
  type CareHistory,
  inForceAtEndOf,
  isTemporaryPlacement,
  type LegalStatusSpell,
  type PeriodOfCare,
  type PlacementSpell,
} from './care-history.js';

/** One SSDA903 episode: a continuous stretch with the same legal status and the same placement. */
export interface CareEpisode {
  periodOfCareId: string;
  legalStatusId: string;
  placementId: string;
  /** DECOM */
  startedOn: IsoDate;
  /** RNE */
  reasonNewEpisode: ReasonNewEpisodeCode;
  /** LS */
  legalStatus: string;
  /** CIN: the category of need at the start of the period of care (rule 504). */
  categoryOfNeed: string;
  /** PLACE */
  placementType: string;
  /** PLACE_PROVIDER */
  provider: string | null;
  /** DEC: null while the episode is open. */
  endedOn: IsoDate | null;
  /** REC: X1 when a new episode follows the same day; the period's E code when care ended. */
  reasonCeased: string | null;
  /** REASON_PLACE_CHANGE: on an episode that ends because the child moved (not a temporary placement). */
  reasonPlacementChange: string | null;
  /** HOME_POST */
  homePostcode: string | null;
  /** PL_POST */
  placementPostcode: string | null;
  urn: string | null;
}

const sameCarer = (a: PlacementSpell, b: PlacementSpell): boolean => {
  const name = (p: PlacementSpell) => p.carerName?.trim().replace(/\s+/g, ' ').toLowerCase() ?? '';
  return name(a) !== '' && name(a) === name(b);
};

function reasonForNewEpisode(
  previous: { legalStatus: LegalStatusSpell; placement: PlacementSpell },
  next: { legalStatus: LegalStatusSpell; placement: PlacementSpell },
): ReasonNewEpisodeCode | null {
  const legalStatusChanged = previous.legalStatus.legalStatus !== next.legalStatus.legalStatus;
  const placementChanged = previous.placement.id !== next.placement.id;
  if (!legalStatusChanged && !placementChanged) return null;
  if (!placementChanged) return 'L';
  const carerStayed = sameCarer(previous.placement, next.placement);
  if (legalStatusChanged) return carerStayed ? 'U' : 'B';
  return carerStayed ? 'T' : 'P';
}

function episodesOfPeriod(period: PeriodOfCare, history: CareHistory): CareEpisode[] {
  const legalStatuses = history.legalStatuses.filter((s) => s.periodOfCareId === period.id);
  const placements = history.placements.filter((p) => p.periodOfCareId === period.id);
  const inPeriod = (day: IsoDate) => day >= period.startedOn && (period.endedOn === null || day < period.endedOn);
  const changeDays = [
    ...new Set(
      [
        period.startedOn,
        ...[...legalStatuses, ...placements].flatMap((s) => (s.endedOn ? [s.startedOn, s.endedOn] : [s.startedOn])),
      ].filter(inPeriod),
    ),
  ].sort();

  const episodes: CareEpisode[] = [];
  let current: { legalStatus: LegalStatusSpell; placement: PlacementSpell } | null = null;
  for (const day of changeDays) {
    const legalStatus = legalStatuses.find((s) => inForceAtEndOf(s, day));
    const placement = placements.find((p) => inForceAtEndOf(p, day));
    if (!legalStatus || !placement) continue;
    const next = { legalStatus, placement };
    const reason: ReasonNewEpisodeCode | null = current === null ? 'S' : reasonForNewEpisode(current, next);
    if (reason === null) continue;
    const previous = episodes.at(-1);
    if (previous) {
      previous.endedOn = day;
      previous.reasonCeased = 'X1';
      const moved = reason !== 'L';
      previous.reasonPlacementChange =
        moved && !isTemporaryPlacement(previous.placementType) && current ? current.placement.reasonForChange : null;
    }
    episodes.push({
      periodOfCareId: period.id,
      legalStatusId: legalStatus.id,
      placementId: placement.id,
      startedOn: day,
      reasonNewEpisode: reason,
      legalStatus: legalStatus.legalStatus,
      categoryOfNeed: period.categoryOfNeed,
      placementType: placement.placementType,
      provider: placement.provider,
      endedOn: null,
      reasonCeased: null,
      reasonPlacementChange: null,
      homePostcode: period.homePostcode,
      placementPostcode: placement.postcode,
      urn: placement.urn,
    });
    current = next;
  }
  const last = episodes.at(-1);
  if (last && period.endedOn) {
    last.endedOn = period.endedOn;
    last.reasonCeased = period.reasonCeased;
  }
  return episodes;
}

/**
 * The SSDA903 episodes of a child's care history. A new episode starts whenever the legal status,
 * the placement, or both change; its reason (RNE) says which, and whether the carer stayed the
 * same (T, U). Only what is in force at the end of a day counts, so several changes on one day
 * make one episode and a placement that began and ended the same day makes none. Within a period
 * of care each episode ends the day the next begins (REC X1); the last ends with the period and
 * takes its reason ceased. Expects a history that passes `checkCareHistory`.
 */
export function deriveEpisodes(history: CareHistory): CareEpisode[] {
  return [...history.periods].sort((a, b) => a.startedOn.localeCompare(b.startedOn)).flatMap((period) => episodesOfPeriod(period, history));
}

/** The collection year (the year ending 31 March) that a date falls in: 2025 = 1 April 2024 to 31 March 2025. */
export function collectionYearOf(date: IsoDate): number {
  const year = Number(date.slice(0, 4));
  return date.slice(5) >= '04-01' ? year + 1 : year;
}

/**
 * The episodes as the SSDA903 return for one collection year sees them: those open at any time
 * from 1 April to 31 March, and an episode that ended after 31 March is still open at the year end
 * (no end date, reason ceased or reason for placement change).
 */
export function episodesInCollectionYear(episodes: readonly CareEpisode[], collectionYear: number): CareEpisode[] {
  const yearStart = `${collectionYear - 1}-04-01`;
  const yearEnd = `${collectionYear}-03-31`;
  return episodes
    .filter((e) => e.startedOn <= yearEnd && (e.endedOn === null || e.endedOn >= yearStart))
    .map((e) => (e.endedOn !== null && e.endedOn > yearEnd ? { ...e, endedOn: null, reasonCeased: null, reasonPlacementChange: null } : e));
}
