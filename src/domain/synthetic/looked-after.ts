import type { Weighted } from './weighted-choice.js';

/*
 * How children's time in care goes in the synthetic authority: legal routes, placements, moves,
 * reviews, visits, missing episodes and leaving care. ../shared/domain holds the national totals
 * (83,630 children looked after at 31 March 2024; 23% of those in care two years with 3+
 * placements in them; 63% of return home interviews within 72 hours) but no breakdown by legal
 * status or placement type, so the census-day shares below approximate the DfE "Children looked
 * after in England" release for 2024 as read by the engineer: unverified [U]. Replace them with the
 * published tables when they are added to the shared domain facts. Shares marked "assumption" are
 * modelling choices. The codes are the DfE ones.
 */

/** Legal status groups of children looked after on 31 March (DfE CLA 2024, table A2 as read by the engineer [U]). */
export const legalStatusOnCensusDay: readonly Weighted<'C1' | 'C2' | 'E1' | 'V2'>[] = [
  { value: 'C2', weight: 65 },
  { value: 'C1', weight: 13 },
  { value: 'E1', weight: 4 },
  { value: 'V2', weight: 18 },
];

/** Broad placement groups of children looked after on 31 March (DfE CLA 2024, table A3 as read by the engineer [U]). */
export const placementGroups = ['foster_relative', 'foster_other', 'adoption', 'with_parents', 'supported', 'homes', 'other'] as const;
export type PlacementGroup = (typeof placementGroups)[number];

export const placementGroupOnCensusDay: readonly Weighted<PlacementGroup>[] = [
  { value: 'foster_relative', weight: 18 },
  { value: 'foster_other', weight: 50 },
  { value: 'adoption', weight: 2 },
  { value: 'with_parents', weight: 6 },
  { value: 'supported', weight: 7 },
  { value: 'homes', weight: 14 },
  { value: 'other', weight: 3 },
];

/** The broad group a placement type belongs to (the DfE's own grouping of PLACE codes). */
export function placementGroupOf(placementType: string): PlacementGroup {
  if (/^U[1-3]$/.test(placementType)) return 'foster_relative';
  if (/^U[4-6]$/.test(placementType)) return 'foster_other';
  if (/^A[3-6]$/.test(placementType)) return 'adoption';
  if (placementType === 'P1') return 'with_parents';
  if (['H5', 'K3', 'P2'].includes(placementType)) return 'supported';
  if (['K1', 'K2'].includes(placementType)) return 'homes';
  return 'other';
}

/**
 * How a child's time in care is decided (an assumption, tuned so the census-day legal statuses
 * come out at the shares above): under a care order after proceedings, a placement order leading
 * to adoption, or accommodation with consent under section 20.
 */
export type CareRoute = 'care_order' | 'placement_order' | 'section_20';

/** Routes by age at entry: placement orders are for young children; older children more often come in under s20. */
export function careRoutes(ageAtEntry: number): readonly Weighted<CareRoute>[] {
  if (ageAtEntry < 5)
    return [
      { value: 'care_order', weight: 70 },
      { value: 'placement_order', weight: 16 },
      { value: 'section_20', weight: 14 },
    ];
  if (ageAtEntry < 13)
    return [
      { value: 'care_order', weight: 87 },
      { value: 'section_20', weight: 13 },
    ];
  return [
    { value: 'care_order', weight: 70 },
    { value: 'section_20', weight: 30 },
  ];
}

/** How a child under a care order route came into care before the interim care order (an assumption). */
export const firstLegalStatusOnCareOrderRoute: readonly Weighted<'C1' | 'V2' | 'L1' | 'L2'>[] = [
  { value: 'C1', weight: 60 },
  { value: 'V2', weight: 28 },
  { value: 'L1', weight: 8 },
  { value: 'L2', weight: 4 },
];

/** Weeks from issue to the end of care proceedings: most within the 26-week timescale, some over (an assumption). */
export const careProceedingsWeeks: readonly Weighted<{ from: number; to: number }>[] = [
  { value: { from: 10, to: 26 }, weight: 66 },
  { value: { from: 27, to: 40 }, weight: 26 },
  { value: { from: 41, to: 56 }, weight: 8 },
];

/** Share of care order routes that went through pre-proceedings first, and their length in weeks (an assumption). */
export const preProceedingsShare = 0.45;
export const preProceedingsWeeks = { from: 6, to: 22 } as const;

/** Placement types a child is placed in by age band (an assumption, tuned to the census-day groups above). */
export function placementTypesFor(age: number): readonly Weighted<string>[] {
  if (age < 5)
    return [
      { value: 'U3', weight: 16 },
      { value: 'U1', weight: 4 },
      { value: 'U6', weight: 42 },
      { value: 'U4', weight: 12 },
      { value: 'U5', weight: 5 },
      { value: 'R3', weight: 3 },
    ];
  if (age < 12)
    return [
      { value: 'U3', weight: 13 },
      { value: 'U1', weight: 6 },
      { value: 'U6', weight: 30 },
      { value: 'U4', weight: 22 },
      { value: 'K2', weight: 14 },
      { value: 'S1', weight: 2 },
      { value: 'R1', weight: 1 },
    ];
  if (age < 16)
    return [
      { value: 'U3', weight: 8 },
      { value: 'U1', weight: 6 },
      { value: 'U6', weight: 26 },
      { value: 'U4', weight: 18 },
      { value: 'K2', weight: 32 },
      { value: 'K1', weight: 1 },
      { value: 'S1', weight: 3 },
      { value: 'R1', weight: 2 },
    ];
  return [
    { value: 'U3', weight: 4 },
    { value: 'U1', weight: 4 },
    { value: 'U6', weight: 16 },
    { value: 'U4', weight: 10 },
    { value: 'K2', weight: 24 },
    { value: 'K3', weight: 40 },
    { value: 'R2', weight: 2 },
  ];
}

/** Share of young people still in care at 16 who move to supported accommodation before 18, and when (days after the 16th birthday; an assumption). */
export const movesToSupportedAccommodationAt16 = { share: 0.6, fromDays: 30, toDays: 500 } as const;

/** Mean months in one placement: most children are settled, some move often (an assumption; the national 23% with 3+ placements in two years). */
export const placementStability: readonly Weighted<{ meanMonths: number }>[] = [
  { value: { meanMonths: 26 }, weight: 80 },
  { value: { meanMonths: 7 }, weight: 14 },
  { value: { meanMonths: 2.5 }, weight: 6 },
];

/** Why a placement ended when the child moved (SSDA903 REASON_PLACE_CHANGE; an assumption). */
export const reasonsForPlacementChange: readonly Weighted<string>[] = [
  { value: 'CARPL', weight: 38 },
  { value: 'CREQB', weight: 15 },
  { value: 'CREQO', weight: 10 },
  { value: 'LAREQ', weight: 10 },
  { value: 'CHILD', weight: 8 },
  { value: 'CLOSE', weight: 6 },
  { value: 'STAND', weight: 3 },
  { value: 'ALLEG', weight: 2 },
  { value: 'APPRR', weight: 1 },
  { value: 'OTHER', weight: 7 },
];

/** Category of need at the start of a period of care (SSDA903 CIN; DfE CLA 2024 as read by the engineer [U]). */
export const categoryOfNeedOnEntry: readonly Weighted<string>[] = [
  { value: 'N1', weight: 64 },
  { value: 'N2', weight: 3 },
  { value: 'N3', weight: 3 },
  { value: 'N4', weight: 14 },
  { value: 'N5', weight: 6 },
  { value: 'N6', weight: 1 },
  { value: 'N7', weight: 1 },
  { value: 'N8', weight: 8 },
];

/** Why care ended before 18, by route (SSDA903 REC; an assumption). */
export const reasonCeasedBefore18: Record<'care_order' | 'section_20', readonly Weighted<string>[]> = {
  care_order: [
    { value: 'E4A', weight: 30 },
    { value: 'E41', weight: 15 },
    { value: 'E45', weight: 14 },
    { value: 'E46', weight: 4 },
    { value: 'E47', weight: 12 },
    { value: 'E48', weight: 3 },
    { value: 'E13', weight: 8 },
    { value: 'E4B', weight: 6 },
    { value: 'E3', weight: 4 },
    { value: 'E8', weight: 4 },
  ],
  section_20: [
    { value: 'E4A', weight: 55 },
    { value: 'E4B', weight: 12 },
    { value: 'E13', weight: 14 },
    { value: 'E3', weight: 5 },
    { value: 'E5', weight: 6 },
    { value: 'E8', weight: 8 },
  ],
};

/** Why care ended on the 18th birthday (SSDA903 REC; an assumption). E8 is never used just because the child turned 18. */
export const reasonCeasedAt18: readonly Weighted<string>[] = [
  { value: 'E17', weight: 30 },
  { value: 'E5', weight: 30 },
  { value: 'E6', weight: 12 },
  { value: 'E4A', weight: 10 },
  { value: 'E13', weight: 12 },
  { value: 'E7', weight: 6 },
];

/** Adoptions: months from the placement order to being placed with the adopters (an assumption). */
export const monthsToPlacedForAdoption = { from: 2, to: 9 } as const;
/** Share of children under a care order who go home to live with their parents while still looked after (P1; an assumption). */
export const placedWithParentsShare = 0.4;
/** Months from being placed for adoption to the adoption order (an assumption). */
export const monthsPlacedBeforeAdoption = { from: 3, to: 10 } as const;
/** Share of adoptions by the child's foster carers (A5: placed with the current foster carer; an assumption). */
export const adoptedByFosterCarerShare = 0.15;
export const adopters: readonly Weighted<{ number: number; sex: string; legalStatus: string }>[] = [
  { value: { number: 2, sex: 'MF', legalStatus: 'L11' }, weight: 70 },
  { value: { number: 2, sex: 'MM', legalStatus: 'L12' }, weight: 6 },
  { value: { number: 2, sex: 'FF', legalStatus: 'L2' }, weight: 6 },
  { value: { number: 2, sex: 'MF', legalStatus: 'L3' }, weight: 6 },
  { value: { number: 1, sex: 'F1', legalStatus: 'L0' }, weight: 11 },
  { value: { number: 1, sex: 'M1', legalStatus: 'L0' }, weight: 1 },
];

/**
 * Statutory work done on time, a few days late, or much later (an assumption): reviews, visits,
 * health assessments, PEPs and pathway plans in most authorities are largely on time.
 */
export const timeliness: readonly Weighted<'on_time' | 'late' | 'very_late'>[] = [
  { value: 'on_time', weight: 86 },
  { value: 'late', weight: 11 },
  { value: 'very_late', weight: 3 },
];

/** How the child took part in a review, aged 4 or over (SSDA903 REVIEW_CODE; an assumption). */
export const reviewParticipation: readonly Weighted<string>[] = [
  { value: 'PN1', weight: 52 },
  { value: 'PN2', weight: 6 },
  { value: 'PN3', weight: 4 },
  { value: 'PN4', weight: 4 },
  { value: 'PN5', weight: 12 },
  { value: 'PN6', weight: 14 },
  { value: 'PN7', weight: 8 },
];

/** The permanence plan agreed at the second review, by route (D2I suggested values; an assumption). */
export const permanencePlans: Record<CareRoute, readonly Weighted<string>[]> = {
  care_order: [
    { value: 'LTFOST18', weight: 40 },
    { value: 'LTRELFR', weight: 25 },
    { value: 'RETURNEV', weight: 20 },
    { value: 'RESPLMT', weight: 10 },
    { value: 'OTHERPLN', weight: 5 },
  ],
  placement_order: [{ value: 'ADOPTION', weight: 1 }],
  section_20: [
    { value: 'RETURN6M', weight: 40 },
    { value: 'RETURNEV', weight: 20 },
    { value: 'LTFOST18', weight: 20 },
    { value: 'SUPPLIV', weight: 20 },
  ],
};

/** Unaccompanied asylum-seeking children: about 9% of children looked after (7,380 of 83,630 in 2024, as read by the engineer [U]); most arrive at 15 to 17. */
export const uascShareOfEntriesAged15To17 = 0.3;

/** Independent visitors and advocates (an assumption): share of children in care with each. */
export const independentVisitorShare = 0.04;
export const advocateShare = 0.12;

/**
 * Missing children (an assumption near the DfE CLA 2024 figures: about one child looked after in
 * ten goes missing in a year, with six episodes each on average; fewer go missing from home).
 * Rates are a year of the child's time, for children aged 11 or over.
 */
export interface MissingRates {
  /** Chance a child goes missing at all in a year of their time (aged 11 or over), and episodes a year when they do. */
  fromCare: { childShareAYear: number; episodesAYear: number };
  fromHome: { childShareAYear: number; episodesAYear: number };
}

export const missingChildren: MissingRates = {
  fromCare: { childShareAYear: 0.22, episodesAYear: 5 },
  fromHome: { childShareAYear: 0.04, episodesAYear: 2 },
};
/** Share of absences that are "away from placement without authorisation" (A) rather than missing (M). */
export const awayWithoutAuthorisationShare = 0.2;

/**
 * What happened about the return home interview (an assumption near the 63% completed within 72
 * hours of the Missing People report, 2023-24): most offered within 72 hours, some late, some
 * never offered, some declined.
 */
export const returnInterviewOutcomes: readonly Weighted<'held_on_time' | 'held_late' | 'declined' | 'never_offered'>[] = [
  { value: 'held_on_time', weight: 63 },
  { value: 'held_late', weight: 17 },
  { value: 'declined', weight: 10 },
  { value: 'never_offered', weight: 10 },
];

/** Share of missing episodes followed by an exploitation screening, and the risks found (an assumption). */
export const screeningAfterMissingShare = 0.5;
export const exploitationRisk: readonly Weighted<'none' | 'low' | 'medium' | 'high'>[] = [
  { value: 'none', weight: 50 },
  { value: 'low', weight: 30 },
  { value: 'medium', weight: 15 },
  { value: 'high', weight: 5 },
];

/** Care leavers' contacts around their birthdays (SSDA903 OC3; an assumption). */
export const careLeaverInTouch: readonly Weighted<string>[] = [
  { value: 'YES', weight: 88 },
  { value: 'NO', weight: 6 },
  { value: 'REFU', weight: 3 },
  { value: 'NREQ', weight: 2 },
  { value: 'RHOM', weight: 1 },
];

export const careLeaverActivity: readonly Weighted<string>[] = [
  { value: 'F2', weight: 30 },
  { value: 'F1', weight: 6 },
  { value: 'F5', weight: 14 },
  { value: 'P5', weight: 7 },
  { value: 'F4', weight: 4 },
  { value: 'G4', weight: 10 },
  { value: 'G5', weight: 24 },
  { value: 'G6', weight: 5 },
];

/** Accommodation letters of care leavers in touch (an assumption); Z (former foster carers) is not used at 17. */
export const careLeaverAccommodation: readonly Weighted<string>[] = [
  { value: 'U', weight: 30 },
  { value: 'D', weight: 20 },
  { value: 'Z', weight: 12 },
  { value: 'B', weight: 12 },
  { value: 'C', weight: 5 },
  { value: 'E', weight: 5 },
  { value: 'K', weight: 4 },
  { value: 'T', weight: 3 },
  { value: 'X', weight: 2 },
  { value: 'S', weight: 1 },
  { value: 'V', weight: 2 },
];

/** Share of care leavers' accommodation judged suitable (an assumption near the national 88%). */
export const careLeaverAccommodationSuitable = 0.88;

/** The permanence arrangement a child had before coming into care (SSDA903 PREV_PERM; an assumption): most had none. */
export const previousPermanence: readonly Weighted<string>[] = [
  { value: 'Z1', weight: 84 },
  { value: 'P4', weight: 6 },
  { value: 'P2', weight: 5 },
  { value: 'P3', weight: 3 },
  { value: 'P1', weight: 2 },
];

/** Share of young women in care who are mothers, from 15 (an assumption near the DfE's about 2% of girls looked after). */
export const motherhoodOfYoungWomen = 0.03;

/**
 * Outcomes of children looked after for 12 months at 31 March (SSDA903 OC2; an assumption near
 * the DfE "Outcomes for children looked after" figures): most have their health checks, a few are
 * convicted or misuse substances; SDQ scores average about 14 out of 40.
 */
export const outcomesOfChildrenInCare = {
  sdqReturned: 0.8,
  sdqMean: 14,
  sdqSpread: 12,
  convicted: 0.03,
  healthCheck: 0.9,
  immunisations: 0.85,
  teethCheck: 0.78,
  healthAssessment: 0.9,
  substanceMisuse: 0.03,
} as const;
