import type { IsoDate } from '../../../calendar/iso-date.js';
import type { CinCollectionYear } from '../collection-year.js';
import type { ChildProtectionPlan, CinAssessment, CinChild, CinEpisode, CinPlan, Section47Enquiry } from '../message.js';
import { episodePath, itemPath } from '../paths.js';

/** An item of a child's return with where it sits: its episode and its element path. */
export interface Placed<T> {
  item: T;
  path: string;
  episode: CinEpisode;
  episodePath: string;
}

/**
 * Each child's placed items, worked out once per child and element and shared by every rule
 * (the rules only read them). Keyed by the child object, so nothing outlives the return.
 */
const placedByChild = new WeakMap<CinChild, Map<string, Placed<unknown>[]>>();

function remembered<T>(child: CinChild, key: string, place: () => Placed<T>[]): Placed<T>[] {
  let byKey = placedByChild.get(child);
  if (!byKey) {
    byKey = new Map();
    placedByChild.set(child, byKey);
  }
  let placed = byKey.get(key) as Placed<T>[] | undefined;
  if (!placed) {
    placed = place();
    byKey.set(key, placed as Placed<unknown>[]);
  }
  return placed;
}

export function episodesOf(child: CinChild, childPath: string): Placed<CinEpisode>[] {
  return remembered(child, `${childPath}/CINdetails`, () =>
    child.episodes.map((episode, index) => {
      const path = episodePath(childPath, index);
      return { item: episode, path, episode, episodePath: path };
    }),
  );
}

function itemsOf<T>(child: CinChild, childPath: string, element: string, pick: (episode: CinEpisode) => T[]): Placed<T>[] {
  return remembered(child, `${childPath}/${element}`, () => placeItems(child, childPath, element, pick));
}

function placeItems<T>(child: CinChild, childPath: string, element: string, pick: (episode: CinEpisode) => T[]): Placed<T>[] {
  const placed: Placed<T>[] = [];
  child.episodes.forEach((episode, index) => {
    const path = episodePath(childPath, index);
    pick(episode).forEach((item, itemIndex) => {
      placed.push({ item, path: itemPath(path, element, itemIndex), episode, episodePath: path });
    });
  });
  return placed;
}

export const assessmentsOf = (child: CinChild, path: string): Placed<CinAssessment>[] =>
  itemsOf(child, path, 'Assessments', (e) => e.assessments);
export const cinPlansOf = (child: CinChild, path: string): Placed<CinPlan>[] => itemsOf(child, path, 'CINPlanDates', (e) => e.cinPlans);
export const section47sOf = (child: CinChild, path: string): Placed<Section47Enquiry>[] =>
  itemsOf(child, path, 'Section47', (e) => e.section47s);
export const cpPlansOf = (child: CinChild, path: string): Placed<ChildProtectionPlan>[] =>
  itemsOf(child, path, 'ChildProtectionPlans', (e) => e.cpPlans);

/** Dates are ISO strings, so string order is date order. */
export function isBefore(date: IsoDate | null, other: IsoDate | null): boolean {
  return date !== null && other !== null && date < other;
}

export function isAfter(date: IsoDate | null, other: IsoDate | null): boolean {
  return date !== null && other !== null && date > other;
}

export function isOutsidePeriod(date: IsoDate | null, period: CinCollectionYear): boolean {
  return date !== null && (date < period.start || date > period.referenceDate);
}

/**
 * Whether two spells overlap: each runs from its start up to (not including) its end, and one
 * with no end is still open. A spell that ends on the day the other starts does not overlap it.
 */
export function spellsOverlap(aStart: IsoDate, aEnd: IsoDate | null, bStart: IsoDate, bEnd: IsoDate | null): boolean {
  return (bEnd === null || aStart < bEnd) && (aEnd === null || bStart < aEnd);
}

/** Whether `date` falls inside a spell: on or after its start and before its end (if it has one). */
export function isDuringSpell(date: IsoDate, start: IsoDate, end: IsoDate | null): boolean {
  return date >= start && (end === null || date < end);
}

/** Every initial child protection conference date of an episode: on the episode and on its section 47s. */
export function initialConferenceDates(episode: CinEpisode): IsoDate[] {
  const dates: IsoDate[] = [];
  if (episode.initialConferenceDate !== null) dates.push(episode.initialConferenceDate);
  for (const enquiry of episode.section47s) if (enquiry.initialConferenceDate !== null) dates.push(enquiry.initialConferenceDate);
  return dates;
}

/** A section 47 enquiry is still going on when it has neither a conference date nor "conference not required". */
export function isOngoingSection47(enquiry: Section47Enquiry): boolean {
  return enquiry.initialConferenceDate === null && enquiry.initialConferenceNotRequired !== true;
}

export const CLOSED_AFTER_ASSESSMENT = new Set(['RC8', 'RC9']);
