import type { Migration, MigrationProvider } from 'kysely';
import * as foundation from './001_foundation.js';
import * as chronologyAndClocks from './002_chronology_and_clocks.js';
import * as childRecord from './003_child_record.js';
import * as frontDoorAndOutOfHours from './004_front_door_and_out_of_hours.js';
import * as worktrays from './005_worktrays.js';
import * as lookedAfter from './006_looked_after.js';
import * as assessmentAndProtection from './007_assessment_and_protection.js';
import * as ssda903 from './009_ssda903.js';
import * as returns from './010_returns.js';
import * as nameSearchGist from './011_name_search_gist.js';
import * as socialWorkerEpisodes from './012_social_worker_episodes.js';
import * as adopters from './013_adopters.js';
import * as clockRecalculations from './014_clock_recalculations.js';
import * as lookedAfterCorrections from './015_looked_after_corrections.js';

/** Forward-only, numbered migrations; the same files run on PGlite and PostgreSQL. */
const migrations: Record<string, Migration> = {
  '001_foundation': foundation,
  '002_chronology_and_clocks': chronologyAndClocks,
  '003_child_record': childRecord,
  '004_front_door_and_out_of_hours': frontDoorAndOutOfHours,
  '005_worktrays': worktrays,
  '006_looked_after': lookedAfter,
  '007_assessment_and_protection': assessmentAndProtection,
  '009_ssda903': ssda903,
  '010_returns': returns,
  '011_name_search_gist': nameSearchGist,
  '012_social_worker_episodes': socialWorkerEpisodes,
  '013_adopters': adopters,
  '014_clock_recalculations': clockRecalculations,
  '015_looked_after_corrections': lookedAfterCorrections,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
