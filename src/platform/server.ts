import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import session from '@fastify/session';
import fastifyStatic from '@fastify/static';
import view from '@fastify/view';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import nunjucks from 'nunjucks';
import type { Database } from '../db/schema.js';
import type { Actor } from './actor.js';
import type { Config } from './config.js';
import { HttpError } from './errors.js';
import { loggerOptions } from './logger.js';
import { navigationFor } from './navigation.js';
import './request-context.js';
import { roleNames } from './roles.js';
import { sessionSecret } from './session-secret.js';
import { DatabaseSessionStore } from './session-store.js';
import { sessionTimeout } from './session-timeout.js';
import { loadActor } from './staff-directory.js';
import { registerViewFilters } from './view-filters.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const maximumBodyBytes = 1024 * 1024;
/** The only pages open to someone who must first replace a temporary password. */
const passwordChangeRoutes = new Set(['/account/password', '/sign-out']);

export interface ServerOptions {
  config: Config;
  db: Kysely<Database>;
  /** Registers the features' routes. */
  features: (app: FastifyInstance) => Promise<void>;
  /** Silences request logging (tests). */
  quiet?: boolean;
  /** Where logs go instead of standard output (tests that read them). */
  logDestination?: NodeJS.WritableStream;
}

export async function createServer({ config, db, features, quiet, logDestination }: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: quiet ? false : { ...loggerOptions(config.logLevel), ...(logDestination ? { stream: logDestination } : {}) },
    trustProxy: config.trustProxy,
    bodyLimit: maximumBodyBytes,
    genReqId: () => randomBytes(6).toString('hex'),
    routerOptions: { maxParamLength: 200 },
  });

  await app.register(helmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      directives: { 'script-src': ["'self'"], 'style-src': ["'self'"], 'img-src': ["'self'", 'data:'] },
    },
    hsts: config.secureCookies,
  });
  await app.register(formbody, { bodyLimit: maximumBodyBytes });
  await app.register(cookie);
  await app.register(session, {
    secret: await sessionSecret(db, config.sessionSecret),
    cookieName: 'hearth_session',
    store: new DatabaseSessionStore(db, config.sessionIdleMinutes),
    saveUninitialized: false,
    rolling: true,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.secureCookies,
      path: '/',
      maxAge: config.sessionIdleMinutes * 60_000,
    },
  });
  await app.register(csrf, {
    sessionPlugin: '@fastify/session',
    getToken: (request) => (request.body as { _csrf?: string } | undefined)?._csrf,
  });
  await app.register(rateLimit, { global: false });

  await app.register(fastifyStatic, {
    root: path.join(root, 'node_modules/govuk-frontend/dist/govuk/assets'),
    prefix: '/assets/',
    decorateReply: false,
  });
  await app.register(fastifyStatic, {
    root: path.join(root, 'public'),
    prefix: '/public/',
    decorateReply: false,
  });
  await app.register(fastifyStatic, {
    root: [path.join(root, 'node_modules/govuk-frontend/dist/govuk'), path.join(root, 'node_modules/@ministryofjustice/frontend/moj')],
    prefix: '/vendor/',
    decorateReply: false,
    allowedPath: (pathname) => /^\/(govuk-frontend|moj-frontend)\.min\.js$/.test(pathname),
  });

  await app.register(view, {
    engine: { nunjucks },
    templates: [
      path.join(root, 'src/platform/views'),
      path.join(root, 'src/features'),
      path.join(root, 'node_modules/govuk-frontend/dist'),
      path.join(root, 'node_modules/@ministryofjustice/frontend'),
    ],
    options: { autoescape: true, onConfigure: registerViewFilters },
  });

  app.decorateRequest('actor', null);
  app.decorateReply('page', async function (this: FastifyReply, template: string, model: Record<string, unknown> = {}) {
    const request = this.request;
    const actor = request.actor;
    return this.viewAsync(template, {
      ...model,
      cspNonce: this.cspNonce.script,
      app: {
        serviceName: config.serviceName,
        localAuthorityName: config.localAuthorityName,
        csrfToken: this.generateCsrf(),
        navigation: actor ? navigationFor(actor.role, request.url.split('?')[0] ?? '/') : [],
        staff: actor ? { displayName: actor.displayName, roleName: roleNames[actor.role], teamName: actor.teamName } : null,
        sessionTimeout: actor ? sessionTimeout(config.sessionIdleMinutes) : null,
      },
    });
  });

  app.addHook('preHandler', async (request, reply) => {
    const routeConfig = request.routeOptions.config;
    const staffId = request.session.get('staffId');
    if (staffId) {
      request.actor = await loadActor(db, staffId, request.ip);
      if (!request.actor) await request.session.destroy();
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      await new Promise<void>((resolve, reject) =>
        app.csrfProtection(request, reply, (error?: Error) => (error ? reject(error) : resolve())),
      );
    }
    if (routeConfig.public || isAsset(request.routeOptions.url)) return;
    if (!request.actor) {
      const expired = request.cookies.hearth_session !== undefined;
      return reply.redirect(`/sign-in${expired ? '?ended=1' : ''}`, 303);
    }
    if (request.actor.mustChangePassword && !passwordChangeRoutes.has(request.routeOptions.url ?? '')) {
      return reply.redirect('/account/password', 303);
    }
    if (routeConfig.roles && !routeConfig.roles.includes(request.actor.role)) {
      return renderError(
        reply,
        403,
        'You do not have access',
        'This page is not part of your role. If you need it for your work, ask your manager.',
      );
    }
  });

  app.setNotFoundHandler(async (_request, reply) =>
    renderError(reply, 404, 'Page not found', 'The page or record you asked for does not exist. Check the address, or search again.'),
  );

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (error instanceof HttpError) return renderError(reply, error.statusCode, error.title, error.message);
    if (error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET') {
      return renderError(
        reply,
        403,
        'Your form could not be sent',
        'The page you sent it from had expired or was opened in another window. Go back, reload the page and try again: nothing was saved.',
      );
    }
    if (error.statusCode === 429) {
      return renderError(
        reply,
        429,
        'Too many attempts',
        'There have been too many attempts from your connection. Wait a minute and try again.',
      );
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return renderError(reply, 413, 'What you sent was too large', 'The form you sent was larger than Hearth accepts. Nothing was saved.');
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return renderError(
        reply,
        error.statusCode,
        'There is a problem with the request',
        'Hearth could not understand what was sent. Nothing was saved.',
      );
    }
    request.log.error({ err: { type: error.name, code: error.code, message: error.message, stack: error.stack } }, 'unhandled error');
    return renderError(
      reply,
      500,
      'Sorry, there is a problem with Hearth',
      'Something went wrong on our side and what you were doing may not have been saved. Try again; if it keeps happening, contact the service desk.',
      request.id,
    );
  });

  app.get('/health', { config: { public: true } }, async () => ({ status: 'ok' }));
  app.get('/ready', { config: { public: true } }, async (_request, reply) => {
    try {
      await db.selectFrom('settings').select('key').limit(1).execute();
      return { status: 'ready' };
    } catch {
      return reply.code(503).send({ status: 'database unavailable' });
    }
  });

  await features(app);
  return app;
}

async function renderError(reply: FastifyReply, statusCode: number, title: string, message: string, reference?: string) {
  reply.code(statusCode);
  if (wantsJson(reply.request)) return reply.send({ error: title, message });
  try {
    const html = await reply.page('error.njk', { pageTitle: title, title, message, reference });
    return reply.type('text/html; charset=utf-8').send(html);
  } catch (error) {
    reply.log.error({ err: { message: error instanceof Error ? error.message : String(error) } }, 'the error page could not be rendered');
    return reply.type('text/plain; charset=utf-8').send(`${title}\n\n${message}`);
  }
}

/** Stylesheets, scripts, fonts and images: served to anyone, before sign-in too. */
function isAsset(route: string | undefined): boolean {
  return route !== undefined && /^\/(assets|public|vendor)\//.test(route);
}

function wantsJson(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes('application/json') && !(request.headers.accept ?? '').includes('text/html');
}

export type { Actor };
