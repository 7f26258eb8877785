import type { EthnicityCode } from '../codes/ethnicity.js';
import type { Weighted } from './weighted-choice.js';

/*
 * Who the children referred to children's social care are: age at referral, sex and ethnicity.
 * ../shared/domain holds no breakdown by age, sex or ethnicity (only national totals and rates),
 * so these shares approximate the DfE "Characteristics of children in need" release for 2024
 * (children in need at 31 March, England) as read by the engineer: unverified [U]. Replace them
 * with the published table when it is added to the shared domain facts. The codes are the DfE ones.
 */

/** An age band at the date of referral, in whole years; `unborn` is a pre-birth referral. */
export type AgeBand = { kind: 'unborn' } | { kind: 'born'; fromYears: number; toYears: number; label: string };

export const ageAtReferral: readonly Weighted<AgeBand>[] = [
  { value: { kind: 'unborn' }, weight: 1 },
  { value: { kind: 'born', fromYears: 0, toYears: 0, label: 'under 1' }, weight: 6 },
  { value: { kind: 'born', fromYears: 1, toYears: 4, label: '1 to 4' }, weight: 16 },
  { value: { kind: 'born', fromYears: 5, toYears: 9, label: '5 to 9' }, weight: 24 },
  { value: { kind: 'born', fromYears: 10, toYears: 15, label: '10 to 15' }, weight: 40 },
  { value: { kind: 'born', fromYears: 16, toYears: 17, label: '16 and 17' }, weight: 13 },
];

/** Sex of children already born (CIN `Sex`: M, F, U); unborn children are always U (CIN rule 8750). */
export const sexOfBornChildren: readonly Weighted<'M' | 'F' | 'U'>[] = [
  { value: 'M', weight: 52.5 },
  { value: 'F', weight: 47 },
  { value: 'U', weight: 0.5 },
];

export const ethnicityOfChildren: readonly Weighted<EthnicityCode>[] = [
  { value: 'WBRI', weight: 57 },
  { value: 'WIRI', weight: 0.4 },
  { value: 'WIRT', weight: 0.4 },
  { value: 'WOTH', weight: 7.2 },
  { value: 'WROM', weight: 1 },
  { value: 'MWBC', weight: 3 },
  { value: 'MWBA', weight: 1.4 },
  { value: 'MWAS', weight: 1.6 },
  { value: 'MOTH', weight: 4 },
  { value: 'AIND', weight: 1.7 },
  { value: 'APKN', weight: 3.6 },
  { value: 'ABAN', weight: 1.6 },
  { value: 'AOTH', weight: 2.1 },
  { value: 'BCRB', weight: 1.4 },
  { value: 'BAFR', weight: 4.6 },
  { value: 'BOTH', weight: 2 },
  { value: 'CHNE', weight: 0.3 },
  { value: 'OOTH', weight: 3.7 },
  { value: 'REFU', weight: 0.5 },
  { value: 'NOBT', weight: 2.5 },
];

/** The broad DfE ethnic group of a code, for checking shares where single codes are rare. */
export function ethnicGroupOf(code: string): 'White' | 'Mixed' | 'Asian' | 'Black' | 'Other' | 'Not known' {
  if (code === 'REFU' || code === 'NOBT') return 'Not known';
  if (code === 'CHNE' || code === 'OOTH') return 'Other';
  const groups = { W: 'White', M: 'Mixed', A: 'Asian', B: 'Black' } as const;
  return groups[code[0] as keyof typeof groups] ?? 'Other';
}

/**
 * The ethnicities of a child's two parents: a mixed-heritage child's parents are one of each
 * heritage; otherwise both share the child's (an unknown ethnicity stays unknown).
 */
export function parentsEthnicities(childEthnicity: EthnicityCode): [EthnicityCode, EthnicityCode] {
  switch (childEthnicity) {
    case 'MWBC':
      return ['WBRI', 'BCRB'];
    case 'MWBA':
      return ['WBRI', 'BAFR'];
    case 'MWAS':
      return ['WBRI', 'APKN'];
    case 'MOTH':
      return ['WOTH', 'OOTH'];
    default:
      return [childEthnicity, childEthnicity];
  }
}
