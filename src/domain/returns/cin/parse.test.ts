import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCinCensus } from './parse.js';

const samples = new URL('../../../../../shared/judges/samples/cin/', import.meta.url);

function child(identifiers: string, details = ''): string {
  return `<Child><ChildIdentifiers>${identifiers}</ChildIdentifiers><ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics>${details}</Child>`;
}

const episode = (inner = '') =>
  `<CINdetails><CINreferralDate>2024-06-03</CINreferralDate><ReferralSource>1A</ReferralSource>${inner}<ReferralNFA>false</ReferralNFA></CINdetails>`;

const message = (...children: string[]) => `<?xml version="1.0"?><Message><Children>${children.join('')}</Children></Message>`;

describe('parseCinCensus', () => {
  it('reports text that is not well-formed XML instead of throwing', () => {
    const result = parseCinCensus('<Message><Children></Message>', { collectionYear: 2025 });
    expect(result.message).toBeNull();
    expect(result.problems).toEqual([expect.objectContaining({ kind: 'not_well_formed', laChildId: null })]);
    expect(result.problems[0]?.message).toMatch(/line 1/);
  });

  it('reads a child, naming each problem with the child and the element path', () => {
    const xml = message(
      child(
        '<LAchildID>C1</LAchildID><PersonBirthDate>2015-6-1</PersonBirthDate><Sex>X</Sex><Nickname>Jo</Nickname>',
        episode('<PrimaryNeedCode>N12</PrimaryNeedCode>'),
      ),
    );
    const { message: parsed, problems } = parseCinCensus(xml, { collectionYear: 2025 });
    expect(parsed?.children[0]?.laChildId).toBe('C1');
    expect(parsed?.children[0]?.birthDate).toBeNull();
    expect(parsed?.children[0]?.episodes[0]?.primaryNeed).toBe('N12');
    const at = 'Message/Children/Child[1]';
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'bad_date', laChildId: 'C1', path: `${at}/ChildIdentifiers/PersonBirthDate` }),
        expect.objectContaining({ kind: 'unknown_code', laChildId: 'C1', path: `${at}/ChildIdentifiers/Sex`, reportedByRule: '4180' }),
        expect.objectContaining({ kind: 'unknown_element', laChildId: 'C1', path: `${at}/ChildIdentifiers/Nickname` }),
        expect.objectContaining({
          kind: 'unknown_code',
          laChildId: 'C1',
          path: `${at}/CINdetails[1]/PrimaryNeedCode`,
          reportedByRule: '8650',
        }),
      ]),
    );
  });

  it('reports missing mandatory items, with the rule that also reports them', () => {
    const xml = message(child('<UPN>A123456789012</UPN>', '<CINdetails><ReferralNFA>maybe</ReferralNFA></CINdetails>'));
    const { problems } = parseCinCensus(xml, { collectionYear: 2025 });
    const kinds = problems.map((p) => [p.kind, p.path.replace('Message/Children/Child[1]/', ''), p.reportedByRule ?? null]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['missing_item', 'ChildIdentifiers/LAchildID', '8500'],
        ['missing_item', 'ChildIdentifiers/Sex', '4180'],
        ['missing_item', 'CINdetails[1]/CINreferralDate', '8600'],
        ['missing_item', 'CINdetails[1]/ReferralSource', '8866'],
        ['bad_value', 'CINdetails[1]/ReferralNFA', '8568'],
      ]),
    );
    expect(problems.every((p) => p.laChildId === null)).toBe(true);
  });

  it('reads GenderCurrent up to 2023-24 and Sex after, reporting the wrong one for the year', () => {
    const xml = message(
      child('<LAchildID>C1</LAchildID><PersonBirthDate>2015-06-01</PersonBirthDate><GenderCurrent>2</GenderCurrent>', episode()),
    );
    expect(parseCinCensus(xml, { collectionYear: 2024 }).problems).toEqual([]);
    const later = parseCinCensus(xml, { collectionYear: 2025 });
    expect(later.message?.children[0]?.sex).toBe('2');
    expect(later.problems.map((p) => p.kind)).toEqual(['wrong_element_for_year', 'unknown_code']);
  });

  it('keeps empty review dates and reports empty factor lists and loose text', () => {
    const cp =
      '<ChildProtectionPlans><CPPstartDate>2024-06-10</CPPstartDate><InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse><LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse><NumberOfPreviousCPP>0</NumberOfPreviousCPP><Reviews><CPPreviewDate/><CPPreviewDate>2024-09-01</CPPreviewDate></Reviews></ChildProtectionPlans>';
    const assessment =
      '<Assessments><AssessmentActualStartDate>2024-06-04</AssessmentActualStartDate><FactorsIdentifiedAtAssessment/></Assessments>';
    const xml = message(
      child('<LAchildID>C1</LAchildID>stray<Sex>F</Sex>', episode(assessment).replace('</CINdetails>', `${cp}</CINdetails>`)),
    );
    const { message: parsed, problems } = parseCinCensus(xml, { collectionYear: 2025 });
    expect(parsed?.children[0]?.episodes[0]?.cpPlans[0]?.reviewDates).toEqual([null, '2024-09-01']);
    expect(problems.map((p) => p.kind)).toEqual(expect.arrayContaining(['unexpected_text', 'missing_item']));
  });

  it('reads every public sample without throwing', () => {
    const files = readdirSync(samples).filter((name) => name.endsWith('.xml'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const name of files) {
      const result = parseCinCensus(readFileSync(new URL(name, samples), 'utf8'), { collectionYear: 2024 });
      expect(result.message?.children.length, name).toBeGreaterThan(0);
    }
  });
});
