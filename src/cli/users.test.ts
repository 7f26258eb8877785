import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/database.js';
import { seedFixture } from '../../test/fixtures.js';
import { passwordMatches } from '../platform/passwords.js';
import { addUser, resetUserPassword } from './users.js';

describe('hearth user add / reset-password', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase();
    await seedFixture(database.db);
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterAll(() => database.close());

  it('adds an account in a named team with the password given', async () => {
    await addUser(database.db, {
      username: 'cli.person',
      name: 'Cli Person',
      role: 'team_manager',
      team: 'south',
      password: 'twelve chars at least',
    });
    const row = await database.db
      .selectFrom('staff')
      .innerJoin('teams', 'teams.id', 'staff.team_id')
      .select(['staff.password_hash', 'staff.must_change_password', 'teams.name'])
      .where('username', '=', 'cli.person')
      .executeTakeFirstOrThrow();
    expect(row.name).toBe('South');
    expect(row.must_change_password).toBe(false);
    expect(await passwordMatches(row.password_hash, 'twelve chars at least')).toBe(true);
  });

  it('refuses an unknown team, a short password or a taken username, writing nothing', async () => {
    await expect(addUser(database.db, { username: 'x.y', name: 'X Y', role: 'social_worker', team: 'Atlantis' })).rejects.toThrow(
      'There is no team called "Atlantis"',
    );
    await expect(addUser(database.db, { username: 'x.y', name: 'X Y', role: 'social_worker', password: 'short' })).rejects.toThrow(
      'at least 12 characters',
    );
    await expect(addUser(database.db, { username: 'worker', name: 'X Y', role: 'social_worker' })).rejects.toThrow('already taken');
    expect(await database.db.selectFrom('staff').select('id').where('username', '=', 'x.y').execute()).toHaveLength(0);
  });

  it('records a social worker’s Social Work England registration number, and refuses one that is malformed or taken', async () => {
    await addUser(database.db, { username: 'sw.one', name: 'Sw One', role: 'social_worker', team: 'north', sweNumber: 'sw 40123' });
    const row = await database.db
      .selectFrom('staff')
      .select('swe_registration_number')
      .where('username', '=', 'sw.one')
      .executeTakeFirstOrThrow();
    expect(row.swe_registration_number).toBe('SW40123');
    await expect(addUser(database.db, { username: 'sw.two', name: 'Sw Two', role: 'social_worker', sweNumber: 'AB123' })).rejects.toThrow(
      'SW followed by digits',
    );
    await expect(addUser(database.db, { username: 'sw.two', name: 'Sw Two', role: 'social_worker', sweNumber: 'SW40123' })).rejects.toThrow(
      'already recorded for Sw One',
    );
    expect(await database.db.selectFrom('staff').select('id').where('username', '=', 'sw.two').execute()).toHaveLength(0);
  });

  it('resets a password to a temporary one that must be changed', async () => {
    await resetUserPassword(database.db, 'worker', undefined);
    const row = await database.db
      .selectFrom('staff')
      .select('must_change_password')
      .where('username', '=', 'worker')
      .executeTakeFirstOrThrow();
    expect(row.must_change_password).toBe(true);
    await expect(resetUserPassword(database.db, 'nobody', undefined)).rejects.toThrow('There is no account');
  });
});
