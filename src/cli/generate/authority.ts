import type { Kysely } from 'kysely';
import type { Database, IsoDate } from '../../db/schema.js';
import type { EpisodePathway } from '../../domain/synthetic/episode-pathways.js';
import type { CaseholdingTeamKind, Scale } from '../../domain/synthetic/scales.js';
import type { Role } from '../../platform/roles.js';
import type { Draw } from './draw.js';
import type { Progress } from './progress.js';

export type TeamKind = CaseholdingTeamKind | 'front_door' | 'out_of_hours' | 'reviewing' | 'fostering' | 'performance' | 'head_of_service';

export interface SyntheticTeam {
  id: string;
  name: string;
  kind: TeamKind;
  serviceId: string;
  /** The team's manager (for the head-of-service teams, the head of service). */
  managerId: string;
}

export interface SyntheticStaff {
  id: string;
  username: string;
  role: Role;
  teamId: string | null;
  /** When the person joined (the account was made) and, for people who have left, when they left. */
  startedOn: IsoDate;
  leftOn: IsoDate | null;
}

/** A household known to children's services: the children and the adults who care for them. */
export interface SyntheticFamily {
  childIds: string[];
  adultIds: string[];
}

export interface SyntheticChild {
  id: string;
  familyIndex: number;
  laChildId: string;
  dateOfBirth: IsoDate | null;
  expectedDateOfBirth: IsoDate | null;
  sex: string;
  ethnicity: string;
}

/** A stretch of an episode with one team, and the workers who held it (null: waiting for a worker). */
export interface TeamStay {
  teamId: string;
  kind: CaseholdingTeamKind;
  startedOn: IsoDate;
  endedOn: IsoDate | null;
  workers: { staffId: string | null; startedOn: IsoDate; endedOn: IsoDate | null }[];
}

/**
 * A child-in-need episode, from referral to closure (open when `endedOn` is null): the backbone
 * every feature's part hangs its records on (the referral and contact, the assessment, plans,
 * placements). Children referred together share a `familyReferral` number.
 */
export interface SyntheticEpisode {
  personId: string;
  familyIndex: number;
  familyReferral: number;
  referredOn: IsoDate;
  endedOn: IsoDate | null;
  pathway: EpisodePathway;
  /** Within 12 months of the end of the child's previous episode. */
  isReReferral: boolean;
  /** When the assessment team passed the episode on or closed it. */
  assessmentEndedOn: IsoDate;
  stays: TeamStay[];
}

/** What the generator has built when the feature parts run, for them to build on. */
export interface SyntheticAuthority {
  scale: Scale;
  seed: number;
  today: IsoDate;
  /** The first day of the history: `scale.years` before today. */
  historyStartsOn: IsoDate;
  services: { id: string; name: string }[];
  teams: SyntheticTeam[];
  staff: SyntheticStaff[];
  families: SyntheticFamily[];
  /** Every child, in the order their LA child IDs were given. */
  children: SyntheticChild[];
  /** Every episode, in referral order. */
  episodes: SyntheticEpisode[];
  /** Seeded randomness of the part's own (see Draw): a part draws only from its own stream. */
  draw(stream: string): Draw;
  progress: Progress;
}

/**
 * A feature's part of the synthetic authority: writes that feature's records (contacts, referrals,
 * assessments, placements, …) for the episodes, with bulk writes (`insertRows`), producing the
 * rows the feature's services would. `db` is the generator's transaction: do not open another.
 */
export interface GeneratorPart {
  name: string;
  generate(db: Kysely<Database>, authority: SyntheticAuthority, scale: Scale): Promise<void>;
}
