import { addMonths, addYears, ageOn, type IsoDate } from '../../calendar/index.js';
import { type CareEpisode, episodesInCollectionYear } from '../../looked-after/episodes.js';
import { eligibleChildFrom } from '../../looked-after/leaving-care.js';
import { ssda903CollectionYear } from './collection-year.js';
import { type ColumnOf, type FileKind, fileKinds, fileSpecs, isFileInYear, type ReturnRecord } from './files.js';
import type { ReturnFile, Ssda903Return } from './return.js';
import { toReturnDate } from './return-date.js';
import { type SocialWorkerAllocation, socialWorkerEpisodesInYear } from './social-worker-episodes.js';
import { returnFileName } from './write.js';

/** A missing episode or absence as Hearth records it. */
export interface MissingForReturn {
  kind: 'M' | 'A';
  startedOn: IsoDate;
  returnedOn: IsoDate | null;
}

/** A contact with a care leaver: in touch, activity and accommodation codes (accommodation with its 1/2). */
export interface CareLeaverContactForReturn {
  contactOn: IsoDate;
  inTouch: string;
  activity: string | null;
  accommodation: string | null;
}

/** OC2 as recorded for one collection year. */
export interface OutcomesForReturn {
  collectionYear: number;
  sdqScore: number | null;
  sdqReason: string | null;
  convicted: boolean | null;
  healthCheck: boolean | null;
  immunisations: boolean | null;
  teethCheck: boolean | null;
  healthAssessment: boolean | null;
  substanceMisuse: boolean | null;
  interventionReceived: boolean | null;
  interventionOffered: boolean | null;
}

/** Everything Hearth records about one child that the SSDA903 return reads. */
export interface ChildForReturn {
  laChildId: string;
  /** M, F or U as Hearth stores it. */
  sex: string | null;
  dateOfBirth: IsoDate | null;
  ethnicity: string | null;
  upn: string | null;
  /** UN1-UN5: why the child has no UPN. */
  upnUnknown: string | null;
  motherhood: { isMother: boolean; firstChildBornOn: IsoDate | null } | null;
  periods: readonly { startedOn: IsoDate; endedOn: IsoDate | null; reasonCeased: string | null }[];
  /** The child's SSDA903 episodes as Hearth derived them from legal statuses and placements. */
  episodes: readonly CareEpisode[];
  reviews: readonly { heldOn: IsoDate; participation: string }[];
  missing: readonly MissingForReturn[];
  uasc: readonly { startedOn: IsoDate; ceasedOn: IsoDate | null }[];
  careLeaverContacts: readonly CareLeaverContactForReturn[];
  adoptionDecisions: readonly { decidedOn: IsoDate; reversedOn: IsoDate | null; reasonReversed: string | null }[];
  adoptions: readonly {
    adoptedOn: IsoDate;
    shouldBePlacedOn: IsoDate | null;
    matchedOn: IsoDate | null;
    adoptedByFosterCarer: boolean | null;
    numberOfAdopters: number | null;
    adoptersSex: string | null;
    adoptersLegalStatus: string | null;
  }[];
  previousPermanence: readonly {
    periodStartedOn: IsoDate;
    arrangement: string;
    localAuthority: string | null;
    arrangementDate: string | null;
  }[];
  outcomes: readonly OutcomesForReturn[];
  /** The child's social work allocations (SWEpisodes). */
  socialWorkers: readonly SocialWorkerAllocation[];
}

/** The files Hearth writes for a collection year: every file of the specification for that year except DoLOs, which Hearth does not record. */
export function filesHearthWrites(year: number): FileKind[] {
  return fileKinds.filter((kind) => isFileInYear(kind, year) && kind !== 'dolo');
}

const date = (value: IsoDate | null | undefined): string => (value ? toReturnDate(value) : '');
const flag = (value: boolean | null | undefined): string => (value === null || value === undefined ? '' : value ? '1' : '0');
const adoptedReasons = ['E11', 'E12'];
/** Legal statuses of short breaks (V3, V4): a child on one at 31 March needs no social worker episodes. */
const shortBreaks = ['V3', 'V4'];

function record<K extends FileKind>(kind: K, values: Partial<Record<ColumnOf<K>, string>>): ReturnRecord<K> {
  const out: Record<string, string> = {};
  for (const column of fileSpecs[kind].columns) out[column] = (values as Record<string, string | undefined>)[column] ?? '';
  return out as ReturnRecord<K>;
}

/** The sex as the return for the year writes it: M/F/U from 2024-25, 1/2 before (unknown is left blank then). */
function sexForYear(sex: string | null, year: number): string {
  if (sex === null) return '';
  if (year >= 2025) return sex;
  return sex === 'M' ? '1' : sex === 'F' ? '2' : '';
}

const lookedAfterOn = (periods: ChildForReturn['periods'], day: IsoDate) =>
  periods.some((p) => p.startedOn <= day && (p.endedOn === null || p.endedOn > day));

/**
 * The birthday (17th to 21st) in the collection year on which a care leaver's contact is reported
 * (OC3), or null when the young person is not a care leaver that year: they must have been an
 * eligible child, have left care before the birthday, and not have left it by dying (E2) or
 * because another authority took over their care (E3).
 */
export function careLeaverBirthdayInYear(child: ChildForReturn, year: number): IsoDate | null {
  const born = child.dateOfBirth;
  if (!born) return null;
  const { start, end } = ssda903CollectionYear(year);
  const age = ageOn(born, end);
  const birthday = addYears(born, age);
  if (age < 17 || age > 21 || birthday < start) return null;
  const eligibleFrom = eligibleChildFrom(born, child.periods);
  if (eligibleFrom === null || eligibleFrom > birthday || lookedAfterOn(child.periods, birthday)) return null;
  const last = [...child.periods].filter((p) => p.endedOn !== null && p.endedOn <= birthday).at(-1);
  return last && (last.reasonCeased === 'E2' || last.reasonCeased === 'E3') ? null : birthday;
}

/** The contact reported for a birthday: the latest from 3 months before it to 1 month after. */
export function contactForBirthday(
  contacts: readonly CareLeaverContactForReturn[],
  birthday: IsoDate,
): CareLeaverContactForReturn | undefined {
  const from = addMonths(birthday, -3);
  const to = addMonths(birthday, 1);
  return [...contacts]
    .filter((c) => c.contactOn >= from && c.contactOn <= to)
    .sort((a, b) => a.contactOn.localeCompare(b.contactOn))
    .at(-1);
}

/** Looked after continuously for 12 months at 31 March (the OC2 cohort). */
function inOutcomesCohort(child: ChildForReturn, yearEnd: IsoDate): boolean {
  return child.periods.some((p) => p.startedOn <= addYears(yearEnd, -1) && (p.endedOn === null || p.endedOn > yearEnd));
}

type Records = { [K in FileKind]: ReturnRecord<K>[] };

function recordsOf(child: ChildForReturn, year: number, records: Records): boolean {
  const { start, end } = ssda903CollectionYear(year);
  const episodes = episodesInCollectionYear(child.episodes, year);
  const birthday = careLeaverBirthdayInYear(child, year);
  if (episodes.length === 0 && birthday === null) return false;
  const CHILD = child.laChildId;
  const DOB = date(child.dateOfBirth);
  const female = child.sex === 'F';
  records.header.push(
    record('header', {
      CHILD,
      SEX: sexForYear(child.sex, year),
      DOB,
      ETHNIC: child.ethnicity ?? '',
      UPN: child.upn ?? child.upnUnknown ?? '',
      MOTHER: female && child.motherhood ? (child.motherhood.isMother ? '1' : '0') : '',
      MC_DOB: female ? date(child.motherhood?.firstChildBornOn) : '',
    }),
  );
  for (const e of episodes) {
    records.episodes.push(
      record('episodes', {
        CHILD,
        DECOM: date(e.startedOn),
        RNE: e.reasonNewEpisode,
        LS: e.legalStatus,
        CIN: e.categoryOfNeed,
        PLACE: e.placementType,
        PLACE_PROVIDER: e.provider ?? '',
        DEC: date(e.endedOn),
        REC: e.reasonCeased ?? '',
        REASON_PLACE_CHANGE: e.reasonPlacementChange ?? '',
        HOME_POST: e.homePostcode ?? '',
        PL_POST: e.placementPostcode ?? '',
        URN: e.urn ?? '',
      }),
    );
  }
  if (birthday !== null) {
    const contact = contactForBirthday(child.careLeaverContacts, birthday);
    records.oc3.push(
      record('oc3', { CHILD, DOB, IN_TOUCH: contact?.inTouch ?? '', ACTIV: contact?.activity ?? '', ACCOM: contact?.accommodation ?? '' }),
    );
  }
  if (episodes.length === 0) return true;

  for (const review of child.reviews) {
    if (review.heldOn >= start && review.heldOn <= end) {
      records.reviews.push(record('reviews', { CHILD, DOB, REVIEW: date(review.heldOn), REVIEW_CODE: review.participation }));
    }
  }
  const uasc = [...child.uasc].sort((a, b) => a.startedOn.localeCompare(b.startedOn)).at(-1);
  if (uasc && uasc.startedOn <= end && (uasc.ceasedOn === null || uasc.ceasedOn >= start)) {
    records.uasc.push(record('uasc', { CHILD, SEX: sexForYear(child.sex, year), DOB, DUC: date(uasc.ceasedOn) }));
  }
  if (inOutcomesCohort(child, end)) {
    const o = child.outcomes.find((x) => x.collectionYear === year);
    records.oc2.push(
      record('oc2', {
        CHILD,
        DOB,
        SDQ_SCORE: o?.sdqScore === null || o?.sdqScore === undefined ? '' : String(o.sdqScore),
        SDQ_REASON: o?.sdqReason ?? '',
        CONVICTED: flag(o?.convicted),
        HEALTH_CHECK: flag(o?.healthCheck),
        IMMUNISATIONS: flag(o?.immunisations),
        TEETH_CHECK: flag(o?.teethCheck),
        HEALTH_ASSESSMENT: flag(o?.healthAssessment),
        SUBSTANCE_MISUSE: flag(o?.substanceMisuse),
        INTERVENTION_RECEIVED: flag(o?.interventionReceived),
        INTERVENTION_OFFERED: flag(o?.interventionOffered),
      }),
    );
  }
  for (const adopted of episodes.filter((e) => e.endedOn !== null && adoptedReasons.includes(e.reasonCeased ?? ''))) {
    const a = child.adoptions.find((x) => x.adoptedOn === adopted.endedOn);
    records.ad1.push(
      record('ad1', {
        CHILD,
        DOB,
        DATE_INT: date(a?.shouldBePlacedOn),
        DATE_MATCH: date(a?.matchedOn),
        FOSTER_CARE: flag(a?.adoptedByFosterCarer),
        NB_ADOPTR: a?.numberOfAdopters ? String(a.numberOfAdopters) : '',
        SEX_ADOPTR: a?.adoptersSex ?? '',
        LS_ADOPTR: a?.adoptersLegalStatus ?? '',
      }),
    );
  }
  for (const decision of child.adoptionDecisions) {
    if (decision.decidedOn <= end && (decision.reversedOn === null || decision.reversedOn >= start)) {
      records.placedAdoption.push(
        record('placedAdoption', {
          CHILD,
          DOB,
          DATE_PLACED: date(decision.decidedOn),
          DATE_PLACED_CEASED: date(decision.reversedOn),
          REASON_PLACED_CEASED: decision.reasonReversed ?? '',
        }),
      );
    }
  }
  for (const period of child.periods.filter((p) => p.startedOn >= start && p.startedOn <= end)) {
    const before = child.previousPermanence.find((p) => p.periodStartedOn === period.startedOn);
    records.prevPerm.push(
      record('prevPerm', {
        CHILD,
        DOB,
        PREV_PERM: before?.arrangement ?? '',
        LA_PERM: before?.localAuthority ?? '',
        DATE_PERM: before?.arrangementDate ?? '',
      }),
    );
  }
  const lastEpisode = episodes[episodes.length - 1];
  const lookedAfterAtYearEnd = lastEpisode !== undefined && lastEpisode.endedOn === null && !shortBreaks.includes(lastEpisode.legalStatus);
  if (lookedAfterAtYearEnd && isFileInYear('swEpisodes', year)) {
    for (const sw of socialWorkerEpisodesInYear(child.socialWorkers, ssda903CollectionYear(year))) {
      records.swEpisodes.push(
        record('swEpisodes', {
          CHILD,
          DOB,
          SW_ID: sw.socialWorkerId,
          SW_DECOM: date(sw.startedOn),
          SW_DEC: date(sw.endedOn),
          SW_REASON: sw.changeReason ?? '',
        }),
      );
    }
  }
  for (const m of child.missing) {
    if (m.startedOn <= end && (m.returnedOn === null || m.returnedOn >= start)) {
      const returned = m.returnedOn !== null && m.returnedOn <= end ? m.returnedOn : null;
      records.missing.push(record('missing', { CHILD, DOB, MISSING: m.kind, MIS_START: date(m.startedOn), MIS_END: date(returned) }));
    }
  }
  return true;
}

const byChildId = new Intl.Collator('en', { numeric: true });

/**
 * The SSDA903 return for a collection year (1 April to 31 March) from what Hearth records: every
 * child looked after at any time in the year (their Header, Episodes, and their Reviews, UASC,
 * OC2, AD1, PlacedAdoption, PrevPerm and Missing lines as the year calls for them, and their
 * social worker episodes in the year when looked after at 31 March), and every care
 * leaver whose 17th to 21st birthday falls in the year (Header and OC3). Children come in LA child
 * ID order; each file's lines are numbered as the written CSV numbers them (line 1 is the column
 * names), so a validation failure points at its line in the file.
 */
export function returnFromRecord(children: readonly ChildForReturn[], year: number): Ssda903Return {
  const records = Object.fromEntries(fileKinds.map((kind) => [kind, []])) as unknown as Records;
  for (const child of [...children].sort((a, b) => byChildId.compare(a.laChildId, b.laChildId))) recordsOf(child, year, records);
  const result: Ssda903Return = {};
  for (const kind of filesHearthWrites(year)) addFile(result, kind, records);
  return result;
}

function addFile<K extends FileKind>(target: Ssda903Return, kind: K, records: Records): void {
  const file: ReturnFile<K> = {
    fileName: returnFileName(kind),
    columns: fileSpecs[kind].columns,
    rows: (records[kind] as ReturnRecord<K>[]).map((r, index) => ({ line: index + 2, record: r })),
  };
  (target as Record<K, ReturnFile<K>>)[kind] = file;
}
