import { ageOn } from '../../calendar/date-arithmetic.js';
import type { IsoDate } from '../../calendar/iso-date.js';
import { annexAAnswer } from '../../codes/annex-a-yes-no-unknown.js';
import { carePlanPermanenceLabel } from '../../codes/ssd-care-plan-permanence.js';
import { careLeaverCategory, careLeaverCategoryNames } from '../../looked-after/leaving-care.js';
import type { CinRecordChild } from '../cin/record.js';
import {
  type AnnexACell,
  type AnnexAList,
  childColumns,
  date,
  disabilityAnswer,
  inWindow,
  lastTwelveMonths,
  lookBack,
} from './build-lists.js';
import { type AnnexAListKey, annexALists } from './lists.js';

/** What lists 8 (children in care), 9 (care leavers) and 10 (adoption) are built from: the care record of the children they can be about. */
export interface AnnexACareFacts {
  children: CinRecordChild[];
  allocations: { personId: string; teamName: string; workerName: string | null }[];
  periods: { personId: string; startedOn: IsoDate; endedOn: IsoDate | null; reasonCeased: string | null }[];
  /** SSDA903 episodes: each a legal status and placement together. */
  episodes: {
    personId: string;
    placementId: string;
    startedOn: IsoDate;
    endedOn: IsoDate | null;
    legalStatus: string;
    categoryOfNeed: string;
    placementType: string;
    provider: string | null;
    placementPostcode: string | null;
    urn: string | null;
  }[];
  uasc: { personId: string; startedOn: IsoDate; ceasedOn: IsoDate | null }[];
  reviews: { personId: string; heldOn: IsoDate }[];
  visits: { personId: string; visitedOn: IsoDate }[];
  healthAssessments: { personId: string; completedOn: IsoDate }[];
  permanencePlans: { personId: string; plan: string; agreedOn: IsoDate }[];
  /** Missing (M) and away without authorisation (A) episodes from care. */
  missing: { id: string; personId: string; kind: 'M' | 'A'; startedOn: IsoDate }[];
  returnInterviews: { missingEpisodeId: string; offeredOn: IsoDate; outcome: 'held' | 'declined' }[];
  careLeaverContacts: { personId: string; contactOn: IsoDate; inTouch: string; activity: string | null; accommodation: string | null }[];
  adoptionDecisions: { personId: string; decidedOn: IsoDate; reversedOn: IsoDate | null; reasonReversed: string | null }[];
  adoptions: { personId: string; adoptedOn: IsoDate; shouldBePlacedOn: IsoDate | null; matchedOn: IsoDate | null }[];
}

/** Placement types meaning the child is placed for adoption (SSDA903 A3-A6). */
const placedForAdoption = new Set(['A3', 'A4', 'A5', 'A6']);
/** Foster placements with carers who are also approved adopters: fostering for adoption or concurrent planning (U2, U5). */
const fosteringForAdoption = new Set(['U2', 'U5']);
/** Care leavers are entitled to services up to their 25th birthday. */
const OLDEST_CARE_LEAVER = 24;

const latestOnOrBefore = <T>(rows: readonly T[], on: (row: T) => IsoDate, asOf: IsoDate): T | undefined =>
  rows
    .filter((r) => on(r) <= asOf)
    .sort((a, b) => (on(a) < on(b) ? -1 : on(a) > on(b) ? 1 : 0))
    .at(-1);

const earliest = (dates: readonly IsoDate[]): IsoDate | null => [...dates].sort()[0] ?? null;

function byPerson<T extends { personId: string }>(rows: readonly T[]): (personId: string) => T[] {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(row.personId, [...(groups.get(row.personId) ?? []), row]);
  return (personId) => groups.get(personId) ?? [];
}

/**
 * Annex A lists 8, 9 and 10 as at a date. List 8: one row per period of care open at the as-at
 * date or ended in the 6 months before it. List 9: one row per young person entitled to leaving
 * care services that day (eligible, relevant, former relevant or qualifying, under 25). List 10:
 * one row per child adopted, waiting to be placed for adoption, or whose plan for adoption was
 * reversed, in the 12 months before it. Rows in child order.
 */
export function buildCareLists(facts: AnnexACareFacts, asOf: IsoDate): AnnexAList[] {
  const window = lookBack(asOf);
  const twelve = lastTwelveMonths(asOf);
  const children = [...facts.children].sort((a, b) => (a.laChildId < b.laChildId ? -1 : a.laChildId > b.laChildId ? 1 : 0));
  const allocation = new Map(facts.allocations.map((a) => [a.personId, a]));
  const allocated = (personId: string): AnnexACell[] => [
    allocation.get(personId)?.teamName ?? null,
    allocation.get(personId)?.workerName ?? null,
  ];
  const periodsOf = byPerson(facts.periods);
  const episodesOf = byPerson(facts.episodes);
  const uascOf = byPerson(facts.uasc);
  const reviewsOf = byPerson(facts.reviews);
  const visitsOf = byPerson(facts.visits);
  const healthOf = byPerson(facts.healthAssessments);
  const permanenceOf = byPerson(facts.permanencePlans);
  const missingOf = byPerson(facts.missing);
  const contactsOf = byPerson(facts.careLeaverContacts);
  const decisionsOf = byPerson(facts.adoptionDecisions);
  const adoptionsOf = byPerson(facts.adoptions);
  const interviewsOf = new Map<string, AnnexACareFacts['returnInterviews']>();
  for (const i of facts.returnInterviews) interviewsOf.set(i.missingEpisodeId, [...(interviewsOf.get(i.missingEpisodeId) ?? []), i]);
  const overlapsTwelve = (start: IsoDate, end: IsoDate | null) => start <= asOf && (end === null || end >= twelve.from);

  const childrenInCare: AnnexACell[][] = [];
  for (const child of children) {
    const periods = periodsOf(child.personId).filter(
      (p) => p.startedOn <= asOf && (p.endedOn === null || p.endedOn > asOf || inWindow(p.endedOn, window)),
    );
    for (const period of periods) {
      const ended = period.endedOn !== null && period.endedOn <= asOf;
      const lastDay = ended ? (period.endedOn as IsoDate) : asOf;
      const episodes = episodesOf(child.personId)
        .filter((e) => e.startedOn >= period.startedOn && e.startedOn <= lastDay)
        .sort((a, b) => (a.startedOn < b.startedOn ? -1 : 1));
      const current = episodes.at(-1);
      let legalStatusFrom = current?.startedOn ?? null;
      for (let i = episodes.length - 2; i >= 0 && current; i--) {
        const episode = episodes[i] as (typeof episodes)[number];
        if (episode.legalStatus !== current.legalStatus) break;
        legalStatusFrom = episode.startedOn;
      }
      const placementStart = current
        ? earliest(episodes.filter((e) => e.placementId === current.placementId).map((e) => e.startedOn))
        : null;
      const placementsInTwelve = new Set(
        episodesOf(child.personId)
          .filter((e) => overlapsTwelve(e.startedOn, e.endedOn))
          .map((e) => e.placementId),
      ).size;
      const missing = missingOf(child.personId).filter((m) => m.startedOn <= asOf);
      const lastMissing = latestOnOrBefore(
        missing.filter((m) => m.kind === 'M'),
        (m) => m.startedOn,
        asOf,
      );
      const interview = lastMissing ? latestOnOrBefore(interviewsOf.get(lastMissing.id) ?? [], (i) => i.offeredOn, asOf) : undefined;
      const onOrBefore = (rows: { on: IsoDate }[]) => latestOnOrBefore(rows, (r) => r.on, lastDay)?.on ?? null;
      childrenInCare.push([
        ...childColumns(child, asOf),
        annexAAnswer(uascOf(child.personId).some((u) => overlapsTwelve(u.startedOn, u.ceasedOn))),
        disabilityAnswer(child),
        date(period.startedOn),
        current?.categoryOfNeed ?? null,
        annexAAnswer(periodsOf(child.personId).filter((p) => overlapsTwelve(p.startedOn, p.endedOn)).length > 1),
        date(legalStatusFrom),
        current?.legalStatus ?? null,
        date(onOrBefore(reviewsOf(child.personId).map((r) => ({ on: r.heldOn })))),
        date(onOrBefore(visitsOf(child.personId).map((v) => ({ on: v.visitedOn })))),
        carePlanPermanenceLabel(latestOnOrBefore(permanenceOf(child.personId), (p) => p.agreedOn, lastDay)?.plan ?? null) ?? null,
        null,
        date(onOrBefore(healthOf(child.personId).map((h) => ({ on: h.completedOn })))),
        null,
        placementsInTwelve,
        date(ended ? period.endedOn : null),
        ended ? period.reasonCeased : null,
        date(placementStart),
        current?.placementType ?? null,
        current?.provider ?? null,
        current?.placementPostcode ?? null,
        current?.urn ?? null,
        null,
        null,
        missing.filter((m) => m.kind === 'M' && inWindow(m.startedOn, twelve)).length,
        missing.filter((m) => m.kind === 'A' && inWindow(m.startedOn, twelve)).length,
        lastMissing ? annexAAnswer(interview !== undefined) : null,
        interview ? annexAAnswer(interview.outcome === 'held') : null,
        ...allocated(child.personId),
      ]);
    }
  }

  const careLeavers: AnnexACell[][] = [];
  for (const child of children) {
    if (!child.dateOfBirth || child.dateOfBirth > asOf || ageOn(child.dateOfBirth, asOf) > OLDEST_CARE_LEAVER) continue;
    const periods = periodsOf(child.personId).map((p) => ({
      startedOn: p.startedOn,
      endedOn: p.endedOn !== null && p.endedOn <= asOf ? p.endedOn : null,
    }));
    const category = careLeaverCategory(
      child.dateOfBirth,
      periods.filter((p) => p.startedOn <= asOf),
      asOf,
    );
    if (category === 'none') continue;
    const contact = latestOnOrBefore(contactsOf(child.personId), (c) => c.contactOn, asOf);
    const suitability = contact?.accommodation?.slice(1);
    careLeavers.push([
      ...childColumns(child, asOf),
      disabilityAnswer(child),
      ...allocated(child.personId),
      careLeaverCategoryNames[category],
      contact?.inTouch ?? null,
      contact?.accommodation?.slice(0, 1) ?? null,
      suitability === '1' ? 'Suitable' : suitability === '2' ? 'Unsuitable' : null,
      contact?.activity ?? null,
    ]);
  }

  const adoption: AnnexACell[][] = [];
  for (const child of children) {
    const decision = latestOnOrBefore(decisionsOf(child.personId), (d) => d.decidedOn, asOf);
    const adopted = latestOnOrBefore(adoptionsOf(child.personId), (a) => a.adoptedOn, asOf);
    const reversed = decision?.reversedOn && decision.reversedOn <= asOf ? decision : undefined;
    const waiting = decision !== undefined && reversed === undefined && (adopted === undefined || adopted.adoptedOn < decision.decidedOn);
    if (!(waiting || inWindow(adopted?.adoptedOn ?? null, twelve) || inWindow(reversed?.reversedOn ?? null, twelve))) continue;
    const enteredCare = latestOnOrBefore(periodsOf(child.personId), (p) => p.startedOn, asOf);
    const careEpisodes = episodesOf(child.personId).filter(
      (e) => e.startedOn <= asOf && enteredCare !== undefined && e.startedOn >= enteredCare.startedOn,
    );
    adoption.push([
      child.laChildId,
      null,
      ...childColumns(child, asOf).slice(1),
      disabilityAnswer(child),
      date(enteredCare?.startedOn),
      date(decision?.decidedOn ?? adopted?.shouldBePlacedOn),
      date(earliest(careEpisodes.filter((e) => e.legalStatus === 'E1').map((e) => e.startedOn))),
      date(adopted?.matchedOn),
      date(earliest(careEpisodes.filter((e) => placedForAdoption.has(e.placementType)).map((e) => e.startedOn))),
      date(adopted?.adoptedOn),
      date(reversed?.reversedOn),
      reversed?.reasonReversed ?? null,
      date(earliest(careEpisodes.filter((e) => fosteringForAdoption.has(e.placementType)).map((e) => e.startedOn))),
    ]);
  }

  const list = (key: AnnexAListKey, rows: AnnexACell[][]): AnnexAList => ({
    key,
    title: annexALists[key].title,
    columns: annexALists[key].columns,
    rows,
  });
  return [list('childrenInCare', childrenInCare), list('careLeavers', careLeavers), list('adoption', adoption)];
}
