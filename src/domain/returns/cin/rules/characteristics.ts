import { isDisabilityCode } from '../../../codes/disability.js';
import { isEthnicityCode } from '../../../codes/ethnicity.js';
import type { CinChildRule, CinReturnRule } from '../rule.js';

const characteristics = (path: string) => `${path}/ChildCharacteristics`;

/** Fewer distinct disability codes than this across the return is queried (2887Q). */
const DISTINCT_DISABILITY_CODES_EXPECTED = 8;

export const characteristicsRules: readonly (CinChildRule | CinReturnRule)[] = [
  {
    code: '4220',
    severity: 'error',
    module: 'ChildCharacteristics',
    scope: 'child',
    message: 'Ethnicity is missing or not a valid code',
    *check(child, path) {
      if (child.ethnicity === null || !isEthnicityCode(child.ethnicity)) yield { path: `${characteristics(path)}/Ethnicity` };
    },
  },
  {
    code: '8540',
    severity: 'error',
    module: 'Disabilities',
    scope: 'child',
    message: 'Disability is missing or not a valid code (record NONE for a child with no disability)',
    *check(child, path) {
      if (child.disabilities.length === 0 || child.disabilities.some((code) => !isDisabilityCode(code))) {
        yield { path: `${characteristics(path)}/Disabilities` };
      }
    },
  },
  {
    code: '8790',
    severity: 'error',
    module: 'Disabilities',
    scope: 'child',
    message: 'NONE is recorded together with other disability codes',
    *check(child, path) {
      if (child.disabilities.includes('NONE') && child.disabilities.length > 1) yield { path: `${characteristics(path)}/Disabilities` };
    },
  },
  {
    code: '8794',
    severity: 'error',
    module: 'Disabilities',
    scope: 'child',
    message: 'The same disability code is recorded twice',
    *check(child, path) {
      if (new Set(child.disabilities).size < child.disabilities.length) yield { path: `${characteristics(path)}/Disabilities` };
    },
  },
  {
    code: '2887Q',
    severity: 'query',
    module: 'Disabilities',
    scope: 'return',
    message: `Fewer than ${DISTINCT_DISABILITY_CODES_EXPECTED} different disability codes are used across the whole return`,
    *check(message) {
      const used = new Set(
        message.children.flatMap((child) => child.disabilities.filter((code) => code !== 'NONE' && isDisabilityCode(code))),
      );
      if (used.size < DISTINCT_DISABILITY_CODES_EXPECTED) {
        yield {
          path: 'Message/Children',
          message: `Only ${used.size} different disability codes are used across the whole return (at least ${DISTINCT_DISABILITY_CODES_EXPECTED} expected)`,
        };
      }
    },
  },
  {
    code: '2888Q',
    severity: 'query',
    module: 'Disabilities',
    scope: 'return',
    message: 'No child has more than one disability recorded: record every disability that applies',
    *check(message) {
      const disabled = message.children.filter((child) => child.disabilities.some((code) => code !== 'NONE'));
      if (disabled.length > 0 && disabled.every((child) => child.disabilities.length === 1)) yield { path: 'Message/Children' };
    },
  },
];
