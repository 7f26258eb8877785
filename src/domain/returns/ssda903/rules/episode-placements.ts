import { adoptedReasons, adoptionPlacements, fosterPlacements, temporaryPlacements } from '../child-facts.js';
import type { EpisodeInReturn } from '../child-in-return.js';
import { eachEpisode, eachRow, type Ssda903Rule } from '../rule.js';

/** Placements whose provider is registered with Ofsted, so the episode needs a URN (XXXXXXX where there is none). */
const urnRequired: readonly string[] = ['A3', 'A4', 'A5', 'A6', 'K1', 'K2', 'K3', 'R1', 'R3', 'S1', ...fosterPlacements];
/** Placements with no registered provider, so no URN. */
const urnNotAllowed: readonly string[] = ['P1', 'P2', 'P3', 'R2', 'R5', ...temporaryPlacements, 'Z1', 'Z11', 'Z12', 'Z13', 'Z14'];
/** A full UK postcode, or a postcode sector (outward code and the first digit of the inward code). */
const POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]? ?\d([A-Z]{2})?$/;

const DAY = 86_400_000;

function days(e: EpisodeInReturn, yearEnd: string): number {
  return (Date.parse(e.end ?? yearEnd) - Date.parse(e.start)) / DAY;
}

/** A rule that a temporary placement lasts no longer than so many days. */
function temporaryLimit(code: string, place: string, limit: number, what: string): Ssda903Rule {
  return {
    code,
    severity: 'error',
    files: ['episodes'],
    description: `${what} (${place}) over ${limit} days`,
    check: (child, { collectionYear }) =>
      eachEpisode(child.episodes, (e) => {
        const length = days(e, collectionYear.end);
        return e.row.record.PLACE === place && length > limit
          ? `${what} (${place}) lasted ${length} days: the most is ${limit}`
          : undefined;
      }),
  };
}

function isPlacementChange(next: EpisodeInReturn | undefined): boolean {
  return next !== undefined && ['P', 'T', 'B', 'U'].includes(next.row.record.RNE);
}

function normalisedPostcode(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

export const episodePlacementRules: readonly Ssda903Rule[] = [
  {
    code: '217',
    severity: 'error',
    files: ['episodes'],
    description: 'A3/A5 placement must have RNE S, T or U',
    check: (child) =>
      eachEpisode(child.episodes, (e) => {
        const { PLACE, RNE } = e.row.record;
        return ['A3', 'A5'].includes(PLACE) && !['S', 'T', 'U', 'L'].includes(RNE)
          ? `Placed for adoption with the current foster carers (${PLACE}) so the carer did not change: RNE should be S, T or U, not ${RNE}`
          : undefined;
      }),
  },
  {
    code: '218',
    severity: 'error',
    files: ['episodes'],
    description: 'Ofsted URN required for this placement type',
    check: (child) =>
      eachRow('episodes', child.episodeRows, ({ record }) =>
        urnRequired.includes(record.PLACE) && record.URN === ''
          ? `Placement type ${record.PLACE} needs the provider's Ofsted URN (XXXXXXX if it has none)`
          : undefined,
      ),
  },
  {
    code: '222',
    severity: 'error',
    files: ['episodes'],
    description: 'URN should not be recorded for this placement type',
    check: (child) =>
      eachRow('episodes', child.episodeRows, ({ record }) =>
        urnNotAllowed.includes(record.PLACE) && record.URN !== '' && record.URN !== 'XXXXXXX'
          ? `Placement type ${record.PLACE} has no Ofsted-registered provider, so no URN should be recorded`
          : undefined,
      ),
  },
  {
    code: '225',
    severity: 'error',
    files: ['episodes'],
    description: 'Reason for placement change must be recorded',
    check: (child) =>
      eachEpisode(child.episodes, (e) => {
        const next = e.next;
        const temporary =
          temporaryPlacements.includes(e.row.record.PLACE) || (next !== undefined && temporaryPlacements.includes(next.row.record.PLACE));
        return e.row.record.REASON_PLACE_CHANGE === '' && isPlacementChange(next) && !temporary
          ? 'The placement changed at the end of this episode but no reason for the change is recorded'
          : undefined;
      }),
  },
  {
    code: '226',
    severity: 'error',
    files: ['episodes'],
    description: 'Reason for placement change not needed for temporary placements',
    check: (child) =>
      eachRow('episodes', child.episodeRows, ({ record }) =>
        temporaryPlacements.includes(record.PLACE) && record.REASON_PLACE_CHANGE !== ''
          ? `A reason for placement change is recorded on a temporary placement (${record.PLACE}), which does not take one`
          : undefined,
      ),
  },
  {
    code: '233',
    severity: 'error',
    files: ['episodes'],
    description: 'Reason for placement change given on an episode that has not ceased',
    check: (child) =>
      eachRow('episodes', child.episodeRows, ({ record }) =>
        record.DEC === '' && record.REASON_PLACE_CHANGE !== ''
          ? 'A reason for placement change is recorded on an episode that has not ended'
          : undefined,
      ),
  },
  temporaryLimit('375', 'T1', 42, 'A temporary stay in hospital'),
  temporaryLimit('376', 'T3', 21, 'A temporary placement while the carer is on holiday'),
  {
    code: '377',
    severity: 'error',
    files: ['episodes'],
    description: 'More than two T3 placements in 12 months',
    check: (child, { collectionYear }) => {
      const carerHolidays = child.episodes.filter(
        (e) => e.row.record.PLACE === 'T3' && e.start >= collectionYear.start && e.start <= collectionYear.end,
      );
      return carerHolidays.length > 2
        ? eachEpisode(
            carerHolidays.slice(2),
            () => `${carerHolidays.length} temporary placements for the carer's holiday (T3) in the year: the most is 2`,
          )
        : [];
    },
  },
  temporaryLimit('379', 'T4', 7, 'A temporary placement for another reason'),
  {
    code: '380',
    severity: 'error',
    files: ['episodes'],
    description: 'Period of care starts with a temporary placement',
    check: (child) =>
      eachEpisode(
        child.periodsOfCare.map((p) => p.episodes[0] as EpisodeInReturn),
        (e) =>
          e.row.record.RNE === 'S' && temporaryPlacements.includes(e.row.record.PLACE)
            ? `The period of care starts with a temporary placement (${e.row.record.PLACE})`
            : undefined,
      ),
  },
  {
    code: '381',
    severity: 'error',
    files: ['episodes'],
    description: 'Period of care ends with a temporary placement',
    check: (child) =>
      eachEpisode(child.episodes, (e) => {
        const rec = e.row.record.REC;
        return e.end !== null && rec !== '' && rec !== 'X1' && temporaryPlacements.includes(e.row.record.PLACE)
          ? `The period of care ends in a temporary placement (${e.row.record.PLACE})`
          : undefined;
      }),
  },
  {
    code: '383',
    severity: 'error',
    files: ['episodes'],
    description: 'After a temporary placement the child must return to the normal placement',
    check: (child) =>
      eachEpisode(child.episodes, (e) => {
        const before = e.previous;
        const after = e.next;
        if (!temporaryPlacements.includes(e.row.record.PLACE) || !before || !after) return undefined;
        if (temporaryPlacements.includes(before.row.record.PLACE) || temporaryPlacements.includes(after.row.record.PLACE)) return undefined;
        const same = before.row.record.PLACE === after.row.record.PLACE && before.row.record.PL_POST === after.row.record.PL_POST;
        return same
          ? undefined
          : `After the temporary placement (${e.row.record.PLACE}) the child did not return to the placement before it`;
      }),
  },
  {
    code: '390',
    severity: 'error',
    files: ['episodes'],
    description: 'Ceased as adopted but never placed for adoption',
    check: (child) =>
      child.periodsOfCare.flatMap((period) => {
        const last = period.episodes[period.episodes.length - 1] as EpisodeInReturn;
        const placed = period.episodes.some((e) => adoptionPlacements.includes(e.row.record.PLACE));
        return adoptedReasons.includes(last.row.record.REC) && !placed
          ? eachEpisode([last], () => `Ceased as adopted (${last.row.record.REC}) but the child was never placed for adoption (A3 to A6)`)
          : [];
      }),
  },
  {
    code: '516',
    severity: 'error',
    files: ['episodes'],
    description: 'REC E45/E46 requires previous placement U1-U6',
    check: (child) =>
      eachEpisode(child.episodes, (e) =>
        ['E45', 'E46'].includes(e.row.record.REC) && !fosterPlacements.includes(e.row.record.PLACE)
          ? `Special guardianship to former foster carers (${e.row.record.REC}) but the placement was ${e.row.record.PLACE}, not foster care (U1 to U6)`
          : undefined,
      ),
  },
  {
    code: '169',
    severity: 'error',
    files: ['episodes'],
    needsColumn: { file: 'episodes', column: 'PL_LA' },
    description: 'LA of placement missing (check postcode)',
    check: (child) =>
      eachRow('episodes', child.episodeRows, ({ record }) =>
        (record.PL_LA ?? '') === '' ? 'The local authority of the placement (PL_LA) is missing: check the placement postcode' : undefined,
      ),
  },
  {
    code: '392a',
    severity: 'error',
    files: ['episodes'],
    needsColumn: { file: 'episodes', column: 'PL_DISTANCE' },
    description: 'Looked after but no placement distance',
    check: (child) =>
      eachRow('episodes', child.episodeRows, ({ record }) =>
        (record.PL_DISTANCE ?? '') === '' ? 'The placement distance (PL_DISTANCE) is missing' : undefined,
      ),
  },
  {
    code: '392b',
    severity: 'error',
    files: ['episodes'],
    description: 'Looked after but no postcodes',
    check: (child) =>
      eachRow('episodes', child.episodeRows, ({ record }) =>
        record.HOME_POST === '' || record.PL_POST === ''
          ? `The ${record.HOME_POST === '' ? 'home postcode (HOME_POST)' : 'placement postcode (PL_POST)'} is missing`
          : undefined,
      ),
  },
  {
    code: '392c',
    severity: 'error',
    files: ['episodes'],
    description: 'Invalid postcode',
    check: (child) =>
      eachRow('episodes', child.episodeRows, ({ record }) => {
        const bad = (['HOME_POST', 'PL_POST'] as const).filter((c) => record[c] !== '' && !POSTCODE.test(record[c].toUpperCase()));
        return bad.length > 0
          ? `${bad.join(' and ')} ${bad.length > 1 ? 'are not valid postcodes' : 'is not a valid postcode'}`
          : undefined;
      }),
  },
  {
    code: '392d',
    severity: 'error',
    files: ['episodes'],
    description: 'Home and placement postcodes identical but placement not P1',
    check: (child) =>
      eachRow('episodes', child.episodeRows, ({ record }) =>
        record.HOME_POST !== '' && normalisedPostcode(record.HOME_POST) === normalisedPostcode(record.PL_POST) && record.PLACE !== 'P1'
          ? `The home and placement postcodes are the same but the placement is ${record.PLACE}, not with parents (P1)`
          : undefined,
      ),
  },
  {
    code: '454',
    severity: 'query',
    files: ['episodes'],
    needsColumn: { file: 'episodes', column: 'PL_DISTANCE' },
    description: 'Placement more than 350 miles from home - check',
    check: (child) =>
      eachRow('episodes', child.episodeRows, ({ record }) => {
        const distance = Number(record.PL_DISTANCE);
        return record.PL_DISTANCE !== '' && distance > 350 && distance !== 999.9
          ? `The placement is ${record.PL_DISTANCE} miles from home: please check`
          : undefined;
      }),
  },
  {
    code: '1015',
    severity: 'error',
    files: ['episodes'],
    needsColumn: { file: 'episodes', column: 'PL_LA' },
    description: 'Own provision (PR1) but placed outside own LA',
    check: (child, { localAuthority }) =>
      localAuthority === undefined
        ? []
        : eachRow('episodes', child.episodeRows, ({ record }) =>
            record.PLACE_PROVIDER === 'PR1' && (record.PL_LA ?? '') !== '' && record.PL_LA !== localAuthority
              ? `The provider is the local authority's own (PR1) but the placement is in another authority (${record.PL_LA})`
              : undefined,
          ),
  },
];
