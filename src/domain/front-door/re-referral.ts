import { addMonths } from '../calendar/date-arithmetic.js';
import type { IsoDate } from '../calendar/iso-date.js';

/**
 * A re-referral is a referral within 12 months of the child's previous referral (CIN census).
 * "Within 12 months" runs up to and including the anniversary of the previous referral date,
 * clamped to the month end: a previous referral on 29 February 2024 makes a referral on
 * 28 February 2025 a re-referral, and one on 1 March 2025 not.
 */
export function isReReferral(referralDate: IsoDate, previousReferralDate: IsoDate | null): boolean {
  if (previousReferralDate === null || previousReferralDate > referralDate) return false;
  return referralDate <= addMonths(previousReferralDate, 12);
}
