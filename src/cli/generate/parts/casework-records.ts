import type { Insertable, Kysely } from 'kysely';
import type {
  AssessmentReturnsTable,
  AssessmentsTable,
  CaseSupervisionsTable,
  CaseworkVisitsTable,
  ChildInNeedPlanReviewsTable,
  ChildInNeedPlansTable,
  ChildProtectionConferencesTable,
  ChildProtectionPlansTable,
  ChronologyEntriesTable,
  ClockEventsTable,
  CoreGroupMeetingsTable,
  Database,
  IsoDate,
  ManagementDecisionsTable,
  ReferralsTable,
  Section47EnquiriesTable,
  StrategyDiscussionsTable,
  SupervisionActionsTable,
} from '../../../db/schema.js';
import { agencyLabel } from '../../../domain/child-protection/agencies.js';
import { type AssessmentKind, assessmentKindLabel } from '../../../domain/child-protection/assessment-kinds.js';
import { type AssessmentOutcome, assessmentOutcomeLabel } from '../../../domain/child-protection/assessment-outcomes.js';
import {
  managementDecisionKindLabel,
  type StepDownDestination,
  type StepDownTarget,
  stepDownDestinationLabel,
  stepDownTargetLabel,
} from '../../../domain/child-protection/management-decision-kinds.js';
import { type PlanEndReason, planEndReasonLabel } from '../../../domain/child-protection/plan-end-reasons.js';
import { type Section47Outcome, section47OutcomeLabel, section47Outcomes } from '../../../domain/child-protection/section-47-outcomes.js';
import { strategyDecisionLabel } from '../../../domain/child-protection/strategy-decisions.js';
import type { EventKind } from '../../../domain/clocks/events.js';
import { categoryOfAbuseLabel } from '../../../domain/codes/cin-category-of-abuse.js';
import { primaryNeedLabel } from '../../../domain/codes/cin-primary-need.js';
import { reasonForClosureLabel } from '../../../domain/codes/cin-reason-for-closure.js';
import { formatDate } from '../../../platform/view-filters.js';
import { insertRows } from '../bulk-insert.js';
import type { Draw } from '../draw.js';
import { officeHoursOn } from '../instants.js';

/** Who did something: the member of staff (their id goes on the row) and the name the chronology gives. */
export interface Recorder {
  id: string;
  name: string;
}

type Source = { type: string; id: string };

const planNames = { child_protection: 'child protection plan', child_in_need: 'child in need plan', none: 'no plan yet' } as const;
const conferenceDecisions = {
  plan: 'child protection plan',
  no_plan: 'no child protection plan',
  continue_plan: 'the plan continues',
  end_plan: 'the plan can end',
} as const;
const shortened = (text: string) => (text.length > 160 ? `${text.slice(0, 157).trimEnd()}…` : text);

/**
 * The casework records of a batch of children, written as the features' services write them:
 * each method adds the rows, chronology entries (same kinds and summaries) and case events (same
 * kinds, refs and sources) that the service records for the same act, in the order it records
 * them. `flush` writes everything with multi-row inserts, parents before children.
 */
export class CaseworkRecords {
  referrals: Insertable<ReferralsTable>[] = [];
  assessments: Insertable<AssessmentsTable>[] = [];
  assessmentReturns: Insertable<AssessmentReturnsTable>[] = [];
  strategyDiscussions: Insertable<StrategyDiscussionsTable>[] = [];
  enquiries: Insertable<Section47EnquiriesTable>[] = [];
  protectionPlans: Insertable<ChildProtectionPlansTable>[] = [];
  conferences: Insertable<ChildProtectionConferencesTable>[] = [];
  coreGroups: Insertable<CoreGroupMeetingsTable>[] = [];
  childInNeedPlans: Insertable<ChildInNeedPlansTable>[] = [];
  childInNeedReviews: Insertable<ChildInNeedPlanReviewsTable>[] = [];
  visits: Insertable<CaseworkVisitsTable>[] = [];
  supervisions: Insertable<CaseSupervisionsTable>[] = [];
  actions: Insertable<SupervisionActionsTable>[] = [];
  decisions: Insertable<ManagementDecisionsTable>[] = [];
  chronology: Insertable<ChronologyEntriesTable>[] = [];
  events: Insertable<ClockEventsTable>[] = [];

  /** `newId` gives every row's id, `times` the moment each was recorded: from streams of the part's own. */
  constructor(
    readonly newId: () => string,
    private readonly times: Draw,
  ) {}

  recordedAt(on: IsoDate): string {
    return officeHoursOn(on, this.times);
  }

  private entry(personId: string, kind: string, on: IsoDate, summary: string, source: Source, by: Recorder | null): void {
    this.chronology.push({
      id: this.newId(),
      person_id: personId,
      kind,
      occurred_on: on,
      occurred_at: null,
      summary,
      source_type: source.type,
      source_id: source.id,
      recorded_by: by?.id ?? null,
      recorded_at: this.recordedAt(on),
    });
  }

  private event(
    personId: string,
    kind: EventKind,
    on: IsoDate,
    ref: string | null,
    source: Source,
    lateReason: string | null = null,
  ): void {
    this.events.push({
      id: this.newId(),
      person_id: personId,
      kind,
      occurred_on: on,
      occurred_time: null,
      ref,
      late_reason: lateReason,
      source_type: source.type,
      source_id: source.id,
      recorded_at: this.recordedAt(on),
    });
  }

  /** front-door `startReferral`; a referral with no further action is written as the CIN census importer writes one. */
  referral(input: {
    personId: string;
    referredOn: IsoDate;
    source: string;
    primaryNeed: string;
    nfa: boolean;
    previous: { id: string; referredOn: IsoDate } | null;
    isReReferral: boolean;
    significantHarmSuspected: boolean;
    by: Recorder;
  }): Insertable<ReferralsTable> & { id: string; version: number } {
    const id = this.newId();
    const row = {
      id,
      person_id: input.personId,
      contact_id: null,
      referral_date: input.referredOn,
      referral_source: input.source,
      primary_need_code: input.primaryNeed,
      referral_nfa: input.nfa,
      is_re_referral: input.isReReferral,
      previous_referral_id: input.previous?.id ?? null,
      closed_on: null,
      closure_reason: null,
      recorded_by: input.by.id,
      recorded_at: this.recordedAt(input.referredOn),
      version: 1,
    };
    this.referrals.push(row);
    const source = { type: 'referral', id };
    if (input.nfa) {
      this.entry(input.personId, 'referral', input.referredOn, 'Referral to children’s social care: no further action', source, input.by);
      return row;
    }
    this.event(input.personId, 'referral_received', input.referredOn, id, source);
    if (input.significantHarmSuspected) this.event(input.personId, 'significant_harm_suspected', input.referredOn, id, source);
    const reReferralNote =
      input.isReReferral && input.previous ? `; re-referral (previous referral ${formatDate(input.previous.referredOn)})` : '';
    const need = primaryNeedLabel(input.primaryNeed)?.toLowerCase() ?? input.primaryNeed;
    this.entry(
      input.personId,
      'referral',
      input.referredOn,
      `Referral to children's social care: ${need}${reReferralNote}`,
      source,
      input.by,
    );
    return row;
  }

  /** assessments `startAssessment`; the row is completed by `assessmentProgress`. */
  assessmentStarted(input: {
    personId: string;
    referralId: string;
    kind: AssessmentKind;
    startedOn: IsoDate;
    worker: Recorder | null;
    by: Recorder;
  }) {
    const id = this.newId();
    const row: Insertable<AssessmentsTable> & { version: number } = {
      id,
      person_id: input.personId,
      referral_id: input.referralId,
      kind: input.kind,
      started_on: input.startedOn,
      worker_id: input.worker?.id ?? null,
      status: 'in_progress',
      factors: [],
      outcome: null,
      summary: null,
      submitted_on: null,
      authorised_on: null,
      internal_review_on: null,
      authorised_by: null,
      late_reason: null,
      version: 1,
      recorded_by: input.by.id,
      recorded_at: this.recordedAt(input.startedOn),
    };
    this.assessments.push(row);
    this.entry(
      input.personId,
      'assessment',
      input.startedOn,
      `${assessmentKindLabel(input.kind)} started by ${input.by.name}.`,
      { type: 'assessment', id },
      input.by,
    );
    return row;
  }

  /** assessments `submitAssessment` (the worker sends it to a manager). */
  assessmentSubmitted(
    row: Insertable<AssessmentsTable> & { version: number },
    input: { on: IsoDate; factors: string[]; outcome: AssessmentOutcome; summary: string },
  ) {
    Object.assign(row, {
      status: 'awaiting_authorisation',
      factors: input.factors,
      outcome: input.outcome,
      summary: input.summary,
      submitted_on: input.on,
      version: row.version + 1,
    });
  }

  /** assessments `returnAssessment`: a manager sends it back for more work, with comments. */
  assessmentReturned(row: Insertable<AssessmentsTable> & { version: number }, input: { on: IsoDate; comments: string; manager: Recorder }) {
    Object.assign(row, { status: 'in_progress', submitted_on: null, version: row.version + 1 });
    this.assessmentReturns.push({
      id: this.newId(),
      assessment_id: row.id as string,
      returned_by: input.manager.id,
      returned_at: this.recordedAt(input.on),
      comments: input.comments,
    });
    this.decision({
      personId: row.person_id,
      kind: 'returned_for_more_work',
      on: input.on,
      manager: input.manager,
      rationale: input.comments,
      referralId: row.referral_id,
      source: { type: 'assessment', id: row.id as string },
    });
  }

  /** assessments `authoriseAssessment`: the authorisation date stops the 45-working-day clock; a late one carries its reason. */
  assessmentAuthorised(
    row: Insertable<AssessmentsTable> & { version: number },
    input: { on: IsoDate; manager: Recorder; lateReason: string | null; rationale: string },
  ) {
    Object.assign(row, {
      status: 'authorised',
      authorised_on: input.on,
      authorised_by: input.manager.id,
      late_reason: input.lateReason,
      version: row.version + 1,
    });
    const source = { type: 'assessment', id: row.id as string };
    this.decision({
      personId: row.person_id,
      kind: 'assessment_authorised',
      on: input.on,
      manager: input.manager,
      rationale: `${assessmentOutcomeLabel(row.outcome ?? null) ?? 'Outcome recorded'}. ${input.rationale}`,
      referralId: row.referral_id,
      source,
    });
    this.event(row.person_id, 'assessment_authorised', input.on, row.referral_id, source, input.lateReason);
  }

  /** management-decisions `recordManagementDecision`: the decision, on the chronology as management oversight. */
  decision(input: {
    personId: string;
    kind: ManagementDecisionsTable['kind'];
    on: IsoDate;
    manager: Recorder;
    rationale: string;
    referralId: string | null;
    stepDown?: { target: StepDownTarget; to: StepDownDestination; evidenceOfProgress: string; usedFor: Source };
    source?: Source;
  }): string {
    const id = this.newId();
    this.decisions.push({
      id,
      person_id: input.personId,
      referral_id: input.referralId,
      kind: input.kind,
      decided_on: input.on,
      decided_by: input.manager.id,
      rationale: input.rationale,
      step_down_target: input.stepDown?.target ?? null,
      step_down_to: input.stepDown?.to ?? null,
      evidence_of_progress: input.stepDown?.evidenceOfProgress ?? null,
      used_for_type: input.stepDown?.usedFor.type ?? null,
      used_for_id: input.stepDown?.usedFor.id ?? null,
      source_type: input.source?.type ?? null,
      source_id: input.source?.id ?? null,
      recorded_at: this.recordedAt(input.on),
    });
    const what = input.stepDown
      ? `${stepDownTargetLabel(input.stepDown.target)}, to ${stepDownDestinationLabel(input.stepDown.to)?.toLowerCase()}, authorised`
      : managementDecisionKindLabel(input.kind);
    this.entry(
      input.personId,
      'management_oversight',
      input.on,
      `${what} by ${input.manager.name}: ${shortened(input.rationale)}`,
      { type: 'management_decision', id },
      input.manager,
    );
    return id;
  }

  /** strategy-discussions `recordStrategyDiscussion` with a decision to start a section 47 enquiry, and section-47 `startEnquiry`. */
  strategyDiscussionStartingEnquiry(input: {
    personId: string;
    referralId: string;
    heldOn: IsoDate;
    agencies: string[];
    rationale: string;
    by: Recorder;
  }): Insertable<Section47EnquiriesTable> & { version: number } {
    const discussionId = this.newId();
    this.strategyDiscussions.push({
      id: discussionId,
      person_id: input.personId,
      referral_id: input.referralId,
      held_on: input.heldOn,
      agencies: input.agencies,
      participants: null,
      decision: 'section_47',
      rationale: input.rationale,
      recorded_by: input.by.id,
      recorded_at: this.recordedAt(input.heldOn),
    });
    const discussion = { type: 'strategy_discussion', id: discussionId };
    this.event(input.personId, 'strategy_discussion_held', input.heldOn, input.referralId, discussion);
    this.entry(
      input.personId,
      'strategy_discussion',
      input.heldOn,
      `Strategy discussion (${input.agencies.map(agencyLabel).join(', ')}): ${strategyDecisionLabel('section_47').toLowerCase()}.`,
      discussion,
      input.by,
    );
    const id = this.newId();
    const enquiry = {
      id,
      person_id: input.personId,
      referral_id: input.referralId,
      strategy_discussion_id: discussionId,
      started_on: input.heldOn,
      completed_on: null,
      outcome: null,
      icpc_required: null,
      version: 1,
      recorded_by: input.by.id,
      recorded_at: this.recordedAt(input.heldOn),
    };
    this.enquiries.push(enquiry);
    const source = { type: 'section_47', id };
    this.event(input.personId, 's47_enquiry_started', input.heldOn, input.referralId, source);
    this.entry(input.personId, 'section_47', input.heldOn, 'Section 47 enquiry started.', source, input.by);
    return enquiry;
  }

  /** section-47 `recordEnquiryOutcome`. */
  enquiryOutcome(
    enquiry: Insertable<Section47EnquiriesTable> & { version: number },
    input: { on: IsoDate; outcome: Section47Outcome; by: Recorder },
  ) {
    Object.assign(enquiry, {
      completed_on: input.on,
      outcome: input.outcome,
      icpc_required: section47Outcomes.find((o) => o.code === input.outcome)?.icpcRequired ?? false,
      version: enquiry.version + 1,
    });
    const source = { type: 'section_47', id: enquiry.id as string };
    this.event(enquiry.person_id, 's47_outcome_authorised', input.on, enquiry.referral_id, source);
    if (!enquiry.icpc_required) this.event(enquiry.person_id, 'icpc_not_required', input.on, enquiry.referral_id, source);
    this.entry(
      enquiry.person_id,
      'section_47',
      input.on,
      `Section 47 enquiry outcome: ${section47OutcomeLabel(input.outcome)?.toLowerCase()}.`,
      source,
      input.by,
    );
  }

  /**
   * conferences `recordInitialConference` deciding on a plan, and child-protection-plans
   * `startProtectionPlan` (the plan starts that day under its category of abuse).
   */
  initialConferenceWithPlan(input: {
    enquiry: Insertable<Section47EnquiriesTable>;
    heldOn: IsoDate;
    chair: string | null;
    agencies: string[];
    categoryOfAbuse: string;
    numberOfPreviousPlans: number;
    by: Recorder;
  }): Insertable<ChildProtectionPlansTable> & { version: number } {
    const { person_id: personId, referral_id: referralId } = input.enquiry;
    const conferenceId = this.newId();
    const planId = this.newId();
    this.conferences.push({
      id: conferenceId,
      person_id: personId,
      referral_id: referralId,
      kind: 'initial',
      section_47_id: input.enquiry.id as string,
      plan_id: planId,
      held_on: input.heldOn,
      chair: input.chair,
      agencies: input.agencies,
      decision: 'plan',
      category_of_abuse: input.categoryOfAbuse,
      recorded_by: input.by.id,
      recorded_at: this.recordedAt(input.heldOn),
    });
    const conference = { type: 'conference', id: conferenceId };
    this.event(personId, 'icpc_held', input.heldOn, referralId, conference);
    this.entry(
      personId,
      'conference',
      input.heldOn,
      `Initial child protection conference: ${conferenceDecisions.plan}.`,
      conference,
      input.by,
    );
    const plan = {
      id: planId,
      person_id: personId,
      referral_id: referralId,
      started_on: input.heldOn,
      initial_category: input.categoryOfAbuse,
      latest_category: input.categoryOfAbuse,
      number_of_previous_plans: input.numberOfPreviousPlans,
      ended_on: null,
      end_reason: null,
      version: 1,
      recorded_by: input.by.id,
      recorded_at: this.recordedAt(input.heldOn),
    };
    this.protectionPlans.push(plan);
    const source = { type: 'child_protection_plan', id: planId };
    this.event(personId, 'cp_plan_started', input.heldOn, planId, source);
    this.entry(
      personId,
      'plan',
      input.heldOn,
      `Child protection plan started: ${categoryOfAbuseLabel(input.categoryOfAbuse)?.toLowerCase()}.`,
      source,
      input.by,
    );
    return plan;
  }

  /** conferences `recordReviewConference` (and `setLatestCategory` when the category changes). */
  reviewConference(
    plan: Insertable<ChildProtectionPlansTable> & { version: number },
    input: { heldOn: IsoDate; chair: string | null; agencies: string[]; categoryOfAbuse: string; endsPlan: boolean; by: Recorder },
  ) {
    const id = this.newId();
    const decision = input.endsPlan ? 'end_plan' : 'continue_plan';
    this.conferences.push({
      id,
      person_id: plan.person_id,
      referral_id: plan.referral_id,
      kind: 'review',
      section_47_id: null,
      plan_id: plan.id as string,
      held_on: input.heldOn,
      chair: input.chair,
      agencies: input.agencies,
      decision,
      category_of_abuse: input.categoryOfAbuse,
      recorded_by: input.by.id,
      recorded_at: this.recordedAt(input.heldOn),
    });
    if (plan.latest_category !== input.categoryOfAbuse)
      Object.assign(plan, { latest_category: input.categoryOfAbuse, version: plan.version + 1 });
    const source = { type: 'conference', id };
    this.event(plan.person_id, 'rcpc_held', input.heldOn, plan.id as string, source);
    this.entry(
      plan.person_id,
      'conference',
      input.heldOn,
      `Review child protection conference: ${conferenceDecisions[decision]}.`,
      source,
      input.by,
    );
  }

  /** child-protection-plans `recordCoreGroup`. */
  coreGroup(plan: Insertable<ChildProtectionPlansTable>, input: { heldOn: IsoDate; notes: string | null; by: Recorder }) {
    const id = this.newId();
    this.coreGroups.push({
      id,
      person_id: plan.person_id,
      plan_id: plan.id as string,
      held_on: input.heldOn,
      notes: input.notes,
      recorded_by: input.by.id,
      recorded_at: this.recordedAt(input.heldOn),
    });
    this.event(plan.person_id, 'core_group_held', input.heldOn, plan.id as string, { type: 'core_group', id });
    this.entry(
      plan.person_id,
      'core_group',
      input.heldOn,
      'Core group meeting held.',
      { type: 'child_protection_plan', id: plan.id as string },
      input.by,
    );
  }

  /**
   * management-decisions `authoriseStepDown`, then the plan's end (child-protection-plans
   * `endProtectionPlan` or child-in-need-plans `endChildInNeedPlan`), which uses the authorisation.
   */
  planEnded(
    kind: 'cp' | 'cin',
    plan: (Insertable<ChildProtectionPlansTable> | Insertable<ChildInNeedPlansTable>) & { version: number },
    input: {
      on: IsoDate;
      reason: PlanEndReason;
      authorisedOn: IsoDate;
      to: StepDownDestination;
      evidenceOfProgress: string;
      rationale: string;
      manager: Recorder;
      by: Recorder;
    },
  ) {
    const planType = kind === 'cp' ? 'child_protection_plan' : 'child_in_need_plan';
    const source = { type: planType, id: plan.id as string };
    this.decision({
      personId: plan.person_id,
      kind: 'step_down',
      on: input.authorisedOn,
      manager: input.manager,
      rationale: input.rationale,
      referralId: plan.referral_id,
      stepDown: {
        target: kind === 'cp' ? 'cp_plan_end' : 'cin_plan_end',
        to: input.to,
        evidenceOfProgress: input.evidenceOfProgress,
        usedFor: source,
      },
    });
    Object.assign(plan, { ended_on: input.on, end_reason: input.reason, version: plan.version + 1 });
    this.event(plan.person_id, kind === 'cp' ? 'cp_plan_ended' : 'cin_plan_ended', input.on, plan.id as string, source);
    const name = kind === 'cp' ? 'Child protection plan' : 'Child in need plan';
    this.entry(plan.person_id, 'plan', input.on, `${name} ended: ${planEndReasonLabel(input.reason)?.toLowerCase()}.`, source, input.by);
  }

  /** child-in-need-plans `startChildInNeedPlan`. */
  childInNeedPlanStarted(input: { personId: string; referralId: string; startedOn: IsoDate; by: Recorder }) {
    const id = this.newId();
    const plan = {
      id,
      person_id: input.personId,
      referral_id: input.referralId,
      started_on: input.startedOn,
      ended_on: null,
      end_reason: null,
      version: 1,
      recorded_by: input.by.id,
      recorded_at: this.recordedAt(input.startedOn),
    };
    this.childInNeedPlans.push(plan);
    const source = { type: 'child_in_need_plan', id };
    this.event(input.personId, 'cin_plan_started', input.startedOn, id, source);
    this.entry(input.personId, 'plan', input.startedOn, 'Child in need plan started.', source, input.by);
    return plan;
  }

  /** child-in-need-plans `reviewChildInNeedPlan`. */
  childInNeedPlanReviewed(plan: Insertable<ChildInNeedPlansTable>, input: { on: IsoDate; notes: string | null; by: Recorder }) {
    const id = this.newId();
    this.childInNeedReviews.push({
      id,
      person_id: plan.person_id,
      plan_id: plan.id as string,
      reviewed_on: input.on,
      notes: input.notes,
      recorded_by: input.by.id,
      recorded_at: this.recordedAt(input.on),
    });
    this.event(plan.person_id, 'cin_plan_reviewed', input.on, plan.id as string, { type: 'child_in_need_plan', id });
    this.entry(
      plan.person_id,
      'plan',
      input.on,
      'Child in need plan reviewed.',
      { type: 'child_in_need_plan', id: plan.id as string },
      input.by,
    );
  }

  /** visits `recordVisit`: a seen child on a child protection plan meets the visit clock. */
  visit(input: {
    personId: string;
    plan: { kind: 'child_protection' | 'child_in_need'; id: string } | null;
    visitedOn: IsoDate;
    childSeen: boolean;
    seenAlone: boolean;
    bedroomSeen: boolean;
    childsViews: string | null;
    lateReason: string | null;
    by: Recorder | null;
  }) {
    const id = this.newId();
    const planKind = input.plan?.kind ?? 'none';
    this.visits.push({
      id,
      person_id: input.personId,
      plan_kind: planKind,
      plan_id: input.plan?.id ?? null,
      visited_on: input.visitedOn,
      child_seen: input.childSeen,
      seen_alone: input.seenAlone,
      bedroom_seen: input.bedroomSeen,
      childs_views: input.childsViews,
      late_reason: input.lateReason,
      visited_by: input.by?.id ?? null,
      recorded_at: this.recordedAt(input.visitedOn),
    });
    const seen = input.childSeen ? (input.seenAlone ? 'child seen alone' : 'child seen, not alone') : 'child not seen';
    const source = { type: 'casework_visit', id };
    this.entry(
      input.personId,
      'visit',
      input.visitedOn,
      `Statutory visit (${planNames[planKind]}): ${seen}${input.bedroomSeen ? ', bedroom seen' : ''}.`,
      source,
      input.by,
    );
    if (input.plan?.kind === 'child_protection' && input.childSeen)
      this.event(input.personId, 'cp_visit_made', input.visitedOn, input.plan.id, source, input.lateReason);
  }

  /** supervision `recordSupervision`, with the actions agreed (their completion as `completeAction` records it). */
  supervision(input: {
    personId: string;
    heldOn: IsoDate;
    supervisor: Recorder;
    workerId: string | null;
    reflection: string;
    decisions: string;
    actions: { description: string; ownerId: string; dueOn: IsoDate; completedOn: IsoDate | null }[];
  }) {
    const id = this.newId();
    this.supervisions.push({
      id,
      person_id: input.personId,
      held_on: input.heldOn,
      supervisor_id: input.supervisor.id,
      worker_id: input.workerId,
      reflection: input.reflection,
      decisions: input.decisions,
      recorded_at: this.recordedAt(input.heldOn),
    });
    for (const action of input.actions)
      this.actions.push({
        id: this.newId(),
        supervision_id: id,
        person_id: input.personId,
        description: action.description,
        owner_id: action.ownerId,
        due_on: action.dueOn,
        completed_on: action.completedOn,
        version: action.completedOn ? 2 : 1,
      });
    const n = input.actions.length;
    this.event(input.personId, 'case_supervision_held', input.heldOn, null, { type: 'case_supervision', id });
    this.entry(
      input.personId,
      'supervision',
      input.heldOn,
      `Case supervision by ${input.supervisor.name}${n ? `; ${n} ${n === 1 ? 'action' : 'actions'} agreed` : ''}.`,
      { type: 'case_supervision', id },
      input.supervisor,
    );
  }

  /** management-decisions `authoriseStepDown` for the closure, then case-closure `closeCase` (front-door `closeReferral`). */
  caseClosed(
    referral: Insertable<ReferralsTable> & { version: number },
    input: {
      on: IsoDate;
      reason: string;
      authorisedOn: IsoDate;
      to: StepDownDestination;
      evidenceOfProgress: string;
      rationale: string;
      manager: Recorder;
      by: Recorder;
    },
  ) {
    const source = { type: 'referral', id: referral.id as string };
    this.decision({
      personId: referral.person_id,
      kind: 'step_down',
      on: input.authorisedOn,
      manager: input.manager,
      rationale: input.rationale,
      referralId: referral.id as string,
      stepDown: { target: 'case_closure', to: input.to, evidenceOfProgress: input.evidenceOfProgress, usedFor: source },
    });
    Object.assign(referral, { closed_on: input.on, closure_reason: input.reason, version: referral.version + 1 });
    this.event(referral.person_id, 'episode_closed', input.on, referral.id as string, source);
    this.entry(
      referral.person_id,
      'closure',
      input.on,
      `Case closed: ${input.reason} ${reasonForClosureLabel(input.reason)?.toLowerCase()}.`,
      source,
      input.by,
    );
  }

  /** How many rows this batch holds, over every table. */
  get size(): number {
    return this.tables().reduce((n, [, rows]) => n + rows.length, 0);
  }

  private tables(): [keyof Database & string, readonly object[]][] {
    return [
      ['referrals', this.referrals],
      ['assessments', this.assessments],
      ['assessment_returns', this.assessmentReturns],
      ['strategy_discussions', this.strategyDiscussions],
      ['section_47_enquiries', this.enquiries],
      ['child_protection_plans', this.protectionPlans],
      ['child_protection_conferences', this.conferences],
      ['core_group_meetings', this.coreGroups],
      ['child_in_need_plans', this.childInNeedPlans],
      ['child_in_need_plan_reviews', this.childInNeedReviews],
      ['casework_visits', this.visits],
      ['case_supervisions', this.supervisions],
      ['supervision_actions', this.actions],
      ['management_decisions', this.decisions],
      ['chronology_entries', this.chronology],
      ['clock_events', this.events],
    ];
  }

  /** Writes every row of the batch (parents before the rows that refer to them) and returns how many. */
  async flush(db: Kysely<Database>, onWritten: (count: number) => void = () => {}): Promise<number> {
    let written = 0;
    for (const [table, rows] of this.tables()) {
      // Each list holds the insertable rows of its own table (typed above).
      await insertRows(db, table, rows as never, onWritten);
      written += rows.length;
    }
    return written;
  }
}
