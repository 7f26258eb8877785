import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../src/platform/audit.js';
import { openTestDatabase, type TestDatabase } from './database.js';

describe('the audit trail', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase();
    await recordAudit(database.db, { staffId: null, action: 'test.event', outcome: 'allowed', ipAddress: '127.0.0.1' });
  });
  afterAll(() => database.close());

  it('cannot be changed', async () => {
    await expect(database.db.updateTable('audit_events').set({ action: 'rewritten' }).execute()).rejects.toThrow(/append-only/);
    const rows = await database.db.selectFrom('audit_events').select('action').execute();
    expect(rows.map((r) => r.action)).toEqual(['test.event']);
  });

  it('cannot be deleted or truncated', async () => {
    await expect(database.db.deleteFrom('audit_events').execute()).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_events`.execute(database.db)).rejects.toThrow(/append-only/);
    expect(await database.db.selectFrom('audit_events').select('id').execute()).toHaveLength(1);
  });
});
