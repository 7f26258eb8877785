import type { IsoDate } from '../calendar/index.js';

/** A continuous time looked after. */
export interface PeriodOfCare {
  id: string;
  startedOn: IsoDate;
  endedOn: IsoDate | null;
  /** SSDA903 REC (an E code) when the period ended. */
  reasonCeased: string | null;
  /** SSDA903 CIN: N1-N8. */
  categoryOfNeed: string;
  homePostcode: string | null;
}

/** One legal status held during a period of care. */
export interface LegalStatusSpell {
  id: string;
  periodOfCareId: string;
  legalStatus: string;
  startedOn: IsoDate;
  endedOn: IsoDate | null;
}

/** One placement during a period of care. */
export interface PlacementSpell {
  id: string;
  periodOfCareId: string;
  placementType: string;
  provider: string | null;
  postcode: string | null;
  urn: string | null;
  carerName: string | null;
  startedOn: IsoDate;
  endedOn: IsoDate | null;
  /** Why the placement ended, when the child moved on (SSDA903 REASON_PLACE_CHANGE). */
  reasonForChange: string | null;
}

/** Everything the SSDA903 episodes are derived from, for one child. */
export interface CareHistory {
  dateOfBirth: IsoDate | null;
  periods: readonly PeriodOfCare[];
  legalStatuses: readonly LegalStatusSpell[];
  placements: readonly PlacementSpell[];
}

/** Is this spell in force at the end of `day`? A spell that starts and ends on one day never is. */
export function inForceAtEndOf(spell: { startedOn: IsoDate; endedOn: IsoDate | null }, day: IsoDate): boolean {
  return spell.startedOn <= day && (spell.endedOn === null || spell.endedOn > day);
}

/** The temporary placement types (T0-T4): a period of care may not start or end with one (rules 380, 381). */
export function isTemporaryPlacement(placementType: string): boolean {
  return /^T[0-4]$/.test(placementType);
}
