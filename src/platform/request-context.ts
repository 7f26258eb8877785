import type { Actor } from './actor.js';
import type { Role } from './roles.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in member of staff, or null on public pages. */
    actor: Actor | null;
  }
  interface FastifyReply {
    /** Renders a page in the Hearth layout with the signed-in person's navigation and a CSRF token. */
    page(template: string, model?: Record<string, unknown>): Promise<string>;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in. */
    public?: boolean;
    /** Only these roles may use the route; everyone else gets 403. */
    roles?: readonly Role[];
  }
  interface Session {
    staffId?: string;
    signedInAt?: string;
  }
}

/** The actor of a route that is not public: the sign-in hook guarantees one. */
export function signedIn(request: { actor: Actor | null }): Actor {
  if (!request.actor) throw new Error('signedIn() called on a public route');
  return request.actor;
}
