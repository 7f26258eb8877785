import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema.js';
import { childRoutes } from './features/children/routes.js';
import { homeRoutes } from './features/home/routes.js';
import { signInRoutes } from './features/sign-in/routes.js';
import { staffAccountRoutes } from './features/staff-accounts/routes.js';
import type { Config } from './platform/config.js';
import { createServer } from './platform/server.js';

/** Hearth: the platform with every feature's routes. */
export function buildApp(
  config: Config,
  db: Kysely<Database>,
  options: { quiet?: boolean; logDestination?: NodeJS.WritableStream } = {},
): Promise<FastifyInstance> {
  return createServer({
    config,
    db,
    quiet: options.quiet,
    logDestination: options.logDestination,
    features: async (app) => {
      await app.register(signInRoutes, { db, config });
      await app.register(homeRoutes, { db });
      await app.register(childRoutes, { db });
      await app.register(staffAccountRoutes, { db });
    },
  });
}
