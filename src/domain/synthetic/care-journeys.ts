import { addMonths, addYears, ageOn, type IsoDate } from '../calendar/index.js';
import { fromDayNumber, toDayNumber } from '../calendar/iso-date.js';
import type { CareHistory, LegalStatusSpell, PlacementSpell } from '../looked-after/care-history.js';
import { placementTakesNoProvider } from '../looked-after/care-history-checks.js';
import {
  adoptedByFosterCarerShare,
  type CareRoute,
  careProceedingsWeeks,
  careRoutes,
  categoryOfNeedOnEntry,
  firstLegalStatusOnCareOrderRoute,
  monthsPlacedBeforeAdoption,
  monthsToPlacedForAdoption,
  movesToSupportedAccommodationAt16,
  placedWithParentsShare,
  placementStability,
  placementTypesFor,
  preProceedingsShare,
  preProceedingsWeeks,
  reasonCeasedAt18,
  reasonCeasedBefore18,
  reasonsForPlacementChange,
} from './looked-after.js';
import { pickWeighted, type Weighted } from './weighted-choice.js';

/** A source of uniform draws in [0, 1) and of record ids: the generator's seeded stream. */
export interface JourneyRandomness {
  unit(): number;
  id(): string;
}

/** How care proceedings ended (the final orders Hearth records). */
export type FinalOrder = 'care_order' | 'placement_order' | 'special_guardianship_order' | 'child_arrangements_order' | 'supervision_order';

/** One child's period of care as it went, with the court work and adoption behind it. */
export interface CareJourney {
  route: CareRoute;
  /** One period of care; placements have no carer names, postcodes or URNs yet (see `continuesCarer`). */
  history: CareHistory;
  /** Placements whose carer is the one of the placement before (a foster carer adopting: RNE T or U). */
  continuesCarer: ReadonlySet<string>;
  preProceedings: { gatewayOn: IsoDate; startedOn: IsoDate; endedOn: IsoDate | null } | null;
  proceedings: { issuedOn: IsoDate; concludedOn: IsoDate | null; finalOrder: FinalOrder | null } | null;
  adoption: {
    decidedOn: IsoDate;
    matchedOn: IsoDate | null;
    placedOn: IsoDate | null;
    adoptedOn: IsoDate | null;
    byFosterCarer: boolean;
  } | null;
}

export interface JourneyInput {
  dateOfBirth: IsoDate;
  /** When the child was referred: court work starts no earlier. */
  referredOn: IsoDate;
  startedOn: IsoDate;
  /** When care ended (null: still looked after today). */
  endedOn: IsoDate | null;
  /** Care ended on the 18th birthday (the leaving care team took over). */
  endsAt18: boolean;
  today: IsoDate;
}

const day = (date: IsoDate) => toDayNumber(date);
const date = (dayNumber: number) => fromDayNumber(Math.round(dayNumber));

/** The collection year 2024-25 brought K3 (supported accommodation) in place of H5. */
const supportedAccommodationFrom = '2024-04-01';

const finalOrderFor: Record<string, FinalOrder> = {
  E41: 'child_arrangements_order',
  E45: 'special_guardianship_order',
  E46: 'special_guardianship_order',
  E47: 'special_guardianship_order',
  E48: 'special_guardianship_order',
};

function providerFor(placementType: string, u: number): string | null {
  if (placementTakesNoProvider(placementType)) return null;
  if (placementType === 'P1') return 'PR0';
  if (/^U[1-3]$|^A[3-6]$|^R3$/.test(placementType)) return 'PR1';
  if (/^U[4-6]$/.test(placementType)) return u < 0.6 ? 'PR1' : 'PR4';
  if (placementType === 'K1') return u < 0.7 ? 'PR1' : 'PR2';
  if (placementType === 'R2') return 'PR3';
  return u < 0.78 ? 'PR4' : u < 0.95 ? 'PR1' : 'PR5';
}

/**
 * Plans one period of care from its start to its end (or today): the legal route (care order after
 * proceedings, placement order and adoption, or section 20), the legal statuses it passes through,
 * the placements and moves with their reasons, pre-proceedings and care proceedings (most within
 * 26 weeks, some over), and why care ended. Pure: the same draws give the same journey.
 */
export function planCareJourney(random: JourneyRandomness, input: JourneyInput): CareJourney {
  const weighted = <T>(outcomes: readonly Weighted<T>[]) => pickWeighted(outcomes, random.unit());
  const int = (from: number, to: number) => from + Math.floor(random.unit() * (to - from + 1));
  const start = day(input.startedOn);
  let end = input.endedOn ? day(input.endedOn) : null;
  const ageAtEntry = ageOn(input.dateOfBirth, input.startedOn);
  const periodId = random.id();

  let route = weighted(careRoutes(ageAtEntry));
  // Short stays in care are accommodation with consent: proceedings take months.
  if (end !== null && end - start < 90) route = 'section_20';
  if (route === 'placement_order' && end !== null && end - start < 420) route = 'care_order';

  const statuses: { code: string; from: number }[] = [];
  let preProceedings: CareJourney['preProceedings'] = null;
  let proceedings: CareJourney['proceedings'] = null;
  let adoption: CareJourney['adoption'] = null;
  let concludedOn: number | null = null;
  let placedForAdoptionOn: number | null = null;
  let adoptedOn: number | null = null;

  if (route === 'section_20') {
    statuses.push({ code: 'V2', from: start });
  } else {
    const first = weighted(firstLegalStatusOnCareOrderRoute);
    const interimFrom =
      first === 'L1' ? start + int(1, 2) : first === 'L2' ? start + int(3, 8) : first === 'V2' ? start + int(14, 75) : start;
    if (first !== 'C1') statuses.push({ code: first, from: start });
    statuses.push({ code: 'C1', from: interimFrom });
    const preStart = Math.max(day(input.referredOn) + 7, interimFrom - int(preProceedingsWeeks.from, preProceedingsWeeks.to) * 7);
    if (random.unit() < preProceedingsShare && preStart < interimFrom - 14) {
      const gatewayOn = Math.max(day(input.referredOn), preStart - int(3, 20));
      preProceedings = { gatewayOn: date(gatewayOn), startedOn: date(preStart), endedOn: date(interimFrom) };
    }
    const weeks = weighted(careProceedingsWeeks);
    let conclusion = interimFrom + int(weeks.from, weeks.to) * 7 + int(0, 4);
    if (end !== null && end <= conclusion) conclusion = end;
    if (route === 'placement_order' && end !== null && end - conclusion < 150) route = 'care_order';
    if (conclusion > day(input.today)) {
      proceedings = { issuedOn: date(interimFrom), concludedOn: null, finalOrder: null };
    } else {
      concludedOn = conclusion;
      if (conclusion !== end) statuses.push({ code: route === 'placement_order' ? 'E1' : 'C2', from: conclusion });
      proceedings = {
        issuedOn: date(interimFrom),
        concludedOn: date(conclusion),
        finalOrder: conclusion === end ? null : route === 'placement_order' ? 'placement_order' : 'care_order',
      };
    }
    if (route === 'placement_order' && concludedOn !== null && concludedOn !== end) {
      const naturalPlacement = day(addMonths(date(concludedOn), int(monthsToPlacedForAdoption.from, monthsToPlacedForAdoption.to)));
      placedForAdoptionOn = end !== null ? Math.min(naturalPlacement, end - int(90, 140)) : naturalPlacement;
      placedForAdoptionOn = Math.max(placedForAdoptionOn, concludedOn + 14);
      if (placedForAdoptionOn > day(input.today)) placedForAdoptionOn = null;
      // The adoption order ends care: on the day the episode closed, or (still open) when it came, if it has.
      adoptedOn = end;
      if (end === null && placedForAdoptionOn !== null) {
        const natural = day(addMonths(date(placedForAdoptionOn), int(monthsPlacedBeforeAdoption.from, monthsPlacedBeforeAdoption.to)));
        if (natural <= day(input.today)) {
          adoptedOn = natural;
          end = natural;
        }
      }
      adoption = {
        decidedOn: date(concludedOn - int(14, 60)),
        matchedOn: placedForAdoptionOn !== null ? date(Math.max(concludedOn + 7, placedForAdoptionOn - int(14, 45))) : null,
        placedOn: placedForAdoptionOn !== null ? date(placedForAdoptionOn) : null,
        adoptedOn: adoptedOn !== null ? date(adoptedOn) : null,
        byFosterCarer: false,
      };
    }
  }

  // Why care ended, and the order the proceedings ended with when they ended with care.
  let reasonCeased: string | null = null;
  if (end !== null) {
    if (input.endsAt18) reasonCeased = weighted(reasonCeasedAt18);
    else if (adoptedOn !== null) reasonCeased = random.unit() < 0.8 ? 'E11' : 'E12';
    else reasonCeased = weighted(reasonCeasedBefore18[route === 'section_20' ? 'section_20' : 'care_order']);
    if (proceedings && concludedOn === end) proceedings.finalOrder = finalOrderFor[reasonCeased] ?? 'supervision_order';
  }

  // Placements: moves at the child's stability, then the last steps of the plan (placed for adoption, home to parents).
  const stability = weighted(placementStability);
  const placements: { type: string; from: number; reason: string | null }[] = [];
  const typeAt = (when: number) => {
    const type = weighted(placementTypesFor(ageOn(input.dateOfBirth, date(when))));
    return type === 'K3' && date(when) < supportedAccommodationFrom ? 'H5' : type;
  };
  const movesUntil = placedForAdoptionOn ?? end ?? day(input.today);
  placements.push({ type: typeAt(start), from: start, reason: null });
  const supported = movesToSupportedAccommodationAt16;
  const supportedMove =
    route !== 'placement_order' && random.unit() < supported.share
      ? day(addYears(input.dateOfBirth, 16)) + int(supported.fromDays, supported.toDays)
      : Number.POSITIVE_INFINITY;
  for (let at = start; ; ) {
    at += Math.max(7, -stability.meanMonths * 30.4 * Math.log(1 - random.unit()));
    const toSupported = supportedMove > start && supportedMove < at;
    if (toSupported) at = supportedMove;
    if (at >= movesUntil || (end !== null && at >= end - 7)) break;
    let type = toSupported ? (date(at) < supportedAccommodationFrom ? 'H5' : 'K3') : typeAt(at);
    const previous = placements[placements.length - 1] as { type: string };
    while (type === previous.type && /^(K|R|S)/.test(type)) type = typeAt(at);
    placements.push({ type, from: Math.round(at), reason: toSupported ? 'CARPL' : weighted(reasonsForPlacementChange) });
    if (toSupported) break;
  }
  const continuesCarer = new Set<number>();
  if (placedForAdoptionOn !== null && adoption) {
    const current = placements[placements.length - 1] as { type: string };
    adoption.byFosterCarer = /^U/.test(current.type) && random.unit() < adoptedByFosterCarerShare / 0.7;
    if (adoption.byFosterCarer) continuesCarer.add(placements.length);
    placements.push({ type: adoption.byFosterCarer ? 'A5' : 'A6', from: placedForAdoptionOn, reason: 'CARPL' });
  }
  const goesHome = end !== null ? reasonCeased === 'E4A' : random.unit() < placedWithParentsShare;
  if (goesHome && route === 'care_order' && concludedOn !== null && (end ?? day(input.today)) - concludedOn > 120) {
    const home = Math.max(concludedOn + 30, (end ?? day(input.today)) - int(60, 300));
    const last = placements[placements.length - 1] as { from: number };
    if (home > last.from + 7) placements.push({ type: 'P1', from: home, reason: 'CARPL' });
  }

  // A special guardianship order to former foster carers (E45, E46) needs a foster placement at the end; otherwise it is to other carers.
  const lastType = (placements[placements.length - 1] as { type: string }).type;
  if ((reasonCeased === 'E45' || reasonCeased === 'E46') && !/^U/.test(lastType)) reasonCeased = reasonCeased === 'E45' ? 'E47' : 'E48';

  const legalStatuses: LegalStatusSpell[] = statuses.map((s, i) => ({
    id: random.id(),
    periodOfCareId: periodId,
    legalStatus: s.code,
    startedOn: date(s.from),
    endedOn: i + 1 < statuses.length ? date((statuses[i + 1] as { from: number }).from) : end !== null ? date(end) : null,
  }));
  const placementSpells: PlacementSpell[] = placements.map((p, i) => {
    const next = placements[i + 1];
    return {
      id: random.id(),
      periodOfCareId: periodId,
      placementType: p.type,
      provider: providerFor(p.type, random.unit()),
      postcode: null,
      urn: null,
      carerName: null,
      startedOn: date(p.from),
      endedOn: next ? date(next.from) : end !== null ? date(end) : null,
      reasonForChange: next ? next.reason : null,
    };
  });
  return {
    route,
    history: {
      dateOfBirth: input.dateOfBirth,
      periods: [
        {
          id: periodId,
          startedOn: input.startedOn,
          endedOn: end !== null ? date(end) : null,
          reasonCeased,
          categoryOfNeed: weighted(categoryOfNeedOnEntry),
          homePostcode: null,
        },
      ],
      legalStatuses,
      placements: placementSpells,
    },
    continuesCarer: new Set([...continuesCarer].map((index) => (placementSpells[index] as PlacementSpell).id)),
    preProceedings,
    proceedings,
    adoption,
  };
}
