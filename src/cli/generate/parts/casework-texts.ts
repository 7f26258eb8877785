import type { AssessmentOutcome } from '../../../domain/child-protection/assessment-outcomes.js';

/*
 * The words of generated casework records: short, general, and about no real child or family. A
 * worker's or manager's note in Hearth is free text; these stand in for it.
 */

export const assessmentSummaries: Record<AssessmentOutcome, readonly string[]> = {
  no_further_action: [
    'Parents engaged well; the concerns were not borne out and the family has support from school.',
    'Needs are met within the family and universal services; no role for children’s social care.',
  ],
  early_help: [
    'Needs below the threshold for statutory services; the family agreed to work with early help.',
    'Parenting support and school attendance work offered through the early help team.',
  ],
  child_in_need_plan: [
    'The child is in need of services under section 17; a child in need plan is agreed with the family.',
    'Ongoing needs around home conditions and routines; a plan of support agreed with the family and school.',
  ],
  strategy_discussion: [
    'Information gathered points to significant harm; a strategy discussion was held with partners.',
    'Risks to the child are high and the parents’ capacity to protect is in question.',
  ],
  looked_after: [
    'The child cannot remain safely at home; the plan is for them to be looked after.',
    'Family and friends explored; no safe carer available at home, so the child needs to be looked after.',
  ],
  continue_existing_plan: ['The assessment supports the plan already in place; it continues.'],
};

export const authorisationRationales: readonly string[] = [
  'Analysis is clear and the plan follows from it.',
  'Child’s voice well captured; the outcome is proportionate to the risks.',
  'Agree with the recommendation; partners’ views recorded.',
  'Assessment evidences the child’s lived experience; agreed.',
];

export const lateAssessmentReasons: readonly string[] = [
  'Waiting for information from health and school.',
  'The family were unavailable for several planned visits.',
  'Worker absence; the assessment was reallocated.',
  'Further checks with police and another local authority were needed.',
  'Interpreter needed for the parents; first appointments were not available.',
];

export const returnForMoreWorkComments: readonly string[] = [
  'Please add the father’s views and the school’s information before I authorise.',
  'The analysis needs to say what life is like for the child day to day.',
  'Please record the health visitor’s view and update the chronology.',
];

export const strategyRationales: readonly string[] = [
  'Reasonable cause to suspect the child is suffering significant harm; partners agree a section 47 enquiry.',
  'Disclosure at school; police and health agree a joint section 47 enquiry.',
  'Injury with no clear explanation; section 47 enquiry agreed with police and health.',
];

export const visitViews: readonly string[] = [
  'I like it when Mum picks me up from school.',
  'Things are calmer at home now.',
  'I want to see my dad more.',
  'I don’t like it when they argue.',
  'My room is nice, I have my own bed.',
  'School is okay. I have a new friend.',
];

export const lateVisitReasons: readonly string[] = [
  'Family not at home for the planned visit; seen at the next attempt.',
  'Worker off sick; visit rearranged.',
  'The child was away with relatives.',
];

export const coreGroupNotes: readonly string[] = [
  'Plan reviewed with the family and partners; actions updated.',
  'School attendance improving; home conditions still a concern.',
  'Parents attending appointments; progress noted.',
];

export const childInNeedReviewNotes: readonly string[] = [
  'Plan reviewed with the family and school; support continues.',
  'Progress made on routines; one action carried forward.',
  'Family engaging; review of support in three months.',
];

export const supervisionReflections: readonly string[] = [
  'Discussed the child’s lived experience and what has changed since the last supervision.',
  'Reflected on the family’s engagement and the risks that remain.',
  'Considered the plan’s progress and the child’s views.',
];

export const supervisionDecisions: readonly string[] = [
  'The plan continues as agreed.',
  'Visits to continue at the current frequency.',
  'Escalate to partners if attendance does not improve.',
];

export const supervisionActionDescriptions: readonly string[] = [
  'Update the chronology and case summary.',
  'Arrange a visit to see the child alone.',
  'Contact school for an attendance update.',
  'Share the plan with the family in writing.',
];

export const stepDownEvidence: readonly string[] = [
  'Home conditions sustained for three months; child reports feeling safe; school attendance above 90%.',
  'Parents have completed the parenting programme and partners report no further concerns.',
  'The plan’s outcomes are met and the family agree to the step-down.',
];

export const stepDownRationales: readonly string[] = [
  'Risks reduced and protective factors in place.',
  'Progress sustained; universal services and early help can meet the needs.',
  'Agreed at the review with the family and partners.',
];

export const closureRationales: readonly string[] = [
  'The assessment found no further role for children’s social care.',
  'Needs are now met; the family agree to the case closing.',
  'Services have ended as planned.',
];
