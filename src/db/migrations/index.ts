import type { Migration, MigrationProvider } from 'kysely';
import * as foundation from './001_foundation.js';

/** Forward-only, numbered migrations; the same files run on PGlite and PostgreSQL. */
const migrations: Record<string, Migration> = {
  '001_foundation': foundation,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
