import { addCalendarDays, addMonths, ageOn } from '../../calendar/date-arithmetic.js';
import type { IsoDate } from '../../calendar/iso-date.js';
import type { AnnexACaseStatus } from '../../codes/annex-a-case-status.js';
import { annexAGender } from '../../codes/annex-a-gender.js';
import { annexAAnswer } from '../../codes/annex-a-yes-no-unknown.js';
import type { CinRecord, CinRecordChild, CinRecordReferral } from '../cin/record.js';
import { type AnnexAListKey, annexALists } from './lists.js';

/** A cell: text, a whole number, a date (written as a real spreadsheet date), or empty. */
export type AnnexACell = string | number | { date: IsoDate } | null;

export interface AnnexAList {
  key: AnnexAListKey;
  title: string;
  /** The worksheet's columns, in Annex A's order. */
  columns: readonly string[];
  rows: AnnexACell[][];
}

/** What the lists need beyond the CIN census record: contacts, allocations, statutory visits, what assessments concluded. */
export interface AnnexAFacts {
  record: CinRecord;
  contacts: { personId: string; receivedOn: IsoDate; referralSource: string }[];
  allocations: { personId: string; teamName: string; workerName: string | null }[];
  visits: { personId: string; planKind: string; planId: string | null; visitedOn: IsoDate; childSeen: boolean; seenAlone: boolean }[];
  /** Assessment id → whether it concluded the child needs children's social care support. */
  assessmentFoundNeed: Map<string, boolean | null>;
  /** Initial conference id → whether it decided on a plan. */
  conferencePlan: Map<string, boolean>;
}

/** A date cell, or empty. */
export const date = (value: IsoDate | null | undefined): AnnexACell => (value ? { date: value } : null);

/** The five columns every child list starts with: identifier, gender, ethnicity, date of birth and age at the as-at date. */
export function childColumns(child: CinRecordChild, asOf: IsoDate): AnnexACell[] {
  return [
    child.laChildId,
    annexAGender(child.sex),
    child.ethnicity,
    date(child.dateOfBirth ?? child.expectedDateOfBirth),
    child.dateOfBirth && child.dateOfBirth <= asOf ? ageOn(child.dateOfBirth, asOf) : null,
  ];
}

/** "Does the child have a disability": unknown when nothing is recorded. */
export function disabilityAnswer(child: CinRecordChild): AnnexACell {
  return child.disabilities.length === 0 ? annexAAnswer(null) : annexAAnswer(child.disabilities.some((d) => d !== 'NONE'));
}

/** The look-back window: the 6 months up to and including the as-at date (lists 1-8). */
export function lookBack(asOf: IsoDate): { from: IsoDate; to: IsoDate } {
  return { from: addCalendarDays(addMonths(asOf, -6), 1), to: asOf };
}

/** The 12 months up to and including the as-at date: the counts in lists 3, 5 and 8, and list 10's look-back. */
export function lastTwelveMonths(asOf: IsoDate): { from: IsoDate; to: IsoDate } {
  return { from: addCalendarDays(addMonths(asOf, -12), 1), to: asOf };
}

export const inWindow = (d: IsoDate | null, w: { from: IsoDate; to: IsoDate }) => d !== null && d >= w.from && d <= w.to;

function groupBy<T>(rows: readonly T[], key: (row: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (k === null) continue;
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/**
 * The Ofsted Annex A lists Hearth holds data for, as at a date: contacts (1), referrals (3),
 * assessments (4), section 47 enquiries and ICPCs (5), children in need (6) and child protection
 * (7), with Annex A's columns in order, one row per contact, referral, assessment, enquiry,
 * episode or plan, in child and date order.
 */
export function buildAnnexALists(facts: AnnexAFacts, asOf: IsoDate): AnnexAList[] {
  const window = lookBack(asOf);
  const twelve = lastTwelveMonths(asOf);
  const { record } = facts;
  const children = new Map(record.children.map((c) => [c.personId, c]));
  const allocation = new Map(facts.allocations.map((a) => [a.personId, a]));
  const referralOf = new Map(record.referrals.map((r) => [r.id, r]));
  const visitsOf = groupBy(facts.visits, (v) => v.personId);
  const plansOf = groupBy(record.protectionPlans, (p) => p.referralId);
  const childInNeedPlansOf = groupBy(record.childInNeedPlans, (p) => p.referralId);
  const assessmentsOf = groupBy(record.assessments, (a) => a.referralId);
  const reviewsOf = groupBy(
    record.conferences.filter((c) => c.kind === 'review'),
    (c) => c.planId,
  );
  const referralDatesOf = groupBy(
    record.referrals.map((r) => ({ personId: r.personId, on: r.referralDate })),
    (d) => d.personId,
  );

  const common = (child: CinRecordChild): AnnexACell[] => childColumns(child, asOf);
  const disability = disabilityAnswer;
  const allocated = (personId: string): AnnexACell[] => [
    allocation.get(personId)?.teamName ?? null,
    allocation.get(personId)?.workerName ?? null,
  ];
  const byChildThenDate = <T>(rows: T[], personId: (row: T) => string, on: (row: T) => IsoDate) =>
    rows.sort((a, b) => {
      const ca = children.get(personId(a))?.laChildId ?? '';
      const cb = children.get(personId(b))?.laChildId ?? '';
      return ca < cb ? -1 : ca > cb ? 1 : on(a) < on(b) ? -1 : on(a) > on(b) ? 1 : 0;
    });
  const known = <T extends { personId: string }>(rows: T[]) => rows.filter((r) => children.has(r.personId));
  const personOfReferral = (referralId: string) => referralOf.get(referralId)?.personId ?? '';
  const countInTwelve = (personId: string, dates: Map<string, { on: IsoDate }[]>) =>
    (dates.get(personId) ?? []).filter((d) => inWindow(d.on, twelve)).length;

  const contacts = byChildThenDate(
    known(facts.contacts).filter((c) => inWindow(c.receivedOn, window)),
    (c) => c.personId,
    (c) => c.receivedOn,
  ).map((c) => [...common(children.get(c.personId) as CinRecordChild), date(c.receivedOn), c.referralSource]);

  const referrals = byChildThenDate(
    record.referrals.filter((r) => children.has(r.personId) && inWindow(r.referralDate, window)),
    (r) => r.personId,
    (r) => r.referralDate,
  ).map((r) => [
    ...common(children.get(r.personId) as CinRecordChild),
    date(r.referralDate),
    r.referralSource,
    annexAAnswer(r.referralNfa),
    countInTwelve(r.personId, referralDatesOf),
    ...allocated(r.personId),
  ]);

  const seenBetween = (personId: string, from: IsoDate, to: IsoDate) =>
    (visitsOf.get(personId) ?? []).some((v) => v.childSeen && v.visitedOn >= from && v.visitedOn <= to);
  const assessments = byChildThenDate(
    record.assessments.filter(
      (a) =>
        a.startedOn <= asOf &&
        (inWindow(a.startedOn, window) || inWindow(a.authorisedOn, window) || a.authorisedOn === null || a.authorisedOn > asOf),
    ),
    (a) => personOfReferral(a.referralId),
    (a) => a.startedOn,
  )
    .filter((a) => children.has(personOfReferral(a.referralId)))
    .map((a) => {
      const personId = personOfReferral(a.referralId);
      const child = children.get(personId) as CinRecordChild;
      const authorisedOn = a.authorisedOn !== null && a.authorisedOn <= asOf ? a.authorisedOn : null;
      return [
        ...common(child),
        disability(child),
        date(a.startedOn),
        annexAAnswer(seenBetween(personId, a.startedOn, authorisedOn ?? asOf)),
        date(authorisedOn),
        authorisedOn === null ? null : annexAAnswer(facts.assessmentFoundNeed.get(a.id) ?? null),
        ...allocated(personId),
      ];
    });

  const initialConferenceOf = new Map(
    record.conferences.flatMap((c) =>
      c.kind === 'initial' && c.section47Id !== null && c.heldOn <= asOf ? [[c.section47Id, c] as const] : [],
    ),
  );
  const enquiryDates = groupBy(
    record.enquiries.map((e) => ({ personId: personOfReferral(e.referralId), on: e.startedOn })),
    (d) => d.personId,
  );
  const conferenceDates = groupBy(
    record.conferences.filter((c) => c.kind === 'initial').map((c) => ({ personId: personOfReferral(c.referralId), on: c.heldOn })),
    (d) => d.personId,
  );
  const section47 = byChildThenDate(
    record.enquiries.filter((e) => {
      if (e.startedOn > asOf || !children.has(personOfReferral(e.referralId))) return false;
      const open = !initialConferenceOf.has(e.id) && e.icpcRequired !== false;
      return inWindow(e.startedOn, window) || open;
    }),
    (e) => personOfReferral(e.referralId),
    (e) => e.startedOn,
  ).map((e) => {
    const personId = personOfReferral(e.referralId);
    const child = children.get(personId) as CinRecordChild;
    const conference = initialConferenceOf.get(e.id);
    return [
      ...common(child),
      disability(child),
      date(e.startedOn),
      e.icpcRequired === null ? null : annexAAnswer(!e.icpcRequired),
      date(conference?.heldOn),
      conference ? annexAAnswer(facts.conferencePlan.get(conference.id) ?? false) : null,
      countInTwelve(personId, enquiryDates),
      countInTwelve(personId, conferenceDates),
      ...allocated(personId),
    ];
  });

  const openAt = (start: IsoDate, end: IsoDate | null) => start <= asOf && (end === null || end > asOf);
  const lastSeen = (personId: string) =>
    (visitsOf.get(personId) ?? [])
      .filter((v) => v.childSeen)
      .map((v) => v.visitedOn)
      .sort()
      .at(-1) ?? null;
  const caseStatus = (referral: CinRecordReferral): AnnexACaseStatus | null => {
    if (referral.closedOn !== null && referral.closedOn <= asOf) return 'e) Closed episode';
    if ((plansOf.get(referral.id) ?? []).some((p) => openAt(p.startedOn, p.endedOn))) return 'b) Child Protection plan';
    if ((childInNeedPlansOf.get(referral.id) ?? []).some((p) => openAt(p.startedOn, p.endedOn))) return 'c) Child in need plan';
    if ((assessmentsOf.get(referral.id) ?? []).some((a) => openAt(a.startedOn, a.authorisedOn))) return 'd) Open assessment';
    return null;
  };
  const childrenInNeed = byChildThenDate(
    record.referrals.filter(
      (r) =>
        children.has(r.personId) &&
        !r.referralNfa &&
        r.referralDate <= asOf &&
        (openAt(r.referralDate, r.closedOn) || inWindow(r.closedOn, window)),
    ),
    (r) => r.personId,
    (r) => r.referralDate,
  ).map((r) => {
    const child = children.get(r.personId) as CinRecordChild;
    const closed = r.closedOn !== null && r.closedOn <= asOf;
    return [
      ...common(child),
      disability(child),
      date(r.referralDate),
      r.primaryNeed,
      date(lastSeen(r.personId)),
      date(closed ? r.closedOn : null),
      closed ? r.closureReason : null,
      caseStatus(r),
      ...allocated(r.personId),
    ];
  });

  const childProtection = byChildThenDate(
    record.protectionPlans.filter(
      (p) => children.has(personOfReferral(p.referralId)) && (openAt(p.startedOn, p.endedOn) || inWindow(p.endedOn, window)),
    ),
    (p) => personOfReferral(p.referralId),
    (p) => p.startedOn,
  ).map((p) => {
    const personId = personOfReferral(p.referralId);
    const child = children.get(personId) as CinRecordChild;
    const visit = (visitsOf.get(personId) ?? [])
      .filter((v) => v.planKind === 'child_protection' && v.visitedOn >= p.startedOn && (p.endedOn === null || v.visitedOn <= p.endedOn))
      .sort((a, b) => (a.visitedOn < b.visitedOn ? -1 : 1))
      .at(-1);
    const review = (reviewsOf.get(p.id) ?? [])
      .filter((c) => c.heldOn <= asOf)
      .map((c) => c.heldOn)
      .sort()
      .at(-1);
    const ended = p.endedOn !== null && p.endedOn <= asOf;
    return [
      ...common(child),
      disability(child),
      date(p.startedOn),
      p.initialCategory,
      p.latestCategory,
      date(visit?.visitedOn),
      visit ? annexAAnswer(visit.seenAlone) : null,
      date(review),
      date(ended ? p.endedOn : null),
      null,
      p.numberOfPreviousPlans,
      ...allocated(personId),
    ];
  });

  const list = (key: AnnexAListKey, rows: AnnexACell[][]): AnnexAList => ({
    key,
    title: annexALists[key].title,
    columns: annexALists[key].columns,
    rows,
  });
  return [
    list('contacts', contacts),
    list('referrals', referrals),
    list('assessments', assessments),
    list('section47', section47),
    list('childrenInNeed', childrenInNeed),
    list('childProtection', childProtection),
  ];
}
