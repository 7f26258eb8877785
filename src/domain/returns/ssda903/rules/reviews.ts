import { ageOn } from '../../../calendar/date-arithmetic.js';
import { isReviewParticipationCode } from '../../../codes/ssda903-review-participation.js';
import { fromReturnDate } from '../return-date.js';
import { eachRow, type Ssda903Rule } from '../rule.js';

export const reviewRules: readonly Ssda903Rule[] = [
  {
    code: '166',
    severity: 'error',
    files: ['reviews'],
    description: 'Review date invalid or blank',
    check: (child) =>
      eachRow('reviews', child.reviews, ({ record }) =>
        fromReturnDate(record.REVIEW)
          ? undefined
          : record.REVIEW === ''
            ? 'The review date is blank'
            : `Review date "${record.REVIEW}" is not a valid date (DD/MM/YYYY)`,
      ),
  },
  {
    code: '167',
    severity: 'error',
    files: ['reviews'],
    description: 'Participation code invalid or blank',
    check: (child) =>
      eachRow('reviews', child.reviews, ({ record }) =>
        isReviewParticipationCode(record.REVIEW_CODE)
          ? undefined
          : record.REVIEW_CODE === ''
            ? 'The participation code (REVIEW_CODE) is blank'
            : `Participation code "${record.REVIEW_CODE}" is not valid: use PN0 to PN7`,
      ),
  },
  {
    code: '440',
    severity: 'error',
    files: ['header', 'reviews'],
    description: 'PN0 used but child was 4+ at review',
    check: (child) =>
      eachRow('reviews', child.reviews, ({ record }) => {
        const date = fromReturnDate(record.REVIEW);
        return record.REVIEW_CODE === 'PN0' && date && child.dateOfBirth && ageOn(child.dateOfBirth, date) >= 4
          ? 'Participation is PN0 (under 4) but the child was 4 or over at the review'
          : undefined;
      }),
  },
  {
    code: '441',
    severity: 'error',
    files: ['header', 'reviews'],
    description: 'Child under 4 at review but code is not PN0',
    check: (child) =>
      eachRow('reviews', child.reviews, ({ record }) => {
        const date = fromReturnDate(record.REVIEW);
        return record.REVIEW_CODE !== 'PN0' && record.REVIEW_CODE !== '' && date && child.dateOfBirth && ageOn(child.dateOfBirth, date) < 4
          ? `The child was under 4 at the review, so participation should be PN0, not ${record.REVIEW_CODE}`
          : undefined;
      }),
  },
];
