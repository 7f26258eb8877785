import { describe, expect, it } from 'vitest';
import { outcomesQuestionsFor, outcomesYears } from './yearly-outcomes.js';

describe('yearly outcomes (OC2)', () => {
  it('are asked for each year at whose 31 March the child had been looked after for 12 months without a break', () => {
    const periods = [
      { startedOn: '2021-02-01', endedOn: '2022-06-01' },
      { startedOn: '2023-03-31', endedOn: null },
    ];
    expect(outcomesYears(periods, '2025-11-25')).toEqual([2026, 2025, 2024, 2022]);
    expect(outcomesYears([{ startedOn: '2024-04-01', endedOn: null }], '2025-11-25')).toEqual([2026]);
  });

  it('ask for an SDQ from 4 to 16, convictions from 10 and development checks under 5', () => {
    expect(outcomesQuestionsFor('2015-06-01', 2025)).toEqual({
      strengthsAndDifficulties: true,
      conviction: false,
      developmentChecks: false,
    });
    expect(outcomesQuestionsFor('2012-06-01', 2025)).toEqual({
      strengthsAndDifficulties: true,
      conviction: true,
      developmentChecks: false,
    });
    expect(outcomesQuestionsFor('2021-01-01', 2025)).toEqual({
      strengthsAndDifficulties: false,
      conviction: false,
      developmentChecks: true,
    });
    expect(outcomesQuestionsFor('2008-01-01', 2025).strengthsAndDifficulties).toBe(false);
  });
});
