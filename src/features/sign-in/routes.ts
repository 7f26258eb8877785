import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import type { Config } from '../../platform/config.js';
import { recordSignOut, signIn } from './service.js';

const signInForm = z.object({
  username: z.string().trim().max(200).default(''),
  password: z.string().max(1000).default(''),
});

export async function signInRoutes(app: FastifyInstance, { db, config }: { db: Kysely<Database>; config: Config }) {
  app.get('/sign-in', { config: { public: true } }, async (request, reply) => {
    if (request.actor) return reply.redirect('/', 303);
    const ended = (request.query as { ended?: string }).ended === '1';
    return reply.page('sign-in/views/sign-in.njk', {
      pageTitle: 'Sign in',
      notice: ended
        ? `You have been signed out. This happens after ${config.sessionIdleMinutes} minutes without activity, or when you sign out. Sign in again to carry on.`
        : undefined,
    });
  });

  app.post(
    '/sign-in',
    { config: { public: true, rateLimit: { max: config.signInRatePerMinute, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const form = signInForm.parse(request.body ?? {});
      const errors: { text: string; href: string }[] = [];
      if (!form.username) errors.push({ text: 'Enter your username', href: '#username' });
      if (!form.password) errors.push({ text: 'Enter your password', href: '#password' });
      if (errors.length) {
        reply.code(400);
        return reply.page('sign-in/views/sign-in.njk', { pageTitle: 'Sign in', errorSummary: errors, username: form.username });
      }
      const result = await signIn(
        db,
        { attemptsBeforeLockout: config.signInAttemptsBeforeLockout, lockoutMinutes: config.lockoutMinutes },
        form.username,
        form.password,
        request.ip,
      );
      if (result.outcome !== 'signed_in') {
        const message = {
          wrong_details: 'The username or password is not right. Check them and try again.',
          locked: `Your account is locked after too many attempts to sign in. Try again in ${'minutes' in result ? result.minutes : ''} minutes, or ask your administrator to reset your password.`,
          deactivated: 'Your account has been deactivated. If you still work here, ask your administrator to reactivate it.',
        }[result.outcome];
        reply.code(401);
        return reply.page('sign-in/views/sign-in.njk', {
          pageTitle: 'Sign in',
          errorSummary: [{ text: message, href: '#username' }],
          username: form.username,
        });
      }
      await request.session.regenerate();
      request.session.staffId = result.staffId;
      request.session.signedInAt = new Date().toISOString();
      return reply.redirect(result.mustChangePassword ? '/account/password' : '/', 303);
    },
  );

  /**
   * "Stay signed in" in the session timeout warning: any signed-in request moves the idle limit on
   * (rolling sessions), so this one only answers. Without a session it goes the way of every page:
   * to sign-in; without the page's CSRF token it is refused.
   */
  app.post('/session/extend', async (_request, reply) => reply.code(204).send());

  app.post('/sign-out', { config: { public: true } }, async (request, reply) => {
    if (request.actor) await recordSignOut(db, request.actor.staffId, request.ip);
    await request.session.destroy();
    reply.clearCookie('hearth_session', { path: '/' });
    return reply.redirect('/sign-in', 303);
  });
}
