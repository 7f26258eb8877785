import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { childrenWithClocksAfter, countChildrenWithClocks, recomputeClocksOf } from '../clocks/service.js';
import * as queries from './queries.js';

/**
 * Recalculating every child's clocks after the clock settings change. Saving the settings queues
 * a recalculation in the same transaction; a runner in the server process (or `hearth clocks
 * recompute`) works through the children in id order, one short transaction a batch, counting
 * each batch done in that transaction, so it carries on where it stopped after a restart. A save
 * while one is waiting or under way supersedes it, and the next starts again with the newest
 * settings. At most one runner works on it at a time: each batch renews its claim, and another
 * runner takes over only once the claim has gone quiet for LEASE_SECONDS.
 */

/** How long a runner's claim holds without a batch done, before another runner may take over. */
const LEASE_SECONDS = 60;

/** How often an idle runner in the server looks for a recalculation another process queued. */
const POLL_MILLISECONDS = 5_000;

export interface ClockRecalculation {
  id: string;
  status: 'queued' | 'running' | 'finished' | 'failed' | 'superseded';
  done: number;
  total: number;
  requestedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** Why it stopped, without personal data. */
  failure: string | null;
}

/** The most recently asked-for recalculation, if any has been. */
export async function latestClockRecalculation(db: Kysely<Database>): Promise<ClockRecalculation | undefined> {
  const row = await queries.latestRecalculation(db);
  if (!row) return undefined;
  return {
    id: row.id,
    status: row.status,
    done: Math.min(row.done, row.total),
    total: row.total,
    requestedAt: row.requested_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    failure: row.failure,
  };
}

/** Queues a recalculation of every child's clocks in the caller's transaction, superseding any waiting or under way. */
export async function queueClockRecalculation(trx: Transaction<Database>, requestedBy: string | null): Promise<void> {
  await queries.supersedeUnfinishedRecalculations(trx);
  await queries.insertRecalculation(trx, requestedBy, await countChildrenWithClocks(trx));
}

const idleRunners = new Set<() => void>();

/** Tells the runners in this process that a recalculation was queued (after the transaction that queued it committed). */
export function wakeClockRecalculationRunners(): void {
  for (const wake of idleRunners) wake();
}

export interface RecalculationOptions {
  /** Who is working: the same id across calls carries on its own claim. */
  runner?: string;
  /** Children a transaction. */
  batchSize?: number;
  /**
   * No other process can reach this database (the embedded one, whose folder this process has
   * locked), so a claim left by an earlier process is taken over at once rather than after the lease.
   */
  onlyProcess?: boolean;
  /** Asked before each batch: true to stop, letting go of the claim so the work resumes at once elsewhere. */
  shouldStop?: () => boolean;
  /** After each batch is committed. */
  onProgress?: (progress: { id: string; done: number; total: number }) => void | Promise<void>;
}

/** Why a batch failed, in words without personal data (a database error's message can quote a row). */
function failureReason(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)
    ? `The database refused a batch of children (PostgreSQL error ${code}).`
    : 'Hearth stopped on an error while recalculating a batch of children.';
}

/**
 * Works through the queued recalculation (and any queued while it ran) until none is left that
 * this runner may take, or until `shouldStop`. Returns the latest recalculation as it then stands:
 * finished, failed, or still waiting when another runner holds it or this one was stopped.
 */
export async function runClockRecalculations(
  db: Kysely<Database>,
  options: RecalculationOptions = {},
): Promise<ClockRecalculation | undefined> {
  const runner = options.runner ?? randomUUID();
  const shouldStop = options.shouldStop ?? (() => false);
  while (!shouldStop()) {
    const claimed = await queries.claimRecalculation(db, runner, options.onlyProcess ? 0 : LEASE_SECONDS);
    if (!claimed) break;
    let { done, done_up_to: upTo } = claimed;
    for (;;) {
      if (shouldStop()) {
        await queries.releaseRecalculation(db, claimed.id, runner);
        break;
      }
      const batch = await childrenWithClocksAfter(db, upTo, options.batchSize);
      const last = batch.at(-1);
      if (last === undefined) {
        await queries.finishRecalculation(db, claimed.id, runner);
        break;
      }
      let stillOurs: boolean;
      try {
        stillOurs = await db.transaction().execute(async (trx) => {
          if (!(await queries.advanceRecalculation(trx, claimed.id, runner, batch.length, last))) return false;
          await recomputeClocksOf(trx, batch);
          return true;
        });
      } catch (error) {
        await queries.failRecalculation(db, claimed.id, runner, failureReason(error));
        break;
      }
      // Superseded by a newer save, or taken over: look for the next one.
      if (!stillOurs) break;
      done += batch.length;
      upTo = last;
      await options.onProgress?.({ id: claimed.id, done, total: Math.max(claimed.total, done) });
    }
  }
  return latestClockRecalculation(db);
}

export interface RecalculationLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

/**
 * Starts the server's runner: it resumes a recalculation left unfinished, takes each newly queued
 * one at once in this process (and within seconds when another process queued it), and on `stop`
 * finishes its batch and lets go, so the next start carries on from there.
 */
export function startClockRecalculationRunner(
  db: Kysely<Database>,
  log: RecalculationLog,
  options: { onlyProcess?: boolean } = {},
): { stop(): Promise<void> } {
  const runner = randomUUID();
  let stopping = false;
  const started = new Date();
  let reported: string | undefined;
  let wake = () => {};
  const wakeUp = () => wake();
  idleRunners.add(wakeUp);
  const loop = (async () => {
    while (!stopping) {
      try {
        const latest = await runClockRecalculations(db, { runner, shouldStop: () => stopping, onlyProcess: options.onlyProcess === true });
        const ended = latest?.finishedAt && latest.finishedAt >= started && latest.id !== reported;
        if (latest && ended && (latest.status === 'finished' || latest.status === 'failed')) {
          reported = latest.id;
          if (latest.status === 'finished') log.info({ recalculation: latest.id, children: latest.done }, 'clocks recalculated');
          else log.error({ recalculation: latest.id, failure: latest.failure }, 'clock recalculation failed');
        }
      } catch (error) {
        log.error({ code: (error as { code?: unknown }).code ?? null }, 'clock recalculation could not run');
      }
      if (stopping) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, POLL_MILLISECONDS);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = () => {};
    }
  })();
  return {
    stop: async () => {
      stopping = true;
      idleRunners.delete(wakeUp);
      wake();
      await loop;
    },
  };
}
