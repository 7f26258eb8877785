import type { IsoDate } from '../../../calendar/iso-date.js';
import type { CinPlan } from '../message.js';
import type { CinChildRule } from '../rule.js';
import { cinPlansOf, cpPlansOf, isAfter, isBefore, isDuringSpell, isOutsidePeriod, type Placed, spellsOverlap } from './walk.js';

interface Spell {
  start: IsoDate;
  end: IsoDate | null;
  path: string;
}

function spells(plans: Placed<{ startDate: IsoDate | null; endDate: IsoDate | null }>[]): Spell[] {
  return plans
    .flatMap(({ item, path }) => (item.startDate === null ? [] : [{ start: item.startDate, end: item.endDate, path }]))
    .sort((a, b) => a.start.localeCompare(b.start));
}

const open = (plan: CinPlan) => plan.endDate === null;

export const cinPlanRules: readonly CinChildRule[] = [
  {
    code: '4000',
    severity: 'error',
    module: 'CINplanDates',
    scope: 'child',
    message: 'CIN plan is recorded on a referral marked no further action',
    *check(child, path) {
      for (const { path: at, episode } of cinPlansOf(child, path)) if (episode.referralNfa === true) yield { path: at };
    },
  },
  {
    code: '4010',
    severity: 'error',
    module: 'CINplanDates',
    scope: 'child',
    message: 'CIN plan start date is missing or after the end of the census year',
    *check(child, path, { period }) {
      for (const { item, path: at } of cinPlansOf(child, path)) {
        if (item.startDate === null || item.startDate > period.referenceDate) yield { path: `${at}/CINPlanStartDate` };
      }
    },
  },
  {
    code: '4015',
    severity: 'error',
    module: 'CINplanDates',
    scope: 'child',
    message: 'CIN plan starts before the referral date',
    *check(child, path) {
      for (const { item, path: at, episode } of cinPlansOf(child, path)) {
        if (isBefore(item.startDate, episode.referralDate)) yield { path: `${at}/CINPlanStartDate` };
      }
    },
  },
  {
    code: '4011',
    severity: 'error',
    module: 'CINplanDates',
    scope: 'child',
    message: 'CIN plan end date is before its start date',
    *check(child, path) {
      for (const { item, path: at } of cinPlansOf(child, path))
        if (isBefore(item.endDate, item.startDate)) yield { path: `${at}/CINPlanEndDate` };
    },
  },
  {
    code: '4012Q',
    severity: 'query',
    module: 'CINplanDates',
    scope: 'child',
    message: 'CIN plan starts and ends on the same day',
    *check(child, path) {
      for (const { item, path: at } of cinPlansOf(child, path)) {
        if (item.startDate !== null && item.startDate === item.endDate) yield { path: `${at}/CINPlanEndDate` };
      }
    },
  },
  {
    code: '4013',
    severity: 'error',
    module: 'CINplanDates',
    scope: 'child',
    message: 'CIN plan end date is outside the census year',
    *check(child, path, { period }) {
      for (const { item, path: at } of cinPlansOf(child, path))
        if (isOutsidePeriod(item.endDate, period)) yield { path: `${at}/CINPlanEndDate` };
    },
  },
  {
    code: '4008',
    severity: 'error',
    module: 'CINplanDates',
    scope: 'child',
    message: "CIN plan starts after the child's date of death",
    *check(child, path) {
      for (const { item, path: at } of cinPlansOf(child, path))
        if (isAfter(item.startDate, child.deathDate)) yield { path: `${at}/CINPlanStartDate` };
    },
  },
  {
    code: '4009Q',
    severity: 'query',
    module: 'CINplanDates',
    scope: 'child',
    message: "CIN plan ends after the child's date of death",
    *check(child, path) {
      for (const { item, path: at } of cinPlansOf(child, path))
        if (isAfter(item.endDate, child.deathDate)) yield { path: `${at}/CINPlanEndDate` };
    },
  },
  {
    code: '4004',
    severity: 'error',
    module: 'CINplanDates',
    scope: 'child',
    message: 'More than one CIN plan is open (no end date)',
    *check(child, path) {
      if (cinPlansOf(child, path).filter(({ item }) => open(item)).length > 1) yield { path };
    },
  },
  {
    code: '4014',
    severity: 'error',
    module: 'CINplanDates',
    scope: 'child',
    message: 'CIN plans overlap',
    *check(child, path) {
      const plans = spells(cinPlansOf(child, path));
      for (const [i, plan] of plans.entries()) {
        if (plans.slice(0, i).some((other) => spellsOverlap(other.start, other.end, plan.start, plan.end)))
          yield { path: `${plan.path}/CINPlanStartDate` };
      }
    },
  },
  {
    code: '4001',
    severity: 'error',
    module: 'CINplanDates',
    scope: 'child',
    message: 'CIN plan starts while a child protection plan is in place',
    *check(child, path) {
      const cpPlans = spells(cpPlansOf(child, path));
      for (const plan of spells(cinPlansOf(child, path))) {
        if (cpPlans.some((cp) => isDuringSpell(plan.start, cp.start, cp.end))) yield { path: `${plan.path}/CINPlanStartDate` };
      }
    },
  },
  {
    code: '4016',
    severity: 'error',
    module: 'CINplanDates',
    scope: 'child',
    message: 'Child protection plan starts while a CIN plan is still open: end the CIN plan first',
    *check(child, path) {
      const cinPlans = spells(cinPlansOf(child, path));
      for (const cp of spells(cpPlansOf(child, path))) {
        if (cinPlans.some((plan) => plan.start < cp.start && (plan.end === null || cp.start < plan.end)))
          yield { path: `${cp.path}/CPPstartDate` };
      }
    },
  },
  {
    code: '4017',
    severity: 'error',
    module: 'CINplanDates',
    scope: 'child',
    message: 'A CIN plan and a child protection plan are both open at the end of the year',
    *check(child, path) {
      const openCp = cpPlansOf(child, path).some(({ item }) => item.startDate !== null && item.endDate === null);
      if (!openCp) return;
      for (const { item, path: at } of cinPlansOf(child, path)) if (item.startDate !== null && open(item)) yield { path: at };
    },
  },
  {
    code: '4003',
    severity: 'error',
    module: 'Reviews',
    scope: 'child',
    message: 'A child protection review date falls while a CIN plan is open',
    *check(child, path) {
      const cinPlans = spells(cinPlansOf(child, path));
      for (const { item, path: at } of cpPlansOf(child, path)) {
        for (const [r, review] of item.reviewDates.entries()) {
          if (review !== null && cinPlans.some((plan) => plan.start < review && (plan.end === null || review < plan.end))) {
            yield { path: `${at}/Reviews/CPPreviewDate[${r + 1}]` };
          }
        }
      }
    },
  },
];
