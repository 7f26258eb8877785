import type { FileKind, ReturnRecord } from '../src/domain/returns/ssda903/files.js';
import { fileSpecs } from '../src/domain/returns/ssda903/files.js';
import type { Ssda903Return } from '../src/domain/returns/ssda903/return.js';

/** Records for a test return: each file's lines as overrides of a typical line. */
export type TestFiles = { [K in FileKind]?: Partial<Record<string, string>>[] };

/** A typical line of each file for child C1 (a girl born 1 June 2010, looked after from 1 May 2024 in foster care). */
const typical: { [K in FileKind]: Record<string, string> } = {
  header: { CHILD: 'C1', SEX: 'F', DOB: '01/06/2010', ETHNIC: 'WBRI', UPN: 'A12345678901B', MOTHER: '0', MC_DOB: '' },
  episodes: {
    CHILD: 'C1',
    DECOM: '01/05/2024',
    RNE: 'S',
    LS: 'C2',
    CIN: 'N1',
    PLACE: 'U4',
    PLACE_PROVIDER: 'PR1',
    DEC: '',
    REC: '',
    REASON_PLACE_CHANGE: '',
    HOME_POST: 'AB1 2CD',
    PL_POST: 'EF3 4GH',
    URN: 'SC123456',
  },
  reviews: { CHILD: 'C1', DOB: '01/06/2010', REVIEW: '01/06/2024', REVIEW_CODE: 'PN1' },
  uasc: { CHILD: 'C1', SEX: 'F', DOB: '01/06/2010', DUC: '' },
  oc2: {
    CHILD: 'C1',
    DOB: '01/06/2010',
    SDQ_SCORE: '12',
    SDQ_REASON: '',
    CONVICTED: '0',
    HEALTH_CHECK: '',
    IMMUNISATIONS: '1',
    TEETH_CHECK: '1',
    HEALTH_ASSESSMENT: '1',
    SUBSTANCE_MISUSE: '0',
    INTERVENTION_RECEIVED: '',
    INTERVENTION_OFFERED: '',
  },
  oc3: { CHILD: 'C1', DOB: '01/06/2007', IN_TOUCH: 'YES', ACTIV: 'F2', ACCOM: 'U1' },
  ad1: {
    CHILD: 'C1',
    DOB: '01/06/2010',
    DATE_INT: '01/06/2024',
    DATE_MATCH: '01/07/2024',
    FOSTER_CARE: '0',
    NB_ADOPTR: '2',
    SEX_ADOPTR: 'MF',
    LS_ADOPTR: 'L11',
  },
  placedAdoption: { CHILD: 'C1', DOB: '01/06/2010', DATE_PLACED: '01/06/2024', DATE_PLACED_CEASED: '', REASON_PLACED_CEASED: '' },
  prevPerm: { CHILD: 'C1', DOB: '01/06/2010', PREV_PERM: 'Z1', LA_PERM: '', DATE_PERM: '' },
  missing: { CHILD: 'C1', DOB: '01/06/2010', MISSING: 'M', MIS_START: '01/07/2024', MIS_END: '03/07/2024' },
  swEpisodes: { CHILD: 'C1', DOB: '01/06/2010', SW_ID: 'SW12345', SW_DECOM: '01/04/2024', SW_DEC: '', SW_REASON: 'FCONTA' },
  dolo: { CHILD: 'C1', DOB: '01/06/2010', DOLO_START: '01/06/2026', DOLO_END: '' },
};

/**
 * A return for tests: the Header and Episodes files always (one typical line each unless given),
 * the other files when listed. Lines are numbered from 2 in each file.
 */
export function testReturn(files: TestFiles): Ssda903Return {
  const result: Record<string, unknown> = {};
  const withDefaults: TestFiles = { header: [{}], episodes: [{}], ...files };
  for (const [kind, lines] of Object.entries(withDefaults) as [FileKind, Partial<Record<string, string>>[]][]) {
    const extra = new Set(lines.flatMap((line) => Object.keys(line)));
    const columns = [...fileSpecs[kind].columns, ...fileSpecs[kind].derivedColumns.filter((c) => extra.has(c))];
    result[kind] = {
      fileName: `${fileSpecs[kind].name}.csv`,
      columns,
      rows: lines.map((line, index) => ({ line: index + 2, record: { ...typical[kind], ...line } as ReturnRecord<typeof kind> })),
    };
  }
  return result as Ssda903Return;
}
