import { describe, expect, it } from 'vitest';
import {
  checkAssessmentFactors,
  checkAssessmentStart,
  checkAssessmentSubmission,
  checkAuthorisation,
  checkReturnForMoreWork,
} from './assessment-rules.js';
import { checkClosure, type EpisodeWorkFacts } from './closure-rules.js';
import { checkCoreGroup, checkInitialConference, checkReviewConference, type EnquiryFacts } from './conference-rules.js';
import { checkChildInNeedPlanReview, checkChildInNeedPlanStart, checkPlanEnd, checkProtectionPlanStart } from './plan-rules.js';
import { checkStepDownAuthorisation, type StepDownAuthorisation, usableAuthorisation } from './step-down-rules.js';
import { checkSection47Outcome, checkStrategyDiscussion } from './strategy-rules.js';

const episode = { referralDate: '2026-03-02', closedOn: null };
const fields = (problems: { field?: string }[]) => problems.map((p) => p.field);

describe('starting an assessment', () => {
  it('starts on the referral date or later, not in the future', () => {
    expect(checkAssessmentStart({ episode, startedOn: '2026-03-02', today: '2026-03-10', anotherOpen: false })).toEqual([]);
    expect(fields(checkAssessmentStart({ episode, startedOn: '2026-03-01', today: '2026-03-10', anotherOpen: false }))).toEqual([
      'startedOn',
    ]);
    expect(fields(checkAssessmentStart({ episode, startedOn: '2026-03-11', today: '2026-03-10', anotherOpen: false }))).toEqual([
      'startedOn',
    ]);
  });
  it('needs an open referral and no other open assessment', () => {
    expect(checkAssessmentStart({ episode: null, startedOn: '2026-03-02', today: '2026-03-10', anotherOpen: false })[0]?.message).toMatch(
      /no open referral/,
    );
    expect(
      checkAssessmentStart({
        episode: { ...episode, closedOn: '2026-03-05' },
        startedOn: '2026-03-03',
        today: '2026-03-10',
        anotherOpen: false,
      }),
    ).toHaveLength(1);
    expect(checkAssessmentStart({ episode, startedOn: '2026-03-03', today: '2026-03-10', anotherOpen: true })[0]?.message).toMatch(
      /already has an assessment open/,
    );
  });
});

describe('factors identified at assessment', () => {
  it('needs at least one current code, each once, and 21 only alone', () => {
    expect(checkAssessmentFactors(['3B', '4B'])).toEqual([]);
    expect(checkAssessmentFactors(['21'])).toEqual([]);
    expect(checkAssessmentFactors([])[0]?.field).toBe('factors');
    expect(checkAssessmentFactors(['21', '3B'])[0]?.message).toMatch(/cannot be selected with other factors/);
    expect(checkAssessmentFactors(['3B', '3B'])[0]?.message).toMatch(/once/);
    expect(checkAssessmentFactors(['18A'])[0]?.message).toMatch(/from the list/);
  });
  it('a submission needs the outcome, and only from an assessment in progress', () => {
    expect(fields(checkAssessmentSubmission({ status: 'in_progress', factors: ['3B'], outcome: null }))).toEqual(['outcome']);
    expect(checkAssessmentSubmission({ status: 'in_progress', factors: ['3B'], outcome: 'early_help' })).toEqual([]);
    expect(fields(checkAssessmentSubmission({ status: 'awaiting_authorisation', factors: ['3B'], outcome: 'early_help' }))).toEqual([
      'form',
    ]);
  });
});

describe('authorising an assessment', () => {
  const base = {
    status: 'awaiting_authorisation' as const,
    startedOn: '2026-03-03',
    today: '2026-06-30',
    dueOn: '2026-05-06',
    lateReason: null,
    rationale: 'Agreed',
  };
  it('is on time on the due date itself, and late the day after without a reason', () => {
    expect(checkAuthorisation({ ...base, authorisedOn: '2026-05-06' })).toEqual([]);
    expect(fields(checkAuthorisation({ ...base, authorisedOn: '2026-05-07' }))).toEqual(['lateReason']);
    expect(checkAuthorisation({ ...base, authorisedOn: '2026-05-07', lateReason: 'Family away' })).toEqual([]);
  });
  it('cannot be before the assessment started, in the future, or of an assessment not sent', () => {
    expect(checkAuthorisation({ ...base, authorisedOn: '2026-03-02' })[0]?.message).toMatch(/before the assessment started/);
    expect(checkAuthorisation({ ...base, authorisedOn: '2026-03-03' })).toEqual([]);
    expect(fields(checkAuthorisation({ ...base, authorisedOn: '2026-07-01', lateReason: 'Late' }))).toEqual(['authorisedOn']);
    expect(fields(checkAuthorisation({ ...base, status: 'in_progress', authorisedOn: '2026-04-01' }))).toEqual(['form']);
    expect(fields(checkAuthorisation({ ...base, authorisedOn: '2026-04-01', rationale: null }))).toEqual(['rationale']);
  });
  it('a return for more work needs comments', () => {
    expect(fields(checkReturnForMoreWork({ status: 'awaiting_authorisation', comments: null }))).toEqual(['comments']);
    expect(checkReturnForMoreWork({ status: 'awaiting_authorisation', comments: 'Speak to the school' })).toEqual([]);
    expect(fields(checkReturnForMoreWork({ status: 'authorised', comments: 'x' }))).toEqual(['form']);
  });
});

describe('strategy discussions and section 47 enquiries', () => {
  const input = { episode, heldOn: '2026-03-04', today: '2026-03-10', agencies: ['police'], openEnquiry: false, startsEnquiry: true };
  it('needs an agency, an open referral, a date within it, and no enquiry already open', () => {
    expect(checkStrategyDiscussion(input)).toEqual([]);
    expect(fields(checkStrategyDiscussion({ ...input, agencies: [] }))).toEqual(['agencies']);
    expect(fields(checkStrategyDiscussion({ ...input, heldOn: '2026-03-01' }))).toEqual(['heldOn']);
    expect(fields(checkStrategyDiscussion({ ...input, openEnquiry: true }))).toEqual(['decision']);
    expect(checkStrategyDiscussion({ ...input, openEnquiry: true, startsEnquiry: false })).toEqual([]);
  });
  it('an outcome is not before the enquiry started, and only once', () => {
    const outcome = { startedOn: '2026-03-04', completedOn: '2026-03-04', today: '2026-03-10', outcomeRecorded: false };
    expect(checkSection47Outcome(outcome)).toEqual([]);
    expect(fields(checkSection47Outcome({ ...outcome, completedOn: '2026-03-03' }))).toEqual(['completedOn']);
    expect(fields(checkSection47Outcome({ ...outcome, outcomeRecorded: true }))).toEqual(['form']);
  });
});

describe('conferences', () => {
  const enquiry: EnquiryFacts = { startedOn: '2026-03-04', outcomeRecorded: true, icpcRequired: true, conferenceHeld: false };
  const input = { enquiry, heldOn: '2026-03-20', today: '2026-03-30', decidedOnPlan: true, categoryOfAbuse: 'NEG', openPlan: false };
  it('an initial conference follows the strategy discussion, never before it', () => {
    expect(checkInitialConference(input)).toEqual([]);
    expect(checkInitialConference({ ...input, heldOn: '2026-03-04' })).toEqual([]);
    expect(checkInitialConference({ ...input, heldOn: '2026-03-03' })[0]?.message).toMatch(/cannot be before the strategy discussion/);
    expect(checkInitialConference({ ...input, enquiry: null })[0]?.message).toMatch(/Record the strategy discussion first/);
  });
  it('needs an enquiry outcome saying a conference is needed, once, and a category for a plan', () => {
    expect(checkInitialConference({ ...input, enquiry: { ...enquiry, outcomeRecorded: false, icpcRequired: null } })[0]?.message).toMatch(
      /outcome/,
    );
    expect(checkInitialConference({ ...input, enquiry: { ...enquiry, icpcRequired: false } })[0]?.message).toMatch(
      /no conference was needed/,
    );
    expect(checkInitialConference({ ...input, enquiry: { ...enquiry, conferenceHeld: true } })[0]?.message).toMatch(/already/);
    expect(fields(checkInitialConference({ ...input, categoryOfAbuse: null }))).toEqual(['categoryOfAbuse']);
    expect(fields(checkInitialConference({ ...input, categoryOfAbuse: 'XXX' }))).toEqual(['categoryOfAbuse']);
    expect(checkInitialConference({ ...input, decidedOnPlan: false, categoryOfAbuse: null })).toEqual([]);
  });
  it('a review is after the plan started (CIN 8841) and after the last review', () => {
    const review = {
      plan: { startedOn: '2026-03-20', endedOn: null },
      heldOn: '2026-06-20',
      today: '2026-07-01',
      lastReviewOn: null,
      categoryOfAbuse: 'NEG',
    };
    expect(checkReviewConference(review)).toEqual([]);
    expect(fields(checkReviewConference({ ...review, heldOn: '2026-03-20' }))).toEqual(['heldOn']);
    expect(fields(checkReviewConference({ ...review, lastReviewOn: '2026-06-20' }))).toEqual(['heldOn']);
    expect(fields(checkReviewConference({ ...review, plan: null }))).toEqual(['form']);
  });
  it('a core group is of an open plan, on or after its start', () => {
    const plan = { startedOn: '2026-03-20', endedOn: null };
    expect(checkCoreGroup({ plan, heldOn: '2026-03-20', today: '2026-04-01' })).toEqual([]);
    expect(fields(checkCoreGroup({ plan, heldOn: '2026-03-19', today: '2026-04-01' }))).toEqual(['heldOn']);
    expect(fields(checkCoreGroup({ plan: { ...plan, endedOn: '2026-03-25' }, heldOn: '2026-03-21', today: '2026-04-01' }))).toEqual([
      'form',
    ]);
  });
});

describe('plans', () => {
  it('no child protection plan without a conference that decided on one, and it starts that day', () => {
    expect(
      checkProtectionPlanStart({ conference: { heldOn: '2026-03-20', decidedOnPlan: true }, startedOn: '2026-03-20', openPlan: false }),
    ).toEqual([]);
    expect(checkProtectionPlanStart({ conference: null, startedOn: '2026-03-20', openPlan: false })[0]?.message).toMatch(
      /only when a child protection conference/,
    );
    expect(
      checkProtectionPlanStart({ conference: { heldOn: '2026-03-20', decidedOnPlan: false }, startedOn: '2026-03-20', openPlan: false }),
    ).toHaveLength(1);
    expect(
      checkProtectionPlanStart({ conference: { heldOn: '2026-03-20', decidedOnPlan: true }, startedOn: '2026-03-21', openPlan: false }),
    ).toHaveLength(1);
    expect(
      checkProtectionPlanStart({ conference: { heldOn: '2026-03-20', decidedOnPlan: true }, startedOn: '2026-03-20', openPlan: true }),
    ).toHaveLength(1);
  });
  const authorisation: StepDownAuthorisation = {
    id: 'a',
    target: 'cp_plan_end',
    decidedOn: '2026-06-01',
    evidenceOfProgress: 'Seen thriving',
    used: false,
  };
  const end = {
    plan: { startedOn: '2026-03-20', endedOn: null },
    kind: 'cp' as const,
    endedOn: '2026-06-02',
    today: '2026-06-10',
    reason: 'progress_made',
    authorisation,
  };
  it('a plan ends after it started, with a reason and a manager’s authorisation', () => {
    expect(checkPlanEnd(end)).toEqual([]);
    expect(fields(checkPlanEnd({ ...end, endedOn: '2026-03-20' }))).toEqual(['endedOn']);
    expect(fields(checkPlanEnd({ ...end, endedOn: '2026-03-19' }))).toEqual(['endedOn']);
    expect(fields(checkPlanEnd({ ...end, reason: null }))).toEqual(['reason']);
    expect(checkPlanEnd({ ...end, authorisation: undefined })[0]?.message).toMatch(/manager must first authorise/);
  });
  it('a child in need plan is not started alongside another plan, and reviews come in order', () => {
    const start = { episode, startedOn: '2026-03-05', today: '2026-03-10', openCinPlan: false, openProtectionPlan: false };
    expect(checkChildInNeedPlanStart(start)).toEqual([]);
    expect(checkChildInNeedPlanStart({ ...start, openProtectionPlan: true })[0]?.message).toMatch(/child protection plan/);
    expect(checkChildInNeedPlanStart({ ...start, openCinPlan: true })).toHaveLength(1);
    expect(fields(checkChildInNeedPlanStart({ ...start, startedOn: '2026-03-01' }))).toEqual(['startedOn']);
    const plan = { startedOn: '2026-03-05', endedOn: null };
    expect(checkChildInNeedPlanReview({ plan, reviewedOn: '2026-03-05', today: '2026-03-10', lastReviewOn: null })).toEqual([]);
    expect(fields(checkChildInNeedPlanReview({ plan, reviewedOn: '2026-03-04', today: '2026-03-10', lastReviewOn: null }))).toEqual([
      'reviewedOn',
    ]);
    expect(fields(checkChildInNeedPlanReview({ plan, reviewedOn: '2026-03-06', today: '2026-03-10', lastReviewOn: '2026-03-06' }))).toEqual(
      ['reviewedOn'],
    );
  });
});

describe('step-down and closure need evidence', () => {
  const authorisations: StepDownAuthorisation[] = [
    { id: 'old', target: 'case_closure', decidedOn: '2025-01-01', evidenceOfProgress: 'Old', used: false },
    { id: 'used', target: 'case_closure', decidedOn: '2026-05-01', evidenceOfProgress: 'Done', used: true },
    { id: 'plan', target: 'cp_plan_end', decidedOn: '2026-05-02', evidenceOfProgress: 'Plan', used: false },
    { id: 'good', target: 'case_closure', decidedOn: '2026-05-03', evidenceOfProgress: 'School attendance 98%', used: false },
  ];
  it('uses an unused authorisation of the same kind, made since the referral and by the closure date', () => {
    expect(usableAuthorisation(authorisations, 'case_closure', '2026-03-02', '2026-05-10')?.id).toBe('good');
    expect(usableAuthorisation(authorisations, 'case_closure', '2026-03-02', '2026-05-02')).toBeUndefined();
    expect(usableAuthorisation(authorisations, 'cin_plan_end', '2026-03-02', '2026-05-10')).toBeUndefined();
  });
  it('the authorisation itself needs the evidence of progress and the reasons', () => {
    const input = {
      target: 'case_closure',
      decidedOn: '2026-05-03',
      today: '2026-05-03',
      evidenceOfProgress: 'Seen weekly',
      rationale: 'Safe',
    };
    expect(checkStepDownAuthorisation(input)).toEqual([]);
    expect(fields(checkStepDownAuthorisation({ ...input, evidenceOfProgress: null }))).toEqual(['evidenceOfProgress']);
    expect(fields(checkStepDownAuthorisation({ ...input, decidedOn: '2026-05-04' }))).toEqual(['decidedOn']);
  });
  const work: EpisodeWorkFacts = {
    referralDate: '2026-03-02',
    closedOn: null,
    openAssessment: false,
    authorisedAssessment: true,
    openEnquiry: false,
    openProtectionPlan: false,
    openChildInNeedPlan: false,
    latestWorkOn: '2026-05-01',
  };
  const closure = { episode: work, closedOn: '2026-05-10', today: '2026-05-10', reason: 'RC9', authorisation: authorisations[3] };
  it('refuses a closure without evidence, with work still open, or before the last work', () => {
    expect(checkClosure(closure)).toEqual([]);
    expect(checkClosure({ ...closure, authorisation: undefined })[0]?.message).toMatch(/cannot be closed yet/);
    expect(checkClosure({ ...closure, episode: { ...work, openAssessment: true } })[0]?.message).toMatch(/assessment is still open/);
    expect(checkClosure({ ...closure, episode: { ...work, openProtectionPlan: true } })[0]?.message).toMatch(/end the plan/);
    expect(fields(checkClosure({ ...closure, closedOn: '2026-04-30' }))).toEqual(['closedOn']);
    expect(fields(checkClosure({ ...closure, closedOn: '2026-03-01' }))).toEqual(['closedOn']);
    expect(fields(checkClosure({ ...closure, reason: 'RC10' }))).toEqual(['reason']);
    expect(fields(checkClosure({ ...closure, episode: { ...work, authorisedAssessment: false } }))).toEqual(['reason']);
    expect(checkClosure({ ...closure, reason: 'RC7', episode: { ...work, authorisedAssessment: false } })).toEqual([]);
  });
});
