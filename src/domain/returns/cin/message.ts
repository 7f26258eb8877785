import type { IsoDate } from '../../calendar/iso-date.js';

/**
 * The CIN census return as data: one `CinCensusMessage` is one XML file (DfE CIN schema).
 * Codes are kept exactly as recorded (a string, not narrowed to the code list) so that the
 * validation rules can report an invalid code by its DfE rule number. A date that is missing or
 * could not be read is `null`; a flag (ReferralNFA, ICPCnotRequired) that is missing or not
 * true/false/1/0 is `null`.
 */
export interface CinCensusMessage {
  header: CinHeader | null;
  children: CinChild[];
}

export interface CinHeader {
  /** Always "CIN". */
  collection: string | null;
  year: string | null;
  /** 31 March of the collection year. */
  referenceDate: IsoDate | null;
  /** Always "L" (local authority). */
  sourceLevel: string | null;
  /** The authority's 3-digit DfE LA code. */
  laCode: string | null;
  softwareCode: string | null;
  release: string | null;
  serialNo: string | null;
  /** When the file was produced, as written (xs:dateTime). */
  dateTime: string | null;
}

export interface CinChild {
  laChildId: string | null;
  upn: string | null;
  formerUpn: string | null;
  upnUnknown: string | null;
  birthDate: IsoDate | null;
  expectedBirthDate: IsoDate | null;
  /** GenderCurrent (1/2/0/9) up to 2023-24, Sex (M/F/U) from 2024-25: see `sexElementFor`. */
  sex: string | null;
  deathDate: IsoDate | null;
  ethnicity: string | null;
  disabilities: string[];
  /** CINdetails: one per referral (episode of need). */
  episodes: CinEpisode[];
}

export interface CinEpisode {
  referralDate: IsoDate | null;
  referralSource: string | null;
  primaryNeed: string | null;
  closureDate: IsoDate | null;
  reasonForClosure: string | null;
  /** DateOfInitialCPC recorded on the episode itself (not on a section 47 enquiry). */
  initialConferenceDate: IsoDate | null;
  referralNfa: boolean | null;
  assessments: CinAssessment[];
  cinPlans: CinPlan[];
  section47s: Section47Enquiry[];
  cpPlans: ChildProtectionPlan[];
  preProceedings: PreProceedings[];
}

export interface CinAssessment {
  startDate: IsoDate | null;
  internalReviewDate: IsoDate | null;
  /** The date the manager authorised (completed) the assessment. */
  authorisationDate: IsoDate | null;
  factors: string[];
}

export interface CinPlan {
  startDate: IsoDate | null;
  endDate: IsoDate | null;
}

export interface Section47Enquiry {
  /** The date of the strategy discussion that started the enquiry. */
  startDate: IsoDate | null;
  /** The target date of the initial child protection conference (15 working days). */
  initialConferenceTarget: IsoDate | null;
  initialConferenceDate: IsoDate | null;
  initialConferenceNotRequired: boolean | null;
}

export interface ChildProtectionPlan {
  startDate: IsoDate | null;
  endDate: IsoDate | null;
  initialCategory: string | null;
  latestCategory: string | null;
  numberOfPreviousPlans: number | null;
  /** One entry per CPPreviewDate element; `null` for an empty one (rule 8842Q). */
  reviewDates: (IsoDate | null)[];
}

/**
 * Pre-proceedings and family group decision making (PreProceedingsandFGDM), expected from 2026-27.
 * The code values of PPOutcome and the FGDM flags are not verified, so they are kept as written
 * and no rule checks them.
 */
export interface PreProceedings {
  startDate: IsoDate | null;
  letterBeforeProceedingsSentDate: IsoDate | null;
  fgdmMeetingOffered: string | null;
  fgdmMeetingFacilitated: string | null;
  initialMeetingDate: IsoDate | null;
  reviewMeetingsCount: number | null;
  stepDecisionDate: IsoDate | null;
  outcome: string | null;
  courtApplicationDate: IsoDate | null;
  letterInitialCpDate: IsoDate | null;
}
