import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { sexElementFor } from './collection-year.js';
import type {
  ChildProtectionPlan,
  CinAssessment,
  CinCensusMessage,
  CinChild,
  CinEpisode,
  CinHeader,
  PreProceedings,
  Section47Enquiry,
} from './message.js';

/**
 * Structures → XML text, with the element names and order of the DfE CIN schema and dates as
 * YYYY-MM-DD. Empty values are left out. The sex element follows the collection year
 * (GenderCurrent up to 2023-24, Sex from 2024-25).
 */
export function buildCinCensus(message: CinCensusMessage, options: { collectionYear: number }): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('Message');
  if (message.header) addHeader(root.ele('Header'), message.header);
  const children = root.ele('Children');
  const sexElement = sexElementFor(options.collectionYear);
  for (const child of message.children) addChild(children.ele('Child'), child, sexElement);
  return root.end({ prettyPrint: true });
}

function leaf(parent: XMLBuilder, element: string, value: string | number | null): void {
  if (value !== null && value !== '') parent.ele(element).txt(String(value));
}

function flag(parent: XMLBuilder, element: string, value: boolean | null): void {
  if (value !== null) leaf(parent, element, value ? 'true' : 'false');
}

function addHeader(parent: XMLBuilder, header: CinHeader): void {
  const details = parent.ele('CollectionDetails');
  leaf(details, 'Collection', header.collection);
  leaf(details, 'Year', header.year);
  leaf(details, 'ReferenceDate', header.referenceDate);
  const source = parent.ele('Source');
  leaf(source, 'SourceLevel', header.sourceLevel);
  leaf(source, 'LEA', header.laCode);
  leaf(source, 'SoftwareCode', header.softwareCode);
  leaf(source, 'Release', header.release);
  leaf(source, 'SerialNo', header.serialNo);
  leaf(source, 'DateTime', header.dateTime);
}

function addChild(parent: XMLBuilder, child: CinChild, sexElement: 'GenderCurrent' | 'Sex'): void {
  const identifiers = parent.ele('ChildIdentifiers');
  leaf(identifiers, 'LAchildID', child.laChildId);
  leaf(identifiers, 'UPN', child.upn);
  leaf(identifiers, 'FormerUPN', child.formerUpn);
  leaf(identifiers, 'UPNunknown', child.upnUnknown);
  leaf(identifiers, 'PersonBirthDate', child.birthDate);
  leaf(identifiers, 'ExpectedPersonBirthDate', child.expectedBirthDate);
  leaf(identifiers, sexElement, child.sex);
  leaf(identifiers, 'PersonDeathDate', child.deathDate);
  const characteristics = parent.ele('ChildCharacteristics');
  leaf(characteristics, 'Ethnicity', child.ethnicity);
  if (child.disabilities.length > 0) {
    const disabilities = characteristics.ele('Disabilities');
    for (const code of child.disabilities) leaf(disabilities, 'Disability', code);
  }
  for (const episode of child.episodes) addEpisode(parent.ele('CINdetails'), episode);
}

function addEpisode(parent: XMLBuilder, episode: CinEpisode): void {
  leaf(parent, 'CINreferralDate', episode.referralDate);
  leaf(parent, 'ReferralSource', episode.referralSource);
  leaf(parent, 'PrimaryNeedCode', episode.primaryNeed);
  leaf(parent, 'CINclosureDate', episode.closureDate);
  leaf(parent, 'ReasonForClosure', episode.reasonForClosure);
  leaf(parent, 'DateOfInitialCPC', episode.initialConferenceDate);
  for (const assessment of episode.assessments) addAssessment(parent.ele('Assessments'), assessment);
  for (const plan of episode.cinPlans) {
    const element = parent.ele('CINPlanDates');
    leaf(element, 'CINPlanStartDate', plan.startDate);
    leaf(element, 'CINPlanEndDate', plan.endDate);
  }
  for (const enquiry of episode.section47s) addSection47(parent.ele('Section47'), enquiry);
  flag(parent, 'ReferralNFA', episode.referralNfa);
  for (const plan of episode.cpPlans) addCpPlan(parent.ele('ChildProtectionPlans'), plan);
  for (const preProceedings of episode.preProceedings) addPreProceedings(parent.ele('PreProceedingsandFGDM'), preProceedings);
}

function addAssessment(parent: XMLBuilder, assessment: CinAssessment): void {
  leaf(parent, 'AssessmentActualStartDate', assessment.startDate);
  leaf(parent, 'AssessmentInternalReviewDate', assessment.internalReviewDate);
  leaf(parent, 'AssessmentAuthorisationDate', assessment.authorisationDate);
  if (assessment.factors.length > 0) {
    const factors = parent.ele('FactorsIdentifiedAtAssessment');
    for (const code of assessment.factors) leaf(factors, 'AssessmentFactors', code);
  }
}

function addSection47(parent: XMLBuilder, enquiry: Section47Enquiry): void {
  leaf(parent, 'S47ActualStartDate', enquiry.startDate);
  leaf(parent, 'InitialCPCtarget', enquiry.initialConferenceTarget);
  leaf(parent, 'DateOfInitialCPC', enquiry.initialConferenceDate);
  flag(parent, 'ICPCnotRequired', enquiry.initialConferenceNotRequired);
}

function addCpPlan(parent: XMLBuilder, plan: ChildProtectionPlan): void {
  leaf(parent, 'CPPstartDate', plan.startDate);
  leaf(parent, 'CPPendDate', plan.endDate);
  leaf(parent, 'InitialCategoryOfAbuse', plan.initialCategory);
  leaf(parent, 'LatestCategoryOfAbuse', plan.latestCategory);
  leaf(parent, 'NumberOfPreviousCPP', plan.numberOfPreviousPlans);
  if (plan.reviewDates.length > 0) {
    const reviews = parent.ele('Reviews');
    for (const date of plan.reviewDates) reviews.ele('CPPreviewDate').txt(date ?? '');
  }
}

function addPreProceedings(parent: XMLBuilder, preProceedings: PreProceedings): void {
  leaf(parent, 'PPStartDate', preProceedings.startDate);
  leaf(parent, 'LBPSentDate', preProceedings.letterBeforeProceedingsSentDate);
  leaf(parent, 'FGDMMeetingOffer', preProceedings.fgdmMeetingOffered);
  leaf(parent, 'FGDMMeetingFac', preProceedings.fgdmMeetingFacilitated);
  leaf(parent, 'InitialPPMeetingDate', preProceedings.initialMeetingDate);
  leaf(parent, 'ReviewMeetingsCount', preProceedings.reviewMeetingsCount);
  leaf(parent, 'StepDecisionDate', preProceedings.stepDecisionDate);
  leaf(parent, 'PPOutcome', preProceedings.outcome);
  leaf(parent, 'CourtAppDate', preProceedings.courtApplicationDate);
  leaf(parent, 'LetterInitCPDate', preProceedings.letterInitialCpDate);
}
