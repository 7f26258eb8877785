import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { Role } from '../platform/roles.js';

/** Statutory dates: `YYYY-MM-DD` strings end to end (the driver's DATE parser is disabled). */
export type IsoDate = string;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface ServicesTable {
  id: Generated<string>;
  name: string;
}

export interface TeamsTable {
  id: Generated<string>;
  name: string;
  service_id: string;
  /** The single point of contact / MASH: receives contacts and handovers about unallocated or unknown children. */
  is_front_door: Generated<boolean>;
}

export interface StaffTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  email: string | null;
  role: Role;
  team_id: string | null;
  /** Social Work England registration number ("SW" and digits): the SSDA903 SW_ID. */
  swe_registration_number: string | null;
  password_hash: string;
  active: Generated<boolean>;
  failed_sign_ins: Generated<number>;
  locked_until: Timestamp | null;
  must_change_password: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface SignInSessionsTable {
  id: string;
  staff_id: string | null;
  data: ColumnType<unknown, string, string>;
  expires_at: Timestamp;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface PeopleTable {
  id: Generated<string>;
  is_child: boolean;
  la_child_id: string | null;
  given_name: string;
  family_name: string;
  date_of_birth: IsoDate | null;
  expected_date_of_birth: IsoDate | null;
  sex: string | null;
  ethnicity: string | null;
  restricted: Generated<boolean>;
  version: Generated<number>;
  upn: string | null;
  former_upn: string | null;
  /** CIN disability codes; empty when not yet recorded. */
  disabilities: ColumnType<string[], string[] | undefined, string[]>;
  unaccompanied_asylum_seeking: Generated<boolean>;
  first_language: string | null;
  gp_practice: string | null;
  school: string | null;
  /** Set when this record was merged into another: the record that survived. */
  merged_into_id: string | null;
  /** CIN census UPNunknown (UN1-UN7): why the child has no UPN. */
  upn_unknown: string | null;
  /** CIN census PersonDeathDate. */
  died_on: IsoDate | null;
  /** lower(given_name || ' ' || family_name), kept by the database, trigram-indexed for search. */
  search_name: ColumnType<string, never, never>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface RestrictedRecordAccessTable {
  person_id: string;
  staff_id: string;
  granted_by: string;
  granted_at: CreatedAt;
}

export type AllocationKind = 'social_worker' | 'reviewing_officer';

export interface AllocationsTable {
  id: Generated<string>;
  person_id: string;
  kind: AllocationKind;
  team_id: string;
  staff_id: string | null;
  started_on: IsoDate;
  ended_on: IsoDate | null;
  /** Why the child's social worker changed to this one (SSDA903 SW_REASON code); null when the worker did not change. */
  change_reason: string | null;
  recorded_by: string | null;
  recorded_at: CreatedAt;
}

export type AuditOutcome = 'allowed' | 'denied' | 'failed';

export interface AuditEventsTable {
  id: Generated<string>;
  occurred_at: CreatedAt;
  staff_id: string | null;
  action: string;
  outcome: AuditOutcome;
  record_type: string | null;
  record_id: string | null;
  person_id: string | null;
  ip_address: string | null;
  detail: ColumnType<unknown, string | null, never> | null;
}

export interface ChronologyEntriesTable {
  id: Generated<string>;
  person_id: string;
  /** What kind of event: contact, referral, decision, visit, case_note, plan, … */
  kind: string;
  occurred_on: IsoDate;
  occurred_at: Timestamp | null;
  summary: string;
  /** The record the entry comes from, e.g. ('contact', id), for a link back to it. */
  source_type: string;
  source_id: string;
  recorded_by: string | null;
  recorded_at: CreatedAt;
}

export interface ClockEventsTable {
  id: Generated<string>;
  person_id: string;
  /** An EventKind of src/domain/clocks. */
  kind: string;
  occurred_on: IsoDate;
  occurred_time: string | null;
  ref: string | null;
  late_reason: string | null;
  source_type: string;
  source_id: string;
  recorded_at: CreatedAt;
  /** Keeps same-day events in the order they were recorded. */
  seq: Generated<string>;
}

export interface ClockInstancesTable {
  id: Generated<string>;
  person_id: string;
  /** A ClockId of src/domain/clocks. */
  clock_id: string;
  occurrence: number;
  ref: string | null;
  started_on: IsoDate;
  due_on: IsoDate | null;
  due_at: string | null;
  /** From this date the clock shows as due soon (the authority's "due soon" window before due_on). */
  due_soon_from: IsoDate | null;
  completed_on: IsoDate | null;
  ended_on: IsoDate | null;
  late_reason: string | null;
  computed_at: CreatedAt;
  /** HH:MM, when the completing event had a time (hour-based clocks are judged by time). */
  completed_at: string | null;
}

/** The authority's general clock settings: one row (id 1). Working days throughout. */
export interface ClockSettingsTable {
  id: Generated<number>;
  counting_convention: 'start_is_day_zero' | 'start_is_day_one';
  due_soon_working_days: number;
  escalate_to_team_manager_after: number;
  escalate_to_service_manager_after_further: number;
  drift_after: number;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: Timestamp;
}

/** The authority's own timescale for one clock, replacing the national one (never longer, for a statutory clock). */
export interface ClockTimescaleSettingsTable {
  /** A ClockId of src/domain/clocks. */
  clock_id: string;
  due_amount: number | null;
  /** A TimeUnit of src/domain/clocks. */
  due_unit: string | null;
  repeat_amount: number | null;
  repeat_unit: string | null;
}

/**
 * Recalculating every child's clocks after the clock settings changed: a background job, worked
 * through in batches of children in id order, so it resumes after a restart. At most one is
 * queued or running; a later save supersedes it.
 */
export interface ClockRecalculationsTable {
  id: Generated<string>;
  status: ColumnType<'queued' | 'running' | 'finished' | 'failed' | 'superseded', string | undefined, string>;
  /** The administrator whose save asked for it; null from the command line. */
  requested_by: string | null;
  requested_at: CreatedAt;
  /** Children with clocks when it was asked for. */
  total: number;
  done: Generated<number>;
  /** The id of the last child done (children are worked through in id order). */
  done_up_to: string | null;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
  /** Why it stopped, in words without personal data. */
  failure: string | null;
  /** Which process is working on it, and when it last reported: another process takes over once it goes quiet. */
  runner: string | null;
  heartbeat_at: Timestamp | null;
}

export interface PersonAliasesTable {
  id: Generated<string>;
  person_id: string;
  given_name: string;
  family_name: string;
  search_name: ColumnType<string, never, never>;
  recorded_by: string | null;
  recorded_at: CreatedAt;
}

export interface AddressesTable {
  id: Generated<string>;
  person_id: string;
  line_1: string;
  line_2: string | null;
  town: string | null;
  postcode: string | null;
  from_on: IsoDate | null;
  to_on: IsoDate | null;
  recorded_by: string | null;
  recorded_at: CreatedAt;
}

export interface PersonAlertsTable {
  id: Generated<string>;
  person_id: string;
  alert: string;
  recorded_by: string | null;
  recorded_at: CreatedAt;
  removed_by: string | null;
  removed_at: Timestamp | null;
}

/** One relationship, recorded once: `person_id` is the `kind` (parent, carer, …) of `related_person_id`. */
export interface RelationshipsTable {
  id: Generated<string>;
  person_id: string;
  related_person_id: string;
  kind: string;
  same_household: Generated<boolean>;
  recorded_by: string | null;
  recorded_at: CreatedAt;
}

export interface CaseNotesTable {
  id: Generated<string>;
  person_id: string;
  note_type: string;
  occurred_on: IsoDate;
  note: string;
  childs_words: string | null;
  recorded_by: string | null;
  recorded_at: CreatedAt;
}

export interface PersonMergesTable {
  id: Generated<string>;
  survivor_id: string;
  merged_id: string;
  reason: string;
  /** What each feature moved, by name, so the merge can be undone exactly. */
  moved: ColumnType<Record<string, string[]>, string, never>;
  merged_by: string;
  merged_at: CreatedAt;
  undone_by: string | null;
  undone_at: Timestamp | null;
}

/** Public Law Outline: the legal gateway meeting and the pre-proceedings that may follow it. */
export interface PreProceedingsTable {
  id: Generated<string>;
  person_id: string;
  legal_gateway_on: IsoDate | null;
  /** Legal gateway outcome code (A-D, src/domain/codes/ssd-legal-gateway-outcome.ts). */
  legal_gateway_outcome: string | null;
  started_on: IsoDate;
  ended_on: IsoDate | null;
  end_reason: 'proceedings_issued' | 'concerns_reduced' | 'other' | null;
  version: Generated<number>;
  recorded_by: string | null;
  recorded_at: CreatedAt;
}

export interface CareProceedingsTable {
  id: Generated<string>;
  person_id: string;
  issued_on: IsoDate;
  court: string | null;
  court_case_number: string | null;
  final_hearing_on: IsoDate | null;
  concluded_on: IsoDate | null;
  final_order: string | null;
  version: Generated<number>;
  recorded_by: string | null;
  recorded_at: CreatedAt;
}

/** A continuous time looked after; its legal statuses and placements give the SSDA903 episodes. */
export interface PeriodsOfCareTable {
  id: Generated<string>;
  person_id: string;
  started_on: IsoDate;
  ended_on: IsoDate | null;
  /** SSDA903 REC (E codes) when care ended. */
  reason_ceased: string | null;
  /** SSDA903 CIN: N1-N8, kept from the start of the period (rule 504). */
  category_of_need: string;
  /** SSDA903 HOME_POST: the child's home postcode when they became looked after. */
  home_postcode: string | null;
  /** Bumped by every change to the period, its legal statuses or placements. */
  version: Generated<number>;
  recorded_by: string | null;
  recorded_at: CreatedAt;
}

export interface LegalStatusesTable {
  id: Generated<string>;
  person_id: string;
  period_of_care_id: string;
  /** SSDA903 LS code. */
  legal_status: string;
  started_on: IsoDate;
  ended_on: IsoDate | null;
  recorded_by: string | null;
  recorded_at: CreatedAt;
}

export interface PlacementsTable {
  id: Generated<string>;
  person_id: string;
  period_of_care_id: string;
  /** SSDA903 PLACE. */
  placement_type: string;
  /** SSDA903 PLACE_PROVIDER (PR0-PR5); null for temporary and Z placements. */
  provider: string | null;
  /** SSDA903 PL_POST. */
  postcode: string | null;
  /** Ofsted URN, or XXXXXXX where the provider is not Ofsted-inspected. */
  urn: string | null;
  /** The carer(s) or home: the same name on two placements means the same carer (RNE T/U). */
  carer_name: string | null;
  started_on: IsoDate;
  ended_on: IsoDate | null;
  /** SSDA903 REASON_PLACE_CHANGE: why this placement ended, when the child moved on. */
  reason_for_change: string | null;
  recorded_by: string | null;
  recorded_at: CreatedAt;
}

/** SSDA903 episodes, derived from legal statuses and placements and stored in the same transaction. */
export interface CareEpisodesTable {
  id: Generated<string>;
  person_id: string;
  period_of_care_id: string;
  legal_status_id: string;
  placement_id: string;
  /** DECOM */
  started_on: IsoDate;
  /** RNE */
  reason_new_episode: string;
  legal_status: string;
  category_of_need: string;
  placement_type: string;
  provider: string | null;
  /** DEC */
  ended_on: IsoDate | null;
  /** REC */
  reason_ceased: string | null;
  reason_placement_change: string | null;
  home_postcode: string | null;
  placement_postcode: string | null;
  urn: string | null;
}

export interface LookedAfterReviewsTable {
  id: Generated<string>;
  person_id: string;
  held_on: IsoDate;
  /** SSDA903 REVIEW_CODE (PN0-PN7). */
  participation: string;
  chaired_by: string | null;
  late_reason: string | null;
  decisions: string | null;
  recorded_by: string | null;
  recorded_at: CreatedAt;
  version: Generated<number>;
}

export interface LookedAfterVisitsTable {
  id: Generated<string>;
  person_id: string;
  placement_id: string | null;
  visited_on: IsoDate;
  child_seen: boolean;
  seen_alone: boolean;
  bedroom_seen: boolean;
  /** The child's views, in their own words. */
  childs_views: string | null;
  late_reason: string | null;
  visited_by: string | null;
  recorded_at: CreatedAt;
  version: Generated<number>;
}

export interface HealthAssessmentsTable {
  id: Generated<string>;
  person_id: string;
  kind: 'initial' | 'review';
  completed_on: IsoDate;
  completed_by: string;
  late_reason: string | null;
  recorded_by: string | null;
  recorded_at: CreatedAt;
  version: Generated<number>;
}

export interface EducationPlansTable {
  id: Generated<string>;
  person_id: string;
  stage: 'initiated' | 'completed' | 'reviewed';
  held_on: IsoDate;
  school: string | null;
  late_reason: string | null;
  recorded_by: string | null;
  recorded_at: CreatedAt;
  version: Generated<number>;
}

export interface PermanencePlansTable {
  id: Generated<string>;
  person_id: string;
  /** src/domain/codes/ssd-care-plan-permanence.ts */
  plan: string;
  agreed_on: IsoDate;
  detail: string | null;
  recorded_by: string | null;
  recorded_at: CreatedAt;
}

/** When a child was an unaccompanied asylum-seeking child; ceased_on is SSDA903 DUC. */
export interface UascStatusesTable {
  id: Generated<string>;
  person_id: string;
  started_on: IsoDate;
  ceased_on: IsoDate | null;
  version: Generated<number>;
  recorded_by: string | null;
  recorded_at: CreatedAt;
}

/** An independent visitor or advocate: asked for, offered, declined, or in place. */
export interface IndependentSupportTable {
  id: Generated<string>;
  person_id: string;
  kind: 'independent_visitor' | 'advocate';
  child_asked_on: IsoDate | null;
  offered_on: IsoDate | null;
  declined_on: IsoDate | null;
  started_on: IsoDate | null;
  ended_on: IsoDate | null;
  provided_by: string | null;
  version: Generated<number>;
  recorded_by: string | null;
  recorded_at: CreatedAt;
}

export interface MissingEpisodesTable {
  id: Generated<string>;
  person_id: string;
  /** SSDA903 MISSING: M missing, A away from placement without authorisation. */
  kind: 'M' | 'A';
  missing_from: 'home' | 'care';
  started_on: IsoDate;
  started_time: string | null;
  reported_to_police_on: IsoDate | null;
  reported_to_police_time: string | null;
  returned_on: IsoDate | null;
  returned_time: string | null;
  where_found: string | null;
  version: Generated<number>;
  recorded_by: string | null;
  recorded_at: CreatedAt;
}

export interface ReturnInterviewsTable {
  id: Generated<string>;
  person_id: string;
  missing_episode_id: string;
  offered_on: IsoDate;
  offered_time: string | null;
  outcome: 'held' | 'declined';
  held_on: IsoDate | null;
  held_time: string | null;
  conducted_by: string;
  /** What the child said, in their own words. */
  childs_account: string | null;
  late_reason: string | null;
  recorded_by: string | null;
  recorded_at: CreatedAt;
  version: Generated<number>;
}

export type ExploitationRisk = 'none' | 'low' | 'medium' | 'high';

export interface ExploitationScreeningsTable {
  id: Generated<string>;
  person_id: string;
  missing_episode_id: string | null;
  screened_on: IsoDate;
  sexual_exploitation_risk: ExploitationRisk;
  criminal_exploitation_risk: ExploitationRisk;
  indicators: string | null;
  recorded_by: string | null;
  recorded_at: CreatedAt;
}

/** A prompt to hold a strategy meeting, raised by Hearth until someone records what was done. */
export interface StrategyMeetingPromptsTable {
  id: Generated<string>;
  person_id: string;
  raised_on: IsoDate;
  reason: 'risk_raised' | 'repeated_missing';
  detail: string;
  resolved_on: IsoDate | null;
  resolution: string | null;
  resolved_by: string | null;
  version: Generated<number>;
  recorded_at: CreatedAt;
}

export interface PersonalAdvisersTable {
  id: Generated<string>;
  person_id: string;
  adviser_name: string;
  started_on: IsoDate;
  ended_on: IsoDate | null;
  recorded_by: string | null;
  recorded_at: CreatedAt;
}

export interface PathwayPlansTable {
  id: Generated<string>;
  person_id: string;
  stage: 'needs_assessment' | 'plan' | 'review';
  completed_on: IsoDate;
  young_persons_views: string | null;
  late_reason: string | null;
  recorded_by: string | null;
  recorded_at: CreatedAt;
}

/** SSDA903 OC3: in touch, main activity and accommodation around a care leaver's birthday. */
export interface CareLeaverContactsTable {
  id: Generated<string>;
  person_id: string;
  contact_on: IsoDate;
  in_touch: string;
  activity: string | null;
  /** Letter and suitability digit, e.g. U1. */
  accommodation: string | null;
  recorded_by: string | null;
  recorded_at: CreatedAt;
}

export interface ContactsTable {
  id: Generated<string>;
  received_at: Timestamp;
  /** CIN census ReferralSource code. */
  referral_source: string;
  referrer_name: string;
  referrer_organisation: string | null;
  referrer_contact_details: string | null;
  concerns: string;
  consent: string;
  rag_rating: string;
  /** A ContactDecision of src/domain/front-door; null while the contact is open. */
  decision: string | null;
  decision_rationale: string | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  referrer_informed_on: IsoDate | null;
  referrer_informed_recorded_by: string | null;
  recorded_by: string;
  recorded_at: CreatedAt;
  version: Generated<number>;
}

export interface ContactChildrenTable {
  contact_id: string;
  person_id: string;
  /** The referral (child-in-need episode) the contact started or joined, once decided. */
  referral_id: string | null;
}

export interface ReferralsTable {
  id: Generated<string>;
  person_id: string;
  contact_id: string | null;
  /** CIN census CINreferralDate. */
  referral_date: IsoDate;
  /** CIN census ReferralSource code. */
  referral_source: string;
  /** CIN census PrimaryNeedCode (N0–N9); may be empty only on a referral with no further action. */
  primary_need_code: string | null;
  /** CIN census ReferralNFA. */
  referral_nfa: Generated<boolean>;
  /** Within 12 months of the child's previous referral. */
  is_re_referral: boolean;
  previous_referral_id: string | null;
  /** CIN census CINclosureDate and ReasonForClosure (RC codes). */
  closed_on: IsoDate | null;
  closure_reason: string | null;
  recorded_by: string | null;
  recorded_at: CreatedAt;
  version: Generated<number>;
}

export interface OutOfHoursCallsTable {
  id: Generated<string>;
  received_at: Timestamp;
  /** A CallAnswer of src/domain/out-of-hours. */
  answer: string;
  answered_at: Timestamp | null;
  caller_type: string;
  caller_name: string | null;
  caller_contact_details: string | null;
  /** Children the call was about who are not known to Hearth, as the caller described them. */
  children_not_known: string | null;
  concern: string | null;
  /** CallAction codes. */
  actions: ColumnType<string[], string[] | undefined, string[]>;
  visit_needed: Generated<boolean>;
  outcome: string | null;
  worker_id: string;
  recorded_at: CreatedAt;
}

export interface OutOfHoursCallChildrenTable {
  call_id: string;
  person_id: string;
}

export interface OutOfHoursCallbacksTable {
  id: Generated<string>;
  call_id: string;
  attempted_at: Timestamp;
  attempted_by: string;
  /** A CallbackResult of src/domain/out-of-hours. */
  result: string;
  recorded_at: CreatedAt;
}

export interface HandoverItemsTable {
  id: Generated<string>;
  call_id: string;
  person_id: string | null;
  /** The day team that picks it up; null for the front door when no team is marked as the front door. */
  team_id: string | null;
  handover_on: IsoDate;
  accepted_by: string | null;
  accepted_at: Timestamp | null;
}

/** A child and family assessment (or a disabled child's assessment) of one referral; CIN census Assessments. */
export interface AssessmentsTable {
  id: Generated<string>;
  person_id: string;
  referral_id: string;
  kind: 'child_and_family' | 'disabled_child';
  /** CIN census AssessmentActualStartDate. */
  started_on: IsoDate;
  worker_id: string | null;
  status: Generated<'in_progress' | 'awaiting_authorisation' | 'authorised'>;
  /** CIN census FactorsIdentifiedAtAssessment: the DfE codes. */
  factors: Generated<string[]>;
  outcome: string | null;
  summary: string | null;
  submitted_on: IsoDate | null;
  /** CIN census AssessmentAuthorisationDate: stops the 45-working-day clock. */
  authorised_on: IsoDate | null;
  /** CIN census AssessmentInternalReviewDate. */
  internal_review_on: IsoDate | null;
  authorised_by: string | null;
  late_reason: string | null;
  version: Generated<number>;
  recorded_by: string | null;
  recorded_at: CreatedAt;
}

/** A manager sending an assessment back for more work; kept as its history. */
export interface AssessmentReturnsTable {
  id: Generated<string>;
  assessment_id: string;
  returned_by: string | null;
  returned_at: CreatedAt;
  comments: string;
}

export interface StrategyDiscussionsTable {
  id: Generated<string>;
  person_id: string;
  referral_id: string;
  held_on: IsoDate;
  /** The agencies that took part (codes from domain/child-protection/agencies). */
  agencies: string[];
  participants: string | null;
  decision: 'section_47' | 'single_agency_assessment' | 'no_further_action';
  rationale: string;
  recorded_by: string | null;
  recorded_at: CreatedAt;
}

/** CIN census Section47: S47ActualStartDate (the strategy discussion's date), ICPCnotRequired (= not icpc_required). */
export interface Section47EnquiriesTable {
  id: Generated<string>;
  person_id: string;
  referral_id: string;
  strategy_discussion_id: string;
  started_on: IsoDate;
  completed_on: IsoDate | null;
  outcome: string | null;
  icpc_required: boolean | null;
  version: Generated<number>;
  recorded_by: string | null;
  recorded_at: CreatedAt;
}

/** Initial (CIN census DateOfInitialCPC) and review (CPPreviewDate) child protection conferences. */
export interface ChildProtectionConferencesTable {
  id: Generated<string>;
  person_id: string;
  referral_id: string;
  kind: 'initial' | 'review';
  section_47_id: string | null;
  plan_id: string | null;
  held_on: IsoDate;
  chair: string | null;
  agencies: Generated<string[]>;
  decision: 'plan' | 'no_plan' | 'continue_plan' | 'end_plan';
  category_of_abuse: string | null;
  recorded_by: string | null;
  recorded_at: CreatedAt;
}

/** CIN census ChildProtectionPlans: CPPstartDate, CPPendDate, Initial/LatestCategoryOfAbuse, NumberOfPreviousCPP. */
export interface ChildProtectionPlansTable {
  id: Generated<string>;
  person_id: string;
  referral_id: string;
  started_on: IsoDate;
  initial_category: string;
  latest_category: string;
  number_of_previous_plans: number;
  ended_on: IsoDate | null;
  end_reason: string | null;
  version: Generated<number>;
  recorded_by: string | null;
  recorded_at: CreatedAt;
}

export interface CoreGroupMeetingsTable {
  id: Generated<string>;
  person_id: string;
  plan_id: string;
  held_on: IsoDate;
  notes: string | null;
  recorded_by: string | null;
  recorded_at: CreatedAt;
}

/** CIN census CINPlanDates: CINPlanStartDate, CINPlanEndDate. */
export interface ChildInNeedPlansTable {
  id: Generated<string>;
  person_id: string;
  referral_id: string;
  started_on: IsoDate;
  ended_on: IsoDate | null;
  end_reason: string | null;
  version: Generated<number>;
  recorded_by: string | null;
  recorded_at: CreatedAt;
}

export interface ChildInNeedPlanReviewsTable {
  id: Generated<string>;
  person_id: string;
  plan_id: string;
  reviewed_on: IsoDate;
  notes: string | null;
  recorded_by: string | null;
  recorded_at: CreatedAt;
}

/** A statutory visit to a child in need or on a child protection plan (SSD cin/cp visits). */
export interface CaseworkVisitsTable {
  id: Generated<string>;
  person_id: string;
  plan_kind: 'child_protection' | 'child_in_need' | 'none';
  plan_id: string | null;
  visited_on: IsoDate;
  child_seen: boolean;
  seen_alone: boolean;
  bedroom_seen: boolean;
  /** The child's views, in their own words. */
  childs_views: string | null;
  late_reason: string | null;
  visited_by: string | null;
  recorded_at: CreatedAt;
}

/** A manager's decision on a child's case, with who decided and why; a step-down carries the evidence of progress. */
export interface ManagementDecisionsTable {
  id: Generated<string>;
  person_id: string;
  referral_id: string | null;
  kind: 'threshold' | 'assessment_authorised' | 'returned_for_more_work' | 'step_down' | 'escalation';
  decided_on: IsoDate;
  decided_by: string;
  rationale: string;
  step_down_target: 'case_closure' | 'cp_plan_end' | 'cin_plan_end' | null;
  step_down_to: 'early_help' | 'universal_services' | 'child_in_need_plan' | 'no_service' | null;
  evidence_of_progress: string | null;
  /** The closure or plan end this step-down authorised, once used. */
  used_for_type: string | null;
  used_for_id: string | null;
  source_type: string | null;
  source_id: string | null;
  recorded_at: CreatedAt;
}

export interface CaseSupervisionsTable {
  id: Generated<string>;
  person_id: string;
  held_on: IsoDate;
  supervisor_id: string;
  worker_id: string | null;
  reflection: string;
  decisions: string;
  recorded_at: CreatedAt;
}

export interface SupervisionActionsTable {
  id: Generated<string>;
  supervision_id: string;
  person_id: string;
  description: string;
  owner_id: string;
  due_on: IsoDate;
  completed_on: IsoDate | null;
  version: Generated<number>;
}

/** SSDA903 PlacedAdoption: the decision that the child should be placed for adoption, and its reversal. */
export interface AdoptionDecisionsTable {
  id: Generated<string>;
  person_id: string;
  /** DATE_PLACED */
  decided_on: IsoDate;
  /** DATE_PLACED_CEASED */
  reversed_on: IsoDate | null;
  /** REASON_PLACED_CEASED: RD1-RD4 */
  reason_reversed: string | null;
  recorded_by: string | null;
  recorded_at: CreatedAt;
  version: Generated<number>;
}

/** SSDA903 AD1: an adoption, on the day of the adoption order. */
export interface AdoptionsTable {
  id: Generated<string>;
  person_id: string;
  adopted_on: IsoDate;
  /** DATE_INT: the decision that the child should be placed for adoption. */
  should_be_placed_on: IsoDate | null;
  /** DATE_MATCH */
  matched_on: IsoDate | null;
  /** FOSTER_CARE */
  adopted_by_foster_carer: boolean | null;
  /** NB_ADOPTR */
  number_of_adopters: number | null;
  /** SEX_ADOPTR: M1, F1, MM, FF, MF */
  adopters_sex: string | null;
  /** LS_ADOPTR */
  adopters_legal_status: string | null;
  recorded_by: string | null;
  recorded_at: CreatedAt;
  version: Generated<number>;
}

/** A household of prospective adopters (Annex A list 11): its journey from enquiry to approval, or leaving. */
export interface AdopterHouseholdsTable {
  id: Generated<string>;
  /** The authority's family identifier ("AF000123"), numbered by the database. */
  family_identifier: Generated<string>;
  fostering_for_adoption: Generated<boolean>;
  enquiry_received_on: IsoDate;
  stage_one_started_on: IsoDate | null;
  stage_one_ended_on: IsoDate | null;
  stage_two_started_on: IsoDate | null;
  stage_two_ended_on: IsoDate | null;
  application_submitted_on: IsoDate | null;
  approved_on: IsoDate | null;
  left_on: IsoDate | null;
  /** Annex A list 11 reason for leaving: 1 withdrew, 2 put on hold, 3 refused. */
  reason_left: string | null;
  version: Generated<number>;
  recorded_by: string | null;
  recorded_at: CreatedAt;
  updated_at: Timestamp;
}

/** One adult of a household of prospective adopters. */
export interface ProspectiveAdoptersTable {
  id: Generated<string>;
  household_id: string;
  /** The authority's individual adopter identifier ("AP000123"), numbered by the database. */
  adopter_identifier: Generated<string>;
  /** 1 or 2: the order the household lists its adopters. */
  position: number;
  given_name: string;
  family_name: string;
  /** Annex A gender: "a) Male", "b) Female", "c) Not stated/recorded", "d) Neither". */
  gender: string;
  /** DfE ethnicity code. */
  ethnicity: string;
  /** Null: not known. */
  disabled: boolean | null;
}

/** A child matched with a household of prospective adopters, and the day the child moved in. */
export interface AdopterMatchesTable {
  id: Generated<string>;
  household_id: string;
  person_id: string;
  matched_on: IsoDate;
  placed_on: IsoDate | null;
  version: Generated<number>;
  recorded_by: string | null;
  recorded_at: CreatedAt;
}

/** SSDA903 PrevPerm: the permanence arrangement the child had before the period of care that started on period_started_on. */
export interface PreviousPermanenceTable {
  id: Generated<string>;
  person_id: string;
  period_started_on: IsoDate;
  /** PREV_PERM: P1-P4, Z1 */
  arrangement: string;
  /** LA_PERM: the authority that made the arrangement. */
  local_authority: string | null;
  /** DATE_PERM as the return writes it (DD/MM/YYYY, zz for unknown parts). */
  arrangement_date: string | null;
  recorded_by: string | null;
  recorded_at: CreatedAt;
  version: Generated<number>;
}

/** SSDA903 OC2: outcomes for a child looked after continuously for 12 months at 31 March of the collection year. */
export interface LookedAfterOutcomesTable {
  id: Generated<string>;
  person_id: string;
  collection_year: number;
  sdq_score: number | null;
  sdq_reason: string | null;
  convicted: boolean | null;
  health_check: boolean | null;
  immunisations: boolean | null;
  teeth_check: boolean | null;
  health_assessment: boolean | null;
  substance_misuse: boolean | null;
  intervention_received: boolean | null;
  intervention_offered: boolean | null;
  recorded_by: string | null;
  recorded_at: CreatedAt;
  version: Generated<number>;
}

/** SSDA903 Header MOTHER and MC_DOB: whether a girl or young woman looked after is a mother. */
export interface MotherhoodTable {
  person_id: string;
  is_mother: boolean;
  first_child_born_on: IsoDate | null;
  recorded_by: string | null;
  recorded_at: CreatedAt;
  version: Generated<number>;
}

export interface Database {
  services: ServicesTable;
  teams: TeamsTable;
  staff: StaffTable;
  sign_in_sessions: SignInSessionsTable;
  settings: SettingsTable;
  people: PeopleTable;
  restricted_record_access: RestrictedRecordAccessTable;
  allocations: AllocationsTable;
  audit_events: AuditEventsTable;
  chronology_entries: ChronologyEntriesTable;
  clock_events: ClockEventsTable;
  clock_instances: ClockInstancesTable;
  clock_settings: ClockSettingsTable;
  clock_timescale_settings: ClockTimescaleSettingsTable;
  clock_recalculations: ClockRecalculationsTable;
  person_aliases: PersonAliasesTable;
  addresses: AddressesTable;
  person_alerts: PersonAlertsTable;
  relationships: RelationshipsTable;
  case_notes: CaseNotesTable;
  person_merges: PersonMergesTable;
  contacts: ContactsTable;
  contact_children: ContactChildrenTable;
  referrals: ReferralsTable;
  out_of_hours_calls: OutOfHoursCallsTable;
  out_of_hours_call_children: OutOfHoursCallChildrenTable;
  out_of_hours_callbacks: OutOfHoursCallbacksTable;
  handover_items: HandoverItemsTable;
  pre_proceedings: PreProceedingsTable;
  care_proceedings: CareProceedingsTable;
  periods_of_care: PeriodsOfCareTable;
  legal_statuses: LegalStatusesTable;
  placements: PlacementsTable;
  care_episodes: CareEpisodesTable;
  looked_after_reviews: LookedAfterReviewsTable;
  looked_after_visits: LookedAfterVisitsTable;
  health_assessments: HealthAssessmentsTable;
  education_plans: EducationPlansTable;
  permanence_plans: PermanencePlansTable;
  uasc_statuses: UascStatusesTable;
  independent_support: IndependentSupportTable;
  missing_episodes: MissingEpisodesTable;
  return_interviews: ReturnInterviewsTable;
  exploitation_screenings: ExploitationScreeningsTable;
  strategy_meeting_prompts: StrategyMeetingPromptsTable;
  personal_advisers: PersonalAdvisersTable;
  pathway_plans: PathwayPlansTable;
  care_leaver_contacts: CareLeaverContactsTable;
  assessments: AssessmentsTable;
  assessment_returns: AssessmentReturnsTable;
  strategy_discussions: StrategyDiscussionsTable;
  section_47_enquiries: Section47EnquiriesTable;
  child_protection_conferences: ChildProtectionConferencesTable;
  child_protection_plans: ChildProtectionPlansTable;
  core_group_meetings: CoreGroupMeetingsTable;
  child_in_need_plans: ChildInNeedPlansTable;
  child_in_need_plan_reviews: ChildInNeedPlanReviewsTable;
  casework_visits: CaseworkVisitsTable;
  management_decisions: ManagementDecisionsTable;
  case_supervisions: CaseSupervisionsTable;
  supervision_actions: SupervisionActionsTable;
  adoption_decisions: AdoptionDecisionsTable;
  adoptions: AdoptionsTable;
  previous_permanence: PreviousPermanenceTable;
  looked_after_outcomes: LookedAfterOutcomesTable;
  motherhood: MotherhoodTable;
  adopter_households: AdopterHouseholdsTable;
  prospective_adopters: ProspectiveAdoptersTable;
  adopter_matches: AdopterMatchesTable;
}

export type Staff = Selectable<StaffTable>;
export type NewStaff = Insertable<StaffTable>;
export type Person = Selectable<PeopleTable>;
export type NewPerson = Insertable<PeopleTable>;
