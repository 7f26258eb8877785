import type { IsoDate } from '../../calendar/iso-date.js';
import { sexElementFor } from './collection-year.js';
import type {
  ChildProtectionPlan,
  CinAssessment,
  CinCensusMessage,
  CinChild,
  CinEpisode,
  CinHeader,
  CinPlan,
  Section47Enquiry,
} from './message.js';
import type { CinRecord, CinRecordChild, CinRecordReferral } from './record.js';
import { censusSex } from './sex-codes.js';

/** The period a return covers: a collection year (1 April to 31 March) or the year so far (1 April to today). */
export interface CinReturnPeriod {
  /** The collection year, named by the 31 March it ends on. */
  year: number;
  start: IsoDate;
  /** 31 March, or today for "year to date". */
  end: IsoDate;
}

export interface FromRecordOptions {
  period: CinReturnPeriod;
  header: CinHeader;
  /** InitialCPCtarget: 15 working days after the enquiry started, in the authority's counting. */
  initialConferenceTarget(startedOn: IsoDate): IsoDate;
}

/**
 * Whether a referral belongs in the return: an episode open at any time in the period, or a
 * referral with no further action made in the period (README 2.1: every child referred in the
 * year, and every case open at 1 April).
 */
export function referralInScope(referral: CinRecordReferral, period: CinReturnPeriod): boolean {
  if (referral.referralDate > period.end) return false;
  if (referral.referralNfa) return referral.referralDate >= period.start;
  return referral.closedOn === null || referral.closedOn >= period.start;
}

const within = (date: IsoDate | null, period: CinReturnPeriod): date is IsoDate =>
  date !== null && date >= period.start && date <= period.end;
/** A date after the end of the period had not happened yet at the end of it. */
const asAtEnd = (date: IsoDate | null, period: CinReturnPeriod): IsoDate | null => (date !== null && date <= period.end ? date : null);

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

const byDate =
  <T>(date: (row: T) => IsoDate) =>
  (a: T, b: T) =>
    date(a) < date(b) ? -1 : date(a) > date(b) ? 1 : 0;

/**
 * Hearth's record → the CIN census message for a period, as things stood at the end of it: work
 * finished after the end is written as still open; work started after it is left out. Children
 * come in LA child ID order, each child's episodes and the work in them in date order. Initial
 * conferences are written on their section 47 enquiry (Hearth records every conference against
 * the enquiry it followed), never on the episode as well (rule 2884).
 */
export function cinMessageFromRecord(record: CinRecord, options: FromRecordOptions): CinCensusMessage {
  const { period } = options;
  const referrals = groupBy(
    record.referrals.filter((r) => referralInScope(r, period)),
    (r) => r.personId,
  );
  const assessments = groupBy(record.assessments, (a) => a.referralId);
  const enquiries = groupBy(record.enquiries, (e) => e.referralId);
  const initialConferences = new Map(
    record.conferences.flatMap((c) =>
      c.kind === 'initial' && c.section47Id !== null && c.heldOn <= period.end ? [[c.section47Id, c.heldOn] as const] : [],
    ),
  );
  const reviews = groupBy(
    record.conferences.filter((c) => c.kind === 'review' && c.planId !== null && within(c.heldOn, period)),
    (c) => c.planId as string,
  );
  const protectionPlans = groupBy(record.protectionPlans, (p) => p.referralId);
  const childInNeedPlans = groupBy(record.childInNeedPlans, (p) => p.referralId);
  const sexElement = sexElementFor(period.year);

  const episode = (referral: CinRecordReferral): CinEpisode => {
    const closedOn = asAtEnd(referral.closedOn, period);
    return {
      referralDate: referral.referralDate,
      referralSource: referral.referralSource,
      primaryNeed: referral.primaryNeed,
      closureDate: closedOn,
      reasonForClosure: closedOn === null ? null : referral.closureReason,
      initialConferenceDate: null,
      referralNfa: referral.referralNfa,
      assessments: (assessments.get(referral.id) ?? [])
        .filter((a) => a.startedOn <= period.end && (a.authorisedOn === null || a.authorisedOn >= period.start))
        .sort(byDate((a) => a.startedOn))
        .map((a): CinAssessment => {
          const authorisedOn = asAtEnd(a.authorisedOn, period);
          return {
            startDate: a.startedOn,
            internalReviewDate: asAtEnd(a.internalReviewOn, period),
            authorisationDate: authorisedOn,
            factors: authorisedOn === null ? [] : [...a.factors],
          };
        }),
      cinPlans: (childInNeedPlans.get(referral.id) ?? [])
        .filter((p) => p.startedOn <= period.end && (p.endedOn === null || p.endedOn >= period.start))
        .sort(byDate((p) => p.startedOn))
        .map((p): CinPlan => ({ startDate: p.startedOn, endDate: asAtEnd(p.endedOn, period) })),
      section47s: (enquiries.get(referral.id) ?? [])
        .filter((e) => {
          const conference = initialConferences.get(e.id) ?? null;
          return e.startedOn <= period.end && (e.startedOn >= period.start || (conference !== null && conference >= period.start));
        })
        .sort(byDate((e) => e.startedOn))
        .map((e): Section47Enquiry => {
          const conference = initialConferences.get(e.id) ?? null;
          return {
            startDate: e.startedOn,
            initialConferenceTarget: options.initialConferenceTarget(e.startedOn),
            initialConferenceDate: conference,
            initialConferenceNotRequired: conference === null && e.icpcRequired === false,
          };
        }),
      cpPlans: (protectionPlans.get(referral.id) ?? [])
        .filter((p) => p.startedOn <= period.end && (p.endedOn === null || p.endedOn >= period.start))
        .sort(byDate((p) => p.startedOn))
        .map(
          (p): ChildProtectionPlan => ({
            startDate: p.startedOn,
            endDate: asAtEnd(p.endedOn, period),
            initialCategory: p.initialCategory,
            latestCategory: p.latestCategory,
            numberOfPreviousPlans: p.numberOfPreviousPlans,
            reviewDates: (reviews.get(p.id) ?? []).map((r) => r.heldOn).sort(),
          }),
        ),
      preProceedings: [],
    };
  };

  const child = (person: CinRecordChild, episodes: CinRecordReferral[]): CinChild => ({
    laChildId: person.laChildId,
    upn: person.upn,
    formerUpn: person.formerUpn,
    upnUnknown: person.upn === null ? person.upnUnknown : null,
    birthDate: person.dateOfBirth,
    expectedBirthDate: person.dateOfBirth === null ? person.expectedDateOfBirth : null,
    sex: censusSex(person.sex, sexElement),
    deathDate: asAtEnd(person.diedOn, period),
    ethnicity: person.ethnicity,
    disabilities: [...person.disabilities],
    episodes: [...episodes].sort(byDate((r) => r.referralDate)).map(episode),
  });

  const children = record.children
    .filter((person) => referrals.has(person.personId))
    .sort((a, b) => (a.laChildId < b.laChildId ? -1 : a.laChildId > b.laChildId ? 1 : 0))
    .map((person) => child(person, referrals.get(person.personId) ?? []));
  return { header: options.header, children };
}
