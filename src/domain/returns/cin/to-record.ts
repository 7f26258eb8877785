import type { IsoDate } from '../../calendar/iso-date.js';
import { sexElementFor } from './collection-year.js';
import type { CinCensusMessage, CinEpisode } from './message.js';
import { childPath, episodePath, itemPath } from './paths.js';
import type { CinRecord, CinRecordConference, CinRecordReferral } from './record.js';
import { recordSex } from './sex-codes.js';

/** Something in a census file that Hearth cannot take in as it stands: the child and the element to fix. */
export interface CinImportProblem {
  laChildId: string | null;
  path: string;
  message: string;
}

/**
 * A census file → the records Hearth would hold, with a problem for everything it cannot hold
 * as written: a missing item the record needs, dates out of order, two things open at once that
 * can only be open one at a time, a conference that is both held and not required. `newId` gives
 * each record its id. Nothing is partly right: the caller imports only when there are no problems.
 */
export function cinRecordFromMessage(
  message: CinCensusMessage,
  options: { collectionYear: number; newId: () => string },
): { record: CinRecord; problems: CinImportProblem[] } {
  const record: CinRecord = {
    children: [],
    referrals: [],
    assessments: [],
    enquiries: [],
    conferences: [],
    protectionPlans: [],
    childInNeedPlans: [],
  };
  const problems: CinImportProblem[] = [];
  const sexElement = sexElementFor(options.collectionYear);

  message.children.forEach((child, childIndex) => {
    const path = childPath(childIndex);
    const problem = (at: string, text: string) => problems.push({ laChildId: child.laChildId, path: at, message: text });
    if (child.laChildId === null) return;
    const personId = options.newId();
    record.children.push({
      personId,
      laChildId: child.laChildId,
      upn: child.upn,
      formerUpn: child.formerUpn,
      upnUnknown: child.upnUnknown,
      dateOfBirth: child.birthDate,
      expectedDateOfBirth: child.expectedBirthDate,
      sex: recordSex(child.sex, sexElement),
      diedOn: child.deathDate,
      ethnicity: child.ethnicity,
      disabilities: [...child.disabilities],
    });
    if (child.birthDate !== null && child.expectedBirthDate !== null)
      problem(`${path}/ChildIdentifiers`, 'Give either PersonBirthDate or ExpectedPersonBirthDate, not both');
    if (child.birthDate !== null && child.deathDate !== null && child.deathDate < child.birthDate)
      problem(`${path}/ChildIdentifiers/PersonDeathDate`, 'PersonDeathDate is before PersonBirthDate');

    const open = { episodes: [] as string[], assessments: [] as string[], cpPlans: [] as string[], cinPlans: [] as string[] };
    child.episodes.forEach((episode, episodeIndex) => {
      const at = episodePath(path, episodeIndex);
      const referral = readEpisode(episode, at, personId, options.newId, problem);
      if (!referral) return;
      record.referrals.push(referral);
      if (!referral.referralNfa && referral.closedOn === null) open.episodes.push(at);
      readWork(episode, at, referral, record, options.newId, problem, open);
    });
    const once = (paths: string[], what: string) => {
      if (paths.length > 1)
        problem(paths[1] as string, `${what} is open while another is still open (${paths[0]}); Hearth keeps one open at a time`);
    };
    once(open.episodes, 'This episode');
    once(open.assessments, 'This assessment');
    once(open.cpPlans, 'This child protection plan');
    once(open.cinPlans, 'This child in need plan');
  });
  return { record, problems };
}

type Report = (path: string, message: string) => void;

function required<T>(value: T | null, path: string, element: string, problem: Report): value is T {
  if (value === null) problem(`${path}/${element}`, `${element} is missing: Hearth needs it to record this`);
  return value !== null;
}

function inOrder(earlier: IsoDate | null, later: IsoDate | null, path: string, text: string, problem: Report, strictly = false): void {
  if (earlier === null || later === null) return;
  if (later < earlier || (strictly && later === earlier)) problem(path, text);
}

function readEpisode(episode: CinEpisode, at: string, personId: string, newId: () => string, problem: Report): CinRecordReferral | null {
  const dated = required(episode.referralDate, at, 'CINreferralDate', problem);
  const sourced = required(episode.referralSource, at, 'ReferralSource', problem);
  const nfaKnown = required(episode.referralNfa, at, 'ReferralNFA', problem);
  if (episode.referralNfa === false) required(episode.primaryNeed, at, 'PrimaryNeedCode', problem);
  if ((episode.closureDate === null) !== (episode.reasonForClosure === null))
    problem(
      `${at}/${episode.closureDate === null ? 'CINclosureDate' : 'ReasonForClosure'}`,
      'CINclosureDate and ReasonForClosure go together',
    );
  inOrder(episode.referralDate, episode.closureDate, `${at}/CINclosureDate`, 'CINclosureDate is before CINreferralDate', problem);
  if (!dated || !sourced || !nfaKnown || episode.referralDate === null || episode.referralSource === null || episode.referralNfa === null)
    return null;
  return {
    id: newId(),
    personId,
    referralDate: episode.referralDate,
    referralSource: episode.referralSource,
    primaryNeed: episode.primaryNeed,
    referralNfa: episode.referralNfa,
    closedOn: episode.reasonForClosure === null ? null : episode.closureDate,
    closureReason: episode.closureDate === null ? null : episode.reasonForClosure,
  };
}

function readWork(
  episode: CinEpisode,
  at: string,
  referral: CinRecordReferral,
  record: CinRecord,
  newId: () => string,
  problem: Report,
  open: { assessments: string[]; cpPlans: string[]; cinPlans: string[] },
): void {
  const beforeReferral = (date: IsoDate | null, path: string, element: string) =>
    inOrder(referral.referralDate, date, `${path}/${element}`, `${element} is before the referral date`, problem);

  episode.assessments.forEach((assessment, index) => {
    const path = itemPath(at, 'Assessments', index);
    if (!required(assessment.startDate, path, 'AssessmentActualStartDate', problem) || assessment.startDate === null) return;
    beforeReferral(assessment.startDate, path, 'AssessmentActualStartDate');
    inOrder(
      assessment.startDate,
      assessment.authorisationDate,
      `${path}/AssessmentAuthorisationDate`,
      'AssessmentAuthorisationDate is before the start date',
      problem,
    );
    inOrder(
      assessment.startDate,
      assessment.internalReviewDate,
      `${path}/AssessmentInternalReviewDate`,
      'AssessmentInternalReviewDate is before the start date',
      problem,
    );
    if (assessment.authorisationDate !== null && assessment.factors.length === 0)
      problem(`${path}/FactorsIdentifiedAtAssessment`, 'An authorised assessment needs its factors (21 when none were identified)');
    if (assessment.factors.includes('21') && assessment.factors.length > 1)
      problem(`${path}/FactorsIdentifiedAtAssessment`, 'Factor 21 (no factors identified) cannot go with other factors');
    if (assessment.authorisationDate === null) open.assessments.push(path);
    record.assessments.push({
      id: newId(),
      referralId: referral.id,
      startedOn: assessment.startDate,
      internalReviewOn: assessment.internalReviewDate,
      authorisedOn: assessment.authorisationDate,
      factors: assessment.authorisationDate === null ? [] : [...assessment.factors],
    });
  });

  episode.cinPlans.forEach((plan, index) => {
    const path = itemPath(at, 'CINPlanDates', index);
    if (!required(plan.startDate, path, 'CINPlanStartDate', problem) || plan.startDate === null) return;
    beforeReferral(plan.startDate, path, 'CINPlanStartDate');
    inOrder(plan.startDate, plan.endDate, `${path}/CINPlanEndDate`, 'CINPlanEndDate is before CINPlanStartDate', problem);
    if (plan.endDate === null) open.cinPlans.push(path);
    record.childInNeedPlans.push({ id: newId(), referralId: referral.id, startedOn: plan.startDate, endedOn: plan.endDate });
  });

  const enquiryConferences: { enquiryId: string; startedOn: IsoDate; held: boolean }[] = [];
  episode.section47s.forEach((enquiry, index) => {
    const path = itemPath(at, 'Section47', index);
    if (!required(enquiry.startDate, path, 'S47ActualStartDate', problem) || enquiry.startDate === null) return;
    beforeReferral(enquiry.startDate, path, 'S47ActualStartDate');
    inOrder(
      enquiry.startDate,
      enquiry.initialConferenceDate,
      `${path}/DateOfInitialCPC`,
      'DateOfInitialCPC is before S47ActualStartDate',
      problem,
    );
    if (enquiry.initialConferenceNotRequired === true && enquiry.initialConferenceDate !== null)
      problem(`${path}/ICPCnotRequired`, 'ICPCnotRequired is true but an initial conference date is given');
    const id = newId();
    record.enquiries.push({
      id,
      referralId: referral.id,
      startedOn: enquiry.startDate,
      icpcRequired: enquiry.initialConferenceDate !== null ? true : enquiry.initialConferenceNotRequired === true ? false : null,
    });
    if (enquiry.initialConferenceDate !== null) {
      record.conferences.push(initialConference(newId(), referral.id, id, enquiry.initialConferenceDate));
      enquiryConferences.push({ enquiryId: id, startedOn: enquiry.startDate, held: true });
    } else enquiryConferences.push({ enquiryId: id, startedOn: enquiry.startDate, held: false });
  });
  if (episode.initialConferenceDate !== null) {
    const conferenceDate = episode.initialConferenceDate;
    const enquiry = enquiryConferences.filter((e) => !e.held && e.startedOn <= conferenceDate).at(-1);
    if (enquiry) record.conferences.push(initialConference(newId(), referral.id, enquiry.enquiryId, conferenceDate));
    else
      problem(
        `${at}/DateOfInitialCPC`,
        'Hearth records an initial conference against the section 47 enquiry it followed: this episode has no enquiry started on or before the conference without a conference of its own',
      );
  }

  episode.cpPlans.forEach((plan, index) => {
    const path = itemPath(at, 'ChildProtectionPlans', index);
    const started = required(plan.startDate, path, 'CPPstartDate', problem);
    const initial = required(plan.initialCategory, path, 'InitialCategoryOfAbuse', problem);
    const latest = required(plan.latestCategory, path, 'LatestCategoryOfAbuse', problem);
    const counted = required(plan.numberOfPreviousPlans, path, 'NumberOfPreviousCPP', problem);
    if (!started || !initial || !latest || !counted || plan.startDate === null) return;
    beforeReferral(plan.startDate, path, 'CPPstartDate');
    inOrder(plan.startDate, plan.endDate, `${path}/CPPendDate`, 'CPPendDate must be after CPPstartDate', problem, true);
    if (plan.endDate === null) open.cpPlans.push(path);
    const id = newId();
    record.protectionPlans.push({
      id,
      referralId: referral.id,
      startedOn: plan.startDate,
      endedOn: plan.endDate,
      initialCategory: plan.initialCategory as string,
      latestCategory: plan.latestCategory as string,
      numberOfPreviousPlans: plan.numberOfPreviousPlans as number,
    });
    plan.reviewDates.forEach((date, reviewIndex) => {
      const reviewPath = `${path}/Reviews/CPPreviewDate[${reviewIndex + 1}]`;
      if (date === null) {
        problem(reviewPath, 'CPPreviewDate is empty');
        return;
      }
      inOrder(plan.startDate, date, reviewPath, 'CPPreviewDate must be after CPPstartDate', problem, true);
      record.conferences.push({ id: newId(), referralId: referral.id, kind: 'review', section47Id: null, planId: id, heldOn: date });
    });
  });
}

function initialConference(id: string, referralId: string, section47Id: string, heldOn: IsoDate): CinRecordConference {
  return { id, referralId, kind: 'initial', section47Id, planId: null, heldOn };
}
