import { adoptedReasons, ageAt, birthday, specialGuardianshipReasons } from '../child-facts.js';
import type { EpisodeInReturn } from '../child-in-return.js';
import { eachEpisode, type Ssda903Rule } from '../rule.js';

/** A rule that a placement type is not for children under an age at the start of the episode. */
function placementMinimumAge(
  code: string,
  placements: readonly string[],
  minimumAge: number,
  what: string,
  years?: Ssda903Rule['years'],
): Ssda903Rule {
  return {
    code,
    severity: 'error',
    files: ['header', 'episodes'],
    ...(years ? { years } : {}),
    description: `${what} (${placements.join('/')}) under age ${minimumAge}`,
    check: (child) =>
      eachEpisode(child.episodes, (e) => {
        const age = ageAt(child, e.start);
        return placements.includes(e.row.record.PLACE) && age !== null && age < minimumAge
          ? `Placement type ${e.row.record.PLACE} (${what.toLowerCase()}) is not for a child under ${minimumAge}; the child was ${age}`
          : undefined;
      }),
  };
}

/** A rule that a reason for leaving care is not for children under (or at least) an age on the day care ended. */
function reasonCeasedAge(code: string, reasons: readonly string[], test: (age: number) => boolean, what: string): Ssda903Rule {
  return {
    code,
    severity: 'error',
    files: ['header', 'episodes'],
    description: `Ceased with ${reasons.join('/')} but child ${what}`,
    check: (child) =>
      eachEpisode(child.episodes, (e) => {
        const age = e.end ? ageAt(child, e.end) : null;
        return reasons.includes(e.row.record.REC) && age !== null && test(age)
          ? `The episode ceased with ${e.row.record.REC} but the child was ${age} (${what})`
          : undefined;
      }),
  };
}

function ageAtStart(child: Parameters<typeof ageAt>[0], e: EpisodeInReturn): number | null {
  return ageAt(child, e.start);
}

export const episodeAgeRules: readonly Ssda903Rule[] = [
  {
    code: '352',
    severity: 'error',
    files: ['header', 'episodes'],
    description: 'Child started to be looked after aged 18 or over',
    check: (child) =>
      eachEpisode(child.episodes, (e) => {
        const age = ageAtStart(child, e);
        return e.row.record.RNE === 'S' && age !== null && age >= 18 ? `The child started to be looked after aged ${age}` : undefined;
      }),
  },
  {
    code: '358',
    severity: 'error',
    files: ['header', 'episodes'],
    description: 'Legal status J1/J2/J3 invalid for child under 10',
    check: (child) =>
      eachEpisode(child.episodes, (e) => {
        const age = ageAtStart(child, e);
        return ['J1', 'J2', 'J3'].includes(e.row.record.LS) && age !== null && age < 10
          ? `Legal status ${e.row.record.LS} is not possible for a child under 10 (below the age of criminal responsibility)`
          : undefined;
      }),
  },
  {
    code: '359',
    severity: 'error',
    files: ['header', 'episodes'],
    description: "Looked after beyond 18th birthday must be V2 (s20(5)) in a children's home (K2)",
    check: (child, { collectionYear }) => {
      const eighteenth = birthday(child, 18);
      if (!eighteenth) return [];
      return eachEpisode(child.episodes, (e) => {
        const beyond = (e.end ?? collectionYear.end) > eighteenth && e.start <= collectionYear.end;
        const { LS, PLACE } = e.row.record;
        return beyond && (LS !== 'V2' || PLACE !== 'K2')
          ? `Looked after beyond the 18th birthday, which is only possible under V2 in a children's home (K2), not ${LS} in ${PLACE}`
          : undefined;
      });
    },
  },
  placementMinimumAge('370', ['P2'], 16, 'Independent living', { to: 2024 }),
  placementMinimumAge('371', ['K3', 'H5'], 16, 'Supported accommodation'),
  placementMinimumAge('372', ['R5'], 10, 'Young offender institution'),
  placementMinimumAge('373', ['S1'], 4, 'Residential school'),
  placementMinimumAge('374', ['P3'], 14, 'Residential employment'),
  reasonCeasedAge('386', adoptedReasons, (age) => age >= 18, 'adoption is only for children under 18'),
  reasonCeasedAge('387', ['E5', 'E6'], (age) => age < 14, 'independent living is not for children under 14'),
  reasonCeasedAge('389', ['E7'], (age) => age < 16, 'transfer to adult social care is not for children under 16'),
  reasonCeasedAge('407', specialGuardianshipReasons, (age) => age >= 18, 'a special guardianship order is only for children under 18'),
  reasonCeasedAge('460', ['E17'], (age) => age < 18, 'staying with carers at 18 or over is not for children under 18'),
  {
    code: '234',
    severity: 'error',
    files: ['header', 'episodes'],
    description: 'Under-10 cannot change placement because of custody',
    check: (child) =>
      eachEpisode(child.episodes, (e) => {
        const age = e.end ? ageAt(child, e.end) : null;
        return e.row.record.REASON_PLACE_CHANGE === 'CUSTOD' && age !== null && age < 10
          ? 'The reason for placement change is custody (CUSTOD) but the child was under 10'
          : undefined;
      }),
  },
];
