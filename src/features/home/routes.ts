import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { describeAge } from '../../domain/people/age.js';
import { signedIn } from '../../platform/request-context.js';
import { todayInEngland } from '../../platform/today.js';
import { worktraySummary } from '../worktrays/service.js';
import { homePageFor } from './service.js';

export async function homeRoutes(app: FastifyInstance, { db }: { db: Kysely<Database> }) {
  app.get('/', async (request, reply) => {
    const actor = signedIn(request);
    const [home, worktray] = await Promise.all([homePageFor(db, actor), worktraySummary(db, actor)]);
    const today = todayInEngland();
    const withAge = <T extends { date_of_birth: string | null }>(children: T[]) =>
      children.map((c) => ({ ...c, age: c.date_of_birth ? describeAge(c.date_of_birth, today) : null }));
    return reply.page('home/views/home.njk', {
      pageTitle: 'Home',
      firstName: actor.displayName.split(' ')[0],
      worktray,
      home: {
        ...home,
        ...('children' in home ? { children: withAge(home.children) } : {}),
        ...('waiting' in home ? { waiting: withAge(home.waiting) } : {}),
      },
    });
  });
}
