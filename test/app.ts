import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { buildApp } from '../src/app.js';
import type { Database } from '../src/db/schema.js';
import { type Config, readConfig } from '../src/platform/config.js';
import { fixturePassword } from './fixtures.js';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...readConfig({ HEARTH_DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent', HEARTH_SIGN_IN_RATE_PER_MINUTE: '1000' }), ...overrides };
}

export function startTestApp(db: Kysely<Database>, overrides: Partial<Config> = {}): Promise<FastifyInstance> {
  return buildApp(testConfig(overrides), db, { quiet: true });
}

export interface Response {
  status: number;
  body: string;
  location: string | undefined;
}

/**
 * A person at a browser: keeps cookies between requests and sends the CSRF token of the last page
 * it read with every form, as a real form would.
 */
export class Visitor {
  private cookies = new Map<string, string>();
  csrfToken = '';

  constructor(private readonly app: FastifyInstance) {}

  async get(url: string): Promise<Response> {
    return this.request('GET', url);
  }

  /** Posts a form; a field given as a list is sent once per value, as ticked checkboxes are. */
  async post(
    url: string,
    form: Record<string, string | readonly string[]> = {},
    options: { withoutCsrf?: boolean } = {},
  ): Promise<Response> {
    const fields = options.withoutCsrf ? form : { _csrf: this.csrfToken, ...form };
    const body = new URLSearchParams(
      Object.entries(fields).flatMap(([name, value]) => ([] as string[]).concat(value).map((v) => [name, v])),
    ).toString();
    return this.request('POST', url, body);
  }

  /** The Cookie header this visitor sends, for requests a test makes itself (a file download read as bytes). */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async signIn(username: string, password = fixturePassword): Promise<Response> {
    await this.get('/sign-in');
    return this.post('/sign-in', { username, password });
  }

  private async request(method: 'GET' | 'POST', url: string, payload?: string): Promise<Response> {
    const response = await this.app.inject({
      method,
      url,
      payload,
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(payload !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
    });
    for (const cookie of response.cookies) {
      if (cookie.value === '' || (cookie.expires && cookie.expires.getTime() < Date.now())) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
    if (token) this.csrfToken = token;
    return { status: response.statusCode, body: response.body, location: response.headers.location as string | undefined };
  }
}
