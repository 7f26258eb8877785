import { type ChildProcess, spawn } from 'node:child_process';
import autocannon, { type Result as AutocannonResult } from 'autocannon';
import { demoPassword } from '../src/cli/demo-authority.js';
import { percentile } from './measure.js';
import type { PageRequest } from './scenarios.js';

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /** Requests answered within the run (those in flight when it ends are not counted). */
  answered: number;
}

/** A Hearth server started for the load test, on loopback, stopped when done. */
export interface RunningServer {
  baseUrl: string;
  /** Waits until the requests left in flight by a load test have been answered, so the next one starts on an idle server. */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts Hearth's server (bench/server.ts: what `hearth serve` runs) on the benchmark database (no demo data, sign-in rate limit lifted) and waits until it is ready. */
export async function startServer(env: Record<string, string>, port: number): Promise<RunningServer> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'bench/server.ts'], {
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      HEARTH_DEMO_DATA: 'false',
      HEARTH_SIGN_IN_RATE_PER_MINUTE: '100000',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };
  for (let waited = 0; ; waited += 250) {
    if (child.exitCode !== null) throw new Error(`The server stopped while starting: ${stderr.trim()}`);
    const ready = await fetch(`${baseUrl}/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return { baseUrl, stop, drain: () => fetch(`${baseUrl}/ready`).then((r) => void r.text()) };
    if (waited > 180_000) {
      await stop();
      throw new Error('The server was not ready after 3 minutes');
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function cookiesOf(response: Response, jar: Map<string, string>): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const at = pair?.indexOf('=') ?? -1;
    if (pair && at > 0) jar.set(pair.slice(0, at), pair.slice(at + 1));
  }
}

/** Signs a person in through the sign-in page, as a browser would; returns their Cookie header. */
export async function signInOverHttp(baseUrl: string, username: string): Promise<string> {
  const jar = new Map<string, string>();
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const page = await fetch(`${baseUrl}/sign-in`);
  cookiesOf(page, jar);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const response = await fetch(`${baseUrl}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: header() },
    body: new URLSearchParams({ _csrf: csrf, username, password: demoPassword }).toString(),
  });
  cookiesOf(response, jar);
  if (response.status !== 303) throw new Error(`Could not sign in as ${username} (HTTP ${response.status})`);
  return header();
}

/** `connections` people asking for the pages at once for `seconds`, each request the next of the list with its person's session. */
export async function loadTest(
  baseUrl: string,
  requests: readonly PageRequest[],
  cookies: ReadonlyMap<string, string>,
  connections: number,
  seconds: number,
): Promise<LoadResult> {
  let next = 0;
  const latencies: number[] = [];
  let failed = 0;
  const result = await new Promise<AutocannonResult>((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections,
        duration: seconds,
        // A slow answer is measured, not dropped: only answers slower than this count as errors (timeouts).
        timeout: 30,
        requests: [
          {
            setupRequest: (request) => {
              const page = requests[next++ % requests.length] as PageRequest;
              return {
                ...request,
                method: 'GET',
                path: page.url,
                headers: { ...request.headers, cookie: cookies.get(page.username) ?? '' },
              };
            },
          },
        ],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    // Every response's own time, for exact percentiles (autocannon's summary has p90 and p97.5, not p95).
    instance.on('response', (_client, status, _bytes, ms) => {
      latencies.push(ms);
      if (status !== 200) failed++;
    });
  });
  return {
    requestsPerSecond: latencies.length / result.duration,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: result.errors + result.timeouts + failed,
    answered: latencies.length,
  };
}
