import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, Visitor } from '../../../test/app.js';
import { openTestDatabase, type TestDatabase } from '../../../test/database.js';
import { type Fixture, seedFixture } from '../../../test/fixtures.js';
import { sessionExpiryWriteIntervalMs } from '../../platform/session-store.js';
import { sessionTimeout } from '../../platform/session-timeout.js';

const idleMinutes = 20;

describe('the session timeout warning and "Stay signed in"', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let fixture: Fixture;

  beforeAll(async () => {
    database = await openTestDatabase();
    fixture = await seedFixture(database.db);
    app = await startTestApp(database.db, { sessionIdleMinutes: idleMinutes });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const expiresAt = async (staffId: string) =>
    new Date(
      (await database.db.selectFrom('sign_in_sessions').select('expires_at').where('staff_id', '=', staffId).executeTakeFirstOrThrow())
        .expires_at,
    ).getTime();

  it('warns two minutes before the end, signing out while the stored session still exists', () => {
    expect(sessionTimeout(30)).toEqual({
      idleMinutes: 30,
      signOutAfterSeconds: 30 * 60 - sessionExpiryWriteIntervalMs / 1000,
      warnBeforeSeconds: 120,
    });
    const shortest = sessionTimeout(5);
    expect(shortest.signOutAfterSeconds).toBeLessThan(5 * 60);
    expect(shortest.warnBeforeSeconds).toBeLessThan(shortest.signOutAfterSeconds);
  });

  it('puts the warning on every page of someone signed in, with the times of the session configuration and nothing about them', async () => {
    const worker = new Visitor(app);
    await worker.signIn('worker');
    const page = (await worker.get('/')).body;
    const dialog = /<dialog[\s\S]*?<\/dialog>/.exec(page)?.[0] ?? '';
    const { signOutAfterSeconds, warnBeforeSeconds } = sessionTimeout(idleMinutes);
    expect(dialog).toContain(`data-sign-out-after-seconds="${signOutAfterSeconds}"`);
    expect(dialog).toContain(`data-warn-before-seconds="${warnBeforeSeconds}"`);
    expect(dialog).toContain(`after ${idleMinutes} minutes without activity`);
    expect(dialog).toContain('Stay signed in');
    expect(dialog).not.toContain('Test worker');
    expect(dialog).not.toContain('worker');

    const signInPage = (await new Visitor(app).get('/sign-in')).body;
    expect(signInPage).not.toContain('<dialog');
  });

  it('extends the session on "Stay signed in", a POST with the page’s CSRF token', async () => {
    const staffId = fixture.staff.manager?.id as string;
    const manager = new Visitor(app);
    await manager.signIn('manager');
    await manager.get('/');
    const nearlyOver = new Date(Date.now() + 60_000);
    await database.db.updateTable('sign_in_sessions').set({ expires_at: nearlyOver }).where('staff_id', '=', staffId).execute();

    const extended = await manager.post('/session/extend');
    expect(extended.status).toBe(204);
    expect(await expiresAt(staffId)).toBeGreaterThan(Date.now() + (idleMinutes - 1) * 60_000);
    expect((await manager.get('/')).status).toBe(200);
  });

  it('refuses to extend without the CSRF token, and sends someone already signed out to sign in', async () => {
    const staffId = fixture.staff.iro?.id as string;
    const iro = new Visitor(app);
    await iro.signIn('iro');
    await iro.get('/');
    expect((await iro.post('/session/extend', {}, { withoutCsrf: true })).status).toBe(403);

    await database.db
      .updateTable('sign_in_sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('staff_id', '=', staffId)
      .execute();
    const afterEnd = await iro.post('/session/extend');
    expect(afterEnd.status).toBe(403);
    expect((await iro.get('/')).location).toBe('/sign-in?ended=1');

    expect((await new Visitor(app).post('/session/extend', {}, { withoutCsrf: true })).status).toBe(403);
  });
});
