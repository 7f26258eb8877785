import { type AdopterJourney, type AdopterMatch, contactEndedOn } from '../../adopters/journey.js';
import type { IsoDate } from '../../calendar/iso-date.js';
import { annexAAnswer } from '../../codes/annex-a-yes-no-unknown.js';
import type { AnnexACell, AnnexAList } from './build-lists.js';
import { lastTwelveMonths } from './build-lists.js';
import { annexALists } from './lists.js';

/** One household of prospective adopters as list 11 needs it: each adopter, the journey, and the children matched with them. */
export interface AnnexAAdopterHousehold {
  familyIdentifier: string;
  fosteringForAdoption: boolean;
  journey: AdopterJourney;
  /** One or two adopters, in the order the household lists them. */
  adopters: { adopterIdentifier: string; gender: string; ethnicity: string; disabled: boolean | null }[];
  matches: AdopterMatch[];
}

/**
 * Whether the household had contact with the adoption agency in the 12 months up to the as-at
 * date: their enquiry came by then, and their contact had not ended (they left, or every child
 * matched with them was adopted) before the 12 months began.
 */
export function hadContactInTwelveMonths(household: AnnexAAdopterHousehold, asOf: IsoDate): boolean {
  const { enquiryReceived } = household.journey;
  if (enquiryReceived === null || enquiryReceived > asOf) return false;
  const ended = contactEndedOn(household.journey, household.matches, asOf);
  return ended === null || ended >= lastTwelveMonths(asOf).from;
}

const latest = (dates: readonly (IsoDate | null)[], asOf: IsoDate): IsoDate | null =>
  dates.reduce<IsoDate | null>((found, d) => (d !== null && d <= asOf && (found === null || d > found) ? d : found), null);

/**
 * Annex A list 11 (adopters), as at a date: one row per prospective adopter of every household in
 * contact with the agency in the 12 months before, with Annex A's columns in order. Dates after the
 * as-at date are left out, as things stood that day; the match, placement and adoption order are
 * the latest by then, and the number of children placed counts those who had moved in.
 */
export function buildAdoptersList(households: readonly AnnexAAdopterHousehold[], asOf: IsoDate): AnnexAList {
  const rows: AnnexACell[][] = [];
  const dated = (d: IsoDate | null): AnnexACell => (d !== null && d <= asOf ? { date: d } : null);
  for (const household of households) {
    if (!hadContactInTwelveMonths(household, asOf)) continue;
    const { journey, matches } = household;
    const left = journey.leftOn !== null && journey.leftOn <= asOf;
    for (const adopter of household.adopters) {
      rows.push([
        adopter.adopterIdentifier,
        household.familyIdentifier,
        adopter.gender,
        adopter.ethnicity,
        annexAAnswer(adopter.disabled),
        annexAAnswer(household.fosteringForAdoption),
        dated(journey.enquiryReceived),
        dated(journey.stageOneStarted),
        dated(journey.stageOneEnded),
        dated(journey.stageTwoStarted),
        dated(journey.stageTwoEnded),
        dated(journey.applicationSubmitted),
        dated(journey.approved),
        dated(
          latest(
            matches.map((m) => m.matchedOn),
            asOf,
          ),
        ),
        dated(
          latest(
            matches.map((m) => m.placedOn),
            asOf,
          ),
        ),
        matches.filter((m) => m.placedOn !== null && m.placedOn <= asOf).length,
        dated(
          latest(
            matches.map((m) => m.adoptedOn),
            asOf,
          ),
        ),
        left ? dated(journey.leftOn) : null,
        left ? journey.reasonLeft : null,
      ]);
    }
  }
  const list = annexALists.adopters;
  return { key: 'adopters', title: list.title, columns: list.columns, rows };
}
