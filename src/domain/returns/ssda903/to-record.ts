import { ageOn, type IsoDate } from '../../calendar/index.js';
import { isEthnicityCode } from '../../codes/ethnicity.js';
import { isAdopterLegalStatusCode } from '../../codes/ssda903-adopter-legal-status.js';
import { isAdopterSexCode } from '../../codes/ssda903-adopter-sex.js';
import { isCareLeaverAccommodationTypeCode } from '../../codes/ssda903-care-leaver-accommodation.js';
import { isCareLeaverActivityCode } from '../../codes/ssda903-care-leaver-activity.js';
import { isCareLeaverInTouchCode } from '../../codes/ssda903-care-leaver-in-touch.js';
import { isLegalStatusCode } from '../../codes/ssda903-legal-status.js';
import { isMissingTypeCode } from '../../codes/ssda903-missing.js';
import { isPlacementProviderCode } from '../../codes/ssda903-placement-provider.js';
import { isPlacementTypeCode } from '../../codes/ssda903-placement-type.js';
import { isPreviousPermanenceCode } from '../../codes/ssda903-previous-permanence.js';
import { isReasonEpisodeCeasedCode } from '../../codes/ssda903-reason-episode-ceased.js';
import { isReasonNewEpisodeCode } from '../../codes/ssda903-reason-new-episode.js';
import { isReasonNoLongerPlacedForAdoptionCode } from '../../codes/ssda903-reason-no-longer-placed-for-adoption.js';
import { isReasonPlacementChangeCode } from '../../codes/ssda903-reason-placement-change.js';
import { isReviewParticipationCode } from '../../codes/ssda903-review-participation.js';
import { isSdqReasonCode } from '../../codes/ssda903-sdq-reason.js';
import type { CareHistory, LegalStatusSpell, PeriodOfCare, PlacementSpell } from '../../looked-after/care-history.js';
import { isTemporaryPlacement } from '../../looked-after/care-history.js';
import { checkCareHistory } from '../../looked-after/care-history-checks.js';
import { collectionYearOf, deriveEpisodes } from '../../looked-after/episodes.js';
import { laChildIdProblem, normaliseLaChildId } from '../../people/la-child-id.js';
import { normalisePostcode } from '../../people/postcode.js';
import { normaliseUpn, upnProblem } from '../../people/upn.js';
import { ssda903CollectionYear } from './collection-year.js';
import type { FileKind } from './files.js';
import { type ChildForReturn, careLeaverBirthdayInYear, type OutcomesForReturn } from './from-record.js';
import type { ReturnRow, Ssda903Return } from './return.js';
import { fromReturnDate, toReturnDate } from './return-date.js';

/** Something in the files that stops the import, pointing at the file, line and column to fix. */
export interface ImportError {
  fileName: string;
  /** 0 when the problem is about a file as a whole. */
  line: number;
  column?: string;
  message: string;
}

/** One child as the import will record them: the child's details and every record Hearth keeps from the return. */
export interface ChildToImport {
  laChildId: string;
  sex: 'M' | 'F' | 'U' | null;
  dateOfBirth: IsoDate;
  ethnicity: string | null;
  upn: string | null;
  upnUnknown: string | null;
  motherhood: { isMother: boolean; firstChildBornOn: IsoDate | null } | null;
  /** Periods of care, legal statuses and placements, with ids local to the import ("p1", "ls1", "pl1"). */
  history: CareHistory;
  reviews: { heldOn: IsoDate; participation: string }[];
  missing: { kind: 'M' | 'A'; startedOn: IsoDate; returnedOn: IsoDate | null; from: 'care' | 'home' }[];
  uasc: { startedOn: IsoDate; ceasedOn: IsoDate | null } | null;
  careLeaverContact: { contactOn: IsoDate; inTouch: string; activity: string | null; accommodation: string | null } | null;
  adoptionDecisions: ChildForReturn['adoptionDecisions'][number][];
  adoptions: ChildForReturn['adoptions'][number][];
  previousPermanence: ChildForReturn['previousPermanence'][number][];
  outcomes: OutcomesForReturn | null;
}

export type ImportPlan = { ok: true; children: ChildToImport[]; notes: string[] } | { ok: false; errors: ImportError[] };

/** Files the import reads; the others are reported in the notes and not imported. */
const notImported: readonly FileKind[] = ['swEpisodes', 'dolo'];

const blank = (value: string): string | null => (value === '' ? null : value);
/** A postcode as Hearth stores it ("LS1 4AP"), or as given when it is not one. */
const postcode = (value: string): string | null => (value === '' ? null : (normalisePostcode(value) ?? value));

class Problems {
  readonly errors: ImportError[] = [];
  constructor(private readonly fileNames: Partial<Record<FileKind, string>>) {}
  add(file: FileKind, line: number, column: string | undefined, message: string): void {
    this.errors.push({ fileName: this.fileNames[file] ?? file, line, ...(column ? { column } : {}), message });
  }
  /** A date that must be given and valid. */
  date(file: FileKind, line: number, column: string, value: string): IsoDate | undefined {
    const parsed = fromReturnDate(value);
    if (!parsed)
      this.add(
        file,
        line,
        column,
        value === '' ? `${column} is blank: give a date as DD/MM/YYYY` : `${column} "${value}" is not a date written DD/MM/YYYY`,
      );
    return parsed ?? undefined;
  }
  /** A date that may be blank. */
  optionalDate(file: FileKind, line: number, column: string, value: string): IsoDate | null | undefined {
    return value === '' ? null : this.date(file, line, column, value);
  }
  code(file: FileKind, line: number, column: string, value: string, valid: (v: string) => boolean, optional = false): string | null {
    if (value === '' && optional) return null;
    if (!valid(value)) {
      this.add(
        file,
        line,
        column,
        value === ''
          ? `${column} is blank: give one of the codes of the specification`
          : `${column} "${value}" is not a code of the specification`,
      );
      return null;
    }
    return value;
  }
  flag(file: FileKind, line: number, column: string, value: string): boolean | null {
    if (value === '') return null;
    if (value === '0' || value === '1') return value === '1';
    this.add(file, line, column, `${column} "${value}" must be 0, 1 or blank`);
    return null;
  }
}

const byDate = <T extends { start: IsoDate }>(a: T, b: T) => a.start.localeCompare(b.start);

interface DatedEpisode {
  row: ReturnRow<'episodes'>;
  start: IsoDate;
  end: IsoDate | null;
}

/**
 * Rebuilds a child's periods of care, legal statuses and placements from their Episodes lines: a
 * period starts with RNE S and ends with any reason but X1; L changes the legal status only; P and
 * T the placement only (T with the same carer); B and U both. The episodes must describe the
 * child's whole care (from the RNE S that started each period), one following another without
 * gaps within a period. The return names no carers, so placements that the return says kept the
 * same carer (T, U) share a carer named after the date that carer's placement began.
 */
function historyFromEpisodes(
  childId: string,
  rows: ReturnRow<'episodes'>[],
  dateOfBirth: IsoDate,
  problems: Problems,
): CareHistory | undefined {
  const before = problems.errors.length;
  const dated: DatedEpisode[] = [];
  for (const row of rows) {
    const r = row.record;
    const start = problems.date('episodes', row.line, 'DECOM', r.DECOM);
    const end = problems.optionalDate('episodes', row.line, 'DEC', r.DEC);
    problems.code('episodes', row.line, 'RNE', r.RNE, isReasonNewEpisodeCode);
    problems.code('episodes', row.line, 'LS', r.LS, isLegalStatusCode);
    problems.code('episodes', row.line, 'CIN', r.CIN, (v) => /^N[1-8]$/.test(v));
    problems.code('episodes', row.line, 'PLACE', r.PLACE, isPlacementTypeCode);
    problems.code('episodes', row.line, 'PLACE_PROVIDER', r.PLACE_PROVIDER, isPlacementProviderCode, true);
    problems.code('episodes', row.line, 'REC', r.REC, isReasonEpisodeCeasedCode, true);
    problems.code('episodes', row.line, 'REASON_PLACE_CHANGE', r.REASON_PLACE_CHANGE, isReasonPlacementChangeCode, true);
    if ((r.DEC === '') !== (r.REC === ''))
      problems.add(
        'episodes',
        row.line,
        r.DEC === '' ? 'DEC' : 'REC',
        'An episode that ended needs both DEC and REC; an open one has neither',
      );
    if (start && end && end <= start)
      problems.add('episodes', row.line, 'DEC', 'The episode must end after the day it started (DEC after DECOM)');
    if (start && end !== undefined) dated.push({ row, start, end });
  }
  if (problems.errors.length > before) return undefined;
  dated.sort(byDate);

  const periods: PeriodOfCare[] = [];
  const legalStatuses: LegalStatusSpell[] = [];
  const placements: (PlacementSpell & { rne: string })[] = [];
  let previous: DatedEpisode | undefined;
  for (const [index, episode] of dated.entries()) {
    const r = episode.row.record;
    const line = episode.row.line;
    const continues = previous !== undefined && previous.row.record.REC === 'X1';
    const placementDetails = {
      placementType: r.PLACE,
      provider: blank(r.PLACE_PROVIDER),
      postcode: postcode(r.PL_POST),
      urn: blank(r.URN.toUpperCase()),
    };
    if (!continues) {
      if (r.RNE !== 'S') {
        problems.add(
          'episodes',
          line,
          'RNE',
          previous
            ? `This episode continues care (RNE ${r.RNE}) but the one before it ended care (REC ${previous.row.record.REC}): a new period of care starts with RNE S`
            : `CHILD ${childId}'s first episode has RNE ${r.RNE}: Hearth needs the child's whole period of care, from the episode with RNE S (include the episodes of earlier years)`,
        );
        return undefined;
      }
      if (previous?.end && episode.start <= previous.end) {
        problems.add(
          'episodes',
          line,
          'DECOM',
          'A new period of care must start after the previous one ended (DECOM after the previous DEC)',
        );
        return undefined;
      }
      const n = periods.length + 1;
      periods.push({
        id: `p${n}`,
        startedOn: episode.start,
        endedOn: null,
        reasonCeased: null,
        categoryOfNeed: r.CIN,
        homePostcode: postcode(r.HOME_POST),
      });
      legalStatuses.push({
        id: `ls${legalStatuses.length + 1}`,
        periodOfCareId: `p${n}`,
        legalStatus: r.LS,
        startedOn: episode.start,
        endedOn: null,
      });
      placements.push({
        id: `pl${placements.length + 1}`,
        periodOfCareId: `p${n}`,
        ...placementDetails,
        carerName: null,
        startedOn: episode.start,
        endedOn: null,
        reasonForChange: null,
        rne: 'S',
      });
    } else {
      const prior = previous as DatedEpisode;
      const p = prior.row.record;
      const period = periods.at(-1) as PeriodOfCare;
      if (prior.end !== episode.start) {
        problems.add('episodes', line, 'DECOM', `The episode before ended with X1 on ${p.DEC}, so this one must start that day`);
        return undefined;
      }
      if (r.RNE === 'S') {
        problems.add('episodes', line, 'RNE', 'RNE S starts a period of care, but the episode before ended with X1 (still looked after)');
        return undefined;
      }
      if (r.CIN !== period.categoryOfNeed) {
        problems.add(
          'episodes',
          line,
          'CIN',
          `The category of need stays as at the start of the period of care (${period.categoryOfNeed}) for all its episodes`,
        );
      }
      if (postcode(r.HOME_POST) !== period.homePostcode) {
        problems.add(
          'episodes',
          line,
          'HOME_POST',
          `Hearth keeps one home postcode for a period of care: this episode's differs from the first episode's (${period.homePostcode ?? 'blank'})`,
        );
      }
      const legalStatusChanged = r.LS !== p.LS;
      const expectsLegalStatusChange = ['L', 'B', 'U'].includes(r.RNE);
      if (legalStatusChanged !== expectsLegalStatusChange) {
        problems.add(
          'episodes',
          line,
          'RNE',
          legalStatusChanged
            ? `The legal status changed (${p.LS} to ${r.LS}) but RNE ${r.RNE} says it did not: use L, B or U`
            : `RNE ${r.RNE} says the legal status changed, but it is ${r.LS} as before`,
        );
      }
      const placementChanged = r.RNE !== 'L';
      if (
        !placementChanged &&
        (p.PLACE !== r.PLACE || p.PLACE_PROVIDER !== r.PLACE_PROVIDER || p.PL_POST !== r.PL_POST || p.URN !== r.URN)
      ) {
        problems.add(
          'episodes',
          line,
          'RNE',
          'RNE L says only the legal status changed, but the placement details (PLACE, PLACE_PROVIDER, PL_POST or URN) differ from the episode before',
        );
      }
      if (p.REASON_PLACE_CHANGE !== '' && (!placementChanged || isTemporaryPlacement(p.PLACE))) {
        problems.add(
          'episodes',
          prior.row.line,
          'REASON_PLACE_CHANGE',
          placementChanged
            ? 'A reason for placement change is not given when a temporary placement (T0-T4) ends'
            : 'A reason for placement change is given only when the child moved, not for a change of legal status only (RNE L of the next episode)',
        );
      }
      if (legalStatusChanged) {
        (legalStatuses.at(-1) as LegalStatusSpell).endedOn = episode.start;
        legalStatuses.push({
          id: `ls${legalStatuses.length + 1}`,
          periodOfCareId: period.id,
          legalStatus: r.LS,
          startedOn: episode.start,
          endedOn: null,
        });
      }
      if (placementChanged) {
        const ending = placements.at(-1) as PlacementSpell;
        ending.endedOn = episode.start;
        ending.reasonForChange = isTemporaryPlacement(ending.placementType) ? null : blank(p.REASON_PLACE_CHANGE);
        placements.push({
          id: `pl${placements.length + 1}`,
          periodOfCareId: period.id,
          ...placementDetails,
          carerName: null,
          startedOn: episode.start,
          endedOn: null,
          reasonForChange: null,
          rne: r.RNE,
        });
      }
    }
    if (r.REC === '' && index < dated.length - 1) {
      problems.add('episodes', line, 'DEC', "Only the child's last episode can be open (no DEC)");
      return undefined;
    }
    if (r.REC === 'X1' && index === dated.length - 1) {
      problems.add('episodes', line, 'REC', 'The episode ends with X1 (a new episode follows) but no episode follows it');
      return undefined;
    }
    if (r.REC !== '' && r.REC !== 'X1') {
      const period = periods.at(-1) as PeriodOfCare;
      period.endedOn = episode.end;
      period.reasonCeased = r.REC;
      (legalStatuses.at(-1) as LegalStatusSpell).endedOn = episode.end;
      (placements.at(-1) as PlacementSpell).endedOn = episode.end;
    }
    previous = episode;
  }
  if (problems.errors.length > before) return undefined;

  for (const [i, placement] of placements.entries()) {
    const earlier = placements[i - 1];
    if (earlier && (placement.rne === 'T' || placement.rne === 'U')) {
      earlier.carerName ??= `Carer from ${toReturnDate(earlier.startedOn)} (SSDA903 import)`;
      placement.carerName = earlier.carerName;
    }
  }
  const history: CareHistory = {
    dateOfBirth,
    periods,
    legalStatuses,
    placements: placements.map(({ rne: _rne, ...spell }) => spell),
  };
  const first = dated[0]?.row.line ?? 0;
  for (const problem of checkCareHistory(history)) problems.add('episodes', first, undefined, `CHILD ${childId}: ${problem.message}`);
  if (problems.errors.length > before) return undefined;

  const derived = deriveEpisodes(history);
  dated.forEach((episode, i) => {
    const e = derived[i];
    const r = episode.row.record;
    if (!e || e.startedOn !== episode.start || e.reasonNewEpisode !== r.RNE || (e.reasonPlacementChange ?? '') !== r.REASON_PLACE_CHANGE) {
      problems.add(
        'episodes',
        episode.row.line,
        undefined,
        `CHILD ${childId}: this episode does not follow from the legal status and placement changes the episodes describe`,
      );
    }
  });
  return problems.errors.length > before ? undefined : history;
}

const lookedAfterOn = (history: CareHistory, day: IsoDate) =>
  history.periods.some((p) => p.startedOn <= day && (p.endedOn === null || p.endedOn > day));

/**
 * Turns a return's files, already read, into the children Hearth would record, or every reason it
 * cannot: a missing file or column, an unknown code, a date that is not a date or is out of order,
 * episodes that do not make a care history, a line for a child with no Header line. The collection
 * year places the care leaver's contact on their birthday that year (OC3), the outcomes (OC2) and
 * the previous permanence (PrevPerm, for a period of care starting in the year). Nothing partial:
 * either every child, or the errors.
 */
export function planImport(ssda903: Ssda903Return, year: number, readProblems: readonly ImportError[]): ImportPlan {
  const fileNames: Partial<Record<FileKind, string>> = {};
  for (const [kind, file] of Object.entries(ssda903)) fileNames[kind as FileKind] = file.fileName;
  const problems = new Problems(fileNames);
  problems.errors.push(...readProblems);
  for (const kind of ['header', 'episodes'] as const) {
    if (!ssda903[kind])
      problems.add(
        kind,
        0,
        undefined,
        `The ${kind === 'header' ? 'Header' : 'Episodes'} file is needed: it was not given or could not be read`,
      );
  }
  const notes = notImported
    .filter((kind) => ssda903[kind] !== undefined)
    .map((kind) =>
      kind === 'swEpisodes'
        ? `${fileNames[kind]} (${ssda903.swEpisodes?.rows.length ?? 0} lines) was not imported: social worker episodes come from Hearth's allocations, which need a team and a staff account the return does not name. Allocate the imported children looked after to their teams and social workers.`
        : `${fileNames[kind]} was not imported: Hearth does not record deprivation of liberty orders yet`,
    );
  if (problems.errors.length > 0) return { ok: false, errors: problems.errors };

  const { start, end } = ssda903CollectionYear(year);
  const children = new Map<string, ChildToImport>();
  const upns = new Map<string, string>();
  for (const row of ssda903.header?.rows ?? []) {
    const r = row.record;
    const line = row.line;
    if (children.has(r.CHILD)) {
      problems.add('header', line, 'CHILD', `CHILD ${r.CHILD} has more than one Header line`);
      continue;
    }
    const idProblem = laChildIdProblem(r.CHILD);
    if (idProblem || normaliseLaChildId(r.CHILD) !== r.CHILD)
      problems.add('header', line, 'CHILD', `CHILD "${r.CHILD}" ${idProblem ?? 'must be written in capitals without spaces'}`);
    const sexes: Record<string, 'M' | 'F' | 'U'> = year >= 2025 ? { M: 'M', F: 'F', U: 'U' } : { '1': 'M', '2': 'F' };
    const sex = sexes[r.SEX];
    if (!sex)
      problems.add(
        'header',
        line,
        'SEX',
        `SEX "${r.SEX}" is not valid for collection year ${year}: use ${year >= 2025 ? 'M, F or U' : '1 or 2'}`,
      );
    const dateOfBirth = problems.date('header', line, 'DOB', r.DOB);
    const ethnicity = problems.code('header', line, 'ETHNIC', r.ETHNIC, isEthnicityCode, true);
    let upn: string | null = null;
    const upnUnknown = /^UN[1-5]$/.test(r.UPN) ? r.UPN : null;
    if (r.UPN !== '' && upnUnknown === null) {
      const problem = upnProblem(r.UPN);
      if (problem || normaliseUpn(r.UPN) !== r.UPN)
        problems.add('header', line, 'UPN', `UPN "${r.UPN}" ${problem ?? 'must be written in capitals without spaces'}`);
      else if (upns.has(r.UPN)) problems.add('header', line, 'UPN', `UPN ${r.UPN} is also CHILD ${upns.get(r.UPN)}'s`);
      else {
        upns.set(r.UPN, r.CHILD);
        upn = r.UPN;
      }
    }
    const firstChild = problems.optionalDate('header', line, 'MC_DOB', r.MC_DOB);
    let motherhood: ChildToImport['motherhood'] = null;
    if (r.MOTHER !== '' || r.MC_DOB !== '') {
      if (sex !== 'F') problems.add('header', line, 'MOTHER', 'MOTHER and MC_DOB are recorded for girls and young women only');
      else if (r.MOTHER !== '1' && r.MOTHER !== '0')
        problems.add('header', line, 'MOTHER', `MOTHER "${r.MOTHER}" must be 1 or 0 when MC_DOB is given`);
      else if (r.MOTHER === '0' && r.MC_DOB !== '') problems.add('header', line, 'MC_DOB', 'MC_DOB is given only when MOTHER is 1');
      else motherhood = { isMother: r.MOTHER === '1', firstChildBornOn: firstChild ?? null };
    }
    if (!dateOfBirth) continue;
    children.set(r.CHILD, {
      laChildId: r.CHILD,
      sex: sex ?? null,
      dateOfBirth,
      ethnicity,
      upn,
      upnUnknown,
      motherhood,
      history: { dateOfBirth, periods: [], legalStatuses: [], placements: [] },
      reviews: [],
      missing: [],
      uasc: null,
      careLeaverContact: null,
      adoptionDecisions: [],
      adoptions: [],
      previousPermanence: [],
      outcomes: null,
    });
  }

  const headerIds = new Set((ssda903.header?.rows ?? []).map((row) => row.record.CHILD));
  const withoutHistory = new Set<string>();
  const childOf = (kind: FileKind, row: { line: number; record: { CHILD: string } }): ChildToImport | undefined => {
    const child = children.get(row.record.CHILD);
    if (!child && !headerIds.has(row.record.CHILD))
      problems.add(kind, row.line, 'CHILD', `CHILD ${row.record.CHILD} has no line in the Header file`);
    return child && !withoutHistory.has(child.laChildId) ? child : undefined;
  };

  const episodesByChild = new Map<string, ReturnRow<'episodes'>[]>();
  for (const row of ssda903.episodes?.rows ?? []) {
    if (!childOf('episodes', row)) continue;
    episodesByChild.set(row.record.CHILD, [...(episodesByChild.get(row.record.CHILD) ?? []), row]);
  }
  for (const child of children.values()) {
    const rows = episodesByChild.get(child.laChildId) ?? [];
    if (rows.length === 0) {
      const line = ssda903.header?.rows.find((row) => row.record.CHILD === child.laChildId)?.line ?? 0;
      problems.add(
        'header',
        line,
        'CHILD',
        `CHILD ${child.laChildId} has no episodes: Hearth needs the care history of every child it imports`,
      );
      withoutHistory.add(child.laChildId);
      continue;
    }
    const history = historyFromEpisodes(child.laChildId, rows, child.dateOfBirth, problems);
    if (history) child.history = history;
    else withoutHistory.add(child.laChildId);
  }

  for (const row of ssda903.reviews?.rows ?? []) {
    const child = childOf('reviews', row);
    const heldOn = problems.date('reviews', row.line, 'REVIEW', row.record.REVIEW);
    const participation = problems.code('reviews', row.line, 'REVIEW_CODE', row.record.REVIEW_CODE, isReviewParticipationCode);
    if (!child || !heldOn || !participation) continue;
    if (!lookedAfterOn(child.history, heldOn))
      problems.add('reviews', row.line, 'REVIEW', 'The child was not looked after on the review date');
    else if (child.reviews.some((r) => r.heldOn === heldOn))
      problems.add('reviews', row.line, 'REVIEW', 'A review on that date is already on an earlier line');
    else if (ageOn(child.dateOfBirth, heldOn) < 4 !== (participation === 'PN0')) {
      problems.add('reviews', row.line, 'REVIEW_CODE', 'PN0 is for children under 4 at the review, and only for them');
    } else child.reviews.push({ heldOn, participation });
  }

  for (const row of ssda903.missing?.rows ?? []) {
    const child = childOf('missing', row);
    const kind = problems.code('missing', row.line, 'MISSING', row.record.MISSING, isMissingTypeCode) as 'M' | 'A' | null;
    const startedOn = problems.date('missing', row.line, 'MIS_START', row.record.MIS_START);
    const returnedOn = problems.optionalDate('missing', row.line, 'MIS_END', row.record.MIS_END);
    if (!child || !kind || !startedOn || returnedOn === undefined) continue;
    if (returnedOn !== null && returnedOn < startedOn) {
      problems.add('missing', row.line, 'MIS_END', 'The child cannot return before they went missing (MIS_END before MIS_START)');
      continue;
    }
    const overlaps = child.missing.some(
      (m) => (m.returnedOn === null || startedOn < m.returnedOn) && (returnedOn === null || m.startedOn < returnedOn),
    );
    if (overlaps) problems.add('missing', row.line, 'MIS_START', 'This missing episode overlaps another of the same child');
    else child.missing.push({ kind, startedOn, returnedOn, from: lookedAfterOn(child.history, startedOn) ? 'care' : 'home' });
  }

  for (const row of ssda903.uasc?.rows ?? []) {
    const child = childOf('uasc', row);
    const ceasedOn = problems.optionalDate('uasc', row.line, 'DUC', row.record.DUC);
    if (!child || ceasedOn === undefined) continue;
    const firstCare = child.history.periods[0]?.startedOn;
    if (!firstCare) continue;
    if (child.uasc) problems.add('uasc', row.line, 'CHILD', `CHILD ${child.laChildId} has more than one UASC line`);
    else if (ceasedOn !== null && ceasedOn < firstCare) {
      problems.add('uasc', row.line, 'DUC', 'Hearth records UASC status from the day the child became looked after: DUC is before it');
    } else child.uasc = { startedOn: firstCare, ceasedOn };
  }

  for (const row of ssda903.oc3?.rows ?? []) {
    const child = childOf('oc3', row);
    const r = row.record;
    const inTouch = problems.code('oc3', row.line, 'IN_TOUCH', r.IN_TOUCH, isCareLeaverInTouchCode, true);
    const activity = problems.code('oc3', row.line, 'ACTIV', r.ACTIV, isCareLeaverActivityCode, true);
    const accommodation = problems.code(
      'oc3',
      row.line,
      'ACCOM',
      r.ACCOM,
      (v) => /^[A-Z][12]$/.test(v) && isCareLeaverAccommodationTypeCode(v.slice(0, 1)),
      true,
    );
    if (!child) continue;
    if (inTouch === null) {
      if (r.ACTIV !== '' || r.ACCOM !== '')
        problems.add('oc3', row.line, 'IN_TOUCH', 'IN_TOUCH is blank but activity or accommodation is given');
      continue;
    }
    const birthday = careLeaverBirthdayInYear(asChildForReturn(child), year);
    if (!birthday) {
      problems.add(
        'oc3',
        row.line,
        'CHILD',
        `CHILD ${child.laChildId} is not a care leaver with a 17th to 21st birthday in collection year ${year} on the care history given`,
      );
      continue;
    }
    child.careLeaverContact = { contactOn: birthday, inTouch, activity, accommodation };
  }

  for (const row of ssda903.ad1?.rows ?? []) {
    const child = childOf('ad1', row);
    const r = row.record;
    const shouldBePlacedOn = problems.optionalDate('ad1', row.line, 'DATE_INT', r.DATE_INT);
    const matchedOn = problems.optionalDate('ad1', row.line, 'DATE_MATCH', r.DATE_MATCH);
    const adoptedByFosterCarer = problems.flag('ad1', row.line, 'FOSTER_CARE', r.FOSTER_CARE);
    if (r.NB_ADOPTR !== '' && r.NB_ADOPTR !== '1' && r.NB_ADOPTR !== '2')
      problems.add('ad1', row.line, 'NB_ADOPTR', `NB_ADOPTR "${r.NB_ADOPTR}" must be 1, 2 or blank`);
    const adoptersSex = problems.code('ad1', row.line, 'SEX_ADOPTR', r.SEX_ADOPTR, isAdopterSexCode, true);
    const adoptersLegalStatus = problems.code('ad1', row.line, 'LS_ADOPTR', r.LS_ADOPTR, isAdopterLegalStatusCode, true);
    if (!child || shouldBePlacedOn === undefined || matchedOn === undefined) continue;
    const adopted = child.history.periods.filter((p) => p.reasonCeased === 'E11' || p.reasonCeased === 'E12').at(-1);
    if (!adopted?.endedOn) {
      problems.add('ad1', row.line, 'CHILD', `CHILD ${child.laChildId} has an AD1 line but no episode ending in adoption (REC E11 or E12)`);
      continue;
    }
    child.adoptions.push({
      adoptedOn: adopted.endedOn,
      shouldBePlacedOn,
      matchedOn,
      adoptedByFosterCarer,
      numberOfAdopters: r.NB_ADOPTR === '' ? null : Number(r.NB_ADOPTR),
      adoptersSex,
      adoptersLegalStatus,
    });
  }

  for (const row of ssda903.placedAdoption?.rows ?? []) {
    const child = childOf('placedAdoption', row);
    const r = row.record;
    const decidedOn = problems.date('placedAdoption', row.line, 'DATE_PLACED', r.DATE_PLACED);
    const reversedOn = problems.optionalDate('placedAdoption', row.line, 'DATE_PLACED_CEASED', r.DATE_PLACED_CEASED);
    const reasonReversed = problems.code(
      'placedAdoption',
      row.line,
      'REASON_PLACED_CEASED',
      r.REASON_PLACED_CEASED,
      isReasonNoLongerPlacedForAdoptionCode,
      true,
    );
    if (!child || !decidedOn || reversedOn === undefined) continue;
    if (reversedOn !== null && reversedOn < decidedOn)
      problems.add('placedAdoption', row.line, 'DATE_PLACED_CEASED', 'The decision cannot be reversed before it was made');
    else child.adoptionDecisions.push({ decidedOn, reversedOn, reasonReversed });
  }

  for (const row of ssda903.prevPerm?.rows ?? []) {
    const child = childOf('prevPerm', row);
    const r = row.record;
    const arrangement = problems.code('prevPerm', row.line, 'PREV_PERM', r.PREV_PERM, isPreviousPermanenceCode, true);
    if (r.DATE_PERM !== '' && !/^(\d{2}|zz)\/(\d{2}|zz)\/(\d{4}|zzzz)$/i.test(r.DATE_PERM)) {
      problems.add('prevPerm', row.line, 'DATE_PERM', `DATE_PERM "${r.DATE_PERM}" must be DD/MM/YYYY, with zz for parts not known`);
    }
    if (!child || arrangement === null) continue;
    const period = child.history.periods.filter((p) => p.startedOn >= start && p.startedOn <= end).at(-1);
    if (!period) {
      problems.add(
        'prevPerm',
        row.line,
        'CHILD',
        `PrevPerm is for a child who started to be looked after in collection year ${year}: CHILD ${child.laChildId} did not`,
      );
      continue;
    }
    child.previousPermanence.push({
      periodStartedOn: period.startedOn,
      arrangement,
      localAuthority: blank(r.LA_PERM),
      arrangementDate: blank(r.DATE_PERM),
    });
  }

  for (const row of ssda903.oc2?.rows ?? []) {
    const child = childOf('oc2', row);
    const r = row.record;
    let sdqScore: number | null = null;
    if (r.SDQ_SCORE !== '') {
      sdqScore = /^\d{1,2}$/.test(r.SDQ_SCORE) && Number(r.SDQ_SCORE) <= 40 ? Number(r.SDQ_SCORE) : null;
      if (sdqScore === null) problems.add('oc2', row.line, 'SDQ_SCORE', `SDQ_SCORE "${r.SDQ_SCORE}" must be a whole number from 0 to 40`);
    }
    const outcomes: OutcomesForReturn = {
      collectionYear: year,
      sdqScore,
      sdqReason: problems.code('oc2', row.line, 'SDQ_REASON', r.SDQ_REASON, isSdqReasonCode, true),
      convicted: problems.flag('oc2', row.line, 'CONVICTED', r.CONVICTED),
      healthCheck: problems.flag('oc2', row.line, 'HEALTH_CHECK', r.HEALTH_CHECK),
      immunisations: problems.flag('oc2', row.line, 'IMMUNISATIONS', r.IMMUNISATIONS),
      teethCheck: problems.flag('oc2', row.line, 'TEETH_CHECK', r.TEETH_CHECK),
      healthAssessment: problems.flag('oc2', row.line, 'HEALTH_ASSESSMENT', r.HEALTH_ASSESSMENT),
      substanceMisuse: problems.flag('oc2', row.line, 'SUBSTANCE_MISUSE', r.SUBSTANCE_MISUSE),
      interventionReceived: problems.flag('oc2', row.line, 'INTERVENTION_RECEIVED', r.INTERVENTION_RECEIVED),
      interventionOffered: problems.flag('oc2', row.line, 'INTERVENTION_OFFERED', r.INTERVENTION_OFFERED),
    };
    if (!child) continue;
    if (child.outcomes) problems.add('oc2', row.line, 'CHILD', `CHILD ${child.laChildId} has more than one OC2 line`);
    else child.outcomes = outcomes;
  }

  if (problems.errors.length > 0) return { ok: false, errors: problems.errors };
  return { ok: true, children: [...children.values()], notes };
}

/** The imported child as the return reads Hearth's record, for the questions both sides ask (is this a care leaver this year?). */
export function asChildForReturn(child: ChildToImport): ChildForReturn {
  return {
    laChildId: child.laChildId,
    sex: child.sex,
    dateOfBirth: child.dateOfBirth,
    ethnicity: child.ethnicity,
    upn: child.upn,
    upnUnknown: child.upnUnknown,
    motherhood: child.motherhood,
    periods: child.history.periods.map((p) => ({ startedOn: p.startedOn, endedOn: p.endedOn, reasonCeased: p.reasonCeased })),
    episodes: deriveEpisodes(child.history),
    reviews: child.reviews,
    missing: child.missing,
    uasc: child.uasc ? [child.uasc] : [],
    careLeaverContacts: child.careLeaverContact ? [child.careLeaverContact] : [],
    adoptionDecisions: child.adoptionDecisions,
    adoptions: child.adoptions,
    previousPermanence: child.previousPermanence,
    outcomes: child.outcomes ? [child.outcomes] : [],
    socialWorkers: [],
  };
}

/**
 * The collection year a return's files are for when none is named: the year of the latest date in
 * the Episodes file (a start or an end), or undefined when it has none.
 */
export function collectionYearOfEpisodes(ssda903: Ssda903Return): number | undefined {
  const dates = (ssda903.episodes?.rows ?? [])
    .flatMap((row) => [fromReturnDate(row.record.DECOM), fromReturnDate(row.record.DEC)])
    .filter((d) => d !== null);
  const latest = dates.sort().at(-1);
  return latest ? collectionYearOf(latest) : undefined;
}
