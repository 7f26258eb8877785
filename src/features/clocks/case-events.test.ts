import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/database.js';
import { type Fixture, seedFixture } from '../../../test/fixtures.js';
import { withChildRecord } from '../../platform/access.js';
import { loadActor } from '../../platform/staff-directory.js';
import { recordCaseEvents } from './service.js';

describe('case events and the clocks they drive', () => {
  let database: TestDatabase;
  let fixture: Fixture;
  beforeAll(async () => {
    database = await openTestDatabase();
    fixture = await seedFixture(database.db);
  });
  afterAll(() => database.close());

  it('starts the 45-working-day assessment clock at the referral, in the same transaction', async () => {
    const actor = await loadActor(database.db, fixture.staff.worker?.id as string, '127.0.0.1');
    if (!actor) throw new Error('no actor');
    const personId = fixture.children.allocatedToWorker;
    await withChildRecord(database.db, actor, personId, 'edit', 'test.referral', (access) =>
      recordCaseEvents(access, [
        { kind: 'referral_received', occurredOn: '2025-11-20', ref: 'r1', source: { type: 'referral', id: 'r1' } },
      ]),
    );
    const assessment = await database.db
      .selectFrom('clock_instances')
      .selectAll()
      .where('person_id', '=', personId)
      .where('clock_id', '=', 'cf_assessment')
      .executeTakeFirstOrThrow();
    expect(assessment).toMatchObject({ started_on: '2025-11-20', due_on: '2026-01-27', completed_on: null });
    expect(assessment.due_soon_from).toBe('2026-01-20');
  });

  it('saves nothing when the work inside the transaction fails', async () => {
    const actor = await loadActor(database.db, fixture.staff.worker?.id as string, '127.0.0.1');
    if (!actor) throw new Error('no actor');
    const personId = fixture.children.northTeamOnly;
    await expect(
      withChildRecord(database.db, actor, personId, 'edit', 'test.failed_write', async (access) => {
        await recordCaseEvents(access, [{ kind: 'referral_received', occurredOn: '2026-01-05', source: { type: 'referral', id: 'r2' } }]);
        throw new Error('something later in the same use case failed');
      }),
    ).rejects.toThrow('something later');
    expect(await database.db.selectFrom('clock_events').select('id').where('person_id', '=', personId).execute()).toHaveLength(0);
    expect(await database.db.selectFrom('clock_instances').select('id').where('person_id', '=', personId).execute()).toHaveLength(0);
    expect(await database.db.selectFrom('audit_events').select('id').where('action', '=', 'test.failed_write').execute()).toHaveLength(0);
  });
});
