import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import lockfile from 'proper-lockfile';
import type { Database } from './schema.js';

// Statutory dates stay `YYYY-MM-DD` strings: no shift through a local-midnight JS Date.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
// bigint ids (the audit trail) as strings, not lossy numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => value);

export type Engine = 'postgres' | 'embedded';

export interface DatabaseHandle {
  db: Kysely<Database>;
  engine: Engine;
  close(): Promise<void>;
}

export class EmbeddedDatabaseInUseError extends Error {
  constructor(dataDir: string) {
    super(
      `The embedded database in ${dataDir} is already open in another Hearth process (probably the running server). ` +
        'Stop that process first, or point DATABASE_URL at a PostgreSQL server that several processes can share.',
    );
  }
}

export interface ConnectOptions {
  /** postgres://… for a PostgreSQL server; unset for the embedded database in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Connections in the pool (PostgreSQL only). */
  poolSize?: number;
}

export async function connect(options: ConnectOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) return connectToPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openEmbedded(options.dataDir);
}

function connectToPostgres(connectionString: string, max: number): DatabaseHandle {
  const pool = new pg.Pool({ connectionString, max });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', close: () => db.destroy() };
}

/**
 * Opens the embedded database: takes the data folder's lock (one process owns a folder; a second
 * one is refused with a clear error, never silently corrupts it), starts PGlite on a worker thread
 * and connects to it through a Unix socket with one pooled connection (PGlite has one session).
 */
async function openEmbedded(dataDir: string): Promise<DatabaseHandle> {
  await mkdir(dataDir, { recursive: true });
  let releaseLock: () => Promise<void>;
  try {
    releaseLock = await lockfile.lock(dataDir, {
      lockfilePath: path.join(dataDir, 'hearth.lock'),
      stale: 60_000,
      update: 10_000,
      onCompromised: (error) => {
        // Another process may now think the folder is free: stop rather than risk two writers.
        console.error(`hearth: lost the lock on ${dataDir} (${error.message}); stopping to protect the database.`);
        process.exit(1);
      },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new EmbeddedDatabaseInUseError(dataDir);
    throw error;
  }

  const socketDir = await mkdtemp(path.join(os.tmpdir(), 'hearth-pg-'));
  const worker = new Worker(new URL('./embedded-worker.mjs', import.meta.url), {
    workerData: { dataDir, socketPath: path.join(socketDir, '.s.PGSQL.5432') },
  });
  try {
    await new Promise<void>((resolve, reject) => {
      worker.once('message', (message: { ready?: boolean; error?: string }) =>
        message.ready ? resolve() : reject(new Error(`The embedded database did not start: ${message.error}`)),
      );
      worker.once('error', reject);
    });
  } catch (error) {
    await worker.terminate();
    await rm(socketDir, { recursive: true, force: true });
    await releaseLock();
    throw error;
  }

  const pool = new pg.Pool({ host: socketDir, port: 5432, user: 'postgres', database: 'postgres', max: 1 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: 'embedded',
    close: async () => {
      await db.destroy();
      const closed = new Promise((resolve) => worker.once('message', resolve));
      worker.postMessage('close');
      await closed;
      await worker.terminate();
      await rm(socketDir, { recursive: true, force: true });
      await releaseLock();
    },
  };
}
