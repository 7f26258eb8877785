import type { IsoDate } from '../calendar/index.js';
import { checkWithinEpisode, type EpisodeFacts } from './episode.js';
import type { CaseworkProblem } from './problem.js';
import { spokenDate } from './spoken-date.js';

/** A strategy discussion: on an open referral, not before it, not in the future, with the agencies that took part. */
export function checkStrategyDiscussion(input: {
  episode: EpisodeFacts | null | undefined;
  heldOn: IsoDate;
  today: IsoDate;
  agencies: readonly string[];
  openEnquiry: boolean;
  startsEnquiry: boolean;
}): CaseworkProblem[] {
  const problems = checkWithinEpisode(input.episode, input.heldOn, input.today, 'heldOn', 'Strategy discussion');
  if (input.agencies.length === 0) problems.push({ field: 'agencies', message: 'Select the agencies that took part' });
  if (input.startsEnquiry && input.openEnquiry) {
    problems.push({ field: 'decision', message: 'A section 47 enquiry is already open: record its outcome before starting another' });
  }
  return problems;
}

/**
 * The outcome of a section 47 enquiry: once, not before the enquiry started (the strategy
 * discussion, CIN census S47ActualStartDate), and not in the future.
 */
export function checkSection47Outcome(input: {
  startedOn: IsoDate;
  completedOn: IsoDate;
  today: IsoDate;
  outcomeRecorded: boolean;
}): CaseworkProblem[] {
  if (input.outcomeRecorded) return [{ field: 'form', message: 'The outcome of this enquiry has already been recorded.' }];
  if (input.completedOn > input.today) return [{ field: 'completedOn', message: 'The date the enquiry finished cannot be in the future' }];
  if (input.completedOn < input.startedOn) {
    return [{ field: 'completedOn', message: `The enquiry cannot finish before it started on ${spokenDate(input.startedOn)}` }];
  }
  return [];
}
