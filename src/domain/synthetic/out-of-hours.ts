import type { CallAnswer } from '../out-of-hours/call-answer.js';
import type { CallbackResult } from '../out-of-hours/callback-results.js';
import type { CallerType } from '../out-of-hours/caller-types.js';
import type { Weighted } from './weighted-choice.js';

/*
 * The calls a synthetic authority's emergency duty team takes. ../shared/domain holds no national
 * figures for out-of-hours services (there is no national return), so every share here is a
 * modelling assumption, unverified [U], chosen to look like the call logs emergency duty teams
 * publish: busy evenings, quiet small hours, busier weekends, most calls answered within minutes.
 */

/** Calls a year for each child referred a year: sets the size of the service to the authority's. */
export const callsPerReferral = 0.5;

/**
 * How busy each hour of the day is while the service is open (weekday evenings and nights, all day
 * at weekends and on bank holidays), relative to the others; index 0 is midnight to 01:00.
 */
export const callsByHour: readonly number[] = [5, 4, 3, 2, 2, 2, 2, 3, 4, 4, 4, 4, 4, 4, 4, 5, 6, 9, 10, 10, 9, 8, 7, 6];

/** How busy each day of the week is (0 Sunday to 6 Saturday), relative to the others. */
export const callsByDayOfWeek: readonly number[] = [1.1, 0.9, 0.9, 0.9, 1, 1.2, 1.3];

export const callAnswers: readonly Weighted<CallAnswer>[] = [
  { value: 'answered', weight: 88 },
  { value: 'not_answered', weight: 7 },
  { value: 'abandoned', weight: 5 },
];

/** Mean seconds an answered call rang before it was answered, and the longest. */
export const meanSecondsToAnswer = 75;
export const longestSecondsToAnswer = 20 * 60;

/** Who rang, for answered calls (an unanswered caller is not known: `unknown`). */
export const answeredCallers: readonly Weighted<Exclude<CallerType, 'unknown'>>[] = [
  { value: 'police', weight: 34 },
  { value: 'parent_or_carer', weight: 18 },
  { value: 'foster_carer', weight: 12 },
  { value: 'health', weight: 10 },
  { value: 'other_professional', weight: 8 },
  { value: 'relative_or_friend', weight: 6 },
  { value: 'child', weight: 5 },
  { value: 'member_of_public', weight: 5 },
  { value: 'anonymous', weight: 2 },
];

/** Chance an answered call is about children already known to the authority (the others are described in words). */
export const callAboutKnownChildren = 0.45;

/** Call-back attempts to an unanswered or abandoned caller, in order. */
export const callbackAttempts: readonly Weighted<readonly CallbackResult[]>[] = [
  { value: ['reached'], weight: 45 },
  { value: ['no_answer', 'reached'], weight: 20 },
  { value: ['left_message'], weight: 15 },
  { value: ['no_answer'], weight: 10 },
  { value: [], weight: 10 },
];

/** Working days back from today within which some handovers are still waiting to be accepted, and the chance one is. */
export const recentHandoverWorkingDays = 10;
export const recentHandoverLeftWaiting = 0.1;
