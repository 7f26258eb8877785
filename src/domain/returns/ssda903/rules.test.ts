import { describe, expect, it } from 'vitest';
import { type TestFiles, testReturn } from '../../../../test/ssda903-fixtures.js';
import { validateReturn } from './evaluate.js';
import { ssda903Rules } from './rules.js';

/**
 * One passing and one failing return for each rule (child C1, collection year 2025 unless said):
 * only the rule under test runs, so each case shows that rule's boundary and nothing else.
 */
interface RuleCase {
  year?: number;
  pass: TestFiles;
  fail: TestFiles;
  lastYear?: TestFiles;
  localAuthority?: string;
}

type Line = Partial<Record<string, string>>;
const E = (over: Line = {}): Line => over;
/** Two episodes in one period of care: the second starts on 1 August 2024, the day the first ends. */
const two = (second: Line, first: Line = {}): Line[] => [
  { DEC: '01/08/2024', REC: 'X1', ...first },
  { DECOM: '01/08/2024', RNE: 'P', PL_POST: 'ZZ1 1ZZ', ...second },
];
/** Looked after continuously since 1 January 2023: in the OC2 cohort at 31 March 2025. */
const cohort: Line[] = [{ DECOM: '01/01/2023' }];
const ended = (over: Line = {}): Line[] => [{ DEC: '01/12/2024', REC: 'E4A', ...over }];
const careLeaver = { header: [{ DOB: '01/06/2007' }], episodes: [] as Line[] };

const cases: Record<string, RuleCase> = {
  // Header
  '101': { pass: {}, fail: { header: [{ SEX: '1' }] } },
  '102': { pass: {}, fail: { header: [{ DOB: '31/02/2010' }] } },
  '103': { pass: {}, fail: { header: [{ ETHNIC: '' }] } },
  '165': { pass: { header: [{ MOTHER: '1', MC_DOB: '01/01/2024' }] }, fail: { header: [{ MOTHER: '1.0' }] } },
  '168': { pass: { header: [{ UPN: 'UN3' }] }, fail: { header: [{ UPN: 'A123' }] } },
  '174': { pass: { header: [{ MC_DOB: '01/01/2024', MOTHER: '1' }] }, fail: { header: [{ SEX: 'M', MC_DOB: '01/01/2024' }] } },
  '209': { pass: { header: [{ UPN: 'UN1', DOB: '01/06/2021' }] }, fail: { header: [{ UPN: 'UN1' }] } },
  '210': { pass: { header: [{ UPN: 'UN4' }], episodes: [E({ DECOM: '28/03/2025' })] }, fail: { header: [{ UPN: 'UN4' }] } },
  '232': { pass: {}, fail: { header: [{ SEX: 'U' }] } },
  '301': { pass: {}, fail: { header: [{ DOB: '01/06/2025' }] } },
  '351': { pass: { header: [{ DOB: '02/04/1999' }] }, fail: { header: [{ DOB: '01/01/1998' }] } },
  '393': { pass: { header: [{ SEX: 'M', MOTHER: '' }] }, fail: { header: [{ MOTHER: '' }] } },
  '442': { pass: {}, fail: { header: [{ UPN: '' }] } },
  '444': { year: 2026, pass: { header: [{}, { CHILD: 'C2', UPN: 'A12345678901C' }] }, fail: { header: [{}, { CHILD: 'C2' }] } },
  '607': { pass: { episodes: ended() }, fail: { header: [{ MOTHER: '' }], episodes: ended() } },
  '611': { pass: { header: [{ MOTHER: '1', MC_DOB: '01/01/2024' }] }, fail: { header: [{ MOTHER: '1' }] } },
  '620': { pass: { header: [{ MOTHER: '1', MC_DOB: '01/01/2024' }] }, fail: { header: [{ MOTHER: '1', DOB: '01/06/2015' }] } },
  // UASC
  '104': { pass: { uasc: [{ DUC: '01/01/2025' }] }, fail: { uasc: [{ DUC: '2025-01-01' }] } },
  '231': { pass: { uasc: [{}] }, fail: { header: [{ DOB: '01/06/2015' }], uasc: [{}] } },
  '304': { pass: { uasc: [{ DUC: '01/06/2028' }] }, fail: { uasc: [{ DUC: '02/06/2028' }] } },
  '1014': { pass: { uasc: [{}], oc3: [{}] }, fail: { uasc: [{}], oc3: [{}], episodes: [] } },
  // Episode fields
  '141': { pass: {}, fail: { episodes: [E({ DECOM: '2024-05-01' })] } },
  '143': { pass: {}, fail: { episodes: [E({ RNE: 'X' })] } },
  '144': { pass: {}, fail: { episodes: [E({ LS: 'Q1' })] } },
  '145': { pass: {}, fail: { episodes: [E({ CIN: 'N9' })] } },
  '146': { pass: { episodes: [E({ PLACE: 'H5' })] }, fail: { episodes: [E({ PLACE: 'Z11' })] } },
  '147': { pass: { episodes: ended() }, fail: { episodes: ended({ DEC: '32/01/2025' }) } },
  '148': { pass: { episodes: ended() }, fail: { episodes: [E({ REC: 'X1' })] } },
  '149': { pass: { episodes: ended() }, fail: { episodes: ended({ REC: 'E99' }) } },
  '178': { pass: {}, fail: { episodes: [E({ PLACE_PROVIDER: 'PR9' })] } },
  '213': { pass: { episodes: [E({ PLACE: 'T4' })] }, fail: { episodes: [E({ PLACE: 'T0' })] } },
  '526': { pass: { episodes: [E({ PLACE: 'T1', PLACE_PROVIDER: '' })] }, fail: { episodes: [E({ PLACE_PROVIDER: '' })] } },
  '527': { pass: {}, fail: { episodes: [E({ PLACE: 'R2' })] } },
  '528': { pass: { episodes: [E({ PLACE_PROVIDER: 'PR2' })] }, fail: { episodes: [E({ PLACE_PROVIDER: 'PR2', PLACE: 'R5' })] } },
  '529': {
    pass: { episodes: [E({ PLACE_PROVIDER: 'PR3', PLACE: 'R2' })] },
    fail: { episodes: [E({ PLACE_PROVIDER: 'PR3', PLACE: 'K2' })] },
  },
  '530': { pass: { episodes: [E({ PLACE_PROVIDER: 'PR4' })] }, fail: { episodes: [E({ PLACE_PROVIDER: 'PR4', PLACE: 'P1' })] } },
  '531': { pass: { episodes: [E({ PLACE_PROVIDER: 'PR5' })] }, fail: { episodes: [E({ PLACE_PROVIDER: 'PR5', PLACE: 'P1' })] } },
  '550': { pass: { episodes: [E({ PLACE_PROVIDER: 'PR0', PLACE: 'P1' })] }, fail: { episodes: [E({ PLACE_PROVIDER: 'PR0' })] } },
  '1008': { pass: { episodes: [E({ URN: '1234567' })] }, fail: { episodes: [E({ URN: 'SC12' })] } },
  '1009': { pass: { episodes: ended({ REASON_PLACE_CHANGE: 'CARPL' }) }, fail: { episodes: ended({ REASON_PLACE_CHANGE: 'BOGUS' }) } },
  // Episode sequence
  '142': { pass: { episodes: two({}) }, fail: { episodes: [E(), E({ DECOM: '01/08/2024' })] } },
  '302': { pass: {}, fail: { episodes: [E({ DECOM: '01/05/2010' })] } },
  '354': { pass: { episodes: ended({ DEC: '31/03/2025' }) }, fail: { episodes: ended({ DEC: '01/04/2025' }) } },
  '355': { pass: { episodes: ended({ DEC: '02/05/2024' }) }, fail: { episodes: ended({ DEC: '01/05/2024' }) } },
  '356': { pass: { episodes: ended() }, fail: { episodes: ended({ DEC: '01/04/2024' }) } },
  '388': { pass: { episodes: two({}) }, fail: { episodes: ended({ REC: 'X1' }) } },
  '431': { pass: { episodes: two({}) }, fail: { episodes: two({ RNE: 'S' }) } },
  '432': {
    pass: { episodes: two({ RNE: 'S', DECOM: '01/10/2024' }, { REC: 'E4A' }) },
    fail: { episodes: two({ DECOM: '01/10/2024' }, { REC: 'E4A' }) },
  },
  '433': { pass: { episodes: two({}) }, fail: { episodes: two({ DECOM: '02/08/2024' }) } },
  '434': { pass: { episodes: two({ RNE: 'L', LS: 'E1', PL_POST: 'EF3 4GH' }) }, fail: { episodes: two({ RNE: 'L', PL_POST: 'EF3 4GH' }) } },
  '435': { pass: { episodes: two({}) }, fail: { episodes: two({ PL_POST: 'EF3 4GH' }) } },
  '436': { pass: { episodes: two({ RNE: 'B', LS: 'E1' }) }, fail: { episodes: two({ RNE: 'B' }) } },
  '501': { pass: { episodes: two({}) }, fail: { episodes: two({ DECOM: '01/07/2024' }) } },
  '504': { pass: { episodes: two({}) }, fail: { episodes: two({ CIN: 'N2' }) } },
  // Ages
  '352': { pass: {}, fail: { header: [{ DOB: '01/06/2005' }] } },
  '358': { pass: { episodes: [E({ LS: 'J1' })] }, fail: { header: [{ DOB: '01/06/2016' }], episodes: [E({ LS: 'J1' })] } },
  '359': { pass: { header: [{ DOB: '01/06/2006' }], episodes: [E({ LS: 'V2', PLACE: 'K2' })] }, fail: { header: [{ DOB: '01/06/2006' }] } },
  '370': {
    year: 2024,
    pass: { header: [{ SEX: '2', DOB: '01/01/2007' }], episodes: [E({ PLACE: 'P2' })] },
    fail: { header: [{ SEX: '2' }], episodes: [E({ PLACE: 'P2' })] },
  },
  '371': { pass: { header: [{ DOB: '01/01/2007' }], episodes: [E({ PLACE: 'K3' })] }, fail: { episodes: [E({ PLACE: 'K3' })] } },
  '372': { pass: { episodes: [E({ PLACE: 'R5' })] }, fail: { header: [{ DOB: '01/06/2016' }], episodes: [E({ PLACE: 'R5' })] } },
  '373': { pass: { episodes: [E({ PLACE: 'S1' })] }, fail: { header: [{ DOB: '01/06/2021' }], episodes: [E({ PLACE: 'S1' })] } },
  '374': { pass: { header: [{ DOB: '01/01/2008' }], episodes: [E({ PLACE: 'P3' })] }, fail: { episodes: [E({ PLACE: 'P3' })] } },
  '386': { pass: { episodes: ended({ REC: 'E11' }) }, fail: { header: [{ DOB: '01/06/2006' }], episodes: ended({ REC: 'E11' }) } },
  '387': { pass: { episodes: ended({ REC: 'E5' }) }, fail: { header: [{ DOB: '01/06/2015' }], episodes: ended({ REC: 'E5' }) } },
  '389': { pass: { header: [{ DOB: '01/01/2008' }], episodes: ended({ REC: 'E7' }) }, fail: { episodes: ended({ REC: 'E7' }) } },
  '407': { pass: { episodes: ended({ REC: 'E45' }) }, fail: { header: [{ DOB: '01/06/2006' }], episodes: ended({ REC: 'E45' }) } },
  '460': { pass: { header: [{ DOB: '01/06/2006' }], episodes: ended({ REC: 'E17' }) }, fail: { episodes: ended({ REC: 'E17' }) } },
  '234': {
    pass: { episodes: two({}, { REASON_PLACE_CHANGE: 'CUSTOD' }) },
    fail: { header: [{ DOB: '01/06/2016' }], episodes: two({}, { REASON_PLACE_CHANGE: 'CUSTOD' }) },
  },
  // Legal status
  '361': { pass: { episodes: ended({ LS: 'L1', DEC: '04/05/2024' }) }, fail: { episodes: ended({ LS: 'L1', DEC: '05/05/2024' }) } },
  '362': { pass: { episodes: ended({ LS: 'L2', DEC: '22/05/2024' }) }, fail: { episodes: ended({ LS: 'L2', DEC: '23/05/2024' }) } },
  '363': { pass: { episodes: ended({ LS: 'L3', DEC: '08/05/2024' }) }, fail: { episodes: ended({ LS: 'L3', DEC: '09/05/2024' }) } },
  '364': { pass: { episodes: ended({ LS: 'J2', DEC: '22/05/2024' }) }, fail: { episodes: ended({ LS: 'J2', DEC: '23/05/2024' }) } },
  '365': { pass: { episodes: ended({ LS: 'V3', DEC: '18/05/2024' }) }, fail: { episodes: ended({ LS: 'V3', DEC: '19/05/2024' }) } },
  '366': {
    pass: { episodes: ended({ LS: 'V3', DEC: '05/05/2024' }) },
    fail: {
      episodes: [
        E({ LS: 'V3', DEC: '05/05/2024', REC: 'X1' }),
        E({ LS: 'V3', DECOM: '05/05/2024', RNE: 'P', DEC: '10/05/2024', REC: 'E4A' }),
      ],
    },
  },
  '367': { pass: { episodes: ended({ LS: 'V3', DEC: '01/06/2024' }) }, fail: { episodes: ended({ LS: 'V3', DEC: '01/08/2024' }) } },
  '382': { pass: { episodes: [E({ LS: 'V3', PLACE: 'U6' })] }, fail: { episodes: [E({ LS: 'V3', PLACE: 'T1' })] } },
  '384': { pass: { episodes: [E({ LS: 'V4', PLACE: 'U6' })] }, fail: { episodes: [E({ LS: 'V4', PLACE: 'U1' })] } },
  '408': { pass: { episodes: [E({ LS: 'E1', PLACE: 'A5' })] }, fail: { episodes: [E({ PLACE: 'A5' })] } },
  '445': { year: 2024, pass: { header: [{ SEX: '2' }] }, fail: { header: [{ SEX: '2' }], episodes: [E({ LS: 'D1' })] } },
  // Placements
  '217': { pass: { episodes: [E({ PLACE: 'A3', RNE: 'T' })] }, fail: { episodes: [E({ PLACE: 'A3', RNE: 'P' })] } },
  '218': { pass: { episodes: [E({ PLACE: 'K2', URN: 'XXXXXXX' })] }, fail: { episodes: [E({ PLACE: 'K2', URN: '' })] } },
  '222': { pass: { episodes: [E({ PLACE: 'P1', URN: '' })] }, fail: { episodes: [E({ PLACE: 'P1' })] } },
  '225': { pass: { episodes: two({}, { REASON_PLACE_CHANGE: 'CARPL' }) }, fail: { episodes: two({}) } },
  '226': { pass: { episodes: ended({ PLACE: 'T1' }) }, fail: { episodes: ended({ PLACE: 'T1', REASON_PLACE_CHANGE: 'CARPL' }) } },
  '233': { pass: { episodes: ended({ REASON_PLACE_CHANGE: 'CARPL' }) }, fail: { episodes: [E({ REASON_PLACE_CHANGE: 'CARPL' })] } },
  '375': { pass: { episodes: ended({ PLACE: 'T1', DEC: '12/06/2024' }) }, fail: { episodes: ended({ PLACE: 'T1', DEC: '13/06/2024' }) } },
  '376': { pass: { episodes: ended({ PLACE: 'T3', DEC: '22/05/2024' }) }, fail: { episodes: ended({ PLACE: 'T3', DEC: '23/05/2024' }) } },
  '377': {
    pass: { episodes: ['01/05/2024', '01/06/2024'].map((d) => E({ PLACE: 'T3', DECOM: d, DEC: d.replace(/^01/, '02'), REC: 'X1' })) },
    fail: {
      episodes: ['01/05/2024', '01/06/2024', '01/07/2024'].map((d) => E({ PLACE: 'T3', DECOM: d, DEC: d.replace(/^01/, '02'), REC: 'X1' })),
    },
  },
  '379': { pass: { episodes: ended({ PLACE: 'T4', DEC: '08/05/2024' }) }, fail: { episodes: ended({ PLACE: 'T4', DEC: '09/05/2024' }) } },
  '380': { pass: {}, fail: { episodes: [E({ PLACE: 'T0' })] } },
  '381': { pass: { episodes: ended() }, fail: { episodes: ended({ PLACE: 'T2' }) } },
  '383': {
    pass: { episodes: [...two({ PLACE: 'T1', DEC: '10/08/2024', REC: 'X1' }), E({ DECOM: '10/08/2024', RNE: 'P' })] },
    fail: {
      episodes: [
        ...two({ PLACE: 'T1', DEC: '10/08/2024', REC: 'X1' }),
        E({ DECOM: '10/08/2024', RNE: 'P', PLACE: 'U6', PL_POST: 'XY1 1XY' }),
      ],
    },
  },
  '390': { pass: { episodes: ended({ REC: 'E11', PLACE: 'A5' }) }, fail: { episodes: ended({ REC: 'E11' }) } },
  '516': { pass: { episodes: ended({ REC: 'E45', PLACE: 'U1' }) }, fail: { episodes: ended({ REC: 'E45', PLACE: 'K2' }) } },
  '169': { pass: { episodes: [E({ PL_LA: 'E09000001' })] }, fail: { episodes: [E({ PL_LA: '' })] } },
  '392a': { pass: { episodes: [E({ PL_DISTANCE: '12.3' })] }, fail: { episodes: [E({ PL_DISTANCE: '' })] } },
  '392b': { pass: {}, fail: { episodes: [E({ HOME_POST: '' })] } },
  '392c': { pass: { episodes: [E({ HOME_POST: 'AB1 2' })] }, fail: { episodes: [E({ PL_POST: '12345' })] } },
  '392d': { pass: { episodes: [E({ PLACE: 'P1', PL_POST: 'AB12CD' })] }, fail: { episodes: [E({ PL_POST: 'AB12CD' })] } },
  '454': { pass: { episodes: [E({ PL_DISTANCE: '999.9' })] }, fail: { episodes: [E({ PL_DISTANCE: '400.0' })] } },
  '1015': { localAuthority: 'E09000001', pass: { episodes: [E({ PL_LA: 'E09000001' })] }, fail: { episodes: [E({ PL_LA: 'E09000002' })] } },
  // Reviews
  '166': { pass: { reviews: [{}] }, fail: { reviews: [{ REVIEW: '' }] } },
  '167': { pass: { reviews: [{}] }, fail: { reviews: [{ REVIEW_CODE: 'PN9' }] } },
  '440': { pass: { header: [{ DOB: '01/06/2022' }], reviews: [{ REVIEW_CODE: 'PN0' }] }, fail: { reviews: [{ REVIEW_CODE: 'PN0' }] } },
  '441': { pass: { reviews: [{}] }, fail: { header: [{ DOB: '01/06/2022' }], reviews: [{}] } },
  // OC2
  '180': { pass: { oc2: [{ SDQ_SCORE: '40' }] }, fail: { oc2: [{ SDQ_SCORE: '41' }] } },
  '181': { pass: { oc2: [{}] }, fail: { oc2: [{ CONVICTED: '2' }] } },
  '186': { pass: { episodes: cohort, oc2: [{ SDQ_SCORE: '', SDQ_REASON: 'SDQ2' }] }, fail: { episodes: cohort, oc2: [{ SDQ_SCORE: '' }] } },
  '190': { pass: { episodes: cohort, oc2: [{}] }, fail: { oc2: [{}] } },
  '191': { pass: { episodes: cohort, oc2: [{}] }, fail: { episodes: cohort, oc2: [] } },
  '196': { pass: { oc2: [{ SDQ_REASON: 'SDQ1' }] }, fail: { oc2: [{ SDQ_REASON: 'SDQ9' }] } },
  '543': { pass: { episodes: cohort, oc2: [{}] }, fail: { episodes: cohort, oc2: [{ CONVICTED: '' }] } },
  '545': {
    pass: { header: [{ DOB: '01/06/2021' }], episodes: cohort, oc2: [{ HEALTH_CHECK: '1' }] },
    fail: { header: [{ DOB: '01/06/2021' }], episodes: cohort, oc2: [{}] },
  },
  // OC3
  '131': { pass: { oc3: [{}] }, fail: { oc3: [{ IN_TOUCH: 'MAYBE' }] } },
  '132': { pass: { oc3: [{}] }, fail: { oc3: [{ ACTIV: 'F3' }] } },
  '133': { pass: { oc3: [{}] }, fail: { oc3: [{ ACCOM: 'U3' }] } },
  '344': { pass: { oc3: [{ IN_TOUCH: 'DIED', ACTIV: '', ACCOM: '' }] }, fail: { oc3: [{ IN_TOUCH: 'DIED' }] } },
  '345': { pass: { oc3: [{}] }, fail: { oc3: [{ ACTIV: '0' }] } },
  '347': { pass: { header: [{ DOB: '01/06/2005' }], oc3: [{ ACCOM: 'T1' }] }, fail: { ...careLeaver, oc3: [{ ACCOM: 'T1' }] } },
  '391': { pass: { ...careLeaver, oc3: [{}] }, fail: { oc3: [{}] } },
  '1000': { pass: { episodes: ended(), oc3: [{}] }, fail: { episodes: ended({ REC: 'E2' }), oc3: [{}] } },
  '1007': {
    pass: { header: [{ DOB: '01/06/2007' }], episodes: [E({ DECOM: '01/07/2024' })], oc3: [{}] },
    fail: { header: [{ DOB: '01/06/2007' }], episodes: [E()], oc3: [{}] },
  },
  '1011': { pass: { episodes: ended(), oc3: [{}] }, fail: { episodes: ended({ REC: 'E3' }), oc3: [{}] } },
  '1016': {
    pass: { header: [{ DOB: '01/06/2007' }], episodes: ended({ DEC: '15/05/2024', REC: 'E5' }), oc3: [{}] },
    fail: { header: [{ DOB: '01/06/2007' }], episodes: ended({ REC: 'E5' }), oc3: [{}] },
  },
  '3001': { pass: { header: [{ DOB: '01/06/2006' }], oc3: [{ ACCOM: 'Z1' }] }, fail: { ...careLeaver, oc3: [{ ACCOM: 'Z1' }] } },
  // Adoption
  '112': { pass: { ad1: [{}] }, fail: { ad1: [{ DATE_INT: 'soon' }] } },
  '113': { pass: { ad1: [{}] }, fail: { ad1: [{ DATE_MATCH: '31/06/2024' }] } },
  '114': { pass: { ad1: [{}] }, fail: { ad1: [{ FOSTER_CARE: '2' }] } },
  '175': { pass: { ad1: [{}] }, fail: { ad1: [{ NB_ADOPTR: '3' }] } },
  '176': { pass: { ad1: [{}] }, fail: { ad1: [{ SEX_ADOPTR: 'XY' }] } },
  '177': { pass: { ad1: [{}] }, fail: { ad1: [{ LS_ADOPTR: 'L9' }] } },
  '331': {
    pass: { episodes: [E({ PLACE: 'A5', LS: 'E1' })], ad1: [{ DATE_INT: '01/03/2024', DATE_MATCH: '01/05/2024' }] },
    fail: { episodes: [E({ PLACE: 'A5', LS: 'E1' })], ad1: [{ DATE_MATCH: '02/05/2024' }] },
  },
  '333': { pass: { ad1: [{ DATE_INT: '01/07/2024' }] }, fail: { ad1: [{ DATE_INT: '02/07/2024' }] } },
  '511': { pass: { ad1: [{}] }, fail: { ad1: [{ SEX_ADOPTR: 'M1' }] } },
  '514': { pass: { ad1: [{ LS_ADOPTR: 'L0', NB_ADOPTR: '1', SEX_ADOPTR: 'F1' }] }, fail: { ad1: [{ LS_ADOPTR: 'L0' }] } },
  '601': {
    pass: { episodes: ended({ REC: 'E11', PLACE: 'A5' }), ad1: [{}] },
    fail: { episodes: ended({ REC: 'E11', PLACE: 'A5' }), ad1: [] },
  },
  '602': { pass: { episodes: ended({ REC: 'E12', PLACE: 'A5' }), ad1: [{}] }, fail: { ad1: [{}] } },
  '115': { pass: { placedAdoption: [{}] }, fail: { placedAdoption: [{ DATE_PLACED: '' }] } },
  '116': {
    pass: { placedAdoption: [{ DATE_PLACED_CEASED: '01/09/2024', REASON_PLACED_CEASED: 'RD1' }] },
    fail: { placedAdoption: [{ DATE_PLACED_CEASED: '1/9/2024', REASON_PLACED_CEASED: 'RD1' }] },
  },
  '119': {
    pass: { placedAdoption: [{ DATE_PLACED_CEASED: '01/09/2024', REASON_PLACED_CEASED: 'RD1' }] },
    fail: { placedAdoption: [{ DATE_PLACED_CEASED: '01/09/2024' }] },
  },
  '120': { pass: { placedAdoption: [{ REASON_PLACED_CEASED: 'RD4' }] }, fail: { placedAdoption: [{ REASON_PLACED_CEASED: 'XXX' }] } },
  '521': {
    pass: { episodes: [E({ PLACE: 'A5', LS: 'E1' })], ad1: [{ DATE_INT: '01/05/2024' }] },
    fail: { episodes: [E({ PLACE: 'A5', LS: 'E1' })], ad1: [{ DATE_INT: '02/05/2024' }] },
  },
  '523': { pass: { ad1: [{}], placedAdoption: [{}] }, fail: { ad1: [{}], placedAdoption: [{ DATE_PLACED: '02/06/2024' }] } },
  '551': {
    pass: { episodes: [E({ PLACE: 'A5', LS: 'E1' })], placedAdoption: [{ DATE_PLACED: '01/04/2024' }] },
    fail: { episodes: [E({ PLACE: 'A5', LS: 'E1' })], placedAdoption: [] },
  },
  '552': {
    pass: { episodes: [E({ PLACE: 'A5', LS: 'E1' })], placedAdoption: [{ DATE_PLACED: '01/05/2024' }] },
    fail: { episodes: [E({ PLACE: 'A5', LS: 'E1' })], placedAdoption: [{ DATE_PLACED: '02/05/2024' }] },
  },
  '553': { pass: { episodes: [E({ LS: 'E1' })], placedAdoption: [{}] }, fail: { episodes: [E({ LS: 'E1' })], placedAdoption: [] } },
  '557': {
    pass: { episodes: ended(), placedAdoption: [{ DATE_PLACED_CEASED: '01/11/2024', REASON_PLACED_CEASED: 'RD1' }] },
    fail: { episodes: ended(), placedAdoption: [{}] },
  },
  '583': {
    pass: {
      placedAdoption: [
        { DATE_PLACED: '01/05/2024', DATE_PLACED_CEASED: '01/07/2024', REASON_PLACED_CEASED: 'RD2' },
        { DATE_PLACED: '01/09/2024' },
      ],
    },
    fail: { placedAdoption: [{ DATE_PLACED: '01/05/2024' }, { DATE_PLACED: '01/09/2024' }] },
  },
  '1003': { pass: { placedAdoption: [{ DATE_PLACED: '01/05/2024' }] }, fail: { placedAdoption: [{ DATE_PLACED: '30/04/2024' }] } },
  // Previous permanence
  '630': { pass: { prevPerm: [{}] }, fail: { prevPerm: [{ PREV_PERM: '' }] } },
  '631': { pass: { prevPerm: [{ PREV_PERM: 'P2' }] }, fail: { prevPerm: [{ PREV_PERM: 'P9' }] } },
  '632': {
    pass: { prevPerm: [{ PREV_PERM: 'P1', DATE_PERM: 'zz/zz/2019' }] },
    fail: { prevPerm: [{ PREV_PERM: 'P1', DATE_PERM: '2019-01-01' }] },
  },
  '633': { pass: { prevPerm: [{ PREV_PERM: 'P1', LA_PERM: '201' }] }, fail: { prevPerm: [{ PREV_PERM: 'P1', LA_PERM: 'ABC' }] } },
  // Missing
  '564': { pass: { missing: [{}] }, fail: { missing: [{ MIS_START: '' }] } },
  '565': { pass: { missing: [{ MISSING: 'A' }] }, fail: { missing: [{ MISSING: 'X' }] } },
  '567': { pass: { missing: [{ MIS_END: '01/07/2024' }] }, fail: { missing: [{ MIS_END: '30/06/2024' }] } },
  '570': { pass: { missing: [{ MIS_START: '31/03/2025', MIS_END: '' }] }, fail: { missing: [{ MIS_START: '01/04/2025', MIS_END: '' }] } },
  '571': { pass: { missing: [{ MIS_END: '31/03/2025' }] }, fail: { missing: [{ MIS_END: '01/04/2025' }] } },
  '574': {
    pass: { missing: [{}, { MIS_START: '03/07/2024', MIS_END: '04/07/2024' }] },
    fail: { missing: [{ MIS_END: '' }, { MIS_START: '05/07/2024', MIS_END: '06/07/2024' }] },
  },
  '575': {
    pass: { episodes: two({}), missing: [{ MIS_START: '05/08/2024', MIS_END: '' }] },
    fail: { episodes: two({}), missing: [{ MIS_END: '' }] },
  },
  '577': { pass: { episodes: ended(), missing: [{}] }, fail: { episodes: ended(), missing: [{ MIS_END: '' }] } },
  '578': {
    pass: { episodes: ended(), missing: [{}] },
    fail: { episodes: ended(), missing: [{ MIS_START: '05/12/2024', MIS_END: '06/12/2024' }] },
  },
  '580': {
    pass: { episodes: ended({ REC: 'E8' }), missing: [{ MIS_START: '20/11/2024', MIS_END: '' }] },
    fail: { episodes: ended(), missing: [{ MIS_START: '20/11/2024', MIS_END: '' }] },
  },
  '581': { pass: { missing: [{}] }, fail: { missing: [{ MIS_START: '30/04/2024', MIS_END: '30/04/2024' }] } },
  '586': { pass: { missing: [{}] }, fail: { missing: [{ MIS_START: '01/01/2010', MIS_END: '02/01/2010' }] } },
  // Social worker episodes
  SW01: { pass: { swEpisodes: [{}] }, fail: { swEpisodes: [] } },
  SW02: { pass: { swEpisodes: [{ SW_ID: 'XX1' }] }, fail: { swEpisodes: [{ SW_ID: 'AB123' }] } },
  SW03: { pass: { swEpisodes: [{}] }, fail: { swEpisodes: [{ SW_ID: '' }] } },
  SW04: { pass: { swEpisodes: [{}] }, fail: { swEpisodes: [{ SW_DECOM: '2024-04-01' }] } },
  SW05: { pass: { swEpisodes: [{ SW_DEC: '01/05/2024' }] }, fail: { swEpisodes: [{ SW_DEC: 'x' }] } },
  SW06: { pass: { swEpisodes: [{ SW_DECOM: '31/03/2025' }] }, fail: { swEpisodes: [{ SW_DECOM: '01/04/2025' }] } },
  SW07: { pass: { swEpisodes: [{ SW_DEC: '31/03/2025' }] }, fail: { swEpisodes: [{ SW_DEC: '01/04/2025' }] } },
  SW08: {
    pass: { swEpisodes: [{ SW_DEC: '01/06/2024' }, { SW_DECOM: '01/06/2024', SW_REASON: 'MANAGE' }] },
    fail: { swEpisodes: [{}, { SW_DECOM: '01/06/2024', SW_REASON: 'MANAGE' }] },
  },
  SW09: { pass: { swEpisodes: [{ SW_DEC: '02/04/2024' }] }, fail: { swEpisodes: [{ SW_DEC: '01/04/2024' }] } },
  SW10: {
    pass: { swEpisodes: [{ SW_DEC: '01/07/2024' }, { SW_DECOM: '01/07/2024', SW_REASON: 'MANAGE' }] },
    fail: { swEpisodes: [{ SW_DEC: '01/07/2024' }, { SW_DECOM: '30/06/2024', SW_REASON: 'MANAGE' }] },
  },
  SW11: {
    pass: { swEpisodes: [{ SW_DEC: '01/07/2024' }, { SW_DECOM: '01/07/2024', SW_REASON: 'MANAGE' }] },
    fail: { swEpisodes: [{ SW_DEC: '01/07/2024' }] },
  },
  SW12: { pass: { swEpisodes: [{ SW_DECOM: '01/05/2024' }] }, fail: { swEpisodes: [{ SW_DECOM: '02/05/2024' }] } },
  SW13: { pass: { swEpisodes: [{}] }, fail: { swEpisodes: [{ SW_REASON: 'BADREA' }] } },
  SW15: { pass: { swEpisodes: [{ SW_DECOM: '31/03/2024', SW_REASON: '' }] }, fail: { swEpisodes: [{ SW_REASON: '' }] } },
  SW17: { year: 2026, pass: { swEpisodes: [{}] }, fail: { swEpisodes: [{ SW_DEC: '01/06/2025' }] } },
  // Deprivation of liberty orders
  '700': { year: 2027, pass: { dolo: [{}] }, fail: { dolo: [{ DOLO_START: '' }] } },
  '701': { year: 2027, pass: { dolo: [{ DOLO_END: '01/07/2026' }] }, fail: { dolo: [{ DOLO_END: 'x' }] } },
  '702': { year: 2027, pass: { dolo: [{ DOLO_END: '01/06/2026' }] }, fail: { dolo: [{ DOLO_END: '31/05/2026' }] } },
  '703': { year: 2027, pass: { dolo: [{ DOLO_START: '31/03/2027' }] }, fail: { dolo: [{ DOLO_START: '01/04/2027' }] } },
  '704': { year: 2027, pass: { dolo: [{ DOLO_END: '31/03/2027' }] }, fail: { dolo: [{ DOLO_END: '01/04/2027' }] } },
  '705': {
    year: 2027,
    pass: { dolo: [{ DOLO_END: '01/07/2026' }, { DOLO_START: '01/07/2026' }] },
    fail: { dolo: [{}, { DOLO_START: '01/07/2026' }] },
  },
  '707': {
    year: 2027,
    pass: { episodes: ended({ DEC: '01/12/2026' }), dolo: [{ DOLO_END: '01/12/2026' }] },
    fail: { episodes: ended({ DEC: '01/12/2026' }), dolo: [{}] },
  },
  '708': { year: 2027, pass: { dolo: [{}] }, fail: { dolo: [{ DOLO_START: '01/01/2010' }] } },
  '709': { year: 2027, pass: { episodes: [E({ PLACE: 'K2' })], dolo: [{}] }, fail: { dolo: [{}] } },
  '710': { year: 2027, pass: { episodes: [E({ PLACE: 'K2' })], dolo: [{}] }, fail: { episodes: [E({ PLACE: 'K1' })], dolo: [{}] } },
  // Comparisons with last year's return
  '202': { lastYear: { header: [{ SEX: '2' }] }, pass: {}, fail: { header: [{ SEX: 'M' }] } },
  '203': { lastYear: {}, pass: {}, fail: { header: [{ DOB: '02/06/2010' }] } },
  '452': {
    lastYear: { episodes: [E({ PL_LA: 'E09000001' })] },
    pass: { episodes: [E({ PL_LA: 'E09000001' })] },
    fail: { episodes: [E({ PL_LA: 'E09000002' })] },
  },
  '502': { lastYear: { episodes: [E({ DECOM: '01/05/2023' })] }, pass: { episodes: [E({ DECOM: '01/05/2023' })] }, fail: {} },
  '503A': { lastYear: {}, pass: {}, fail: { episodes: [E({ RNE: 'P' })] } },
  '503B': { lastYear: {}, pass: {}, fail: { episodes: [E({ LS: 'C1' })] } },
  '503C': { lastYear: {}, pass: {}, fail: { episodes: [E({ CIN: 'N2' })] } },
  '503D': { lastYear: {}, pass: {}, fail: { episodes: [E({ PLACE: 'U6' })] } },
  '503E': { lastYear: {}, pass: {}, fail: { episodes: [E({ PLACE_PROVIDER: 'PR4' })] } },
  '503F': { lastYear: {}, pass: {}, fail: { episodes: [E({ URN: 'SC654321' })] } },
  '503G': {
    lastYear: { episodes: [E({ PL_DISTANCE: '5.0' })] },
    pass: { episodes: [E({ PL_DISTANCE: '5.0' })] },
    fail: { episodes: [E({ PL_DISTANCE: '6.0' })] },
  },
  '503H': {
    lastYear: { episodes: [E({ PL_LA: 'E1' })] },
    pass: { episodes: [E({ PL_LA: 'E1' })] },
    fail: { episodes: [E({ PL_LA: 'E2' })] },
  },
  '503J': {
    lastYear: { episodes: [E({ PL_LOCATION: 'IN' })] },
    pass: { episodes: [E({ PL_LOCATION: 'IN' })] },
    fail: { episodes: [E({ PL_LOCATION: 'OUT' })] },
  },
  '562': {
    lastYear: { episodes: [E({ DECOM: '01/01/2024' })] },
    pass: { episodes: [E({ DECOM: '01/01/2024' })] },
    fail: { episodes: [E({ DECOM: '02/01/2024' })] },
  },
  '576': {
    lastYear: { missing: [{ MIS_START: '01/03/2024', MIS_END: '' }] },
    pass: { missing: [{ MIS_START: '01/03/2024', MIS_END: '05/04/2024' }] },
    fail: { missing: [{}] },
  },
  SW16: {
    lastYear: { swEpisodes: [{ SW_DECOM: '01/01/2024' }] },
    pass: { swEpisodes: [{ SW_DECOM: '01/01/2024' }] },
    fail: { swEpisodes: [{}] },
  },
  '706': {
    year: 2027,
    lastYear: { dolo: [{}] },
    pass: { dolo: [{ DOLO_END: '01/05/2026' }] },
    fail: { dolo: [{ DOLO_START: '01/07/2026' }] },
  },
};

function run(code: string, files: TestFiles, kase: RuleCase) {
  const rule = ssda903Rules.find((r) => r.code === code);
  if (!rule) throw new Error(`No rule ${code}`);
  const year = kase.year ?? 2025;
  return validateReturn(testReturn(files), year, {
    rules: [rule],
    ...(kase.lastYear ? { lastYear: testReturn(kase.lastYear) } : {}),
    ...(kase.localAuthority ? { localAuthority: kase.localAuthority } : {}),
  });
}

describe('SSDA903 rules', () => {
  it('has a passing and a failing case for every rule in the table', () => {
    expect(Object.keys(cases).sort()).toEqual(ssda903Rules.map((r) => r.code).sort());
  });

  it('has one rule per code', () => {
    expect(new Set(ssda903Rules.map((r) => r.code)).size).toBe(ssda903Rules.length);
  });

  for (const [code, kase] of Object.entries(cases)) {
    describe(code, () => {
      it('passes', () => {
        expect(run(code, kase.pass, kase)).toEqual([]);
      });
      it('fails, naming the child, the file and the line', () => {
        const failures = run(code, kase.fail, kase);
        expect(failures.map((f) => f.la_child_id)).toContain('C1');
        for (const failure of failures) {
          expect(failure.rule).toBe(code);
          expect(failure.line).toBeGreaterThanOrEqual(2);
          expect(failure.message.length).toBeGreaterThan(10);
        }
      });
    });
  }
});
