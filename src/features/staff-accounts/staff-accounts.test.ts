import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, Visitor } from '../../../test/app.js';
import { openTestDatabase, type TestDatabase } from '../../../test/database.js';
import { type Fixture, seedFixture } from '../../../test/fixtures.js';

describe('staff accounts', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let fixture: Fixture;

  beforeAll(async () => {
    database = await openTestDatabase();
    fixture = await seedFixture(database.db);
    app = await startTestApp(database.db);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const temporaryPasswordOn = (body: string) => /data-temporary-password>([^<]+)</.exec(body)?.[1] ?? '';

  it('lets an administrator add an account whose temporary password must be changed at first sign-in', async () => {
    const admin = new Visitor(app);
    await admin.signIn('admin');
    await admin.get('/admin/staff/new');
    const created = await admin.post('/admin/staff/new', {
      displayName: 'Nia Campbell',
      username: 'n.campbell',
      role: 'social_worker',
      teamId: fixture.teams.north,
      email: '',
    });
    expect(created.status).toBe(200);
    const password = temporaryPasswordOn(created.body);
    expect(password.length).toBeGreaterThanOrEqual(12);

    const row = await database.db.selectFrom('staff').selectAll().where('username', '=', 'n.campbell').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(password);
    expect(row.must_change_password).toBe(true);

    const nia = new Visitor(app);
    expect(await nia.signIn('N.Campbell', password)).toMatchObject({ status: 303, location: '/account/password' });
    expect((await nia.get('/')).location).toBe('/account/password');
    expect((await nia.get('/children')).location).toBe('/account/password');
    await nia.get('/account/password');
    const mismatch = await nia.post('/account/password', { current: password, next: 'a long new password', confirm: 'something else' });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body).toContain('The new passwords do not match');
    const changed = await nia.post('/account/password', { current: password, next: 'a long new password', confirm: 'a long new password' });
    expect(changed).toMatchObject({ status: 303, location: '/' });
    expect((await nia.get('/')).status).toBe(200);
  });

  it('shows what is wrong with a new account and saves nothing', async () => {
    const admin = new Visitor(app);
    await admin.signIn('admin');
    await admin.get('/admin/staff/new');
    const before = (await database.db.selectFrom('staff').select('id').execute()).length;
    const response = await admin.post('/admin/staff/new', { displayName: '', username: 'a b', role: 'wizard', email: 'not-an-email' });
    expect(response.status).toBe(400);
    expect(response.body).toContain('There is a problem');
    expect(response.body).toContain('Enter the person’s full name');
    expect(response.body).toContain('Username can only contain');
    expect(response.body).toContain('Select a role');
    expect(response.body).toContain('Enter an email address');
    const duplicate = await admin.post('/admin/staff/new', { displayName: 'Another Worker', username: 'WORKER', role: 'social_worker' });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body).toContain('already taken');
    expect((await database.db.selectFrom('staff').select('id').execute()).length).toBe(before);
  });

  it('resets a password: the old one stops working and the person’s sessions end', async () => {
    const worker = new Visitor(app);
    await worker.signIn('southWorker');
    expect((await worker.get('/')).status).toBe(200);

    const admin = new Visitor(app);
    await admin.signIn('admin');
    await admin.get('/admin/staff');
    const reset = await admin.post(`/admin/staff/${fixture.staff.southWorker?.id}/reset-password`);
    expect(reset.status).toBe(200);
    const password = temporaryPasswordOn(reset.body);

    expect((await worker.get('/')).status).toBe(303);
    expect((await new Visitor(app).signIn('southWorker')).status).toBe(401);
    expect((await new Visitor(app).signIn('southWorker', password)).location).toBe('/account/password');
    const audit = await database.db.selectFrom('audit_events').select('action').where('action', '=', 'staff.reset_password').execute();
    expect(audit).toHaveLength(1);
  });

  it('does not let an administrator deactivate their own account', async () => {
    const admin = new Visitor(app);
    await admin.signIn('admin');
    await admin.get('/admin/staff');
    const response = await admin.post(`/admin/staff/${fixture.staff.admin?.id}/active`, { active: 'false' });
    expect(response.status).toBe(400);
    expect(response.body).toContain('You cannot deactivate your own account');
  });

  it('lets an administrator record a social worker’s Social Work England registration number, refusing a malformed, taken or stale one', async () => {
    const admin = new Visitor(app);
    await admin.signIn('admin');
    const worker = fixture.staff.worker?.id as string;
    const page = `/admin/staff/${worker}/registration`;
    expect((await admin.get('/admin/staff')).body).toContain(`href="${page}"`);
    await admin.get(page);
    const malformed = await admin.post(page, { sweRegistrationNumber: 'AB1234', shown: '' });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toContain('SW followed by digits');
    expect((await admin.post(page, { sweRegistrationNumber: 'sw 81234', shown: '' })).status).toBe(303);
    const row = await database.db.selectFrom('staff').select('swe_registration_number').where('id', '=', worker).executeTakeFirstOrThrow();
    expect(row.swe_registration_number).toBe('SW81234');
    expect((await admin.get('/admin/staff')).body).toContain('SW81234');

    const stale = await admin.post(page, { sweRegistrationNumber: 'SW99999', shown: '' });
    expect(stale.status).toBe(409);
    const southPage = `/admin/staff/${fixture.staff.southWorker?.id}/registration`;
    const taken = await admin.post(southPage, { sweRegistrationNumber: 'SW81234', shown: '' });
    expect(taken.status).toBe(400);
    expect(taken.body).toContain('SW81234 is already recorded for');
    const created = await admin.post('/admin/staff/new', {
      displayName: 'Ola Brown',
      username: 'o.brown',
      role: 'social_worker',
      teamId: fixture.teams.north,
      sweRegistrationNumber: 'SW81234',
    });
    expect(created.status).toBe(400);
    expect(created.body).toContain('already recorded for');
    const audit = await database.db
      .selectFrom('audit_events')
      .select('record_id')
      .where('action', '=', 'staff.swe_registration_number')
      .execute();
    expect(audit).toEqual([{ record_id: worker }]);
  });
});
