/** Ethnicity: the 20 DfE codes, the same in the CIN census, SSDA903 and Annex A. */
export const ethnicityCodes = [
  { code: 'WBRI', label: 'White British' },
  { code: 'WIRI', label: 'White Irish' },
  { code: 'WIRT', label: 'Traveller of Irish heritage' },
  { code: 'WOTH', label: 'Any other White background' },
  { code: 'WROM', label: 'Gypsy/Roma' },
  { code: 'MWBC', label: 'White and Black Caribbean' },
  { code: 'MWBA', label: 'White and Black African' },
  { code: 'MWAS', label: 'White and Asian' },
  { code: 'MOTH', label: 'Any other mixed background' },
  { code: 'AIND', label: 'Indian' },
  { code: 'APKN', label: 'Pakistani' },
  { code: 'ABAN', label: 'Bangladeshi' },
  { code: 'AOTH', label: 'Any other Asian background' },
  { code: 'BCRB', label: 'Caribbean' },
  { code: 'BAFR', label: 'African' },
  { code: 'BOTH', label: 'Any other Black background' },
  { code: 'CHNE', label: 'Chinese' },
  { code: 'OOTH', label: 'Any other ethnic group' },
  { code: 'REFU', label: 'Refused' },
  { code: 'NOBT', label: 'Information not yet obtained' },
] as const;

export type EthnicityCode = (typeof ethnicityCodes)[number]['code'];

export function isEthnicityCode(value: string): value is EthnicityCode {
  return ethnicityCodes.some((c) => c.code === value);
}

export function ethnicityLabel(code: string | null): string | undefined {
  return ethnicityCodes.find((c) => c.code === code)?.label;
}
