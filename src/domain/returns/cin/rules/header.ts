import type { CinReturnRule } from '../rule.js';

export const headerRules: readonly CinReturnRule[] = [
  {
    code: '100',
    severity: 'error',
    module: 'Header',
    scope: 'return',
    message: 'Header ReferenceDate must be 31 March of the collection year',
    *check(message, { period }) {
      const referenceDate = message.header?.referenceDate ?? null;
      if (referenceDate !== period.referenceDate) {
        yield {
          path: 'Message/Header/CollectionDetails/ReferenceDate',
          message: `Header ReferenceDate is ${referenceDate ?? 'missing'}; for collection year ${period.year} it must be ${period.referenceDate}`,
        };
      }
    },
  },
];
