import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/database.js';
import { type Fixture, seedFixture } from '../../../test/fixtures.js';
import { clocksTable, printClocks } from '../../cli/clocks.js';
import { withChildRecord } from '../../platform/access.js';
import type { Actor } from '../../platform/actor.js';
import { loadActor } from '../../platform/staff-directory.js';
import { recordCaseEvents } from './service.js';

describe('hearth clocks --as-of', () => {
  let database: TestDatabase;
  let fixture: Fixture;
  /** A referral starts other clocks too (case supervision); these tests follow the assessment. */
  const assessments = (json: string) => (JSON.parse(json) as Record<string, unknown>[]).filter((row) => row.clock_id === 'cf_assessment');
  const run = async (asOf: string, json: boolean) => {
    let out = '';
    await printClocks(database.db, asOf, json, (text) => {
      out += text;
    });
    return out;
  };

  beforeAll(async () => {
    database = await openTestDatabase();
    fixture = await seedFixture(database.db);
    const actor = (await loadActor(database.db, fixture.staff.worker?.id as string, '127.0.0.1')) as Actor;
    await withChildRecord(database.db, actor, fixture.children.allocatedToWorker, 'edit', 'test.case_events', (access) =>
      recordCaseEvents(access, [
        { kind: 'referral_received', occurredOn: '2025-11-20', ref: 'r1', source: { type: 'referral', id: 'r1' } },
        {
          kind: 'assessment_authorised',
          occurredOn: '2026-02-10',
          ref: 'r1',
          lateReason: 'Father in hospital',
          source: { type: 'assessment', id: 'a1' },
        },
        { kind: 'referral_received', occurredOn: '2026-03-02', ref: 'r2', source: { type: 'referral', id: 'r2' } },
      ]),
    );
  });
  afterAll(() => database?.close());

  it('prints exactly the six fields, recomputed from the events as at the date, so the status differs between dates', async () => {
    const january = assessments(await run('2026-01-26', true));
    expect(january).toEqual([
      {
        la_child_id: 'T1',
        clock_id: 'cf_assessment',
        started_on: '2025-11-20',
        due_on: '2026-01-27',
        completed_on: null,
        status: 'due_soon',
      },
    ]);
    const february = assessments(await run('2026-02-05', true));
    expect(february[0]).toMatchObject({ status: 'overdue', completed_on: null });
    const march = assessments(await run('2026-03-03', true));
    expect(march).toEqual([
      {
        la_child_id: 'T1',
        clock_id: 'cf_assessment',
        started_on: '2025-11-20',
        due_on: '2026-01-27',
        completed_on: '2026-02-10',
        status: 'met_late',
      },
      {
        la_child_id: 'T1',
        clock_id: 'cf_assessment',
        started_on: '2026-03-02',
        due_on: '2026-05-07',
        completed_on: null,
        status: 'not_due',
      },
    ]);
    for (const row of march)
      expect(Object.keys(row)).toEqual(['la_child_id', 'clock_id', 'started_on', 'due_on', 'completed_on', 'status']);
  });

  it('prints an aligned table, and refuses a date that is not YYYY-MM-DD', async () => {
    const lines = (await run('2026-03-03', false)).split('\n');
    expect(lines[0]).toMatch(/^LA child ID\s+Clock\s+Started on\s+Due on\s+Completed on\s+Status$/);
    expect(lines).toHaveLength(JSON.parse(await run('2026-03-03', true)).length + 1);
    const late = lines.find((line) => line.includes('cf_assessment') && line.includes('met_late')) as string;
    expect(late.indexOf('2025-11-20')).toBe(lines[0]?.indexOf('Started on'));
    expect(late.indexOf('2026-02-10')).toBe(lines[0]?.indexOf('Completed on'));
    expect(lines.find((line) => line.includes('cf_assessment') && line.includes('2026-03-02'))).toMatch(/2026-05-07\s+-\s+not_due$/);
    expect(clocksTable([])).toBe('LA child ID  Clock  Started on  Due on  Completed on  Status');
    await expect(run('03/03/2026', false)).rejects.toThrow('YYYY-MM-DD');
  });
});
