import { describe, expect, it } from 'vitest';
import { syntheticCinReturn } from '../../../../test/cin-census-samples.js';
import { buildCinCensus } from './build.js';
import { parseCinCensus } from './parse.js';
import { validateCinCensus } from './validate.js';

describe('CIN census at the size of a large authority', () => {
  it('parses and validates a 10,000-child file in seconds', () => {
    const xml = buildCinCensus(syntheticCinReturn(10_000), { collectionYear: 2025 });
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const parsed = parseCinCensus(xml, { collectionYear: 2025 });
    const parsedAt = performance.now();
    const failures = validateCinCensus(parsed.message ?? { header: null, children: [] }, { collectionYear: 2025 });
    const finished = performance.now();
    const cpu = process.cpuUsage(cpuBefore);
    console.log(
      `CIN census, 10,000 children (${(xml.length / 1e6).toFixed(1)} MB): parse ${(parsedAt - started).toFixed(0)} ms, validate ${(finished - parsedAt).toFixed(0)} ms, CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms`,
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.message?.children).toHaveLength(10_000);
    expect(failures).toEqual([]);
    expect(finished - started).toBeLessThan(20_000);
  }, 60_000);
});
