import type { IsoDate } from '../calendar/index.js';
import type { CaseworkProblem } from './problem.js';
import { spokenDate } from './spoken-date.js';

/** The child-in-need episode (the referral) the work belongs to. */
export interface EpisodeFacts {
  referralDate: IsoDate;
  closedOn: IsoDate | null;
}

/** The work must belong to an open episode and happen on or after its referral date, and not in the future. */
export function checkWithinEpisode(
  episode: EpisodeFacts | null | undefined,
  date: IsoDate,
  today: IsoDate,
  field: string,
  what: string,
): CaseworkProblem[] {
  if (!episode || episode.closedOn !== null) {
    return [
      { field: 'form', message: `The child has no open referral. ${what} is recorded against an open referral (child-in-need episode).` },
    ];
  }
  if (date > today) return [{ field, message: `The date of the ${what.toLowerCase()} cannot be in the future` }];
  if (date < episode.referralDate) {
    return [
      { field, message: `The date of the ${what.toLowerCase()} cannot be before the referral on ${spokenDate(episode.referralDate)}` },
    ];
  }
  return [];
}
