import { describe, expect, it } from 'vitest';
import { careLeaverCategory, eligibleChildFrom } from './leaving-care.js';

const born = '2008-06-15';

describe('becoming an eligible child (13 weeks looked after since 14, and 16 or over)', () => {
  it('is the 16th birthday for a child in care long before it', () => {
    expect(eligibleChildFrom(born, [{ startedOn: '2020-01-01', endedOn: null }])).toBe('2024-06-15');
  });

  it('is the day the 91st day in care since the 14th birthday is reached, for a child who came into care at 16', () => {
    expect(eligibleChildFrom(born, [{ startedOn: '2024-07-01', endedOn: null }])).toBe('2024-09-29');
  });

  it('adds up separate periods of care since the 14th birthday, and ignores care before it', () => {
    const periods = [
      { startedOn: '2021-01-01', endedOn: '2022-06-14' },
      { startedOn: '2022-06-15', endedOn: '2022-07-15' },
      { startedOn: '2024-07-01', endedOn: null },
    ];
    expect(eligibleChildFrom(born, periods)).toBe('2024-08-30');
  });

  it('is never, when care ends before 13 weeks are reached or before 16', () => {
    expect(eligibleChildFrom(born, [{ startedOn: '2024-07-01', endedOn: '2024-09-29' }])).toBeNull();
    expect(eligibleChildFrom(born, [{ startedOn: '2022-06-15', endedOn: '2024-06-15' }])).toBeNull();
  });
});

describe('care leaver categories', () => {
  const longTerm = [{ startedOn: '2020-01-01', endedOn: '2025-01-10' }];
  it('moves from eligible to relevant when care ends, and to former relevant at 18', () => {
    expect(careLeaverCategory(born, longTerm, '2024-12-01')).toBe('eligible');
    expect(careLeaverCategory(born, longTerm, '2025-02-01')).toBe('relevant');
    expect(careLeaverCategory(born, longTerm, '2026-06-15')).toBe('former_relevant');
  });

  it('is qualifying after a short time in care after 16, and none for a younger child', () => {
    expect(careLeaverCategory(born, [{ startedOn: '2024-07-01', endedOn: '2024-08-01' }], '2025-01-01')).toBe('qualifying');
    expect(careLeaverCategory(born, [{ startedOn: '2020-01-01', endedOn: '2021-01-01' }], '2022-01-01')).toBe('none');
  });
});
