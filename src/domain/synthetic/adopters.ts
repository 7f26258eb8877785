import type { EthnicityCode } from '../codes/ethnicity.js';
import type { Weighted } from './weighted-choice.js';

/*
 * Who prospective adopters are and how far they get, for the synthetic authority. ../shared/domain
 * holds no national figures about adopters (Annex A list 11 names the fields only), so these are
 * the engineer's assumptions, unverified [U], in the spirit of the DfE and Adoption & Special
 * Guardianship Leadership Board quarterly data: about one household approved for each child
 * adopted, most households couples, about half of enquiries never reaching approval. Replace them
 * with published figures when they are added to the shared domain facts.
 */

/** Households approved and waiting for a match, for each child adopted: approvals run a little ahead of adoptions. */
export const approvedHouseholdsPerAdoption = 1.1;

/** Households who enquire and do not adopt (leave at some stage, or are still in the process), for each child adopted. */
export const otherEnquiriesPerAdoption = 1.5;

/** A floor for an authority whose history holds few adoptions: enquiries a year whatever happens. */
export const minimumEnquiriesPerYear = 4;

export type HouseholdMakeUp = 'male_female_couple' | 'female_couple' | 'male_couple' | 'single_female' | 'single_male';

export const householdMakeUp: readonly Weighted<HouseholdMakeUp>[] = [
  { value: 'male_female_couple', weight: 66 },
  { value: 'female_couple', weight: 8 },
  { value: 'male_couple', weight: 8 },
  { value: 'single_female', weight: 16 },
  { value: 'single_male', weight: 2 },
];

export const adopterEthnicity: readonly Weighted<EthnicityCode>[] = [
  { value: 'WBRI', weight: 82 },
  { value: 'WOTH', weight: 5 },
  { value: 'MWBC', weight: 2 },
  { value: 'MOTH', weight: 2 },
  { value: 'AIND', weight: 2 },
  { value: 'APKN', weight: 1 },
  { value: 'BCRB', weight: 2 },
  { value: 'BAFR', weight: 2 },
  { value: 'OOTH', weight: 1 },
  { value: 'NOBT', weight: 1 },
];

/** Whether an adopter has a disability: true, false, or not known (null). */
export const adopterDisability: readonly Weighted<boolean | null>[] = [
  { value: false, weight: 85 },
  { value: true, weight: 3 },
  { value: null, weight: 12 },
];

/** Households approved as foster carers too, to foster for adoption. */
export const fosteringForAdoptionShare = 0.08;

/** Households that go straight to stage 2 (approved foster carers, people who adopted before). */
export const fastTrackShare = 0.12;

/**
 * Of the households that do not adopt: the chance of leaving at each point, given they got there,
 * and why (Annex A list 11 reasons: 1 withdrew, 2 put on hold, 3 refused).
 */
export const leavingPoints = {
  beforeStageOne: {
    chance: 0.35,
    reasons: [
      { value: '1', weight: 85 },
      { value: '2', weight: 15 },
    ],
  },
  duringStageOne: {
    chance: 0.2,
    reasons: [
      { value: '1', weight: 70 },
      { value: '2', weight: 25 },
      { value: '3', weight: 5 },
    ],
  },
  betweenStages: {
    chance: 0.15,
    reasons: [
      { value: '1', weight: 60 },
      { value: '2', weight: 40 },
    ],
  },
  duringStageTwo: {
    chance: 0.15,
    reasons: [
      { value: '1', weight: 55 },
      { value: '2', weight: 25 },
      { value: '3', weight: 20 },
    ],
  },
} as const satisfies Record<string, { chance: number; reasons: readonly Weighted<'1' | '2' | '3'>[] }>;

/** Days between the steps of the journey: [shortest, longest], drawn evenly between. */
export const stepDays = {
  enquiryToStageOne: [14, 70],
  stageOne: [40, 85],
  betweenStages: [0, 30],
  stageTwo: [100, 170],
  stageTwoToApproval: [20, 60],
  approvalToMatch: [30, 300],
  matchToMovingIn: [14, 42],
} as const satisfies Record<string, readonly [number, number]>;

/** Children waiting (a decision to place for adoption, not yet adopted) who are matched with a household already. */
export const waitingChildrenMatchedShare = 0.5;
