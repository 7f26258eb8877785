import type { StepDownDestination } from '../child-protection/management-decision-kinds.js';
import type { ReasonForClosureCode } from '../codes/cin-reason-for-closure.js';
import type { Weighted } from './weighted-choice.js';

/*
 * Why the episodes of a synthetic authority close (CIN census ReasonForClosure), and where the
 * child's support goes next. ../shared/domain lists the codes without national shares, so these
 * are assumptions [U].
 */

/** An episode closed straight after its assessment: no further action, or referred to early help. */
export const closedAfterAssessment: readonly Weighted<ReasonForClosureCode>[] = [
  { value: 'RC8', weight: 55 },
  { value: 'RC9', weight: 45 },
];

/** An episode closed after a plan or an enquiry: services ended, or the family moved or an order was made. */
export const closedAfterServices: readonly Weighted<ReasonForClosureCode>[] = [
  { value: 'RC7', weight: 85 },
  { value: 'RC5', weight: 10 },
  { value: 'RC3', weight: 5 },
];

/** Where the child's support goes when the case closes for each reason. */
export const stepDownOnClosure: Partial<Record<ReasonForClosureCode, readonly Weighted<StepDownDestination>[]>> = {
  RC8: [{ value: 'no_service', weight: 1 }],
  RC9: [{ value: 'early_help', weight: 1 }],
  RC7: [
    { value: 'early_help', weight: 50 },
    { value: 'universal_services', weight: 50 },
  ],
};

export const stepDownOtherwise: readonly Weighted<StepDownDestination>[] = [{ value: 'no_service', weight: 1 }];
