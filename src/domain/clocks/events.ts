import type { ClockTime, IsoDate } from '../calendar/index.js';

/** Things that happen on a case and start, meet or end a clock. */
export const EVENT_KINDS = [
  'contact_received',
  'contact_decision_made',
  'referral_received',
  'assessment_authorised',
  'significant_harm_suspected',
  'strategy_discussion_held',
  's47_enquiry_started',
  's47_outcome_authorised',
  'icpc_not_required',
  'icpc_held',
  'cp_plan_started',
  'core_group_held',
  'rcpc_held',
  'cp_visit_made',
  'cp_plan_ended',
  'cin_plan_started',
  'cin_plan_reviewed',
  'cin_plan_ended',
  'became_looked_after',
  'ceased_looked_after',
  'placement_started',
  'placement_ended',
  'placed_with_parent_before_assessment',
  'placed_with_connected_person_or_parent_under_ico',
  'care_order_made_living_with_parent',
  'care_plan_completed',
  'placement_notifications_sent',
  'placement_plan_agreed',
  'lac_review_held',
  'lac_visit_made',
  'short_break_started',
  'short_break_ended',
  'health_assessment_completed',
  'pep_initiated',
  'pep_completed',
  'pep_reviewed',
  'became_eligible_child',
  'needs_assessment_completed',
  'pathway_plan_completed',
  'pathway_plan_reviewed',
  'leaving_care_duty_ended',
  'returned_from_missing',
  'return_interview_completed',
  'return_interview_declined',
  'private_fostering_planned_start',
  'private_fostering_notified',
  'private_fostering_visit_made',
  'private_fostering_ended',
  'connected_person_temporarily_approved',
  'temporary_approval_extended',
  'connected_person_approved',
  'foster_carer_approved',
  'foster_carer_reviewed',
  'foster_carer_approval_ended',
  'unannounced_visit_made',
  'supervision_visit_made',
  'police_protection_started',
  'police_protection_ended',
  'epo_made',
  'epo_extended',
  'epo_ended',
  'cao_made',
  'cao_ended',
  'pre_proceedings_started',
  'pre_proceedings_ended',
  'care_proceedings_issued',
  'care_proceedings_concluded',
  'case_supervision_held',
  'episode_closed',
  'adopter_stage_one_started',
  'adopter_stage_one_ended',
  'adopter_stage_two_started',
  'adopter_stage_two_ended',
  'adopter_left_process',
] as const;

export type EventKind = (typeof EVENT_KINDS)[number];

/** Facts about the child or placement that change a timescale (see rule variants). */
export const CHILD_FACTS = ['placement_intended_until_18', 'long_term_foster_fewer_visits_agreed'] as const;

export type ChildFact = (typeof CHILD_FACTS)[number];

/** One event on a case, as the clocks see it. */
export interface ClockEvent {
  kind: EventKind;
  date: IsoDate;
  /** Time of day, when recorded; only hour-based clocks (e.g. the 72-hour return interview) use it. */
  time?: ClockTime;
  /**
   * Links events about the same thing (a referral, a placement, an order). When both events carry
   * a ref they must match; an event without one can match any.
   */
  ref?: string;
  /** Recorded reason why the work was done late; reported on a late instance. */
  lateReason?: string;
}

/** Everything the evaluator needs about one child or case. */
export interface CaseHistory {
  events: readonly ClockEvent[];
  dateOfBirth?: IsoDate;
  facts?: readonly ChildFact[];
}
