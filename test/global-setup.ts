import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrateToLatest } from '../src/db/migrate.js';
import type { Database } from '../src/db/schema.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplatePath: string;
    postgresTemplateName: string;
  }
}

const pgliteTemplatePath = path.join(os.tmpdir(), `hearth-test-template-${randomBytes(4).toString('hex')}.tar.gz`);
const postgresTemplateName = 'hearth_test_template';

/**
 * Builds, once per test run, a migrated database for test files to copy: a PGlite data dump,
 * and a template database on the real PostgreSQL server when TEST_DATABASE_URL is set.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const pglite = await PGlite.create({ extensions: { pg_trgm } });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ ...createPgConfig(pglite), max: 1 }) }) });
  await migrateToLatest(db);
  await db.destroy();
  const dump = await pglite.dumpDataDir('gzip');
  await writeFile(pgliteTemplatePath, Buffer.from(await dump.arrayBuffer()));
  await pglite.close();

  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const admin = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }) });
    await sql`drop database if exists ${sql.id(postgresTemplateName)} with (force)`.execute(admin);
    await sql`create database ${sql.id(postgresTemplateName)}`.execute(admin);
    await admin.destroy();
    const templateUrl = new URL(url);
    templateUrl.pathname = `/${postgresTemplateName}`;
    const template = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: templateUrl.toString(), max: 1 }) }),
    });
    await migrateToLatest(template);
    await template.destroy();
  }
  project.provide('pgliteTemplatePath', pgliteTemplatePath);
  project.provide('postgresTemplateName', postgresTemplateName);
  return () => rm(pgliteTemplatePath, { force: true });
}
