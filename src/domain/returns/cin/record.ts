import type { IsoDate } from '../../calendar/iso-date.js';

/**
 * What Hearth's record holds for the CIN census, one shape per kind of record, as the columns
 * store it. `fromRecord` turns these into the census message; `toRecord` turns a census file
 * into them for an import.
 */
export interface CinRecordChild {
  personId: string;
  laChildId: string;
  upn: string | null;
  formerUpn: string | null;
  upnUnknown: string | null;
  dateOfBirth: IsoDate | null;
  expectedDateOfBirth: IsoDate | null;
  /** M, F or U, as the record stores sex whatever the year. */
  sex: string | null;
  diedOn: IsoDate | null;
  ethnicity: string | null;
  disabilities: string[];
}

/** A referral: a child-in-need episode, or a referral with no further action. */
export interface CinRecordReferral {
  id: string;
  personId: string;
  referralDate: IsoDate;
  referralSource: string;
  primaryNeed: string | null;
  referralNfa: boolean;
  closedOn: IsoDate | null;
  closureReason: string | null;
}

export interface CinRecordAssessment {
  id: string;
  referralId: string;
  startedOn: IsoDate;
  internalReviewOn: IsoDate | null;
  authorisedOn: IsoDate | null;
  factors: string[];
}

export interface CinRecordEnquiry {
  id: string;
  referralId: string;
  startedOn: IsoDate;
  /** Null until the enquiry says whether an initial conference is needed. */
  icpcRequired: boolean | null;
}

export interface CinRecordConference {
  id: string;
  referralId: string;
  kind: 'initial' | 'review';
  section47Id: string | null;
  planId: string | null;
  heldOn: IsoDate;
}

export interface CinRecordProtectionPlan {
  id: string;
  referralId: string;
  startedOn: IsoDate;
  endedOn: IsoDate | null;
  initialCategory: string;
  latestCategory: string;
  numberOfPreviousPlans: number;
}

export interface CinRecordChildInNeedPlan {
  id: string;
  referralId: string;
  startedOn: IsoDate;
  endedOn: IsoDate | null;
}

/** Everything about the children in a return, as stored. */
export interface CinRecord {
  children: CinRecordChild[];
  referrals: CinRecordReferral[];
  assessments: CinRecordAssessment[];
  enquiries: CinRecordEnquiry[];
  conferences: CinRecordConference[];
  protectionPlans: CinRecordProtectionPlan[];
  childInNeedPlans: CinRecordChildInNeedPlan[];
}
