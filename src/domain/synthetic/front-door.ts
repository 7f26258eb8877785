import type { ReferralSourceCode } from '../codes/cin-referral-source.js';
import type { Consent } from '../front-door/consent.js';
import type { ContactDecision } from '../front-door/contact-decision.js';
import type { RagRating } from '../front-door/rag-rating.js';
import type { Weighted } from './weighted-choice.js';

/*
 * What arrives at a synthetic authority's front door, and what the managers decide. ../shared/domain
 * holds no national figures for contacts (the DfE counts referrals, not contacts), so these shares
 * are assumptions, unverified [U]: the conversion follows the ADCS Safeguarding Pressures research
 * (about one contact in four becomes a referral) as recalled by the engineer; the sources approximate
 * the DfE "Children in need" referral-source table for 2024 as read by the engineer. Replace them
 * with published figures when they are added to the shared domain facts.
 */

/** Share of contacts (each decided once, whatever the number of children) that become referrals. */
export const contactsBecomingReferrals = 0.27;

/** What the managers decide about the contacts that do not become referrals. */
export const decisionsOnOtherContacts: readonly Weighted<ContactDecision>[] = [
  { value: 'no_further_action', weight: 35 },
  { value: 'information_and_advice', weight: 35 },
  { value: 'early_help', weight: 30 },
];

/** Who made the contact (CIN census ReferralSource codes). */
export const contactSources: readonly Weighted<ReferralSourceCode>[] = [
  { value: '6', weight: 29 },
  { value: '2A', weight: 19 },
  { value: '2B', weight: 2 },
  { value: '3A', weight: 3 },
  { value: '3B', weight: 2 },
  { value: '3C', weight: 1 },
  { value: '3D', weight: 2 },
  { value: '3E', weight: 4 },
  { value: '3F', weight: 3 },
  { value: '4', weight: 2 },
  { value: '5A', weight: 3 },
  { value: '5B', weight: 3 },
  { value: '5C', weight: 3 },
  { value: '5D', weight: 4 },
  { value: '1A', weight: 5 },
  { value: '1B', weight: 1 },
  { value: '1C', weight: 1 },
  { value: '1D', weight: 1 },
  { value: '7', weight: 2 },
  { value: '8', weight: 5 },
  { value: '9', weight: 1 },
  { value: '10', weight: 4 },
];

/** The front door officer's RAG rating, by what the manager went on to decide. */
export const ragRatingByDecision: Record<ContactDecision, readonly Weighted<RagRating>[]> = {
  no_further_action: [
    { value: 'green', weight: 80 },
    { value: 'amber', weight: 20 },
  ],
  information_and_advice: [
    { value: 'green', weight: 75 },
    { value: 'amber', weight: 25 },
  ],
  early_help: [
    { value: 'green', weight: 55 },
    { value: 'amber', weight: 45 },
  ],
  referral_for_assessment: [
    { value: 'amber', weight: 75 },
    { value: 'red', weight: 15 },
    { value: 'green', weight: 10 },
  ],
  strategy_discussion: [
    { value: 'red', weight: 90 },
    { value: 'amber', weight: 10 },
  ],
};

export const consentToContact: readonly Weighted<Consent>[] = [
  { value: 'given', weight: 75 },
  { value: 'refused', weight: 10 },
  { value: 'not_sought', weight: 15 },
];

/**
 * Working days after the contact arrived that the manager decided it: most the same day, nearly all
 * within the one working day the clock allows, some late.
 */
export const workingDaysToDecision: readonly Weighted<number>[] = [
  { value: 0, weight: 62 },
  { value: 1, weight: 28 },
  { value: 2, weight: 6 },
  { value: 3, weight: 3 },
  { value: 5, weight: 1 },
];

/** Chance a contact about a child of a known family is about their brothers and sisters as well. */
export const contactAboutSiblingsToo = 0.35;

/** Chance the front door records that the person who made the contact was told of the decision, and within how many working days. */
export const referrerTold = 0.93;
export const workingDaysToTellReferrer: readonly Weighted<number>[] = [
  { value: 0, weight: 60 },
  { value: 1, weight: 30 },
  { value: 2, weight: 10 },
];
