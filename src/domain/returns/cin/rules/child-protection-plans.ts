import { isCategoryOfAbuseCode } from '../../../codes/cin-category-of-abuse.js';
import type { ChildProtectionPlan } from '../message.js';
import type { CinChildRule } from '../rule.js';
import { cpPlansOf, episodesOf, initialConferenceDates, isAfter, isBefore, isOutsidePeriod, type Placed, spellsOverlap } from './walk.js';

function datedPlans(plans: Placed<ChildProtectionPlan>[]): (Placed<ChildProtectionPlan> & { start: string })[] {
  return plans.flatMap((plan) => (plan.item.startDate === null ? [] : [{ ...plan, start: plan.item.startDate }]));
}

export const childProtectionPlanRules: readonly CinChildRule[] = [
  {
    code: '1105',
    severity: 'error',
    module: 'ChildProtectionPlans',
    scope: 'child',
    message: 'Child protection plan start date is before the referral date',
    *check(child, path) {
      for (const { item, path: at, episode } of cpPlansOf(child, path)) {
        if (isBefore(item.startDate, episode.referralDate)) yield { path: `${at}/CPPstartDate` };
      }
    },
  },
  {
    code: '8720',
    severity: 'error',
    module: 'ChildProtectionPlans',
    scope: 'child',
    message: 'Child protection plan start date is missing or after the end of the census year',
    *check(child, path, { period }) {
      for (const { item, path: at } of cpPlansOf(child, path)) {
        if (item.startDate === null || item.startDate > period.referenceDate) yield { path: `${at}/CPPstartDate` };
      }
    },
  },
  {
    code: '8730',
    severity: 'error',
    module: 'ChildProtectionPlans',
    scope: 'child',
    message: 'Number of previous child protection plans is missing',
    *check(child, path) {
      for (const { item, path: at } of cpPlansOf(child, path))
        if (item.numberOfPreviousPlans === null) yield { path: `${at}/NumberOfPreviousCPP` };
    },
  },
  {
    code: '8905',
    severity: 'error',
    module: 'ChildProtectionPlans',
    scope: 'child',
    message: 'Initial category of abuse is missing or not a valid code',
    *check(child, path) {
      for (const { item, path: at } of cpPlansOf(child, path)) {
        if (item.initialCategory === null || !isCategoryOfAbuseCode(item.initialCategory)) yield { path: `${at}/InitialCategoryOfAbuse` };
      }
    },
  },
  {
    code: '8910',
    severity: 'error',
    module: 'ChildProtectionPlans',
    scope: 'child',
    message: 'Latest category of abuse is missing or not a valid code',
    *check(child, path) {
      for (const { item, path: at } of cpPlansOf(child, path)) {
        if (item.latestCategory === null || !isCategoryOfAbuseCode(item.latestCategory)) yield { path: `${at}/LatestCategoryOfAbuse` };
      }
    },
  },
  {
    code: '8832',
    severity: 'error',
    module: 'ChildProtectionPlans',
    scope: 'child',
    message: 'Child protection plan is recorded on a referral marked no further action',
    *check(child, path) {
      for (const { path: at, episode } of cpPlansOf(child, path)) if (episode.referralNfa === true) yield { path: at };
    },
  },
  {
    code: '8840',
    severity: 'error',
    module: 'ChildProtectionPlans',
    scope: 'child',
    message: 'Child protection plan starts and ends on the same day',
    *check(child, path) {
      for (const { item, path: at } of cpPlansOf(child, path)) {
        if (item.startDate !== null && item.startDate === item.endDate) yield { path: `${at}/CPPendDate` };
      }
    },
  },
  {
    code: '8925',
    severity: 'error',
    module: 'ChildProtectionPlans',
    scope: 'child',
    message: 'Child protection plan end date is before its start date',
    *check(child, path) {
      for (const { item, path: at } of cpPlansOf(child, path))
        if (isBefore(item.endDate, item.startDate)) yield { path: `${at}/CPPendDate` };
    },
  },
  {
    code: '8930',
    severity: 'error',
    module: 'ChildProtectionPlans',
    scope: 'child',
    message: 'Child protection plan end date is outside the census year',
    *check(child, path, { period }) {
      for (const { item, path: at } of cpPlansOf(child, path))
        if (isOutsidePeriod(item.endDate, period)) yield { path: `${at}/CPPendDate` };
    },
  },
  {
    code: '8915',
    severity: 'error',
    module: 'ChildProtectionPlans',
    scope: 'child',
    message: "Child protection plan starts after the child's date of death",
    *check(child, path) {
      for (const { item, path: at } of cpPlansOf(child, path))
        if (isAfter(item.startDate, child.deathDate)) yield { path: `${at}/CPPstartDate` };
    },
  },
  {
    code: '8920',
    severity: 'error',
    module: 'ChildProtectionPlans',
    scope: 'child',
    message: "Child protection plan ends after the child's date of death",
    *check(child, path) {
      for (const { item, path: at } of cpPlansOf(child, path))
        if (isAfter(item.endDate, child.deathDate)) yield { path: `${at}/CPPendDate` };
    },
  },
  {
    code: '8935',
    severity: 'error',
    module: 'ChildProtectionPlans',
    scope: 'child',
    message: 'More than one child protection plan is open (no end date)',
    *check(child, path) {
      if (cpPlansOf(child, path).filter(({ item }) => item.endDate === null).length > 1) yield { path };
    },
  },
  {
    code: '8940',
    severity: 'error',
    module: 'ChildProtectionPlans',
    scope: 'child',
    message: 'Child protection plans overlap',
    *check(child, path) {
      const plans = datedPlans(cpPlansOf(child, path)).sort((a, b) => a.start.localeCompare(b.start));
      for (const [i, plan] of plans.entries()) {
        const earlier = plans.slice(0, i);
        if (earlier.some((other) => spellsOverlap(other.start, other.item.endDate, plan.start, plan.item.endDate)))
          yield { path: `${plan.path}/CPPstartDate` };
      }
    },
  },
  {
    code: '2883',
    severity: 'error',
    module: 'ChildProtectionPlans',
    scope: 'child',
    message: 'More child protection plans start in the year than initial conferences took place',
    *check(child, path, { period }) {
      for (const { item, path: at } of episodesOf(child, path)) {
        const inYear = (date: string | null) => date !== null && !isOutsidePeriod(date, period);
        const plans = item.cpPlans.filter((plan) => inYear(plan.startDate)).length;
        const conferences = new Set(initialConferenceDates(item).filter(inYear)).size;
        if (plans > conferences)
          yield {
            path: at,
            message: `${plans} child protection plans start in the year but ${conferences} initial conferences are recorded`,
          };
      }
    },
  },
  {
    code: '2885',
    severity: 'error',
    module: 'ChildProtectionPlans',
    scope: 'child',
    message: 'Child protection plan start date is not the date of an initial conference',
    *check(child, path, { period }) {
      for (const { item, path: at, episode } of cpPlansOf(child, path)) {
        if (item.startDate === null || isOutsidePeriod(item.startDate, period)) continue;
        const conferences = initialConferenceDates(episode);
        if (conferences.length > 0 && !conferences.includes(item.startDate)) yield { path: `${at}/CPPstartDate` };
      }
    },
  },
  {
    code: '8841',
    severity: 'error',
    module: 'Reviews',
    scope: 'child',
    message: 'Child protection review date is on or before the plan start date',
    *check(child, path) {
      for (const { item, path: at } of cpPlansOf(child, path)) {
        for (const [r, review] of item.reviewDates.entries()) {
          if (review !== null && item.startDate !== null && review <= item.startDate)
            yield { path: `${at}/Reviews/CPPreviewDate[${r + 1}]` };
        }
      }
    },
  },
  {
    code: '8842Q',
    severity: 'query',
    module: 'Reviews',
    scope: 'child',
    message: 'A child protection review is recorded with no date',
    *check(child, path) {
      for (const { item, path: at } of cpPlansOf(child, path)) {
        for (const [r, review] of item.reviewDates.entries()) if (review === null) yield { path: `${at}/Reviews/CPPreviewDate[${r + 1}]` };
      }
    },
  },
];
