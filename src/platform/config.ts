import path from 'node:path';
import { z } from 'zod';

const booleanFlag = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

const environment = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  HEARTH_DATA_DIR: z.string().default('./data'),
  HEARTH_LA_NAME: z.string().default('Demo Borough Council'),
  HEARTH_SERVICE_NAME: z.string().default("Hearth – children's social care"),
  HEARTH_LA_CODE: z
    .string()
    .regex(/^\d{3}$/, 'a three-digit DfE local authority code')
    .default('999'),
  HEARTH_SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(720).default(30),
  HEARTH_SIGN_IN_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(5),
  HEARTH_LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  HEARTH_SIGN_IN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(20),
  HEARTH_TRUST_PROXY: booleanFlag.default(false),
  HEARTH_SECURE_COOKIES: booleanFlag.optional(),
  HEARTH_DEMO_DATA: booleanFlag.optional(),
  HEARTH_MISSING_PROMPT_EPISODES: z.coerce.number().int().min(1).max(50).default(3),
  HEARTH_MISSING_PROMPT_DAYS: z.coerce.number().int().min(1).max(366).default(90),
  HEARTH_SESSION_SECRET: z.string().min(32).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  /** Unset: the embedded PostgreSQL (PGlite) in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  localAuthorityName: string;
  serviceName: string;
  localAuthorityCode: string;
  sessionIdleMinutes: number;
  signInAttemptsBeforeLockout: number;
  lockoutMinutes: number;
  /** Sign-in attempts allowed from one address per minute, whatever the accounts. */
  signInRatePerMinute: number;
  trustProxy: boolean;
  /** Cookies marked Secure: on by default when Hearth is behind a TLS-terminating proxy. */
  secureCookies: boolean;
  /** Seed the demo authority into an empty database. Defaults to on for the embedded engine. */
  demoData: boolean;
  /** A strategy meeting is prompted when a child goes missing this many times within this many days. */
  repeatMissingThreshold: { episodes: number; days: number };
  sessionSecret: string | undefined;
  logLevel: string;
}

export class ConfigError extends Error {}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environment.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Hearth's configuration is not valid: ${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.HEARTH_DATA_DIR),
    localAuthorityName: e.HEARTH_LA_NAME,
    serviceName: e.HEARTH_SERVICE_NAME,
    localAuthorityCode: e.HEARTH_LA_CODE,
    sessionIdleMinutes: e.HEARTH_SESSION_IDLE_MINUTES,
    signInAttemptsBeforeLockout: e.HEARTH_SIGN_IN_ATTEMPTS,
    lockoutMinutes: e.HEARTH_LOCKOUT_MINUTES,
    signInRatePerMinute: e.HEARTH_SIGN_IN_RATE_PER_MINUTE,
    trustProxy: e.HEARTH_TRUST_PROXY,
    secureCookies: e.HEARTH_SECURE_COOKIES ?? e.HEARTH_TRUST_PROXY,
    demoData: e.HEARTH_DEMO_DATA ?? e.DATABASE_URL === undefined,
    repeatMissingThreshold: { episodes: e.HEARTH_MISSING_PROMPT_EPISODES, days: e.HEARTH_MISSING_PROMPT_DAYS },
    sessionSecret: e.HEARTH_SESSION_SECRET,
    logLevel: e.LOG_LEVEL,
  };
}
