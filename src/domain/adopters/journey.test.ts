import { describe, expect, it } from 'vitest';
import { createClockEngine } from '../clocks/engine.js';
import { type AdopterJourney, contactEndedOn, journeyProblems, nextSteps, stageAsAt, stageClockEvents } from './journey.js';
import { matchProblems } from './matching.js';

const journey = (dates: Partial<AdopterJourney>): AdopterJourney => ({
  enquiryReceived: '2025-01-06',
  stageOneStarted: null,
  stageOneEnded: null,
  stageTwoStarted: null,
  stageTwoEnded: null,
  applicationSubmitted: null,
  approved: null,
  leftOn: null,
  reasonLeft: null,
  ...dates,
});
const today = '2026-03-02';

describe('prospective adopters: the journey', () => {
  it('accepts a journey in order, with the next step offered', () => {
    const sound = journey({ stageOneStarted: '2025-01-20', stageOneEnded: '2025-03-14' });
    expect(journeyProblems(sound, today)).toEqual([]);
    expect(nextSteps(sound)).toEqual(['stageTwoStarted', 'applicationSubmitted']);
    expect(stageAsAt(sound, [], today)).toBe('between_stages');
  });

  it('refuses stage 2 before stage 1 has ended, and a step before what it needs', () => {
    expect(journeyProblems(journey({ stageOneStarted: '2025-01-20', stageTwoStarted: '2025-02-01' }), today)).toEqual([
      { step: 'stageTwoStarted', message: 'Record the date stage 1 ended first' },
    ]);
    expect(
      journeyProblems(journey({ stageOneStarted: '2025-01-20', stageOneEnded: '2025-03-14', stageTwoStarted: '2025-03-13' }), today),
    ).toEqual([{ step: 'stageTwoStarted', message: 'Stage 2 started cannot be before stage 1 ended' }]);
    expect(journeyProblems(journey({ approved: '2025-09-01' }), today)[0]?.message).toBe('Record the date stage 2 ended first');
  });

  it('lets stage 2 start straight after the enquiry on the fast track (no stage 1)', () => {
    expect(journeyProblems(journey({ stageTwoStarted: '2025-02-03' }), today)).toEqual([]);
    expect(nextSteps(journey({}))).toContain('stageTwoStarted');
    expect(nextSteps(journey({ stageTwoStarted: '2025-02-03', applicationSubmitted: '2025-02-03' }))).toEqual(['stageTwoEnded']);
  });

  it('refuses dates in the future, steps after leaving, and leaving without a reason', () => {
    expect(journeyProblems(journey({ stageOneStarted: '2026-03-03' }), today)[0]?.message).toBe('Stage 1 started cannot be in the future');
    expect(journeyProblems(journey({ stageOneStarted: '2025-03-03', leftOn: '2025-02-01', reasonLeft: '1' }), today)).toEqual([
      { step: 'stageOneStarted', message: 'Stage 1 started cannot be after the household left the adoption process' },
      { step: 'leftOn', message: 'The date they left cannot be before the last step they reached' },
    ]);
    expect(journeyProblems(journey({ leftOn: '2025-02-01' }), today)).toEqual([
      { step: 'reasonLeft', message: 'Select why they left the adoption process' },
    ]);
  });

  it('matches only approved adopters with a child who should be placed for adoption, and places after the match unless fostering for adoption', () => {
    const approved = journey({
      stageTwoStarted: '2025-02-03',
      stageTwoEnded: '2025-05-30',
      applicationSubmitted: '2025-02-03',
      approved: '2025-07-01',
    });
    expect(
      matchProblems(approved, false, { matchedOn: '2025-09-01', placedOn: '2025-09-20' }, { placementDecidedOn: '2025-04-01' }, today),
    ).toEqual([]);
    expect(matchProblems(journey({}), false, { matchedOn: '2025-09-01', placedOn: null }, { placementDecidedOn: null }, today)).toEqual([
      { field: 'matchedOn', message: 'Record the approval before matching a child' },
      { field: 'child', message: 'There is no decision that this child should be placed for adoption on their record' },
    ]);
    const early = { matchedOn: '2025-09-01', placedOn: '2025-08-01' };
    expect(matchProblems(approved, false, early, { placementDecidedOn: '2025-04-01' }, today)[0]?.field).toBe('placedOn');
    expect(matchProblems(approved, true, early, { placementDecidedOn: '2025-04-01' }, today)).toEqual([]);
  });

  it('ends the contact when the household leaves, or once every child matched with them is adopted', () => {
    const matched = [{ matchedOn: '2025-09-01', placedOn: '2025-09-20', adoptedOn: '2026-01-15' }];
    expect(contactEndedOn(journey({}), matched, '2026-01-14')).toBeNull();
    expect(contactEndedOn(journey({}), matched, '2026-01-15')).toBe('2026-01-15');
    expect(stageAsAt(journey({ approved: '2025-07-01' }), matched, '2025-12-01')).toBe('placed');
    expect(contactEndedOn(journey({ leftOn: '2025-03-01', reasonLeft: '1' }), [], today)).toBe('2025-03-01');
  });

  it('runs the stage clocks from the clock table: stage 1 due in 2 months, stage 2 in 4, stopped by leaving', () => {
    const engine = createClockEngine();
    const history = {
      events: stageClockEvents(journey({ stageOneStarted: '2025-01-31', stageOneEnded: '2025-04-01', stageTwoStarted: '2025-04-07' })),
    };
    expect(engine.evaluate('adopter_stage_one', history, today)).toEqual([
      expect.objectContaining({ dueOn: '2025-03-31', completedOn: '2025-04-01', status: 'met_late' }),
    ]);
    expect(engine.evaluate('adopter_stage_two', history, '2025-08-08')).toEqual([
      expect.objectContaining({ dueOn: '2025-08-07', completedOn: null, status: 'overdue' }),
    ]);
    const left = { events: stageClockEvents(journey({ stageTwoStarted: '2025-04-07', leftOn: '2025-05-01', reasonLeft: '1' })) };
    expect(engine.evaluate('adopter_stage_two', left, today)).toEqual([]);
  });
});
