import { isWeekend } from '../../../calendar/iso-date.js';
import type { CinChildRule } from '../rule.js';
import { episodesOf, isAfter, isBefore, isOngoingSection47, section47sOf } from './walk.js';

/** Working days from the strategy discussion to the initial conference (Working Together 2023). */
const INITIAL_CONFERENCE_WORKING_DAYS = 15;

export const section47Rules: readonly CinChildRule[] = [
  {
    code: '2889',
    severity: 'error',
    module: 'Section47',
    scope: 'child',
    message: 'Section 47 enquiry start date is before the referral date',
    *check(child, path) {
      for (const { item, path: at, episode } of section47sOf(child, path)) {
        if (isBefore(item.startDate, episode.referralDate)) yield { path: `${at}/S47ActualStartDate` };
      }
    },
  },
  {
    code: '8615',
    severity: 'error',
    module: 'Section47',
    scope: 'child',
    message: 'Section 47 enquiry start date is missing or after the initial conference date',
    *check(child, path) {
      for (const { item, path: at } of section47sOf(child, path)) {
        if (item.startDate === null || isAfter(item.startDate, item.initialConferenceDate)) yield { path: `${at}/S47ActualStartDate` };
      }
    },
  },
  {
    code: '8740',
    severity: 'error',
    module: 'Section47',
    scope: 'child',
    message: 'A section 47 enquiry with no initial conference by the end of the year must have started within the census year',
    *check(child, path, { period }) {
      for (const { item, path: at } of section47sOf(child, path)) {
        if (isOngoingSection47(item) && isBefore(item.startDate, period.start)) yield { path: `${at}/S47ActualStartDate` };
      }
    },
  },
  {
    code: '8675Q',
    severity: 'query',
    module: 'Section47',
    scope: 'child',
    message: `Section 47 enquiry started more than ${INITIAL_CONFERENCE_WORKING_DAYS} working days before the end of the year and has no initial conference date or "not required"`,
    *check(child, path, { period, dueAfterWorkingDays }) {
      for (const { item, path: at } of section47sOf(child, path)) {
        if (!isOngoingSection47(item) || item.startDate === null || item.startDate > period.referenceDate) continue;
        const due = dueAfterWorkingDays(item.startDate, INITIAL_CONFERENCE_WORKING_DAYS);
        if (due < period.referenceDate) {
          yield {
            path: `${at}/DateOfInitialCPC`,
            message: `Section 47 enquiry has no initial conference date or "not required", and the conference was due by ${due}`,
          };
        }
      }
    },
  },
  {
    code: '8839',
    severity: 'error',
    module: 'Section47',
    scope: 'child',
    message: 'More than one section 47 enquiry in the episode is still going on (no conference date, no "not required")',
    *check(child, path) {
      for (const { item, path: at } of episodesOf(child, path))
        if (item.section47s.filter(isOngoingSection47).length > 1) yield { path: at };
    },
  },
  {
    code: '8890',
    severity: 'error',
    module: 'Section47',
    scope: 'child',
    message: 'A new section 47 enquiry started while another was still going on',
    *check(child, path) {
      for (const { item, path: at, episode } of section47sOf(child, path)) {
        const start = item.startDate;
        if (start === null) continue;
        const overlapped = episode.section47s.some(
          (other) =>
            other !== item &&
            other.startDate !== null &&
            other.startDate < start &&
            (isOngoingSection47(other) || (other.initialConferenceDate !== null && other.initialConferenceDate > start)),
        );
        if (overlapped) yield { path: `${at}/S47ActualStartDate` };
      }
    },
  },
  {
    code: '2991Q',
    severity: 'query',
    module: 'Section47',
    scope: 'child',
    message: 'A section 47 enquiry is recorded but the episode has no assessment',
    *check(child, path) {
      for (const { item, path: at } of episodesOf(child, path))
        if (item.section47s.length > 0 && item.assessments.length === 0) yield { path: at };
    },
  },
  {
    code: '8868',
    severity: 'error',
    module: 'Section47',
    scope: 'child',
    message: 'The episode is closed but a section 47 enquiry has neither an initial conference date nor "conference not required"',
    *check(child, path) {
      for (const { item, path: at, episode } of section47sOf(child, path)) {
        if (episode.closureDate !== null && isOngoingSection47(item)) yield { path: at };
      }
    },
  },
  {
    code: '8870Q',
    severity: 'query',
    module: 'Section47',
    scope: 'child',
    message: 'Initial conference target date falls on a weekend',
    *check(child, path) {
      for (const { item, path: at } of section47sOf(child, path)) {
        if (item.initialConferenceTarget !== null && isWeekend(item.initialConferenceTarget)) yield { path: `${at}/InitialCPCtarget` };
      }
    },
  },
];
