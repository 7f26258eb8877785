import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/database.js';
import { type Fixture, seedFixture } from '../../test/fixtures.js';
import { latestClockRecalculation, requestClockRecalculation, runClockRecalculations } from '../features/clock-settings/service.js';
import { recordCaseEvents } from '../features/clocks/service.js';
import { withChildRecord } from '../platform/access.js';
import type { Actor } from '../platform/actor.js';
import { loadActor } from '../platform/staff-directory.js';
import { recomputeClocksCommand } from './clocks.js';
import type { Progress } from './generate/progress.js';

describe('hearth clocks recompute', () => {
  let database: TestDatabase;
  let fixture: Fixture;
  const printed: string[] = [];
  const print = (line: string) => printed.push(line);
  /** The progress bar as counts: each step's name and total, and how far it got. */
  const bars: { name: string; total: number; done: number }[] = [];
  const progress: Progress = {
    step: (name, total) => {
      const bar = { name, total, done: 0 };
      bars.push(bar);
      return {
        advance: (count = 1) => {
          bar.done += count;
        },
        finish: () => {},
      };
    },
  };

  beforeAll(async () => {
    database = await openTestDatabase();
    fixture = await seedFixture(database.db);
    const frontDoor = (await loadActor(database.db, fixture.staff.frontDoor?.id as string, '127.0.0.1')) as Actor;
    for (const personId of [fixture.children.allocatedToWorker, fixture.children.south, fixture.children.inCare])
      await withChildRecord(database.db, frontDoor, personId, 'edit', 'test.case_events', (access) =>
        recordCaseEvents(access, [{ kind: 'referral_received', occurredOn: '2026-01-05', source: { type: 'referral', id: personId } }]),
      );
  });
  afterAll(() => database.close());

  it('recalculates every child’s clocks in the foreground, with a progress bar, and says so', async () => {
    await sql`delete from clock_instances`.execute(database.db);
    expect(await recomputeClocksCommand(database.db, { onlyProcess: false, progress }, print)).toBe(true);
    expect(bars).toEqual([{ name: 'Recalculating clocks', total: 3, done: 3 }]);
    expect(printed.at(-1)).toBe('Recalculated the clocks of 3 children with the current settings.');
    const children = await database.db.selectFrom('clock_instances').select('person_id').distinct().execute();
    expect(children).toHaveLength(3);
    const audit = await database.db.selectFrom('audit_events').select(['action', 'staff_id']).execute();
    expect(audit.filter((event) => event.action === 'clock_settings.recalculate')).toEqual([
      { action: 'clock_settings.recalculate', staff_id: null },
    ]);
  });

  it('carries on an unfinished recalculation rather than starting again', async () => {
    await requestClockRecalculation(database.db, null);
    let batches = 0;
    await runClockRecalculations(database.db, { batchSize: 1, onProgress: () => void batches++, shouldStop: () => batches === 1 });
    const before = await latestClockRecalculation(database.db);
    expect(before).toMatchObject({ status: 'running', done: 1 });
    expect(await recomputeClocksCommand(database.db, { onlyProcess: false, progress }, print)).toBe(true);
    expect(await latestClockRecalculation(database.db)).toMatchObject({ id: before?.id, status: 'finished', done: 3 });
  });

  it('leaves a recalculation another process is working on to that process, and fails', async () => {
    await requestClockRecalculation(database.db, null);
    await runClockRecalculations(database.db, {
      runner: 'the server',
      batchSize: 1,
      onProgress: () => {
        throw new Error('still working: the claim stays');
      },
    }).catch(() => undefined);
    expect(await recomputeClocksCommand(database.db, { onlyProcess: false, progress }, print)).toBe(false);
    expect(printed.at(-1)).toBe(
      "Another Hearth process is recalculating every child's clocks (1 of 3 children done). Let it finish, or stop it and run this again.",
    );
  });
});
