import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import '../src/db/connect.js';
import type { Database } from '../src/db/schema.js';

export interface TestDatabase {
  db: Kysely<Database>;
  engine: 'pglite' | 'postgres';
  close(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: in-process PGlite loaded from the run's template
 * dump, or (in the `postgres` project) a new database copied from the template on the real server.
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  if (process.env.HEARTH_TEST_ENGINE === 'postgres') return openPostgres();
  const dump = await readFile(inject('pgliteTemplatePath'));
  const pglite = await PGlite.create({ loadDataDir: new Blob([dump]), extensions: { pg_trgm } });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ ...createPgConfig(pglite), max: 1 }) }) });
  return {
    db,
    engine: 'pglite',
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}

async function openPostgres(): Promise<TestDatabase> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is needed for the postgres test project');
  const name = `hearth_test_${randomBytes(5).toString('hex')}`;
  const admin = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }) });
  await sql`create database ${sql.id(name)} template ${sql.id(inject('postgresTemplateName'))}`.execute(admin);
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: testUrl.toString(), max: 5 }) }),
  });
  return {
    db,
    engine: 'postgres',
    close: async () => {
      await db.destroy();
      await dropWhenClosed(admin, name);
      await admin.destroy();
    },
  };
}

/** Drops a test database once its last connection has finished closing. */
async function dropWhenClosed(admin: Kysely<Database>, name: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await sql`drop database if exists ${sql.id(name)}`.execute(admin);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || attempt === 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
