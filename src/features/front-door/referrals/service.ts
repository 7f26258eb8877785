import type { Kysely } from 'kysely';
import type { Database, IsoDate } from '../../../db/schema.js';
import type { PrimaryNeedCode } from '../../../domain/codes/cin-primary-need.js';
import { primaryNeedLabel } from '../../../domain/codes/cin-primary-need.js';
import type { ReferralSourceCode } from '../../../domain/codes/cin-referral-source.js';
import { isReReferral } from '../../../domain/front-door/re-referral.js';
import type { ChildRecordAccess } from '../../../platform/access.js';
import { BadRequestError } from '../../../platform/errors.js';
import { registerRecordMover } from '../../../platform/record-movers.js';
import { formatDate } from '../../../platform/view-filters.js';
import { recordChronologyEntry } from '../../chronology/service.js';
import { type CaseEvent, recordCaseEvents } from '../../clocks/service.js';
import * as queries from './queries.js';

/** A child-in-need episode: from the referral to closure, with what the CIN census needs of it. */
export interface Referral {
  id: string;
  contact_id: string | null;
  /** CIN census CINreferralDate. */
  referral_date: IsoDate;
  /** CIN census ReferralSource. */
  referral_source: string;
  /** CIN census PrimaryNeedCode; empty only on a referral with no further action. */
  primary_need_code: string | null;
  /** CIN census ReferralNFA. */
  referral_nfa: boolean;
  /** Within 12 months of the child's previous referral. */
  is_re_referral: boolean;
  previous_referral_id: string | null;
  /** CIN census CINclosureDate and ReasonForClosure; null while the episode is open. */
  closed_on: IsoDate | null;
  closure_reason: string | null;
  version: number;
}

/** Every referral (child-in-need episode) of the child, newest first. */
export function referralsOf(access: ChildRecordAccess): Promise<Referral[]> {
  return queries.referralsOf(access);
}

/** The child's open child-in-need episode, if there is one (there can be only one). */
export function openReferral(access: ChildRecordAccess): Promise<Referral | undefined> {
  return queries.openReferral(access);
}

export interface NewReferral {
  referralDate: IsoDate;
  referralSource: ReferralSourceCode;
  primaryNeed: PrimaryNeedCode;
  contactId: string;
  /** The front door decided a strategy discussion is needed: significant harm is suspected. */
  significantHarmSuspected: boolean;
}

/**
 * Starts a child-in-need episode inside the caller's transaction: flags a re-referral when the
 * previous referral was within 12 months, puts it on the chronology and records `referral_received`
 * (which starts the 45-working-day assessment clock) and, for a strategy discussion,
 * `significant_harm_suspected`. The caller checks first that no episode is open.
 */
export async function startReferral(access: ChildRecordAccess, referral: NewReferral): Promise<{ id: string; isReReferral: boolean }> {
  const previous = await queries.latestReferralOnOrBefore(access, referral.referralDate);
  const reReferral = isReReferral(referral.referralDate, previous?.referral_date ?? null);
  const id = await queries.insertReferral(access, {
    contact_id: referral.contactId,
    referral_date: referral.referralDate,
    referral_source: referral.referralSource,
    primary_need_code: referral.primaryNeed,
    is_re_referral: reReferral,
    previous_referral_id: previous?.id ?? null,
    recorded_by: access.actor.staffId,
  });
  const source = { type: 'referral', id };
  const events: CaseEvent[] = [{ kind: 'referral_received', occurredOn: referral.referralDate, ref: id, source }];
  if (referral.significantHarmSuspected)
    events.push({ kind: 'significant_harm_suspected', occurredOn: referral.referralDate, ref: id, source });
  await recordCaseEvents(access, events);
  const reReferralNote = reReferral && previous ? `; re-referral (previous referral ${formatDate(previous.referral_date)})` : '';
  await recordChronologyEntry(access, {
    kind: 'referral',
    occurredOn: referral.referralDate,
    summary: `Referral to children's social care: ${primaryNeedLabel(referral.primaryNeed)?.toLowerCase() ?? referral.primaryNeed}${reReferralNote}`,
    source,
  });
  return { id, isReReferral: reReferral };
}

/**
 * Closes the child-in-need episode (CIN census CINclosureDate and ReasonForClosure) inside the
 * caller's transaction, if it is still at `version`: records `episode_closed` (which ends the
 * clocks that run while a case is open). The caller checks the closure is allowed first; false
 * means someone else changed the referral meanwhile.
 */
export async function closeReferral(
  access: ChildRecordAccess,
  referral: { id: string; version: number },
  closure: { closedOn: IsoDate; reason: string },
): Promise<boolean> {
  if (!(await queries.closeReferral(access, referral.id, referral.version, closure.closedOn, closure.reason))) return false;
  await recordCaseEvents(access, [
    { kind: 'episode_closed', occurredOn: closure.closedOn, ref: referral.id, source: { type: 'referral', id: referral.id } },
  ]);
  return true;
}

/**
 * For the statutory returns (CIN census, Annex A), which cover the whole authority: every referral
 * made by `to` whose episode was still open on `from` (or closed since), whoever the child.
 */
export function referralsForReturns(db: Kysely<Database>, from: IsoDate, to: IsoDate) {
  return queries.referralsForReturns(db, from, to);
}

/** For the statutory returns: these children's referrals made on or after `from`. */
export function referralsOfChildrenSince(db: Kysely<Database>, personIds: readonly string[], from: IsoDate) {
  return queries.referralsOfChildrenSince(db, personIds, from);
}

/**
 * On merging two records of a child, the referrals (child-in-need episodes) of the merged record
 * go to the one kept. A child has one episode open at a time, so two open episodes are refused.
 */
registerRecordMover({
  name: 'referrals',
  columns: ['referrals.person_id'],
  move: async (merged, survivor) => {
    if ((await queries.hasUnclosedReferral(merged)) && (await queries.hasUnclosedReferral(survivor)))
      throw new BadRequestError('Both records have an open child-in-need episode. Close one of them before merging the records.');
    return queries.moveReferrals(merged, survivor.personId);
  },
  restore: (merged, _survivor, moved) => queries.moveReferralsBack(merged, moved),
});
