import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realisticCinReturn } from '../../../../test/cin-census-samples.js';
import type { CinCensusMessage, CinChild, CinEpisode } from './message.js';
import { CIN_RULES, CIN_RULES_NOT_CHECKED } from './rules.js';
import { validateCinCensus } from './validate.js';

type Change = (m: CinCensusMessage) => void;

const child = (m: CinCensusMessage, n: number) => m.children[n - 1] as CinChild;
const episode = (m: CinCensusMessage, n: number, e = 1) => child(m, n).episodes[e - 1] as CinEpisode;
/** Child 1: S47 → ICPC → CP plan → CIN plan → closed RC7. */
const c1 = (m: CinCensusMessage) => episode(m, 1);
/** Child 2, episode 2: open, CIN plan open, S47 with conference not required. */
const c2 = (m: CinCensusMessage) => episode(m, 2, 2);
/** Child 3: unborn, assessment open since 3 March 2025. */
const c3 = (m: CinCensusMessage) => episode(m, 3);
/** Child 4: closed RC8 after an assessment with factor 21. */
const c4 = (m: CinCensusMessage) => episode(m, 4);
const assessment = (e: CinEpisode, n = 1) => e.assessments[n - 1] as NonNullable<CinEpisode['assessments'][number]>;
const s47 = (e: CinEpisode) => e.section47s[0] as NonNullable<CinEpisode['section47s'][number]>;
const cpp = (e: CinEpisode) => e.cpPlans[0] as NonNullable<CinEpisode['cpPlans'][number]>;
const cinPlan = (e: CinEpisode) => e.cinPlans[0] as NonNullable<CinEpisode['cinPlans'][number]>;

/**
 * For each DfE rule: a change to the realistic return that makes it fail, and optionally a change
 * at the boundary that must still pass. The unchanged return passes every rule.
 */
const cases: Record<string, { fail: Change; pass?: Change; year?: number }> = {
  '100': {
    fail: (m) => {
      if (m.header) m.header.referenceDate = '2025-03-30';
    },
  },
  '1103': {
    fail: (m) => {
      assessment(c1(m)).startDate = '2024-04-05';
    },
    pass: (m) => {
      assessment(c1(m)).startDate = '2024-04-08';
    },
  },
  '1104': {
    fail: (m) => {
      c2(m).initialConferenceDate = '2024-08-30';
    },
    pass: (m) => {
      c2(m).initialConferenceDate = '2024-09-02';
    },
  },
  '1105': {
    fail: (m) => {
      cpp(c1(m)).startDate = '2024-04-05';
    },
  },
  '1510': {
    fail: (m) => {
      child(m, 1).upn = `Z${String(child(m, 1).upn).slice(1)}`;
    },
  },
  '1520': {
    fail: (m) => {
      child(m, 2).upn = child(m, 1).upn;
    },
  },
  '1540': {
    fail: (m) => {
      child(m, 1).upn = `${String(child(m, 1).upn).slice(0, 6)}X${String(child(m, 1).upn).slice(7)}`;
    },
  },
  '1550': {
    fail: (m) => {
      child(m, 1).upn = `${String(child(m, 1).upn).slice(0, 12)}I`;
    },
  },
  '1560Q': {
    fail: (m) => {
      child(m, 1).formerUpn = 'X98765432123B';
    },
    pass: (m) => {
      child(m, 1).formerUpn = child(m, 1).upn;
    },
  },
  '1570': {
    fail: (m) => {
      child(m, 1).laChildId = 'A'.repeat(21);
    },
    pass: (m) => {
      child(m, 1).laChildId = 'A'.repeat(20);
    },
  },
  '1580': {
    fail: (m) => {
      child(m, 1).laChildId = 'C-1001';
    },
  },
  '2883': { fail: (m) => c1(m).cpPlans.push({ ...cpp(c1(m)), startDate: '2024-11-01', endDate: '2024-11-20' }) },
  '2884': {
    fail: (m) => {
      c1(m).initialConferenceDate = '2024-04-30';
    },
  },
  '2885': {
    fail: (m) => {
      cpp(c1(m)).startDate = '2024-05-02';
    },
  },
  '2886Q': {
    fail: (m) => {
      child(m, 1).sex = 'U';
    },
  },
  '2887Q': {
    fail: (m) => {
      child(m, 2).disabilities = ['LD'];
    },
  },
  '2888Q': {
    fail: (m) => {
      child(m, 1).disabilities = ['MOB'];
      child(m, 2).disabilities = ['LD'];
    },
  },
  '2889': {
    fail: (m) => {
      s47(c1(m)).startDate = '2024-04-05';
    },
  },
  '2990': { fail: (m) => c4(m).cinPlans.push({ startDate: '2024-12-13', endDate: '2024-12-16' }) },
  '2991Q': {
    fail: (m) => {
      c1(m).assessments = [];
    },
  },
  '4000': { fail: (m) => episode(m, 2, 1).cinPlans.push({ startDate: '2024-06-04', endDate: '2024-06-20' }) },
  '4001': {
    fail: (m) => {
      cinPlan(c1(m)).startDate = '2024-10-30';
    },
    pass: (m) => {
      cpp(c1(m)).endDate = '2024-10-31';
    },
  },
  '4003': { fail: (m) => cpp(c1(m)).reviewDates.push('2024-11-05') },
  '4004': { fail: (m) => c2(m).cinPlans.push({ startDate: '2024-12-01', endDate: null }) },
  '4008': {
    fail: (m) => {
      child(m, 2).deathDate = '2024-10-10';
    },
  },
  '4009Q': {
    fail: (m) => {
      child(m, 1).deathDate = '2025-03-13';
    },
    pass: (m) => {
      child(m, 1).deathDate = '2025-03-14';
    },
  },
  '4010': {
    fail: (m) => {
      cinPlan(c2(m)).startDate = null;
    },
  },
  '4011': {
    fail: (m) => {
      cinPlan(c1(m)).endDate = '2024-10-30';
    },
  },
  '4012Q': {
    fail: (m) => {
      cinPlan(c1(m)).endDate = '2024-10-31';
    },
  },
  '4013': {
    fail: (m) => {
      cinPlan(c2(m)).endDate = '2025-04-01';
    },
    pass: (m) => {
      cinPlan(c2(m)).endDate = '2025-03-31';
    },
  },
  '4014': { fail: (m) => c2(m).cinPlans.push({ startDate: '2024-11-01', endDate: '2024-12-01' }) },
  '4015': {
    fail: (m) => {
      cinPlan(c2(m)).startDate = '2024-08-30';
    },
  },
  '4016': {
    fail: (m) => {
      cpp(c1(m)).startDate = '2024-11-01';
    },
  },
  '4017': { fail: (m) => c2(m).cpPlans.push({ ...cpp(c1(m)), startDate: '2024-09-20', endDate: null }) },
  '4180': {
    fail: (m) => {
      child(m, 1).sex = '2';
    },
    pass: (m) => {
      child(m, 1).sex = 'M';
    },
  },
  '4220': {
    fail: (m) => {
      child(m, 1).ethnicity = 'WHIT';
    },
  },
  '8500': {
    fail: (m) => {
      child(m, 1).laChildId = null;
    },
  },
  '8510': {
    fail: (m) => {
      child(m, 2).laChildId = 'C1001';
    },
  },
  '8520': {
    fail: (m) => {
      child(m, 1).birthDate = '2025-04-01';
    },
    pass: (m) => {
      child(m, 1).birthDate = '2015-03-31';
    },
  },
  '8525Q': {
    fail: (m) => {
      child(m, 1).expectedBirthDate = '2015-06-20';
    },
  },
  '8530Q': {
    fail: (m) => {
      child(m, 3).expectedBirthDate = '2026-01-01';
    },
    pass: (m) => {
      child(m, 3).expectedBirthDate = '2025-12-31';
    },
  },
  '8535Q': {
    fail: (m) => {
      child(m, 1).deathDate = '2015-06-14';
    },
  },
  '8540': {
    fail: (m) => {
      child(m, 3).disabilities = [];
    },
  },
  '8545Q': {
    fail: (m) => {
      child(m, 2).deathDate = '2025-04-01';
    },
  },
  '8555Q': {
    fail: (m) => {
      child(m, 3).deathDate = '2025-01-12';
    },
  },
  '8565': {
    fail: (m) => {
      cinPlan(c1(m)).endDate = '2025-03-17';
    },
  },
  '8568': {
    fail: (m) => {
      c1(m).referralNfa = null;
    },
  },
  '8569Q': {
    fail: (m) => {
      episode(m, 2, 1).referralDate = '2024-03-26';
    },
    pass: (m) => {
      episode(m, 2, 1).referralDate = '2024-03-27';
    },
  },
  '8585Q': {
    fail: (m) => {
      c1(m).reasonForClosure = 'RC2';
    },
  },
  '8590': {
    fail: (m) => {
      child(m, 3).episodes = [];
    },
  },
  '8600': {
    fail: (m) => {
      c3(m).referralDate = '2025-04-01';
    },
  },
  '8606': {
    fail: (m) => {
      c3(m).referralDate = '2024-08-12';
    },
    pass: (m) => {
      c3(m).referralDate = '2024-08-13';
    },
  },
  '8608': {
    fail: (m) => {
      assessment(c1(m)).startDate = '2024-05-21';
    },
  },
  '8610': {
    fail: (m) => {
      c1(m).primaryNeed = null;
    },
  },
  '8614': {
    fail: (m) => {
      assessment(c3(m)).factors = ['4B'];
    },
  },
  '8615': {
    fail: (m) => {
      s47(c1(m)).startDate = '2024-05-01';
    },
  },
  '8620': {
    fail: (m) => {
      c1(m).closureDate = '2025-04-01';
    },
  },
  '8630': {
    fail: (m) => {
      c4(m).closureDate = '2024-11-01';
    },
  },
  '8640': {
    fail: (m) => {
      c1(m).reasonForClosure = 'RC0';
    },
  },
  '8650': {
    fail: (m) => {
      c1(m).primaryNeed = 'N10';
    },
  },
  // 45 working days after Friday 24 January 2025 is Friday 28 March (overdue at 31 March); after Monday 27 January it is 31 March itself.
  '8670Q': {
    fail: (m) => {
      assessment(c3(m)).startDate = '2025-01-24';
    },
    pass: (m) => {
      assessment(c3(m)).startDate = '2025-01-27';
    },
  },
  // 15 working days after Friday 7 March 2025 is Friday 28 March; after Monday 10 March it is Monday 31 March.
  '8675Q': {
    fail: (m) =>
      c3(m).section47s.push({
        startDate: '2025-03-07',
        initialConferenceTarget: null,
        initialConferenceDate: null,
        initialConferenceNotRequired: false,
      }),
    pass: (m) =>
      c3(m).section47s.push({
        startDate: '2025-03-10',
        initialConferenceTarget: null,
        initialConferenceDate: null,
        initialConferenceNotRequired: false,
      }),
  },
  '8696': {
    fail: (m) => {
      assessment(c2(m)).authorisationDate = '2025-04-02';
    },
  },
  '8715': {
    fail: (m) => {
      s47(c1(m)).initialConferenceDate = '2024-03-28';
    },
  },
  '8720': {
    fail: (m) => {
      cpp(c1(m)).startDate = null;
    },
  },
  '8730': {
    fail: (m) => {
      cpp(c1(m)).numberOfPreviousPlans = null;
    },
  },
  '8736': {
    fail: (m) => {
      assessment(c3(m)).startDate = '2024-03-28';
    },
  },
  '8740': {
    fail: (m) =>
      c2(m).section47s.push({
        startDate: '2024-03-28',
        initialConferenceTarget: null,
        initialConferenceDate: null,
        initialConferenceNotRequired: false,
      }),
  },
  '8750': {
    fail: (m) => {
      child(m, 3).sex = 'F';
    },
  },
  '8770Q': {
    fail: (m) => {
      child(m, 4).birthDate = '2019-08-31';
    },
    pass: (m) => {
      child(m, 4).birthDate = '2019-09-01';
    },
  },
  '8772': {
    fail: (m) => {
      child(m, 4).upnUnknown = 'UN7';
    },
  },
  '8775Q': {
    fail: (m) => {
      child(m, 2).birthDate = '1999-03-31';
    },
    pass: (m) => {
      child(m, 2).birthDate = '1999-04-01';
    },
  },
  '8790': { fail: (m) => child(m, 1).disabilities.push('NONE') },
  '8794': { fail: (m) => child(m, 1).disabilities.push('MOB') },
  '8805': {
    fail: (m) => {
      c1(m).reasonForClosure = null;
    },
  },
  '8810': {
    fail: (m) => {
      c1(m).closureDate = null;
    },
  },
  '8815': {
    fail: (m) => {
      episode(m, 2, 1).referralNfa = false;
    },
    pass: (m) => {
      c1(m).closureDate = null;
      c1(m).reasonForClosure = null;
    },
  },
  '8816': {
    fail: (m) => {
      c1(m).closureDate = c1(m).reasonForClosure = null;
      child(m, 1).episodes.push({
        ...structuredClone(c4(m)),
        referralDate: '2025-03-20',
        closureDate: '2025-03-25',
        assessments: [],
        reasonForClosure: 'RC7',
      });
    },
  },
  '8820': {
    fail: (m) =>
      void child(m, 1).episodes.push({
        ...structuredClone(c4(m)),
        referralDate: '2025-03-13',
        closureDate: '2025-03-20',
        reasonForClosure: 'RC7',
      }),
    pass: (m) =>
      void child(m, 1).episodes.push({
        ...structuredClone(c4(m)),
        referralDate: '2025-03-14',
        closureDate: '2025-03-20',
        reasonForClosure: 'RC7',
        assessments: [],
      }),
  },
  '8825Q': {
    fail: (m) => {
      c4(m).assessments = [];
    },
  },
  '8831': {
    fail: (m) =>
      void episode(m, 2, 1).assessments.push({
        startDate: '2024-06-04',
        internalReviewDate: null,
        authorisationDate: '2024-06-20',
        factors: ['20'],
      }),
  },
  '8832': { fail: (m) => episode(m, 2, 1).cpPlans.push({ ...cpp(c1(m)), startDate: '2024-06-10', endDate: '2024-07-10' }) },
  '8839': {
    fail: (m) =>
      void c2(m).section47s.push(
        { startDate: '2024-09-05', initialConferenceTarget: null, initialConferenceDate: null, initialConferenceNotRequired: false },
        { startDate: '2024-09-06', initialConferenceTarget: null, initialConferenceDate: null, initialConferenceNotRequired: false },
      ),
  },
  '8840': {
    fail: (m) => {
      cpp(c1(m)).endDate = '2024-04-30';
    },
  },
  '8841': {
    fail: (m) => {
      cpp(c1(m)).reviewDates = ['2024-04-30'];
    },
    pass: (m) => {
      cpp(c1(m)).reviewDates = ['2024-05-01'];
    },
  },
  '8842Q': { fail: (m) => cpp(c1(m)).reviewDates.push(null) },
  '8863Q': {
    fail: (m) =>
      void c1(m).assessments.push({ startDate: '2024-05-10', internalReviewDate: null, authorisationDate: '2024-06-10', factors: ['20'] }),
    pass: (m) =>
      void c1(m).assessments.push({ startDate: '2024-05-20', internalReviewDate: null, authorisationDate: '2024-06-10', factors: ['20'] }),
  },
  '8866': {
    fail: (m) => {
      c1(m).referralSource = '11';
    },
  },
  '8867': {
    fail: (m) => {
      assessment(c1(m)).authorisationDate = null;
    },
  },
  '8868': {
    fail: (m) => {
      s47(c1(m)).initialConferenceDate = null;
    },
  },
  '8869': { fail: (m) => assessment(c4(m)).factors.push('20') },
  '8870Q': {
    fail: (m) => {
      s47(c1(m)).initialConferenceTarget = '2024-05-04';
    },
  },
  '8873Q': {
    fail: (m) => {
      c4(m).reasonForClosure = 'RC7';
    },
  },
  '8875': {
    fail: (m) => {
      s47(c1(m)).initialConferenceDate = '2024-04-27';
    },
  },
  '8890': {
    fail: (m) =>
      void c1(m).section47s.push({
        startDate: '2024-04-20',
        initialConferenceTarget: null,
        initialConferenceDate: null,
        initialConferenceNotRequired: true,
      }),
    pass: (m) =>
      void c1(m).section47s.push({
        startDate: '2024-04-30',
        initialConferenceTarget: null,
        initialConferenceDate: null,
        initialConferenceNotRequired: true,
      }),
  },
  '8896': {
    fail: (m) => c3(m).assessments.push({ startDate: '2025-03-04', internalReviewDate: null, authorisationDate: null, factors: [] }),
  },
  '8897Q': {
    fail: (m) => {
      assessment(c1(m)).factors = [];
    },
  },
  '8898': { fail: (m) => assessment(c1(m)).factors.push('16A') },
  '8905': {
    fail: (m) => {
      cpp(c1(m)).initialCategory = 'NEGL';
    },
  },
  '8910': {
    fail: (m) => {
      cpp(c1(m)).latestCategory = null;
    },
  },
  '8915': {
    fail: (m) => {
      child(m, 1).deathDate = '2024-04-29';
    },
  },
  '8920': {
    fail: (m) => {
      child(m, 1).deathDate = '2024-10-30';
    },
  },
  '8925': {
    fail: (m) => {
      cpp(c1(m)).endDate = '2024-04-29';
    },
  },
  '8930': {
    fail: (m) => {
      cpp(c1(m)).endDate = '2024-03-31';
    },
  },
  '8935': {
    fail: (m) =>
      void c2(m).cpPlans.push(
        { ...cpp(c1(m)), startDate: '2024-09-20', endDate: null },
        { ...cpp(c1(m)), startDate: '2024-09-21', endDate: null },
      ),
  },
  '8940': { fail: (m) => c1(m).cpPlans.push({ ...cpp(c1(m)), startDate: '2024-10-30', endDate: '2024-10-31', reviewDates: [] }) },
  '8945Q': { fail: (m) => assessment(c1(m)).factors.push('18A') },
  '8950Q': { fail: (m) => assessment(c1(m)).factors.push('19A') },
};

function failuresOf(rule: string, change: Change | undefined, year = 2025) {
  const message = realisticCinReturn();
  change?.(message);
  return validateCinCensus(message, { collectionYear: year }).filter((failure) => failure.rule === rule);
}

describe('CIN census rules', () => {
  it('the realistic return passes every rule', () => {
    expect(validateCinCensus(realisticCinReturn(), { collectionYear: 2025 })).toEqual([]);
  });

  it('checks every DfE rule in validation_rules.json, with its severity, or says why not', () => {
    const dfe = JSON.parse(readFileSync(new URL('../../../../../shared/domain/validation_rules.json', import.meta.url), 'utf8')) as {
      cin: { code: string; severity: string; module: string }[];
    };
    const ours = new Map(CIN_RULES.map((rule) => [rule.code, rule]));
    expect(ours.size).toBe(CIN_RULES.length);
    for (const rule of dfe.cin) {
      if (rule.code in CIN_RULES_NOT_CHECKED) continue;
      expect(ours.get(rule.code)?.severity, rule.code).toBe(rule.severity);
      expect(ours.get(rule.code)?.module, rule.code).toBe(rule.module);
    }
    expect([...ours.keys(), ...Object.keys(CIN_RULES_NOT_CHECKED)].sort()).toEqual(dfe.cin.map((rule) => rule.code).sort());
    expect(Object.keys(cases).sort()).toEqual([...ours.keys()].sort());
  });

  for (const [rule, { fail, pass, year }] of Object.entries(cases)) {
    it(`${rule} fails when broken${pass ? ' and passes at the boundary' : ''}`, () => {
      const failures = failuresOf(rule, fail, year);
      expect(failures.length, `${rule} should fail`).toBeGreaterThan(0);
      for (const failure of failures) expect(failure.severity).toBe(rule.endsWith('Q') ? 'query' : 'error');
      expect(failuresOf(rule, pass, year)).toEqual([]);
    });
  }

  it('applies rules new in 2024-25 only from that year', () => {
    const oldYear = (m: CinCensusMessage) => {
      if (m.header) m.header.referenceDate = '2024-03-31';
      for (const c of m.children) c.sex = c.sex === 'U' ? '0' : c.sex === 'F' ? '2' : '1';
    };
    expect(
      failuresOf('1580', (m) => {
        child(m, 1).laChildId = 'C-1001';
      }),
    ).toHaveLength(1);
    for (const rule of ['1570', '1580', '8945Q', '8950Q']) {
      const change = cases[rule]?.fail as Change;
      const failures = failuresOf(
        rule,
        (m) => {
          oldYear(m);
          change(m);
        },
        2024,
      );
      expect(failures, rule).toEqual([]);
    }
  });

  it('uses GenderCurrent codes up to 2023-24 and Sex codes after', () => {
    const asGender = (m: CinCensusMessage) => {
      for (const c of m.children) c.sex = c.sex === 'U' ? '0' : c.sex === 'F' ? '2' : '1';
    };
    expect(failuresOf('4180', asGender, 2024)).toEqual([]);
    expect(failuresOf('4180', asGender, 2025)).toHaveLength(4);
    expect(
      failuresOf(
        '8750',
        (m) => {
          child(m, 3).sex = 'U';
        },
        2024,
      ),
    ).toHaveLength(1);
  });

  it('names the child and the element of each failure', () => {
    const [failure] = failuresOf('8608', cases['8608']?.fail);
    expect(failure).toEqual({
      rule: '8608',
      laChildId: 'C1001',
      severity: 'error',
      message: 'Assessment start date is after its authorisation date',
      path: 'Message/Children/Child[1]/CINdetails[1]/Assessments[1]/AssessmentActualStartDate',
    });
  });
});
