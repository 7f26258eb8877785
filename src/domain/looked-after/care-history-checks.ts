import { ageOn, type IsoDate } from '../calendar/index.js';
import { isPrimaryNeedCode } from '../codes/cin-primary-need.js';
import { isLegalStatusCode } from '../codes/ssda903-legal-status.js';
import { isPlacementProviderCode } from '../codes/ssda903-placement-provider.js';
import { placementTypeCodes } from '../codes/ssda903-placement-type.js';
import { isReasonEpisodeCeasedCode } from '../codes/ssda903-reason-episode-ceased.js';
import { isReasonPlacementChangeCode } from '../codes/ssda903-reason-placement-change.js';
import { normalisePostcode } from '../people/postcode.js';
import { type CareHistory, inForceAtEndOf, isTemporaryPlacement, type PlacementSpell } from './care-history.js';
import { collectionYearOf } from './episodes.js';

/** Something wrong with a care history, in words a social worker can act on. */
export interface CareHistoryProblem {
  /** The form field it is about, where there is one. */
  field?: string;
  message: string;
}

const urnPattern = /^(SC\d{6}|\d{7}|XXXXXXX)$/;

/** Placement types that take no provider (SSDA903 rules 178 and 213): temporary T0-T3 and the Z codes. */
export function placementTakesNoProvider(placementType: string): boolean {
  return /^T[0-3]$/.test(placementType) || /^Z/.test(placementType);
}

/** Is this placement type on the SSDA903 list for the collection year of `onDate`? */
export function placementTypeValidOn(placementType: string, onDate: IsoDate): boolean {
  const entry = placementTypeCodes.find((c) => c.code === placementType);
  if (!entry) return false;
  const year = collectionYearOf(onDate);
  if ('validFrom' in entry && year < entry.validFrom) return false;
  if ('validTo' in entry && year > entry.validTo) return false;
  return true;
}

/** Problems with one placement's own details (type, provider, postcode, URN). */
export function checkPlacementDetails(placement: PlacementSpell): CareHistoryProblem[] {
  const problems: CareHistoryProblem[] = [];
  if (!placementTypeValidOn(placement.placementType, placement.startedOn)) {
    problems.push({ field: 'placementType', message: 'Select a placement type that is in use on the placement start date' });
  }
  if (placementTakesNoProvider(placement.placementType)) {
    if (placement.provider !== null) problems.push({ field: 'provider', message: 'A temporary or Z placement has no placement provider' });
  } else if (placement.provider === null) {
    problems.push({ field: 'provider', message: 'Select the placement provider' });
  } else if (!isPlacementProviderCode(placement.provider)) {
    problems.push({ field: 'provider', message: 'Select a placement provider from the list' });
  } else if ((placement.provider === 'PR0') !== (placement.placementType === 'P1')) {
    problems.push({
      field: 'provider',
      message: 'Parent or person with parental responsibility (PR0) goes with placed with parent (P1), and only with it',
    });
  }
  if (placement.postcode !== null && normalisePostcode(placement.postcode) === undefined) {
    problems.push({ field: 'postcode', message: 'Enter a full UK postcode, like SW1A 2AA' });
  }
  if (placement.urn !== null && !urnPattern.test(placement.urn)) {
    problems.push({ field: 'urn', message: 'Enter the Ofsted URN as SC and 6 digits, or 7 digits, or XXXXXXX if not inspected by Ofsted' });
  }
  if (placement.reasonForChange !== null && !isReasonPlacementChangeCode(placement.reasonForChange)) {
    problems.push({ field: 'reasonForChange', message: 'Select a reason for the placement change from the list' });
  }
  return problems;
}

function overlaps(spells: readonly { startedOn: IsoDate; endedOn: IsoDate | null }[]): boolean {
  const lasting = spells.filter((s) => s.endedOn === null || s.endedOn > s.startedOn);
  return lasting.some((a, i) =>
    lasting.some((b, j) => i < j && a.startedOn < (b.endedOn ?? '9999-12-31') && b.startedOn < (a.endedOn ?? '9999-12-31')),
  );
}

/**
 * Checks a child's whole care history before it is saved: dates in order, periods of care that do
 * not overlap (a new one starts after the last one ended), and within each period exactly one
 * legal status and one placement in force every day from its start to its end, with valid codes.
 * An empty list means the history can be saved and its episodes derived.
 */
export function checkCareHistory(history: CareHistory): CareHistoryProblem[] {
  const problems: CareHistoryProblem[] = [];
  const periods = [...history.periods].sort((a, b) => a.startedOn.localeCompare(b.startedOn));
  periods.forEach((period, index) => {
    if (!isPrimaryNeedCode(period.categoryOfNeed) || !/^N[1-8]$/.test(period.categoryOfNeed)) {
      problems.push({ field: 'categoryOfNeed', message: 'Select the category of need (N1 to N8)' });
    }
    if (period.homePostcode !== null && normalisePostcode(period.homePostcode) === undefined) {
      problems.push({ field: 'homePostcode', message: 'Enter a full UK postcode for the home address, like SW1A 2AA' });
    }
    if (history.dateOfBirth !== null) {
      if (period.startedOn < history.dateOfBirth) {
        problems.push({ field: 'startedOn', message: 'A child cannot become looked after before they were born' });
      } else if (ageOn(history.dateOfBirth, period.startedOn) >= 18) {
        problems.push({ field: 'startedOn', message: 'A young person cannot start to be looked after at 18 or over' });
      }
    }
    if (period.endedOn !== null) {
      if (period.endedOn <= period.startedOn) {
        problems.push({ field: 'endedOn', message: 'The date care ended must be after the date it started' });
      }
      if (period.reasonCeased === null || !isReasonEpisodeCeasedCode(period.reasonCeased) || period.reasonCeased === 'X1') {
        problems.push({ field: 'reasonCeased', message: 'Select why the child stopped being looked after' });
      }
    } else if (index < periods.length - 1) {
      problems.push({ field: 'startedOn', message: 'End the current period of care before starting another' });
    }
    const next = periods[index + 1];
    if (next && period.endedOn !== null && next.startedOn <= period.endedOn) {
      problems.push({ field: 'startedOn', message: 'A new period of care must start after the previous one ended' });
    }

    const legalStatuses = history.legalStatuses.filter((s) => s.periodOfCareId === period.id);
    const placements = history.placements.filter((p) => p.periodOfCareId === period.id);
    for (const spell of [...legalStatuses, ...placements]) {
      if (spell.endedOn !== null && spell.endedOn < spell.startedOn) {
        problems.push({ field: 'startedOn', message: 'An end date cannot be before its start date' });
      }
      if (spell.startedOn < period.startedOn || (period.endedOn !== null && (spell.endedOn === null || spell.endedOn > period.endedOn))) {
        problems.push({ field: 'startedOn', message: 'Legal statuses and placements must fall within the period of care' });
      }
    }
    for (const status of legalStatuses) {
      if (!isLegalStatusCode(status.legalStatus)) problems.push({ field: 'legalStatus', message: 'Select a legal status from the list' });
    }
    for (const placement of placements) problems.push(...checkPlacementDetails(placement));
    if (overlaps(legalStatuses)) problems.push({ field: 'startedOn', message: 'Two legal statuses cannot be in force at the same time' });
    if (overlaps(placements)) problems.push({ field: 'startedOn', message: 'Two placements cannot overlap' });

    const days = new Set([period.startedOn, ...[...legalStatuses, ...placements].flatMap((s) => [s.startedOn, s.endedOn ?? s.startedOn])]);
    for (const day of days) {
      if (day < period.startedOn || (period.endedOn !== null && day >= period.endedOn)) continue;
      if (!legalStatuses.some((s) => inForceAtEndOf(s, day))) {
        problems.push({ field: 'legalStatus', message: 'The child must have a legal status for every day they are looked after' });
        break;
      }
      if (!placements.some((p) => inForceAtEndOf(p, day))) {
        problems.push({ field: 'placementType', message: 'The child must have a placement for every day they are looked after' });
        break;
      }
    }
    const first = placements.filter((p) => inForceAtEndOf(p, period.startedOn))[0];
    if (first && isTemporaryPlacement(first.placementType)) {
      problems.push({ field: 'placementType', message: 'A period of care cannot start with a temporary placement' });
    }
    const endedOn = period.endedOn;
    if (endedOn !== null) {
      const endingPlacement = placements.find((p) => p.endedOn === endedOn && p.startedOn < endedOn);
      if (endingPlacement && isTemporaryPlacement(endingPlacement.placementType)) {
        problems.push({ field: 'endedOn', message: 'A period of care cannot end while the child is in a temporary placement' });
      }
    }
  });
  return dedupe(problems);
}

function dedupe(problems: CareHistoryProblem[]): CareHistoryProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.field}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
