import type { IsoDate } from '../../calendar/iso-date.js';
import type { Ssda903CollectionYear } from './collection-year.js';

/**
 * A child's social work allocation as Hearth records it: the worker named (null while the team
 * looks for one), their Social Work England registration number when recorded, and why the
 * worker changed to this one (SW_REASON code).
 */
export interface SocialWorkerAllocation {
  startedOn: IsoDate;
  endedOn: IsoDate | null;
  staffId: string | null;
  registrationNumber: string | null;
  changeReason: string | null;
}

/** One social worker episode (SWEpisodes line): one worker without a break, as the year saw it. */
export interface SocialWorkerEpisode {
  /** SW_ID: the registration number, or `unregisteredSocialWorkerId`. */
  socialWorkerId: string;
  startedOn: IsoDate;
  /** Null when the episode was still open on 31 March. */
  endedOn: IsoDate | null;
  changeReason: string | null;
}

/**
 * SW_ID for a time with no registered social worker: the specification allows an ID beginning
 * "XX" (rule SW02) where there is no Social Work England number, and Hearth writes it when the
 * worker's number is not recorded or no worker was named (the child was allocated to a team only).
 */
export const unregisteredSocialWorkerId = 'XXXXXX';

/**
 * The child's social worker episodes in the collection year, from their social work
 * allocations: each allocation open on any day of the year, in date order, with one worker's
 * consecutive allocations (a move between teams with the same worker) joined into one episode.
 * An allocation that started and ended on the same day (a correction) is no episode. An episode
 * keeps its real start, even before 1 April; one ending after 31 March is written open.
 */
export function socialWorkerEpisodesInYear(
  allocations: readonly SocialWorkerAllocation[],
  year: Ssda903CollectionYear,
): SocialWorkerEpisode[] {
  const inYear = [...allocations]
    .filter(
      (a) => (a.endedOn === null || a.endedOn > a.startedOn) && a.startedOn <= year.end && (a.endedOn === null || a.endedOn > year.start),
    )
    .sort((a, b) => a.startedOn.localeCompare(b.startedOn));
  const joined: SocialWorkerAllocation[] = [];
  for (const allocation of inYear) {
    const last = joined[joined.length - 1];
    if (last && last.staffId === allocation.staffId && last.endedOn === allocation.startedOn) {
      joined[joined.length - 1] = { ...last, endedOn: allocation.endedOn };
    } else {
      joined.push(allocation);
    }
  }
  return joined.map((a) => ({
    socialWorkerId: a.registrationNumber ?? unregisteredSocialWorkerId,
    startedOn: a.startedOn,
    endedOn: a.endedOn !== null && a.endedOn <= year.end ? a.endedOn : null,
    changeReason: a.changeReason,
  }));
}
