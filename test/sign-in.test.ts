import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, Visitor } from './app.js';
import { openTestDatabase, type TestDatabase } from './database.js';
import { type Fixture, seedFixture } from './fixtures.js';

describe('signing in and out', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let fixture: Fixture;

  beforeAll(async () => {
    database = await openTestDatabase();
    fixture = await seedFixture(database.db);
    app = await startTestApp(database.db, { signInAttemptsBeforeLockout: 3, lockoutMinutes: 15 });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const auditCount = async (action: string, outcome: string) =>
    (
      await database.db
        .selectFrom('audit_events')
        .select('id')
        .where('action', '=', action)
        .where('outcome', '=', outcome as 'allowed')
        .execute()
    ).length;

  it('sends someone who is not signed in to the sign-in page', async () => {
    const visitor = new Visitor(app);
    const response = await visitor.get('/');
    expect(response.status).toBe(303);
    expect(response.location).toBe('/sign-in');
  });

  it('signs in with the right password, in a session kept in the database, and out again', async () => {
    const visitor = new Visitor(app);
    const signedIn = await visitor.signIn('worker');
    expect(signedIn).toMatchObject({ status: 303, location: '/' });
    const staffId = fixture.staff.worker?.id as string;
    const sessions = await database.db.selectFrom('sign_in_sessions').select('id').where('staff_id', '=', staffId).execute();
    expect(sessions).toHaveLength(1);
    expect((await visitor.get('/')).body).toContain('Signed in as <strong>Test worker</strong>');

    const out = await visitor.post('/sign-out');
    expect(out).toMatchObject({ status: 303, location: '/sign-in' });
    expect(await database.db.selectFrom('sign_in_sessions').select('id').where('staff_id', '=', staffId).execute()).toHaveLength(0);
    expect((await visitor.get('/')).status).toBe(303);
    expect(await auditCount('sign_out', 'allowed')).toBeGreaterThan(0);
  });

  it('sets a session cookie that scripts cannot read and other sites cannot send', async () => {
    const page = await app.inject({ method: 'GET', url: '/sign-in' });
    const cookie = String(page.headers['set-cookie']);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('refuses a wrong password with a clear message and records the failure', async () => {
    const visitor = new Visitor(app);
    const before = await auditCount('sign_in', 'failed');
    const response = await visitor.signIn('manager', 'not the password');
    expect(response.status).toBe(401);
    expect(response.body).toContain('The username or password is not right');
    expect(response.body).toContain('value="manager"');
    expect(await auditCount('sign_in', 'failed')).toBe(before + 1);
  });

  it('asks for both fields when one is empty', async () => {
    const visitor = new Visitor(app);
    await visitor.get('/sign-in');
    const response = await visitor.post('/sign-in', { username: '', password: '' });
    expect(response.status).toBe(400);
    expect(response.body).toContain('Enter your username');
    expect(response.body).toContain('Enter your password');
  });

  it('locks an account after repeated failures, even against the right password, and says so', async () => {
    const visitor = new Visitor(app);
    for (let i = 0; i < 3; i++) expect((await visitor.signIn('southWorker', 'wrong')).status).toBe(401);
    const locked = await visitor.signIn('southWorker');
    expect(locked.status).toBe(401);
    expect(locked.body).toContain('Your account is locked');
    const row = await database.db
      .selectFrom('staff')
      .select(['locked_until', 'failed_sign_ins'])
      .where('username', '=', 'southWorker')
      .executeTakeFirstOrThrow();
    expect(row.locked_until?.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect(await auditCount('sign_in', 'denied')).toBeGreaterThan(0);
  });

  it('refuses a deactivated account and ends its sessions', async () => {
    const staffId = fixture.staff.analyst?.id as string;
    const analyst = new Visitor(app);
    await analyst.signIn('analyst');
    expect((await analyst.get('/')).status).toBe(200);

    const admin = new Visitor(app);
    await admin.signIn('admin');
    await admin.get('/admin/staff');
    expect((await admin.post(`/admin/staff/${staffId}/active`, { active: 'false' })).status).toBe(303);

    expect((await analyst.get('/')).status).toBe(303);
    const again = await new Visitor(app).signIn('analyst');
    expect(again.status).toBe(401);
    expect(again.body).toContain('Your account has been deactivated');
    await admin.post(`/admin/staff/${staffId}/active`, { active: 'true' });
  });

  it('tells someone whose session expired that they were signed out', async () => {
    const visitor = new Visitor(app);
    await visitor.signIn('frontDoor');
    await database.db
      .updateTable('sign_in_sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('staff_id', '=', fixture.staff.frontDoor?.id as string)
      .execute();
    const response = await visitor.get('/');
    expect(response).toMatchObject({ status: 303, location: '/sign-in?ended=1' });
    expect((await visitor.get('/sign-in?ended=1')).body).toContain('You have been signed out');
  });

  it('keeps an idle session alive without writing it on every page: only once its expiry has moved on', async () => {
    const visitor = new Visitor(app);
    await visitor.signIn('iro');
    const staffId = fixture.staff.iro?.id as string;
    const stored = async () =>
      await database.db
        .selectFrom('sign_in_sessions')
        .select(['expires_at', 'data'])
        .where('staff_id', '=', staffId)
        .executeTakeFirstOrThrow();
    await visitor.get('/');
    const settled = await stored();
    expect((await visitor.get('/')).status).toBe(200);
    expect(new Date((await stored()).expires_at).getTime()).toBe(new Date(settled.expires_at).getTime());

    const aMinuteAgo = new Date(new Date(settled.expires_at).getTime() - 60_000);
    await database.db.updateTable('sign_in_sessions').set({ expires_at: aMinuteAgo }).where('staff_id', '=', staffId).execute();
    expect((await visitor.get('/')).status).toBe(200);
    expect(new Date((await stored()).expires_at).getTime()).toBeGreaterThan(aMinuteAgo.getTime() + 50_000);
  });

  it('refuses a form without its CSRF token and changes nothing', async () => {
    const admin = new Visitor(app);
    await admin.signIn('admin');
    const before = await database.db.selectFrom('staff').select('id').execute();
    const response = await admin.post(
      '/admin/staff/new',
      { displayName: 'No Token', username: 'no.token', role: 'social_worker' },
      { withoutCsrf: true },
    );
    expect(response.status).toBe(403);
    expect(response.body).toContain('Your form could not be sent');
    expect(await database.db.selectFrom('staff').select('id').execute()).toHaveLength(before.length);
  });

  it('refuses an oversized form with 413 and saves nothing', async () => {
    const visitor = new Visitor(app);
    await visitor.get('/sign-in');
    const response = await visitor.post('/sign-in', { username: 'x'.repeat(1_100_000), password: 'y' });
    expect(response.status).toBe(413);
  });

  it('throttles a flood of sign-in attempts from one address', async () => {
    const throttled = await startTestApp(database.db, { signInRatePerMinute: 3 });
    const visitor = new Visitor(throttled);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await visitor.signIn('nobody', 'wrong')).status);
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses[4]).toBe(429);
    await throttled.close();
  });

  it('answers unknown pages with a 404 page that leaks nothing', async () => {
    const visitor = new Visitor(app);
    await visitor.signIn('worker');
    const response = await visitor.get('/no/such/page');
    expect(response.status).toBe(404);
    expect(response.body).toContain('Page not found');
    expect(response.body).not.toMatch(/stack|Error:/);
  });

  it('keeps pages of other roles closed with 403', async () => {
    const visitor = new Visitor(app);
    await visitor.signIn('worker');
    const response = await visitor.get('/admin/staff');
    expect(response.status).toBe(403);
    expect(response.body).toContain('You do not have access');
    expect(response.body).not.toContain('Test admin');
  });

  it('reports liveness and readiness', async () => {
    expect((await app.inject('/health')).json()).toEqual({ status: 'ok' });
    expect((await app.inject('/ready')).json()).toEqual({ status: 'ready' });
  });
});
