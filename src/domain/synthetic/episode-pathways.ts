import type { CaseholdingTeamKind } from './scales.js';
import type { Weighted } from './weighted-choice.js';

/**
 * The route a child-in-need episode takes from referral to closure, and how long it stays open.
 * The shares and lengths are modelling assumptions chosen so that, by Little's law, a large
 * authority with 20,000 referrals a year has about 12,000 children open at any day, 2,000 of them
 * looked after, and about one in eight of the open children on a child protection plan, as the
 * benchmark targets of issue 8 and the national ratio of CP plans (49,420) to children in need
 * (399,460) in ../shared/domain suggest. The parts that write referrals, plans and placements
 * read the pathway to decide what each episode holds.
 */
export const episodePathways = ['assessment_only', 'child_in_need', 'child_protection', 'looked_after', 'disabled_child'] as const;

export type EpisodePathway = (typeof episodePathways)[number];

export interface PathwayShape {
  /** Calendar days from referral to closure, drawn evenly between these. */
  openDays: { from: number; to: number };
  /** The team that holds the episode once the assessment is done (the assessment team holds it before). */
  holdingTeam: CaseholdingTeamKind;
}

export const pathwayShares: readonly Weighted<EpisodePathway>[] = [
  { value: 'assessment_only', weight: 53 },
  { value: 'child_in_need', weight: 32 },
  { value: 'child_protection', weight: 8 },
  { value: 'looked_after', weight: 4 },
  { value: 'disabled_child', weight: 3 },
];

export const pathwayShapes: Record<EpisodePathway, PathwayShape> = {
  assessment_only: { openDays: { from: 10, to: 65 }, holdingTeam: 'assessment' },
  child_in_need: { openDays: { from: 120, to: 610 }, holdingTeam: 'safeguarding' },
  child_protection: { openDays: { from: 120, to: 540 }, holdingTeam: 'safeguarding' },
  looked_after: { openDays: { from: 180, to: 1650 }, holdingTeam: 'children_in_care' },
  disabled_child: { openDays: { from: 180, to: 1100 }, holdingTeam: 'disabled_children' },
};

/** Calendar days the assessment team holds an episode before passing it on: most within 45 working days, some late. */
export const assessmentDays = { from: 10, to: 75 } as const;

/**
 * Of each day's family referrals, the share about a family whose last episode closed within the
 * past 12 months (the national re-referral rate, 22% in 2024, ../shared/domain section 5), and
 * the share about a family known from longer ago (an assumption).
 */
export const reReferralWithin12Months = 0.22;
export const referralOfFamilyKnownLongerAgo = 0.3;

/** Children in a family when it is first referred (an assumption; the national figures count children, not families). */
export const childrenInFamily: readonly Weighted<number>[] = [
  { value: 1, weight: 50 },
  { value: 2, weight: 28 },
  { value: 3, weight: 14 },
  { value: 4, weight: 6 },
  { value: 5, weight: 2 },
];

/** Adults recorded with a family: one parent or carer, or two. */
export const adultsInFamily: readonly Weighted<number>[] = [
  { value: 1, weight: 45 },
  { value: 2, weight: 55 },
];

/** Mean open days of an episode, over all pathways. */
export function meanOpenDays(): number {
  const total = pathwayShares.reduce((sum, p) => sum + p.weight, 0);
  return pathwayShares.reduce((sum, p) => {
    const { from, to } = pathwayShapes[p.value].openDays;
    return sum + (p.weight / total) * ((from + to) / 2);
  }, 0);
}

/** Children expected to be open on any day once the history is longer than the longest episode (Little's law). */
export function expectedOpenChildren(referralsPerYear: number): number {
  return (referralsPerYear * meanOpenDays()) / 365;
}
