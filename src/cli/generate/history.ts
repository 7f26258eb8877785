import type { IsoDate } from '../../db/schema.js';
import { addYears } from '../../domain/calendar/date-arithmetic.js';
import { fromDayNumber, toDayNumber } from '../../domain/calendar/iso-date.js';
import type { EthnicityCode } from '../../domain/codes/ethnicity.js';
import { ageAtReferral, ethnicityOfChildren, parentsEthnicities, sexOfBornChildren } from '../../domain/synthetic/child-characteristics.js';
import {
  adultsInFamily,
  assessmentDays,
  childrenInFamily,
  type EpisodePathway,
  pathwayShapes,
  pathwayShares,
  referralOfFamilyKnownLongerAgo,
  reReferralWithin12Months,
} from '../../domain/synthetic/episode-pathways.js';
import type { CaseholdingTeamKind, Scale } from '../../domain/synthetic/scales.js';
import type { SyntheticEpisode, SyntheticTeam, TeamStay } from './authority.js';
import type { Draw } from './draw.js';
import type { Post } from './organisation.js';

/** A person as the generator made them, before they are written. */
export interface GeneratedPerson {
  id: string;
  isChild: boolean;
  givenName: string;
  familyName: string;
  dateOfBirth: IsoDate | null;
  expectedDateOfBirth: IsoDate | null;
  sex: string;
  ethnicity: string;
  /** When they became known: their first referral. */
  knownFrom: IsoDate;
}

interface FamilyState {
  index: number;
  familyName: string;
  ethnicity: EthnicityCode;
  children: GeneratedPerson[];
  adults: GeneratedPerson[];
  /** Day number the family's latest episodes all close (beyond today while one is open). */
  busyUntil: number;
  assessmentTeam: SyntheticTeam;
}

export interface History {
  families: { children: GeneratedPerson[]; adults: GeneratedPerson[] }[];
  episodes: SyntheticEpisode[];
}

/** Share of new stays that wait a few days for a named worker (team-only allocation); an assumption. */
const waitForWorkerShare = 0.25;
/** Chance that a family referred again has had a baby on the way since (an assumption). */
const newBabyOnReReferral = 0.1;
const triesToFindKnownFamily = 40;

/**
 * Ten years (the scale's years) of referrals, day by day: each working day brings the referrals
 * the scale expects, about new families or families known before (re-referrals at the national
 * rate); each referred child gets an episode along a pathway, held first by an assessment team and
 * then by the team the pathway needs, by the workers in post at the time (posts fall vacant as
 * people leave: the children wait for a worker until the post is filled).
 */
export function simulateHistory(
  draw: Draw,
  scale: Scale,
  today: IsoDate,
  historyStartsOn: IsoDate,
  teams: readonly SyntheticTeam[],
  posts: readonly Post[],
  onDay: (daysDone: number) => void,
): History {
  const todayNumber = toDayNumber(today);
  const startNumber = toDayNumber(historyStartsOn);
  const teamsOfKind = (kind: CaseholdingTeamKind): SyntheticTeam[] => {
    const found = teams.filter((t) => t.kind === kind);
    if (found.length > 0) return found;
    const fallback: Record<CaseholdingTeamKind, CaseholdingTeamKind> = {
      disabled_children: 'safeguarding',
      leaving_care: 'children_in_care',
      children_in_care: 'safeguarding',
      safeguarding: 'assessment',
      assessment: 'assessment',
    };
    return teamsOfKind(fallback[kind]);
  };
  const postsOf = new Map<string, Post[]>();
  for (const post of posts) postsOf.set(post.teamId, [...(postsOf.get(post.teamId) ?? []), post]);

  const families: FamilyState[] = [];
  const episodes: SyntheticEpisode[] = [];
  const lastEpisodeEnd = new Map<string, number>();
  let familyReferrals = 0;

  const newPerson = (isChild: boolean, family: FamilyState, knownFrom: IsoDate, born: Partial<GeneratedPerson>): GeneratedPerson => {
    const sex = born.sex ?? 'U';
    const givenName = born.expectedDateOfBirth
      ? 'Baby'
      : draw.faker.person.firstName(sex === 'M' ? 'male' : sex === 'F' ? 'female' : undefined);
    return {
      id: draw.id(),
      isChild,
      givenName,
      familyName: family.familyName,
      dateOfBirth: born.dateOfBirth ?? null,
      expectedDateOfBirth: born.expectedDateOfBirth ?? null,
      sex,
      ethnicity: born.ethnicity ?? family.ethnicity,
      knownFrom,
    };
  };

  const unbornChild = (family: FamilyState, day: number): GeneratedPerson => {
    const due = day + draw.int(30, 200);
    // A baby due before today has been born by now: the record carries the date of birth.
    if (due <= todayNumber)
      return newPerson(true, family, fromDayNumber(day), { dateOfBirth: fromDayNumber(due), sex: draw.weighted(sexOfBornChildren) });
    return newPerson(true, family, fromDayNumber(day), { expectedDateOfBirth: fromDayNumber(due), sex: 'U' });
  };

  const bornChild = (family: FamilyState, day: number, band: { fromYears: number; toYears: number }): GeneratedPerson => {
    const ageDays = draw.int(band.fromYears * 365, band.toYears * 365 + 364);
    return newPerson(true, family, fromDayNumber(day), {
      dateOfBirth: fromDayNumber(day - ageDays),
      sex: draw.weighted(sexOfBornChildren),
    });
  };

  const newFamily = (day: number): FamilyState => {
    const ethnicity = draw.weighted(ethnicityOfChildren);
    const family: FamilyState = {
      index: families.length,
      familyName: draw.faker.person.lastName(),
      ethnicity,
      children: [],
      adults: [],
      busyUntil: day,
      assessmentTeam: draw.pick(teamsOfKind('assessment')),
    };
    const count = draw.weighted(childrenInFamily);
    for (let c = 0; c < count; c++) {
      const band = draw.weighted(ageAtReferral);
      // Only one expected baby a family; any other child drawn as unborn is a baby already born.
      const child =
        band.kind === 'unborn' && c === 0
          ? unbornChild(family, day)
          : bornChild(family, day, band.kind === 'born' ? band : { fromYears: 0, toYears: 0 });
      family.children.push(child);
    }
    const eldest = family.children.reduce((min, c) => Math.min(min, c.dateOfBirth ? toDayNumber(c.dateOfBirth) : day), day);
    const [first, second] = parentsEthnicities(ethnicity);
    const adults = draw.weighted(adultsInFamily);
    const motherBorn = eldest - draw.int(18 * 365, 38 * 365);
    family.adults.push(
      newPerson(false, family, fromDayNumber(day), { dateOfBirth: fromDayNumber(motherBorn), sex: 'F', ethnicity: first }),
    );
    if (adults === 2)
      family.adults.push(
        newPerson(false, family, fromDayNumber(day), {
          dateOfBirth: fromDayNumber(motherBorn - draw.int(0, 8 * 365)),
          sex: 'M',
          ethnicity: second,
        }),
      );
    families.push(family);
    return family;
  };

  const knownFamily = (day: number, recently: boolean): FamilyState | undefined => {
    if (families.length === 0) return undefined;
    for (let attempt = 0; attempt < triesToFindKnownFamily; attempt++) {
      const family = draw.pick(families);
      if (family.busyUntil >= day) continue;
      if (recently !== day - family.busyUntil <= 365) continue;
      if (!family.children.some((c) => childCanBeReferred(c, day))) continue;
      return family;
    }
    return undefined;
  };

  const staysFor = (kind: CaseholdingTeamKind, team: SyntheticTeam, post: Post, from: number, to: number | null): TeamStay => {
    const workers: TeamStay['workers'] = [];
    let cursor = from;
    if (draw.chance(waitForWorkerShare)) {
      const waitUntil = to !== null ? Math.min(to, from + draw.int(1, 10)) : from + draw.int(1, 10);
      const stillWaiting = waitUntil > todayNumber;
      workers.push({ staffId: null, startedOn: fromDayNumber(from), endedOn: stillWaiting ? null : fromDayNumber(waitUntil) });
      cursor = stillWaiting ? Number.POSITIVE_INFINITY : waitUntil;
    }
    for (const holder of post.holders) {
      if (cursor === Number.POSITIVE_INFINITY || (to !== null && cursor >= to)) break;
      const holderStart = toDayNumber(holder.startedOn);
      const holderEnd = holder.leftOn ? toDayNumber(holder.leftOn) : Number.POSITIVE_INFINITY;
      if (holderEnd <= cursor) continue;
      if (holderStart > cursor) {
        const vacantUntil = to !== null ? Math.min(holderStart, to) : holderStart;
        workers.push({ staffId: null, startedOn: fromDayNumber(cursor), endedOn: fromDayNumber(vacantUntil) });
        cursor = vacantUntil;
        if (to !== null && cursor >= to) break;
      }
      const until = to !== null ? Math.min(holderEnd, to) : holderEnd;
      workers.push({
        staffId: holder.staffId,
        startedOn: fromDayNumber(cursor),
        endedOn: Number.isFinite(until) ? fromDayNumber(until) : null,
      });
      cursor = until;
    }
    return {
      teamId: team.id,
      kind,
      startedOn: fromDayNumber(from),
      endedOn: to === null ? null : fromDayNumber(to),
      workers: workers.filter((w) => w.endedOn === null || w.endedOn > w.startedOn),
    };
  };

  const refer = (family: FamilyState, day: number) => {
    familyReferrals++;
    const pathway: EpisodePathway = draw.weighted(pathwayShares);
    const shape = pathwayShapes[pathway];
    const openDays = draw.int(shape.openDays.from, shape.openDays.to);
    const assessmentLength =
      pathway === 'assessment_only' ? openDays : Math.min(openDays - 1, draw.int(assessmentDays.from, assessmentDays.to));
    const holdingTeam = draw.pick(teamsOfKind(shape.holdingTeam));
    const assessmentPost = draw.pick(postsOf.get(family.assessmentTeam.id) ?? []);
    const holdingPost = draw.pick(postsOf.get(holdingTeam.id) ?? []);
    const referred = family.children.filter((c) => childCanBeReferred(c, day));
    let busyUntil = day;
    for (const child of referred) {
      let end = day + openDays;
      const assessmentEnd = day + assessmentLength;
      const stays: TeamStay[] = [];
      const close = (n: number) => (n > todayNumber ? null : n);
      stays.push(staysFor('assessment', family.assessmentTeam, assessmentPost, day, close(assessmentEnd)));
      if (pathway !== 'assessment_only' && assessmentEnd <= todayNumber) {
        const eighteenth = child.dateOfBirth ? toDayNumber(addYears(child.dateOfBirth, 18)) : Number.POSITIVE_INFINITY;
        if (pathway === 'looked_after' && eighteenth < end && eighteenth > assessmentEnd) {
          // Still in care at 18: the leaving care team holds them until they are 21.
          end = toDayNumber(addYears(child.dateOfBirth as string, 21));
          stays.push(staysFor('children_in_care', holdingTeam, holdingPost, assessmentEnd, close(eighteenth)));
          if (eighteenth <= todayNumber) {
            const leavingCare = draw.pick(teamsOfKind('leaving_care'));
            stays.push(staysFor('leaving_care', leavingCare, draw.pick(postsOf.get(leavingCare.id) ?? []), eighteenth, close(end)));
          }
        } else {
          stays.push(staysFor(shape.holdingTeam, holdingTeam, holdingPost, assessmentEnd, close(end)));
        }
      }
      const previous = lastEpisodeEnd.get(child.id);
      episodes.push({
        personId: child.id,
        familyIndex: family.index,
        familyReferral: familyReferrals,
        referredOn: fromDayNumber(day),
        endedOn: end > todayNumber ? null : fromDayNumber(end),
        pathway,
        isReReferral: previous !== undefined && day - previous <= 365,
        assessmentEndedOn: fromDayNumber(Math.min(assessmentEnd, todayNumber)),
        stays,
      });
      lastEpisodeEnd.set(child.id, end);
      busyUntil = Math.max(busyUntil, end);
    }
    family.busyUntil = busyUntil;
    return referred.length;
  };

  const perWorkingDay = scale.referralsPerYear / 261;
  let owed = 0;
  for (let day = startNumber; day <= todayNumber; day++) {
    const weekday = (day + 4) % 7;
    if (weekday === 0 || weekday === 6) continue;
    owed += draw.poisson(perWorkingDay);
    while (owed > 0) {
      const u = draw.unit();
      let family =
        u < reReferralWithin12Months
          ? knownFamily(day, true)
          : u < reReferralWithin12Months + referralOfFamilyKnownLongerAgo
            ? knownFamily(day, false)
            : undefined;
      if (family && draw.chance(newBabyOnReReferral)) family.children.push(unbornChild(family, day));
      family ??= newFamily(day);
      owed -= Math.max(1, refer(family, day));
    }
    onDay(day - startNumber + 1);
  }

  return {
    families: families.map((f) => ({ children: f.children, adults: f.adults })),
    episodes,
  };

  function childCanBeReferred(child: GeneratedPerson, day: number): boolean {
    if (child.expectedDateOfBirth) return toDayNumber(child.expectedDateOfBirth) > day;
    if (!child.dateOfBirth) return false;
    // Born after this day: a pre-birth referral, like an expected baby's.
    return toDayNumber(addYears(child.dateOfBirth, 18)) > day;
  }
}
