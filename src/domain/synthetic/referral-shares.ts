import type { PrimaryNeedCode } from '../codes/cin-primary-need.js';
import type { ReferralSourceCode } from '../codes/cin-referral-source.js';
import type { EpisodePathway } from './episode-pathways.js';
import { pathwayShares } from './episode-pathways.js';
import { sharesOf, type Weighted } from './weighted-choice.js';

/*
 * Who refers children to children's social care and why. ../shared/domain names the codes but holds
 * no national breakdown by source or primary need, so these shares approximate the DfE
 * "Characteristics of children in need" release for 2024 (referrals by source; children in need
 * by primary need at assessment) as read by the engineer: unverified [U]. Replace them with the
 * published tables when they are added to the shared domain facts.
 */

/** Source of referral (CIN census ReferralSource). */
export const referralSources: readonly Weighted<ReferralSourceCode>[] = [
  { value: '6', weight: 29 },
  { value: '2A', weight: 20 },
  { value: '2B', weight: 1 },
  { value: '3A', weight: 2 },
  { value: '3B', weight: 3 },
  { value: '3C', weight: 0.5 },
  { value: '3D', weight: 2 },
  { value: '3E', weight: 3 },
  { value: '3F', weight: 5 },
  { value: '4', weight: 1.5 },
  { value: '5A', weight: 5 },
  { value: '5B', weight: 3 },
  { value: '5C', weight: 2 },
  { value: '5D', weight: 4 },
  { value: '1A', weight: 5 },
  { value: '1B', weight: 1 },
  { value: '1C', weight: 1.5 },
  { value: '1D', weight: 0.8 },
  { value: '7', weight: 4.3 },
  { value: '8', weight: 5 },
  { value: '9', weight: 1 },
  { value: '10', weight: 1.7 },
];

/** Primary need of children in need, nationally (CIN census PrimaryNeedCode). */
export const primaryNeeds: readonly Weighted<PrimaryNeedCode>[] = [
  { value: 'N1', weight: 55 },
  { value: 'N2', weight: 12 },
  { value: 'N3', weight: 3 },
  { value: 'N4', weight: 8 },
  { value: 'N5', weight: 14 },
  { value: 'N6', weight: 3 },
  { value: 'N7', weight: 0.3 },
  { value: 'N8', weight: 3 },
  { value: 'N9', weight: 1 },
  { value: 'N0', weight: 0.7 },
];

/**
 * What the pathway already says about a child's need (an assumption): a disabled child's need is
 * their disability, a child protection plan follows abuse or neglect, and most children who come
 * into care do so because of abuse or neglect.
 */
const needOfPathway: Partial<Record<EpisodePathway, readonly Weighted<PrimaryNeedCode>[]>> = {
  disabled_child: [{ value: 'N2', weight: 1 }],
  child_protection: [{ value: 'N1', weight: 1 }],
  looked_after: [
    { value: 'N1', weight: 65 },
    { value: 'N2', weight: 3 },
    { value: 'N4', weight: 8 },
    { value: 'N5', weight: 10 },
    { value: 'N6', weight: 4 },
    { value: 'N8', weight: 10 },
  ],
};

/**
 * The primary need shares for episodes of a pathway: fixed for the pathways whose need is plain
 * (above), and for the others whatever makes the whole authority's mix the national one.
 */
export function primaryNeedsFor(pathway: EpisodePathway): readonly Weighted<PrimaryNeedCode>[] {
  const fixed = needOfPathway[pathway];
  if (fixed) return fixed;
  needsOfOtherPathways ??= remainingNeeds();
  return needsOfOtherPathways;
}

let needsOfOtherPathways: readonly Weighted<PrimaryNeedCode>[] | undefined;

function remainingNeeds(): readonly Weighted<PrimaryNeedCode>[] {
  const pathwayShare = sharesOf(pathwayShares);
  let restShare = 0;
  for (const [p, share] of pathwayShare) if (!needOfPathway[p]) restShare += share;
  return [...sharesOf(primaryNeeds)].map(([need, national]) => {
    let taken = 0;
    for (const [p, shares] of Object.entries(needOfPathway) as [EpisodePathway, readonly Weighted<PrimaryNeedCode>[]][])
      taken += (pathwayShare.get(p) ?? 0) * (sharesOf(shares).get(need) ?? 0);
    return { value: need, weight: Math.max(0, national - taken) / restShare };
  });
}

/**
 * Share of referrals about which children's social care decided no further action (CIN census
 * ReferralNFA): about 7% nationally in 2024 as read by the engineer [U]. They are drawn from the
 * episodes that were only assessed, so `nfaShareOfAssessmentOnly` is that share over theirs.
 */
export const referralsNfa = 0.07;
export const nfaShareOfAssessmentOnly = referralsNfa / (sharesOf(pathwayShares).get('assessment_only') ?? 1);
