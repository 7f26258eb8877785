import type { IsoDate } from '../calendar/index.js';
import type { AssessmentStatus } from './assessment-rules.js';
import { spokenDate } from './spoken-date.js';

/** What has happened on the child's latest referral (child-in-need episode), step by step. */
export interface JourneyFacts {
  referral: { referralDate: IsoDate; closedOn: IsoDate | null; closureReason: string | null } | null;
  assessment: { startedOn: IsoDate; status: AssessmentStatus; authorisedOn: IsoDate | null } | null;
  strategyDiscussion: { heldOn: IsoDate; startedEnquiry: boolean } | null;
  enquiry: { startedOn: IsoDate; completedOn: IsoDate | null; icpcRequired: boolean | null } | null;
  initialConference: { heldOn: IsoDate; decidedOnPlan: boolean } | null;
  protectionPlan: { startedOn: IsoDate; endedOn: IsoDate | null } | null;
  reviewConferences: { count: number; lastHeldOn: IsoDate | null };
  childInNeedPlan: { startedOn: IsoDate; endedOn: IsoDate | null } | null;
}

/** GOV.UK task list statuses, as a social worker reads them. */
export type JourneyStatus = 'completed' | 'in_progress' | 'not_started' | 'not_needed' | 'cannot_start';

export type JourneyStepKey =
  | 'referral'
  | 'assessment'
  | 'strategy_discussion'
  | 'section_47'
  | 'initial_conference'
  | 'protection_plan'
  | 'review_conferences'
  | 'child_in_need_plan'
  | 'closure';

export interface JourneyStep {
  key: JourneyStepKey;
  name: string;
  status: JourneyStatus;
  detail: string | null;
}

function assessmentStep(f: JourneyFacts): Omit<JourneyStep, 'key' | 'name'> {
  if (!f.referral) return { status: 'cannot_start', detail: 'Starts from a referral' };
  if (!f.assessment) return { status: 'not_started', detail: null };
  if (f.assessment.status === 'authorised' && f.assessment.authorisedOn) {
    return { status: 'completed', detail: `Authorised ${spokenDate(f.assessment.authorisedOn)}` };
  }
  const waiting = f.assessment.status === 'awaiting_authorisation' ? ', with the manager for authorisation' : '';
  return { status: 'in_progress', detail: `Started ${spokenDate(f.assessment.startedOn)}${waiting}` };
}

function enquiryStep(f: JourneyFacts): Omit<JourneyStep, 'key' | 'name'> {
  if (!f.strategyDiscussion) return { status: 'cannot_start', detail: 'Starts from a strategy discussion' };
  if (!f.strategyDiscussion.startedEnquiry || !f.enquiry)
    return { status: 'not_needed', detail: 'The strategy discussion decided no enquiry was needed' };
  if (f.enquiry.completedOn) return { status: 'completed', detail: `Outcome recorded ${spokenDate(f.enquiry.completedOn)}` };
  return { status: 'in_progress', detail: `Started ${spokenDate(f.enquiry.startedOn)}` };
}

function conferenceStep(f: JourneyFacts): Omit<JourneyStep, 'key' | 'name'> {
  if (f.initialConference) return { status: 'completed', detail: `Held ${spokenDate(f.initialConference.heldOn)}` };
  if (!f.enquiry) return { status: 'cannot_start', detail: 'Follows a section 47 enquiry' };
  if (f.enquiry.completedOn && f.enquiry.icpcRequired === false)
    return { status: 'not_needed', detail: 'The enquiry found no conference was needed' };
  return { status: 'not_started', detail: null };
}

function planStep(f: JourneyFacts): Omit<JourneyStep, 'key' | 'name'> {
  if (f.protectionPlan?.endedOn) {
    return { status: 'completed', detail: `${spokenDate(f.protectionPlan.startedOn)} to ${spokenDate(f.protectionPlan.endedOn)}` };
  }
  if (f.protectionPlan) return { status: 'in_progress', detail: `Since ${spokenDate(f.protectionPlan.startedOn)}` };
  if (!f.initialConference) return { status: 'cannot_start', detail: 'Only when a conference decides on one' };
  return { status: 'not_needed', detail: 'The conference decided no plan was needed' };
}

function reviewStep(f: JourneyFacts): Omit<JourneyStep, 'key' | 'name'> {
  if (!f.protectionPlan) return { status: 'cannot_start', detail: 'Reviews a child protection plan' };
  const { count, lastHeldOn } = f.reviewConferences;
  const held = count > 0 && lastHeldOn ? `${count} held, the last on ${spokenDate(lastHeldOn)}` : null;
  if (f.protectionPlan.endedOn) return { status: count > 0 ? 'completed' : 'not_needed', detail: held };
  return { status: count > 0 ? 'in_progress' : 'not_started', detail: held };
}

function childInNeedStep(f: JourneyFacts): Omit<JourneyStep, 'key' | 'name'> {
  if (!f.childInNeedPlan) return { status: f.referral ? 'not_started' : 'cannot_start', detail: null };
  if (f.childInNeedPlan.endedOn) {
    return { status: 'completed', detail: `${spokenDate(f.childInNeedPlan.startedOn)} to ${spokenDate(f.childInNeedPlan.endedOn)}` };
  }
  return { status: 'in_progress', detail: `Since ${spokenDate(f.childInNeedPlan.startedOn)}` };
}

/**
 * Where the child is on the path referral → assessment → strategy discussion → section 47 →
 * initial conference → plan → reviews (or a child in need plan) → closure: one step each, with
 * its task list status. Once the referral has closed, a step never started was not needed.
 */
export function journeyOf(f: JourneyFacts): JourneyStep[] {
  const closed = f.referral?.closedOn != null;
  const step = (key: JourneyStepKey, name: string, s: Omit<JourneyStep, 'key' | 'name'>): JourneyStep =>
    closed && s.status === 'not_started'
      ? { key, name, status: 'not_needed', detail: 'Not done before the referral closed' }
      : { key, name, ...s };
  return [
    step(
      'referral',
      'Referral',
      f.referral
        ? { status: 'completed', detail: `Received ${spokenDate(f.referral.referralDate)}` }
        : { status: 'not_started', detail: 'No referral yet' },
    ),
    step('assessment', 'Child and family assessment', assessmentStep(f)),
    step(
      'strategy_discussion',
      'Strategy discussion',
      f.strategyDiscussion
        ? { status: 'completed', detail: `Held ${spokenDate(f.strategyDiscussion.heldOn)}` }
        : { status: f.referral ? 'not_started' : 'cannot_start', detail: 'Only when significant harm is suspected' },
    ),
    step('section_47', 'Section 47 enquiry', enquiryStep(f)),
    step('initial_conference', 'Initial child protection conference', conferenceStep(f)),
    step('protection_plan', 'Child protection plan', planStep(f)),
    step('review_conferences', 'Review conferences', reviewStep(f)),
    step('child_in_need_plan', 'Child in need plan', childInNeedStep(f)),
    step(
      'closure',
      'Case closure',
      f.referral?.closedOn
        ? { status: 'completed', detail: `Closed ${spokenDate(f.referral.closedOn)} (${f.referral.closureReason ?? ''})` }
        : { status: f.referral ? 'not_started' : 'cannot_start', detail: null },
    ),
  ];
}

/** The step the child is at now: the latest step in progress, or else the latest completed. */
export function currentStep(steps: readonly JourneyStep[]): JourneyStep | undefined {
  return [...steps].reverse().find((s) => s.status === 'in_progress') ?? [...steps].reverse().find((s) => s.status === 'completed');
}
