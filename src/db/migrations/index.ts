import type { Migration, MigrationProvider } from 'kysely';
import * as foundation from './001_foundation.js';
import * as chronologyAndClocks from './002_chronology_and_clocks.js';

/** Forward-only, numbered migrations; the same files run on PGlite and PostgreSQL. */
const migrations: Record<string, Migration> = {
  '001_foundation': foundation,
  '002_chronology_and_clocks': chronologyAndClocks,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
