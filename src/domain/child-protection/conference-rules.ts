import type { IsoDate } from '../calendar/index.js';
import { isCategoryOfAbuseCode } from '../codes/cin-category-of-abuse.js';
import type { CaseworkProblem } from './problem.js';
import { spokenDate } from './spoken-date.js';

/** The section 47 enquiry an initial conference follows, as far as the rules need it. */
export interface EnquiryFacts {
  /** The strategy discussion that started it: CIN census S47ActualStartDate. */
  startedOn: IsoDate;
  outcomeRecorded: boolean;
  icpcRequired: boolean | null;
  conferenceHeld: boolean;
}

/**
 * An initial child protection conference: only after a strategy discussion started a section 47
 * enquiry whose outcome says a conference is needed, never before that discussion,
 * once per enquiry, not in the future; a plan needs its category of abuse.
 */
export function checkInitialConference(input: {
  enquiry: EnquiryFacts | null | undefined;
  heldOn: IsoDate;
  today: IsoDate;
  decidedOnPlan: boolean;
  categoryOfAbuse: string | null;
  openPlan: boolean;
}): CaseworkProblem[] {
  const { enquiry } = input;
  if (!enquiry) {
    return [
      {
        field: 'form',
        message:
          'An initial child protection conference follows a strategy discussion and a section 47 enquiry. Record the strategy discussion first.',
      },
    ];
  }
  if (enquiry.conferenceHeld) return [{ field: 'form', message: 'The initial conference for this enquiry has already been recorded.' }];
  if (!enquiry.outcomeRecorded) {
    return [{ field: 'form', message: 'Record the outcome of the section 47 enquiry, and whether a conference is needed, first.' }];
  }
  if (enquiry.icpcRequired === false) return [{ field: 'form', message: 'The section 47 enquiry found that no conference was needed.' }];
  const problems: CaseworkProblem[] = [];
  if (input.heldOn > input.today) problems.push({ field: 'heldOn', message: 'The date of the conference cannot be in the future' });
  else if (input.heldOn < enquiry.startedOn) {
    problems.push({
      field: 'heldOn',
      message: `The conference cannot be before the strategy discussion on ${spokenDate(enquiry.startedOn)}`,
    });
  }
  if (input.decidedOnPlan && !(input.categoryOfAbuse && isCategoryOfAbuseCode(input.categoryOfAbuse))) {
    problems.push({ field: 'categoryOfAbuse', message: 'Select the category of abuse the plan is under' });
  }
  if (input.decidedOnPlan && input.openPlan)
    problems.push({ field: 'decision', message: 'The child is already on a child protection plan' });
  return problems;
}

/** The plan a review conference or core group belongs to. */
export interface PlanFacts {
  startedOn: IsoDate;
  endedOn: IsoDate | null;
}

/**
 * A review child protection conference: of an open plan, after the plan started (CIN 8841), not
 * before the previous review, not in the future.
 */
export function checkReviewConference(input: {
  plan: PlanFacts | null | undefined;
  heldOn: IsoDate;
  today: IsoDate;
  lastReviewOn: IsoDate | null;
  categoryOfAbuse: string | null;
}): CaseworkProblem[] {
  if (!input.plan || input.plan.endedOn !== null) {
    return [{ field: 'form', message: 'A review conference reviews a child protection plan, and the child is not on one.' }];
  }
  const problems: CaseworkProblem[] = [];
  if (input.heldOn > input.today) problems.push({ field: 'heldOn', message: 'The date of the review cannot be in the future' });
  else if (input.heldOn <= input.plan.startedOn) {
    problems.push({ field: 'heldOn', message: `The review must be after the plan started on ${spokenDate(input.plan.startedOn)}` });
  } else if (input.lastReviewOn && input.heldOn <= input.lastReviewOn) {
    problems.push({ field: 'heldOn', message: `The review must be after the previous review on ${spokenDate(input.lastReviewOn)}` });
  }
  if (!(input.categoryOfAbuse && isCategoryOfAbuseCode(input.categoryOfAbuse))) {
    problems.push({ field: 'categoryOfAbuse', message: 'Select the category of abuse the plan is now under' });
  }
  return problems;
}

/** A core group meeting: of an open plan, on or after its start, not in the future. */
export function checkCoreGroup(input: { plan: PlanFacts | null | undefined; heldOn: IsoDate; today: IsoDate }): CaseworkProblem[] {
  if (!input.plan || input.plan.endedOn !== null) {
    return [{ field: 'form', message: 'A core group meets about a child protection plan, and the child is not on one.' }];
  }
  if (input.heldOn > input.today) return [{ field: 'heldOn', message: 'The date of the meeting cannot be in the future' }];
  if (input.heldOn < input.plan.startedOn) {
    return [{ field: 'heldOn', message: `The meeting cannot be before the plan started on ${spokenDate(input.plan.startedOn)}` }];
  }
  return [];
}
