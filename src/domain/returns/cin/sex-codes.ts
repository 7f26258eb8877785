/**
 * The record keeps sex as M, F or U. The census wrote GenderCurrent (1 male, 2 female, 0 not
 * recorded or unborn, 9 indeterminate) up to 2023-24 and Sex (M/F/U) from 2024-25.
 */
const toGenderCurrent: Readonly<Record<string, string>> = { M: '1', F: '2', U: '0' };
const fromGenderCurrent: Readonly<Record<string, string>> = { '1': 'M', '2': 'F', '0': 'U', '9': 'U' };

export function censusSex(recordSex: string | null, element: 'GenderCurrent' | 'Sex'): string | null {
  if (recordSex === null) return null;
  return element === 'Sex' ? recordSex : (toGenderCurrent[recordSex] ?? recordSex);
}

export function recordSex(censusValue: string | null, element: 'GenderCurrent' | 'Sex'): string | null {
  if (censusValue === null) return null;
  return element === 'Sex' ? censusValue : (fromGenderCurrent[censusValue] ?? censusValue);
}
