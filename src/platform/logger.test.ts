import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig, Visitor } from '../../test/app.js';
import { openTestDatabase, type TestDatabase } from '../../test/database.js';
import { seedFixture } from '../../test/fixtures.js';
import { buildApp } from '../app.js';

describe('application logs', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase();
    await seedFixture(database.db);
  });
  afterAll(() => database.close());

  it('are JSON lines that name the route, never the child searched for or the password typed', async () => {
    const lines: string[] = [];
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
    const app = await buildApp(testConfig({ logLevel: 'info' }), database.db, { logDestination: stream });
    const visitor = new Visitor(app);
    await visitor.signIn('worker');
    await visitor.get('/children?q=Testcase');
    await app.close();

    const log = lines.join('\n');
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(log).toContain('"route":"/children"');
    expect(log).not.toMatch(/Testcase|Child1|correct horse|hearth_session=/);
  });
});
