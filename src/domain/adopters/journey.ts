import type { IsoDate } from '../calendar/iso-date.js';
import type { ClockEvent } from '../clocks/events.js';

/**
 * Prospective adopters' journey through the adoption agency, as Ofsted's Annex A list 11 dates it:
 * enquiry, stage 1 (pre-assessment), stage 2 (assessment), the application and the agency
 * decision maker's approval. Matching and placing children, and the adoption order, are the
 * children's side (see `AdopterMatch`).
 */
export const journeySteps = [
  'enquiryReceived',
  'stageOneStarted',
  'stageOneEnded',
  'stageTwoStarted',
  'stageTwoEnded',
  'applicationSubmitted',
  'approved',
] as const;

export type JourneyStep = (typeof journeySteps)[number];

/** The dates of one household's journey (null: not reached), and whether and why they left it. */
export type AdopterJourney = Record<JourneyStep, IsoDate | null> & {
  leftOn: IsoDate | null;
  /** Annex A list 11 reason for leaving: 1 withdrew, 2 put on hold, 3 refused. */
  reasonLeft: string | null;
};

/** What each step needs first and cannot come before: the journey's rules, as data. */
interface StepRule {
  label: string;
  /** Steps that must be recorded first. */
  requires: readonly JourneyStep[];
  /**
   * Fast track (approved foster carers and people who have adopted before): the requirement is
   * waived when this step never happened.
   */
  waivedWithout?: JourneyStep;
  /** Steps whose dates this step cannot be before, when they are recorded. */
  notBefore: readonly JourneyStep[];
  /** Only a manager may record it: the agency decision maker's decision. */
  managersOnly?: boolean;
}

export const stepRules: Record<JourneyStep, StepRule> = {
  enquiryReceived: { label: 'Enquiry received', requires: [], notBefore: [] },
  stageOneStarted: { label: 'Stage 1 started', requires: ['enquiryReceived'], notBefore: ['enquiryReceived'] },
  stageOneEnded: { label: 'Stage 1 ended', requires: ['stageOneStarted'], notBefore: ['stageOneStarted'] },
  stageTwoStarted: {
    label: 'Stage 2 started',
    requires: ['stageOneEnded'],
    waivedWithout: 'stageOneStarted',
    notBefore: ['enquiryReceived', 'stageOneEnded'],
  },
  stageTwoEnded: { label: 'Stage 2 ended', requires: ['stageTwoStarted'], notBefore: ['stageTwoStarted'] },
  applicationSubmitted: {
    label: 'Application submitted',
    requires: ['enquiryReceived'],
    notBefore: ['enquiryReceived', 'stageOneStarted'],
  },
  approved: {
    label: 'Approved as adopters',
    requires: ['stageTwoEnded', 'applicationSubmitted'],
    notBefore: ['stageTwoEnded', 'applicationSubmitted'],
    managersOnly: true,
  },
};

export function isJourneyStep(value: string): value is JourneyStep {
  return (journeySteps as readonly string[]).includes(value);
}

export interface JourneyProblem {
  step: JourneyStep | 'leftOn' | 'reasonLeft';
  message: string;
}

const lower = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);

/**
 * What is wrong with a journey: a step recorded before what it needs, dates out of order, dates
 * in the future, or anything dated after the household left. Empty when it is sound.
 */
export function journeyProblems(journey: AdopterJourney, today: IsoDate): JourneyProblem[] {
  const problems: JourneyProblem[] = [];
  for (const step of journeySteps) {
    const on = journey[step];
    if (on === null) continue;
    const rule = stepRules[step];
    const waived = rule.waivedWithout !== undefined && journey[rule.waivedWithout] === null;
    const missing = waived ? undefined : rule.requires.find((needed) => journey[needed] === null);
    const earlier = rule.notBefore.find((other) => {
      const otherOn = journey[other];
      return otherOn !== null && on < otherOn;
    });
    if (missing) problems.push({ step, message: `Record the date ${lower(stepRules[missing].label)} first` });
    else if (earlier) problems.push({ step, message: `${rule.label} cannot be before ${lower(stepRules[earlier].label)}` });
    else if (on > today) problems.push({ step, message: `${rule.label} cannot be in the future` });
    else if (journey.leftOn !== null && on > journey.leftOn)
      problems.push({ step, message: `${rule.label} cannot be after the household left the adoption process` });
  }
  if (journey.leftOn !== null) {
    const latest = journeySteps
      .map((step) => journey[step])
      .reduce<IsoDate | null>((a, b) => (b !== null && (a === null || b > a) ? b : a), null);
    if (journey.leftOn > today) problems.push({ step: 'leftOn', message: 'The date they left cannot be in the future' });
    else if (latest !== null && journey.leftOn < latest)
      problems.push({ step: 'leftOn', message: 'The date they left cannot be before the last step they reached' });
    if (journey.reasonLeft === null) problems.push({ step: 'reasonLeft', message: 'Select why they left the adoption process' });
  }
  return problems;
}

/**
 * The steps that can be recorded next: none after leaving; not a step that later steps already
 * recorded must follow (stage 1 after a fast-track stage 2). Stage 2 may follow an enquiry directly.
 */
export function nextSteps(journey: AdopterJourney): JourneyStep[] {
  if (journey.leftOn !== null) return [];
  const passed = (step: JourneyStep) =>
    journeySteps.some((later) => journey[later] !== null && [...stepRules[later].notBefore, ...stepRules[later].requires].includes(step));
  return journeySteps.filter((step) => {
    if (journey[step] !== null || passed(step)) return false;
    const rule = stepRules[step];
    const waived = rule.waivedWithout !== undefined && journey[rule.waivedWithout] === null;
    return waived ? journey.enquiryReceived !== null : rule.requires.every((needed) => journey[needed] !== null);
  });
}

/** One child matched with the household: the match, the day the child moved in, and the adoption order from the child's record. */
export interface AdopterMatch {
  matchedOn: IsoDate;
  placedOn: IsoDate | null;
  adoptedOn: IsoDate | null;
}

export const adopterStages = [
  'enquiry',
  'stage_one',
  'between_stages',
  'stage_two',
  'awaiting_approval',
  'approved',
  'matched',
  'placed',
  'adopted',
  'left',
] as const;

export type AdopterStage = (typeof adopterStages)[number];

export const adopterStageNames: Record<AdopterStage, string> = {
  enquiry: 'Enquiry',
  stage_one: 'Stage 1',
  between_stages: 'Between stages',
  stage_two: 'Stage 2',
  awaiting_approval: 'Waiting for approval',
  approved: 'Approved, waiting for a match',
  matched: 'Matched',
  placed: 'Child placed',
  adopted: 'Adopted',
  left: 'Left the process',
};

/** Where the household is, as at a date: the furthest step reached by then. */
export function stageAsAt(journey: AdopterJourney, matches: readonly AdopterMatch[], asOf: IsoDate): AdopterStage {
  const by = (date: IsoDate | null) => date !== null && date <= asOf;
  if (by(journey.leftOn)) return 'left';
  const current = matches.filter((m) => by(m.matchedOn) || by(m.placedOn));
  if (current.length > 0 && current.every((m) => by(m.adoptedOn))) return 'adopted';
  if (current.some((m) => by(m.placedOn))) return 'placed';
  if (current.length > 0) return 'matched';
  if (by(journey.approved)) return 'approved';
  if (by(journey.stageTwoEnded)) return 'awaiting_approval';
  if (by(journey.stageTwoStarted)) return 'stage_two';
  if (by(journey.stageOneEnded)) return 'between_stages';
  if (by(journey.stageOneStarted)) return 'stage_one';
  return 'enquiry';
}

/**
 * The day the household's contact with the adoption agency ended, as at a date: the day they left,
 * or the last adoption order once every child matched with them is adopted. Null while it goes on.
 */
export function contactEndedOn(journey: AdopterJourney, matches: readonly AdopterMatch[], asOf: IsoDate): IsoDate | null {
  if (journey.leftOn !== null && journey.leftOn <= asOf) return journey.leftOn;
  const current = matches.filter((m) => m.matchedOn <= asOf);
  if (current.length === 0 || !current.every((m) => m.adoptedOn !== null && m.adoptedOn <= asOf)) return null;
  return (
    current
      .map((m) => m.adoptedOn as IsoDate)
      .sort()
      .at(-1) ?? null
  );
}

/** The events of a household's journey that start, meet and end the stage 1 and stage 2 clocks. */
export function stageClockEvents(journey: AdopterJourney): ClockEvent[] {
  const events: ClockEvent[] = [];
  const add = (kind: ClockEvent['kind'], date: IsoDate | null) => {
    if (date !== null) events.push({ kind, date });
  };
  add('adopter_stage_one_started', journey.stageOneStarted);
  add('adopter_stage_one_ended', journey.stageOneEnded);
  add('adopter_stage_two_started', journey.stageTwoStarted);
  add('adopter_stage_two_ended', journey.stageTwoEnded);
  add('adopter_left_process', journey.leftOn);
  return events;
}
