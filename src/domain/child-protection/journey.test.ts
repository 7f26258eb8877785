import { describe, expect, it } from 'vitest';
import { currentStep, type JourneyFacts, journeyOf } from './journey.js';

const none: JourneyFacts = {
  referral: null,
  assessment: null,
  strategyDiscussion: null,
  enquiry: null,
  initialConference: null,
  protectionPlan: null,
  reviewConferences: { count: 0, lastHeldOn: null },
  childInNeedPlan: null,
};
const status = (facts: JourneyFacts) => Object.fromEntries(journeyOf(facts).map((s) => [s.key, s.status]));

describe('where the child is', () => {
  it('with no referral, nothing can start', () => {
    expect(status(none).assessment).toBe('cannot_start');
    expect(currentStep(journeyOf(none))).toBeUndefined();
  });
  it('follows a child from referral through assessment, strategy, S47 and conference to a reviewed plan', () => {
    const facts: JourneyFacts = {
      ...none,
      referral: { referralDate: '2026-03-02', closedOn: null, closureReason: null },
      assessment: { startedOn: '2026-03-03', status: 'authorised', authorisedOn: '2026-04-01' },
      strategyDiscussion: { heldOn: '2026-03-10', startedEnquiry: true },
      enquiry: { startedOn: '2026-03-10', completedOn: '2026-03-20', icpcRequired: true },
      initialConference: { heldOn: '2026-03-27', decidedOnPlan: true },
      protectionPlan: { startedOn: '2026-03-27', endedOn: null },
      reviewConferences: { count: 1, lastHeldOn: '2026-06-20' },
    };
    expect(status(facts)).toMatchObject({
      referral: 'completed',
      assessment: 'completed',
      strategy_discussion: 'completed',
      section_47: 'completed',
      initial_conference: 'completed',
      protection_plan: 'in_progress',
      review_conferences: 'in_progress',
      closure: 'not_started',
    });
    expect(currentStep(journeyOf(facts))?.key).toBe('review_conferences');
  });
  it('marks steps not needed when a decision made them so', () => {
    const facts: JourneyFacts = {
      ...none,
      referral: { referralDate: '2026-03-02', closedOn: null, closureReason: null },
      strategyDiscussion: { heldOn: '2026-03-10', startedEnquiry: true },
      enquiry: { startedOn: '2026-03-10', completedOn: '2026-03-20', icpcRequired: false },
    };
    expect(status(facts).initial_conference).toBe('not_needed');
    expect(status({ ...facts, strategyDiscussion: { heldOn: '2026-03-10', startedEnquiry: false }, enquiry: null }).section_47).toBe(
      'not_needed',
    );
  });
  it('once the referral has closed, steps never started were not needed', () => {
    const facts: JourneyFacts = { ...none, referral: { referralDate: '2026-03-02', closedOn: '2026-03-05', closureReason: 'RC8' } };
    expect(status(facts)).toMatchObject({ assessment: 'not_needed', strategy_discussion: 'not_needed', closure: 'completed' });
  });
});
