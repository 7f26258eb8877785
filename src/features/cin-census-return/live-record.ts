import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { CinReturnPeriod } from '../../domain/returns/cin/from-record.js';
import type { CinRecord } from '../../domain/returns/cin/record.js';
import { assessmentsForReturns } from '../assessments/service.js';
import { childInNeedPlansForReturns } from '../child-in-need-plans/service.js';
import { protectionPlansForReturns } from '../child-protection-plans/service.js';
import { childrenForReturns } from '../children/service.js';
import { conferencesForReturns } from '../conferences/service.js';
import { referralsForReturns } from '../front-door/referrals/service.js';
import { enquiriesForReturns } from '../section-47/service.js';

/**
 * Reads, through each feature's service, what the CIN census needs about every child with an
 * episode in the period: one query per kind of record, whatever the number of children.
 */
export async function readCinRecord(db: Kysely<Database>, period: CinReturnPeriod): Promise<CinRecord> {
  const referrals = await referralsForReturns(db, period.start, period.end);
  const referralIds = referrals.map((r) => r.id);
  const personIds = [...new Set(referrals.map((r) => r.person_id))];
  const [children, assessments, enquiries, conferences, protectionPlans, childInNeedPlans] = await Promise.all([
    childrenForReturns(db, personIds),
    assessmentsForReturns(db, referralIds),
    enquiriesForReturns(db, referralIds),
    conferencesForReturns(db, referralIds),
    protectionPlansForReturns(db, referralIds),
    childInNeedPlansForReturns(db, referralIds),
  ]);
  return {
    children: children.map((c) => ({
      personId: c.id,
      laChildId: c.la_child_id ?? '',
      upn: c.upn,
      formerUpn: c.former_upn,
      upnUnknown: c.upn_unknown,
      dateOfBirth: c.date_of_birth,
      expectedDateOfBirth: c.expected_date_of_birth,
      sex: c.sex,
      diedOn: c.died_on,
      ethnicity: c.ethnicity,
      disabilities: c.disabilities,
    })),
    referrals: referrals.map((r) => ({
      id: r.id,
      personId: r.person_id,
      referralDate: r.referral_date,
      referralSource: r.referral_source,
      primaryNeed: r.primary_need_code,
      referralNfa: r.referral_nfa,
      closedOn: r.closed_on,
      closureReason: r.closure_reason,
    })),
    assessments: assessments.map((a) => ({
      id: a.id,
      referralId: a.referral_id,
      startedOn: a.started_on,
      internalReviewOn: a.internal_review_on,
      authorisedOn: a.authorised_on,
      factors: a.factors,
    })),
    enquiries: enquiries.map((e) => ({ id: e.id, referralId: e.referral_id, startedOn: e.started_on, icpcRequired: e.icpc_required })),
    conferences: conferences.map((c) => ({
      id: c.id,
      referralId: c.referral_id,
      kind: c.kind,
      section47Id: c.section_47_id,
      planId: c.plan_id,
      heldOn: c.held_on,
    })),
    protectionPlans: protectionPlans.map((p) => ({
      id: p.id,
      referralId: p.referral_id,
      startedOn: p.started_on,
      endedOn: p.ended_on,
      initialCategory: p.initial_category,
      latestCategory: p.latest_category,
      numberOfPreviousPlans: p.number_of_previous_plans,
    })),
    childInNeedPlans: childInNeedPlans.map((p) => ({ id: p.id, referralId: p.referral_id, startedOn: p.started_on, endedOn: p.ended_on })),
  };
}
