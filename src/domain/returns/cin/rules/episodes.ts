import { addCalendarDays } from '../../../calendar/date-arithmetic.js';
import { isWeekend } from '../../../calendar/iso-date.js';
import { isPrimaryNeedCode } from '../../../codes/cin-primary-need.js';
import { isReasonForClosureCode } from '../../../codes/cin-reason-for-closure.js';
import { isReferralSourceCode } from '../../../codes/cin-referral-source.js';
import type { CinChild, CinEpisode } from '../message.js';
import type { CinChildRule, CinFinding } from '../rule.js';
import {
  CLOSED_AFTER_ASSESSMENT,
  episodesOf,
  isAfter,
  isBefore,
  isOutsidePeriod,
  type Placed,
  section47sOf,
  spellsOverlap,
} from './walk.js';

/** Episodes that count as episodes of need: referrals not marked no further action. */
function episodesOfNeed(child: CinChild, childPath: string): Placed<CinEpisode>[] {
  return episodesOf(child, childPath).filter(({ item }) => item.referralNfa !== true);
}

/** Dated pieces of work recorded on an episode, with their paths (rule 8565). */
function* activityDates(episode: CinEpisode, path: string): Iterable<{ date: string; path: string }> {
  if (episode.initialConferenceDate) yield { date: episode.initialConferenceDate, path: `${path}/DateOfInitialCPC` };
  for (const [i, a] of episode.assessments.entries()) {
    const at = `${path}/Assessments[${i + 1}]`;
    if (a.startDate) yield { date: a.startDate, path: `${at}/AssessmentActualStartDate` };
    if (a.internalReviewDate) yield { date: a.internalReviewDate, path: `${at}/AssessmentInternalReviewDate` };
    if (a.authorisationDate) yield { date: a.authorisationDate, path: `${at}/AssessmentAuthorisationDate` };
  }
  for (const [i, plan] of episode.cinPlans.entries()) {
    const at = `${path}/CINPlanDates[${i + 1}]`;
    if (plan.startDate) yield { date: plan.startDate, path: `${at}/CINPlanStartDate` };
    if (plan.endDate) yield { date: plan.endDate, path: `${at}/CINPlanEndDate` };
  }
  for (const [i, enquiry] of episode.section47s.entries()) {
    const at = `${path}/Section47[${i + 1}]`;
    if (enquiry.startDate) yield { date: enquiry.startDate, path: `${at}/S47ActualStartDate` };
    if (enquiry.initialConferenceDate) yield { date: enquiry.initialConferenceDate, path: `${at}/DateOfInitialCPC` };
  }
  for (const [i, plan] of episode.cpPlans.entries()) {
    const at = `${path}/ChildProtectionPlans[${i + 1}]`;
    if (plan.startDate) yield { date: plan.startDate, path: `${at}/CPPstartDate` };
    if (plan.endDate) yield { date: plan.endDate, path: `${at}/CPPendDate` };
    for (const [r, review] of plan.reviewDates.entries()) if (review) yield { date: review, path: `${at}/Reviews/CPPreviewDate[${r + 1}]` };
  }
}

export const episodeRules: readonly CinChildRule[] = [
  {
    code: '8590',
    severity: 'error',
    module: 'CINdetails',
    scope: 'child',
    message: 'Child has no CIN details (episode)',
    *check(child, path) {
      if (child.episodes.length === 0) yield { path };
    },
  },
  {
    code: '8600',
    severity: 'error',
    module: 'CINdetails',
    scope: 'child',
    message: 'Referral date is missing or after the end of the census year',
    *check(child, path, { period }) {
      for (const { item, path: at } of episodesOf(child, path)) {
        if (item.referralDate === null || item.referralDate > period.referenceDate) yield { path: `${at}/CINreferralDate` };
      }
    },
  },
  {
    code: '8606',
    severity: 'error',
    module: 'CINdetails',
    scope: 'child',
    message: 'Referral date is more than 40 weeks before the date of birth (or expected date of birth)',
    *check(child, path) {
      const birth = child.birthDate ?? child.expectedBirthDate;
      if (birth === null) return;
      const earliest = addCalendarDays(birth, -7 * 40);
      for (const { item, path: at } of episodesOf(child, path))
        if (isBefore(item.referralDate, earliest)) yield { path: `${at}/CINreferralDate` };
    },
  },
  {
    code: '8555Q',
    severity: 'query',
    module: 'CINdetails',
    scope: 'child',
    message: "Referral date is after the child's date of death",
    *check(child, path) {
      for (const { item, path: at } of episodesOf(child, path))
        if (isAfter(item.referralDate, child.deathDate)) yield { path: `${at}/CINreferralDate` };
    },
  },
  {
    code: '8866',
    severity: 'error',
    module: 'CINdetails',
    scope: 'child',
    message: 'Referral source is missing or not a valid code',
    *check(child, path) {
      for (const { item, path: at } of episodesOf(child, path)) {
        if (item.referralSource === null || !isReferralSourceCode(item.referralSource)) yield { path: `${at}/ReferralSource` };
      }
    },
  },
  {
    code: '8568',
    severity: 'error',
    module: 'CINdetails',
    scope: 'child',
    message: 'ReferralNFA is missing or not true, false, 1 or 0',
    *check(child, path) {
      for (const { item, path: at } of episodesOf(child, path)) if (item.referralNfa === null) yield { path: `${at}/ReferralNFA` };
    },
  },
  {
    code: '8569Q',
    severity: 'query',
    module: 'CINdetails',
    scope: 'child',
    message: 'A referral made more than 1 working day before the start of the census year should not be marked no further action',
    *check(child, path, { earliestNfaReferralDate }) {
      for (const { item, path: at } of episodesOf(child, path)) {
        if (item.referralNfa === true && isBefore(item.referralDate, earliestNfaReferralDate)) yield { path: `${at}/ReferralNFA` };
      }
    },
  },
  {
    code: '8610',
    severity: 'error',
    module: 'CINdetails',
    scope: 'child',
    message: 'Primary need code is missing for a referral that went on to further action',
    *check(child, path) {
      for (const { item, path: at } of episodesOf(child, path)) {
        if (item.referralNfa === false && item.primaryNeed === null) yield { path: `${at}/PrimaryNeedCode` };
      }
    },
  },
  {
    code: '8650',
    severity: 'error',
    module: 'CINdetails',
    scope: 'child',
    message: 'Primary need code is not a valid code',
    *check(child, path) {
      for (const { item, path: at } of episodesOf(child, path)) {
        if (item.primaryNeed !== null && !isPrimaryNeedCode(item.primaryNeed)) yield { path: `${at}/PrimaryNeedCode` };
      }
    },
  },
  {
    code: '8620',
    severity: 'error',
    module: 'CINdetails',
    scope: 'child',
    message: 'Closure date is outside the census year',
    *check(child, path, { period }) {
      for (const { item, path: at } of episodesOf(child, path))
        if (isOutsidePeriod(item.closureDate, period)) yield { path: `${at}/CINclosureDate` };
    },
  },
  {
    code: '8630',
    severity: 'error',
    module: 'CINdetails',
    scope: 'child',
    message: 'Closure date is before the referral date',
    *check(child, path) {
      for (const { item, path: at } of episodesOf(child, path))
        if (isBefore(item.closureDate, item.referralDate)) yield { path: `${at}/CINclosureDate` };
    },
  },
  {
    code: '8640',
    severity: 'error',
    module: 'CINdetails',
    scope: 'child',
    message: 'Reason for closure is not a valid code',
    *check(child, path) {
      for (const { item, path: at } of episodesOf(child, path)) {
        if (item.reasonForClosure !== null && !isReasonForClosureCode(item.reasonForClosure)) yield { path: `${at}/ReasonForClosure` };
      }
    },
  },
  {
    code: '8805',
    severity: 'error',
    module: 'CINdetails',
    scope: 'child',
    message: 'Closure date is recorded without a reason for closure',
    *check(child, path) {
      for (const { item, path: at } of episodesOf(child, path)) {
        if (item.closureDate !== null && item.reasonForClosure === null) yield { path: `${at}/ReasonForClosure` };
      }
    },
  },
  {
    code: '8810',
    severity: 'error',
    module: 'CINdetails',
    scope: 'child',
    message: 'Reason for closure is recorded without a closure date',
    *check(child, path) {
      for (const { item, path: at } of episodesOf(child, path)) {
        if (item.reasonForClosure !== null && item.closureDate === null) yield { path: `${at}/CINclosureDate` };
      }
    },
  },
  {
    code: '8585Q',
    severity: 'query',
    module: 'CINdetails',
    scope: 'child',
    message: 'Reason for closure is RC2 (died) but there is no date of death',
    *check(child, path) {
      for (const { item, path: at } of episodesOf(child, path)) {
        if (item.reasonForClosure === 'RC2' && child.deathDate === null) yield { path: `${at}/ReasonForClosure` };
      }
    },
  },
  {
    code: '8815',
    severity: 'error',
    module: 'CINdetails',
    scope: 'child',
    message: 'More than one CIN episode is open (no closure date, not no further action)',
    *check(child, path) {
      const open = episodesOfNeed(child, path).filter(({ item }) => item.closureDate === null);
      if (open.length > 1) yield { path };
    },
  },
  {
    code: '8816',
    severity: 'error',
    module: 'CINdetails',
    scope: 'child',
    message: 'An open CIN episode is not the latest episode',
    *check(child, path) {
      const episodes = episodesOf(child, path);
      for (const { item, path: at } of episodesOfNeed(child, path)) {
        if (item.closureDate !== null) continue;
        if (episodes.some(({ item: other }) => other !== item && isAfter(other.referralDate, item.referralDate))) yield { path: at };
      }
    },
  },
  {
    code: '8820',
    severity: 'error',
    module: 'CINdetails',
    scope: 'child',
    message: 'CIN episodes overlap: a referral starts before the previous episode was closed',
    *check(child, path) {
      const episodes = episodesOfNeed(child, path)
        .filter(({ item }) => item.referralDate !== null)
        .sort((a, b) => (a.item.referralDate as string).localeCompare(b.item.referralDate as string));
      for (let i = 1; i < episodes.length; i += 1) {
        const previous = (episodes[i - 1] as Placed<CinEpisode>).item;
        const current = episodes[i] as Placed<CinEpisode>;
        if (
          spellsOverlap(
            previous.referralDate as string,
            previous.closureDate,
            current.item.referralDate as string,
            current.item.closureDate,
          )
        ) {
          yield { path: `${current.path}/CINreferralDate` };
        }
      }
    },
  },
  {
    code: '8565',
    severity: 'error',
    module: 'CINdetails',
    scope: 'child',
    message: 'Activity is recorded after the episode was closed',
    *check(child, path) {
      for (const { item, path: at } of episodesOf(child, path)) {
        if (item.closureDate === null) continue;
        const closed = item.closureDate;
        for (const activity of activityDates(item, at)) if (activity.date > closed) yield { path: activity.path };
      }
    },
  },
  {
    code: '8831',
    severity: 'error',
    module: 'CINdetails',
    scope: 'child',
    message: 'Activity (assessment, CIN plan, section 47 or conference) is recorded on a referral marked no further action',
    *check(child, path) {
      for (const { item, path: at } of episodesOf(child, path)) {
        if (item.referralNfa !== true) continue;
        if (item.assessments.length > 0 || item.cinPlans.length > 0 || item.section47s.length > 0 || item.initialConferenceDate !== null) {
          yield { path: at };
        }
      }
    },
  },
  {
    code: '2990',
    severity: 'error',
    module: 'CINdetails',
    scope: 'child',
    message: 'Activity beyond the assessment is recorded on an episode closed after assessment (RC8 or RC9)',
    *check(child, path) {
      for (const { item, path: at } of episodesOf(child, path)) {
        if (item.reasonForClosure === null || !CLOSED_AFTER_ASSESSMENT.has(item.reasonForClosure)) continue;
        if (item.cinPlans.length > 0 || item.section47s.length > 0 || item.cpPlans.length > 0 || item.initialConferenceDate !== null) {
          yield { path: at };
        }
      }
    },
  },
  {
    code: '8825Q',
    severity: 'query',
    module: 'CINdetails',
    scope: 'child',
    message: 'Episode closed after assessment (RC8 or RC9) has no assessment',
    *check(child, path) {
      for (const { item, path: at } of episodesOf(child, path)) {
        if (item.reasonForClosure !== null && CLOSED_AFTER_ASSESSMENT.has(item.reasonForClosure) && item.assessments.length === 0) {
          yield { path: `${at}/ReasonForClosure` };
        }
      }
    },
  },
  {
    code: '8873Q',
    severity: 'query',
    module: 'CINdetails',
    scope: 'child',
    message: 'The only assessment found no factors (21), so the episode should close as RC8 or RC9',
    *check(child, path) {
      for (const { item, path: at } of episodesOf(child, path)) {
        const only = item.assessments.length === 1 ? item.assessments[0] : undefined;
        const noFactors = only !== undefined && only.factors.length === 1 && only.factors[0] === '21';
        if (noFactors && !(item.reasonForClosure !== null && CLOSED_AFTER_ASSESSMENT.has(item.reasonForClosure))) yield { path: at };
      }
    },
  },
  {
    code: '1104',
    severity: 'error',
    module: 'CINdetails',
    scope: 'child',
    message: 'Initial child protection conference date is before the referral date',
    *check(child, path) {
      for (const { item, path: at } of episodesOf(child, path)) {
        if (isBefore(item.initialConferenceDate, item.referralDate)) yield { path: `${at}/DateOfInitialCPC` };
      }
    },
  },
  {
    code: '2884',
    severity: 'error',
    module: 'CINdetails/Section47',
    scope: 'child',
    message: 'Initial conference is recorded on the episode and on a section 47 enquiry: record it once',
    *check(child, path) {
      for (const { item, path: at } of episodesOf(child, path)) {
        if (item.initialConferenceDate !== null && item.section47s.some((s) => s.initialConferenceDate !== null))
          yield { path: `${at}/DateOfInitialCPC` };
      }
    },
  },
  {
    code: '8715',
    severity: 'error',
    module: 'CINdetails/Section47',
    scope: 'child',
    message: 'Initial child protection conference date is outside the census year',
    *check(child, path, { period }) {
      yield* conferenceDates(child, path, (date) => isOutsidePeriod(date, period));
    },
  },
  {
    code: '8875',
    severity: 'error',
    module: 'CINdetails/Section47',
    scope: 'child',
    message: 'Initial child protection conference date falls on a weekend',
    *check(child, path) {
      yield* conferenceDates(child, path, isWeekend);
    },
  },
];

/** Conference dates on the episode and on its section 47 enquiries that meet `fails`. */
function* conferenceDates(child: CinChild, path: string, fails: (date: string) => boolean): Iterable<CinFinding> {
  for (const { item, path: at } of episodesOf(child, path)) {
    if (item.initialConferenceDate !== null && fails(item.initialConferenceDate)) yield { path: `${at}/DateOfInitialCPC` };
  }
  for (const { item, path: at } of section47sOf(child, path)) {
    if (item.initialConferenceDate !== null && fails(item.initialConferenceDate)) yield { path: `${at}/DateOfInitialCPC` };
  }
}
