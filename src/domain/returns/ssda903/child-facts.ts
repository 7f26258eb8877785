import { addYears, ageOn } from '../../calendar/date-arithmetic.js';
import type { IsoDate } from '../../calendar/iso-date.js';
import type { ChildInReturn, EpisodeInReturn, PeriodOfCare } from './child-in-return.js';
import type { Ssda903CollectionYear } from './collection-year.js';
import type { ReturnRow } from './return.js';

/** Questions the rules ask about a child, answered from the return alone. */

export const temporaryPlacements: readonly string[] = ['T0', 'T1', 'T2', 'T3', 'T4'];
export const adoptionPlacements: readonly string[] = ['A3', 'A4', 'A5', 'A6'];
export const fosterPlacements: readonly string[] = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6'];
export const adoptedReasons: readonly string[] = ['E11', 'E12'];
export const specialGuardianshipReasons: readonly string[] = ['E45', 'E46', 'E47', 'E48'];
export const respiteLegalStatuses: readonly string[] = ['V3', 'V4'];
/** RNE codes that continue a period of care (anything but S). */
export const continuationReasons: readonly string[] = ['L', 'P', 'T', 'B', 'U'];

/** The child's Header line, as a list of none or one. */
export function headerRows(child: ChildInReturn): ReturnRow<'header'>[] {
  return child.header ? [child.header] : [];
}

/** Age in completed years, or null when the date of birth is not known. */
export function ageAt(child: ChildInReturn, date: IsoDate): number | null {
  return child.dateOfBirth ? ageOn(child.dateOfBirth, date) : null;
}

export function isMale(sex: string): boolean {
  return sex === '1' || sex === 'M';
}

export function isFemale(sex: string): boolean {
  return sex === '2' || sex === 'F';
}

/** The child is looked after on this day: an episode started on or before it and had not ended before it. */
export function lookedAfterOn(child: ChildInReturn, date: IsoDate): boolean {
  return child.episodes.some((e) => e.start <= date && (e.end === null || e.end >= date));
}

/** The open period of care at the end of the collection year (the child is looked after on 31 March). */
export function periodOpenAtYearEnd(child: ChildInReturn, year: Ssda903CollectionYear): PeriodOfCare | undefined {
  return child.periodsOfCare.find((p) => p.start <= year.end && (p.end === null || p.end > year.end));
}

/** Looked after on 31 March continuously for at least 12 months (the OC2 cohort). */
export function lookedAfterTwelveMonthsAtYearEnd(child: ChildInReturn, year: Ssda903CollectionYear): boolean {
  const period = periodOpenAtYearEnd(child, year);
  return period !== undefined && period.start <= addYears(year.end, -1);
}

/** Periods of care that ended (REC not X1) inside the collection year. */
export function periodsEndedInYear(child: ChildInReturn, year: Ssda903CollectionYear): PeriodOfCare[] {
  return child.periodsOfCare.filter((p) => p.end !== null && p.end >= year.start && p.end <= year.end && p.reasonCeased !== 'X1');
}

/** The age the child reaches on the birthday that falls inside the collection year. */
export function birthdayAgeInYear(child: ChildInReturn, year: Ssda903CollectionYear): number | null {
  if (!child.dateOfBirth) return null;
  const age = ageOn(child.dateOfBirth, year.end);
  return addYears(child.dateOfBirth, age) >= year.start ? age : null;
}

/** The date of the birthday on which the child turns `age`, or null without a date of birth. */
export function birthday(child: ChildInReturn, age: number): IsoDate | null {
  return child.dateOfBirth ? addYears(child.dateOfBirth, age) : null;
}

/** Consecutive episodes (each continuing the one before) with the same legal status. */
export interface LegalStatusSpell {
  legalStatus: string;
  episodes: EpisodeInReturn[];
  start: IsoDate;
  end: IsoDate | null;
}

export function legalStatusSpells(child: ChildInReturn): LegalStatusSpell[] {
  const spells: LegalStatusSpell[] = [];
  for (const episode of child.episodes) {
    const last = spells[spells.length - 1];
    const legalStatus = episode.row.record.LS;
    if (last && episode.previous && last.episodes[last.episodes.length - 1] === episode.previous && last.legalStatus === legalStatus) {
      last.episodes.push(episode);
      last.end = episode.end;
    } else {
      spells.push({ legalStatus, episodes: [episode], start: episode.start, end: episode.end });
    }
  }
  return spells;
}

/** Whether anything about the placement differs between two episodes (type, provider, postcode or URN). */
export function placementChanged(before: EpisodeInReturn, after: EpisodeInReturn): boolean {
  const a = before.row.record;
  const b = after.row.record;
  return a.PLACE !== b.PLACE || a.PLACE_PROVIDER !== b.PLACE_PROVIDER || a.PL_POST !== b.PL_POST || a.URN !== b.URN;
}

/** Within a code list, valid in a collection year when it has validFrom/validTo. */
export function isCodeValidInYear(
  list: readonly { code: string; validFrom?: number; validTo?: number }[],
  code: string,
  year: number,
): boolean {
  const entry = list.find((c) => c.code === code);
  return (
    entry !== undefined &&
    (entry.validFrom === undefined || year >= entry.validFrom) &&
    (entry.validTo === undefined || year <= entry.validTo)
  );
}
