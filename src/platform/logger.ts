import type { FastifyRequest } from 'fastify';
import type { LoggerOptions } from 'pino';

/**
 * Application logs carry no personal data: a request is logged by its method and route pattern
 * (never the raw URL, whose query string may hold a child's name), and bodies, cookies and
 * authorisation headers are never logged.
 */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    base: { service: 'hearth' },
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        route: request.routeOptions?.url ?? 'unmatched',
        id: request.id,
      }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
    },
    redact: { paths: ['req.headers', 'req.body', 'req.query', 'req.params', 'err.params'], remove: true },
  };
}
