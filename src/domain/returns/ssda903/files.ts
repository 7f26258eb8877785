/**
 * The files of the SSDA903 return (children looked after) as CSV: one file per kind, each with a
 * fixed list of columns in a fixed order. Dates in the files are DD/MM/YYYY.
 */
export const fileKinds = [
  'header',
  'episodes',
  'reviews',
  'uasc',
  'oc2',
  'oc3',
  'ad1',
  'placedAdoption',
  'prevPerm',
  'missing',
  'swEpisodes',
  'dolo',
] as const;

export type FileKind = (typeof fileKinds)[number];

export interface FileSpec {
  /** The file's name in the DfE specification. */
  name: string;
  /** The columns of the CSV file, in order. */
  columns: readonly string[];
  /**
   * Columns an extract may also carry (the XML return derives them from the postcodes); the CSV
   * return does not include them, so they are read when present and never written.
   */
  derivedColumns: readonly string[];
  /** First collection year (ending 31 March) that has this file. */
  fromYear?: number;
}

export const fileSpecs = {
  header: { name: 'Header', columns: ['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN', 'MOTHER', 'MC_DOB'], derivedColumns: [] },
  episodes: {
    name: 'Episodes',
    columns: [
      'CHILD',
      'DECOM',
      'RNE',
      'LS',
      'CIN',
      'PLACE',
      'PLACE_PROVIDER',
      'DEC',
      'REC',
      'REASON_PLACE_CHANGE',
      'HOME_POST',
      'PL_POST',
      'URN',
    ],
    derivedColumns: ['PL_DISTANCE', 'PL_LA', 'PL_LOCATION'],
  },
  reviews: { name: 'Reviews', columns: ['CHILD', 'DOB', 'REVIEW', 'REVIEW_CODE'], derivedColumns: [] },
  uasc: { name: 'UASC', columns: ['CHILD', 'SEX', 'DOB', 'DUC'], derivedColumns: [] },
  oc2: {
    name: 'OC2',
    columns: [
      'CHILD',
      'DOB',
      'SDQ_SCORE',
      'SDQ_REASON',
      'CONVICTED',
      'HEALTH_CHECK',
      'IMMUNISATIONS',
      'TEETH_CHECK',
      'HEALTH_ASSESSMENT',
      'SUBSTANCE_MISUSE',
      'INTERVENTION_RECEIVED',
      'INTERVENTION_OFFERED',
    ],
    derivedColumns: [],
  },
  oc3: { name: 'OC3', columns: ['CHILD', 'DOB', 'IN_TOUCH', 'ACTIV', 'ACCOM'], derivedColumns: [] },
  ad1: {
    name: 'AD1',
    columns: ['CHILD', 'DOB', 'DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'],
    derivedColumns: [],
  },
  placedAdoption: {
    name: 'PlacedAdoption',
    columns: ['CHILD', 'DOB', 'DATE_PLACED', 'DATE_PLACED_CEASED', 'REASON_PLACED_CEASED'],
    derivedColumns: [],
  },
  prevPerm: { name: 'PrevPerm', columns: ['CHILD', 'DOB', 'PREV_PERM', 'LA_PERM', 'DATE_PERM'], derivedColumns: [] },
  missing: { name: 'Missing', columns: ['CHILD', 'DOB', 'MISSING', 'MIS_START', 'MIS_END'], derivedColumns: [] },
  swEpisodes: {
    name: 'SWEpisodes',
    columns: ['CHILD', 'DOB', 'SW_ID', 'SW_DECOM', 'SW_DEC', 'SW_REASON'],
    derivedColumns: [],
    fromYear: 2024,
  },
  dolo: { name: 'DoLo', columns: ['CHILD', 'DOB', 'DOLO_START', 'DOLO_END'], derivedColumns: [], fromYear: 2027 },
} as const satisfies Record<FileKind, FileSpec>;

type Specs = typeof fileSpecs;
export type ColumnOf<K extends FileKind> = Specs[K]['columns'][number];
export type DerivedColumnOf<K extends FileKind> = Specs[K]['derivedColumns'][number];

/**
 * One line of a return file: every column of the specification as the text in the file ('' when
 * blank), plus any derived column the extract carried.
 */
export type ReturnRecord<K extends FileKind> = { readonly [C in ColumnOf<K>]: string } & {
  readonly [C in DerivedColumnOf<K>]?: string;
};

export type HeaderRecord = ReturnRecord<'header'>;
export type EpisodeRecord = ReturnRecord<'episodes'>;
export type ReviewRecord = ReturnRecord<'reviews'>;
export type UascRecord = ReturnRecord<'uasc'>;
export type Oc2Record = ReturnRecord<'oc2'>;
export type Oc3Record = ReturnRecord<'oc3'>;
export type Ad1Record = ReturnRecord<'ad1'>;
export type PlacedAdoptionRecord = ReturnRecord<'placedAdoption'>;
export type PrevPermRecord = ReturnRecord<'prevPerm'>;
export type MissingRecord = ReturnRecord<'missing'>;
export type SocialWorkerEpisodeRecord = ReturnRecord<'swEpisodes'>;
export type DoloRecord = ReturnRecord<'dolo'>;

/** Whether the return for a collection year has this file (social worker episodes from 2023-24, DoLOs from 2026-27). */
export function isFileInYear(kind: FileKind, year: number): boolean {
  const spec: FileSpec = fileSpecs[kind];
  return spec.fromYear === undefined || year >= spec.fromYear;
}

/** The file names people give these files (DfE names and the usual exported names), squashed. */
const namesByKind: Record<FileKind, readonly string[]> = {
  header: ['header'],
  episodes: ['episodes'],
  reviews: ['reviews'],
  uasc: ['uasc'],
  oc2: ['oc2'],
  oc3: ['oc3'],
  ad1: ['ad1'],
  placedAdoption: ['placedadoption', 'placedforadoption'],
  prevPerm: ['prevperm', 'previouspermanence'],
  missing: ['missing'],
  swEpisodes: ['swepisodes', 'socialworkerepisodes'],
  dolo: ['dolo', 'dolos'],
};

/**
 * Which file of the return a file name is ('Header.csv', 'placed_for_adoption.csv',
 * 'SW Episodes.CSV' ...): case, spaces, hyphens and underscores do not matter. Undefined when the
 * name is not one of the return's files.
 */
export function fileKindOf(fileName: string): FileKind | undefined {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.csv$/i, '');
  const squashed = base.toLowerCase().replace(/[\s_-]+/g, '');
  return fileKinds.find((kind) => namesByKind[kind].includes(squashed));
}
