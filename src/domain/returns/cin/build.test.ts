import { describe, expect, it } from 'vitest';
import { realisticCinReturn } from '../../../../test/cin-census-samples.js';
import { buildCinCensus } from './build.js';
import { parseCinCensus } from './parse.js';

describe('buildCinCensus', () => {
  it('round-trips a realistic multi-child return: parse(build(x)) is x and build(parse(text)) is the same text', () => {
    const sample = realisticCinReturn();
    const xml = buildCinCensus(sample, { collectionYear: 2025 });
    const parsed = parseCinCensus(xml, { collectionYear: 2025 });
    expect(parsed.problems).toEqual([]);
    expect(parsed.message).toEqual(sample);
    expect(buildCinCensus(parsed.message ?? sample, { collectionYear: 2025 })).toBe(xml);
  });

  it('writes the schema element names in schema order, with ISO dates', () => {
    const xml = buildCinCensus(realisticCinReturn(), { collectionYear: 2025 });
    const firstEpisode = xml.slice(xml.indexOf('<CINdetails>'), xml.indexOf('</CINdetails>'));
    const order = [...firstEpisode.matchAll(/<(\w+)>/g)].map((m) => m[1]).filter((name, i, all) => all.indexOf(name) === i);
    expect(
      order.filter((name) =>
        [
          'CINreferralDate',
          'ReferralSource',
          'PrimaryNeedCode',
          'CINclosureDate',
          'ReasonForClosure',
          'Assessments',
          'CINPlanDates',
          'Section47',
          'ReferralNFA',
          'ChildProtectionPlans',
        ].includes(name as string),
      ),
    ).toEqual([
      'CINreferralDate',
      'ReferralSource',
      'PrimaryNeedCode',
      'CINclosureDate',
      'ReasonForClosure',
      'Assessments',
      'CINPlanDates',
      'Section47',
      'ReferralNFA',
      'ChildProtectionPlans',
    ]);
    expect(xml).toContain('<CINreferralDate>2024-04-08</CINreferralDate>');
    expect(xml).toContain('<Sex>F</Sex>');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
  });

  it('writes GenderCurrent for 2023-24 and earlier', () => {
    const sample = realisticCinReturn();
    for (const child of sample.children) child.sex = child.sex === 'F' ? '2' : child.sex === 'U' ? '0' : '1';
    const xml = buildCinCensus(sample, { collectionYear: 2024 });
    expect(xml).toContain('<GenderCurrent>2</GenderCurrent>');
    expect(xml).not.toContain('<Sex>');
    expect(parseCinCensus(xml, { collectionYear: 2024 }).message).toEqual(sample);
  });

  it('escapes text', () => {
    const sample = realisticCinReturn();
    sample.children[0] = { ...(sample.children[0] as (typeof sample.children)[number]), laChildId: 'A&B<1>' };
    const xml = buildCinCensus(sample, { collectionYear: 2025 });
    expect(xml).toContain('<LAchildID>A&amp;B&lt;1&gt;</LAchildID>');
    expect(parseCinCensus(xml, { collectionYear: 2025 }).message?.children[0]?.laChildId).toBe('A&B<1>');
  });
});
