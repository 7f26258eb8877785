import type { Kysely } from 'kysely';
import type { Database, IsoDate } from '../../../db/schema.js';
import type { PrimaryNeedCode } from '../../../domain/codes/cin-primary-need.js';
import { isReferralSourceCode } from '../../../domain/codes/cin-referral-source.js';
import { type ContactDecision, contactDecisionLabel, decisionStartsReferral } from '../../../domain/front-door/contact-decision.js';
import { withChildRecords } from '../../../platform/access.js';
import type { Actor } from '../../../platform/actor.js';
import { dateAndTimeInEngland } from '../../../platform/england-time.js';
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError } from '../../../platform/errors.js';
import type { Role } from '../../../platform/roles.js';
import { todayInEngland } from '../../../platform/today.js';
import { formatDateTime } from '../../../platform/view-filters.js';
import { recordChronologyEntry } from '../../chronology/service.js';
import { recordCaseEvents } from '../../clocks/service.js';
import { childrenOfContact } from '../contacts/service.js';
import { openReferral, startReferral } from '../referrals/service.js';
import * as queries from './queries.js';

/** Qualified managers: the only people who decide what happens to a contact. */
export const decidingRoles: readonly Role[] = ['team_manager', 'service_manager'];

export interface Decision {
  decision: ContactDecision;
  rationale: string;
  /** Needed when the decision makes the contact a referral (CIN census rule 8610). */
  primaryNeed?: PrimaryNeedCode;
  /** The contact's version when the manager opened it. */
  version: number;
}

/** What a decision did for each child: started a referral, or joined the episode already open. */
export interface DecisionOutcome {
  referrals: { personId: string; referralId: string; started: boolean; isReReferral: boolean }[];
}

/**
 * A qualified manager's decision on a contact, with the rationale: on each child's chronology, with
 * `contact_decision_made` (meeting the decision clock). A referral for assessment or a strategy
 * discussion starts a child-in-need episode for each child who has none open (`referral_received`
 * starts the 45-working-day assessment clock); a child whose episode is open joins it.
 */
export async function decideContact(db: Kysely<Database>, actor: Actor, contactId: string, decision: Decision): Promise<DecisionOutcome> {
  if (!decidingRoles.includes(actor.role)) throw new ForbiddenError('Only a team manager or service manager can decide a contact.');
  if (decision.rationale.trim() === '') throw new BadRequestError('Give the reasons for the decision.');
  const startsReferral = decisionStartsReferral(decision.decision);
  if (startsReferral && !decision.primaryNeed) throw new BadRequestError('A referral needs a primary need code.');
  const personIds = await childrenOfContact(db, contactId);
  return withChildRecords(db, actor, personIds, 'edit', 'front_door.contact.decide', async (accesses) => {
    const [first] = accesses;
    if (!first) throw new NotFoundError();
    const contact = await queries.lockContact(first.trx, contactId);
    if (!contact) throw new NotFoundError();
    if (contact.decision !== null) {
      throw new ConflictError(
        `${contact.decided_by_name ?? 'Someone'} decided this contact (${contactDecisionLabel(contact.decision)?.toLowerCase()}) on ${formatDateTime(contact.decided_at)}. Nothing was saved; open the contact to see their decision.`,
      );
    }
    if (contact.version !== decision.version) throw new ConflictError();
    if (!isReferralSourceCode(contact.referral_source)) throw new BadRequestError('The contact has an unknown referral source.');
    const decidedAt = new Date();
    const decided = dateAndTimeInEngland(decidedAt);
    await queries.saveDecision(first.trx, contactId, {
      decision: decision.decision,
      rationale: decision.rationale.trim(),
      decidedBy: actor.staffId,
      decidedAt,
    });
    const source = { type: 'contact', id: contactId };
    const referralDate = dateAndTimeInEngland(contact.received_at).date;
    const outcome: DecisionOutcome = { referrals: [] };
    for (const access of accesses) {
      await recordChronologyEntry(access, {
        kind: 'decision',
        occurredOn: decided.date,
        occurredAt: decidedAt,
        summary: `Front door decision on the contact: ${contactDecisionLabel(decision.decision)?.toLowerCase()}`,
        source,
      });
      await recordCaseEvents(access, [
        { kind: 'contact_decision_made', occurredOn: decided.date, occurredTime: decided.time, ref: contactId, source },
      ]);
      if (!startsReferral || !decision.primaryNeed) continue;
      const open = await openReferral(access);
      if (open) {
        await queries.linkReferral(first.trx, contactId, access.personId, open.id);
        outcome.referrals.push({ personId: access.personId, referralId: open.id, started: false, isReReferral: open.is_re_referral });
        continue;
      }
      const started = await startReferral(access, {
        referralDate,
        referralSource: contact.referral_source,
        primaryNeed: decision.primaryNeed,
        contactId,
        significantHarmSuspected: decision.decision === 'strategy_discussion',
      });
      await queries.linkReferral(first.trx, contactId, access.personId, started.id);
      outcome.referrals.push({ personId: access.personId, referralId: started.id, started: true, isReReferral: started.isReReferral });
    }
    return outcome;
  });
}

/** Why a date cannot be the day the referrer was told, or null when it can. */
export function referrerInformedProblem(informedOn: IsoDate, decidedAt: Date | null, today: IsoDate = todayInEngland()): string | null {
  if (decidedAt === null) return 'Record the decision before recording that the referrer was told of it';
  if (informedOn > today) return 'The date the referrer was told must be today or in the past';
  if (informedOn < dateAndTimeInEngland(decidedAt).date) return 'The referrer cannot have been told before the decision was made';
  return null;
}

/** Records the date the referrer was told of the outcome; not before the decision, not in the future. */
export async function recordReferrerInformed(
  db: Kysely<Database>,
  actor: Actor,
  contactId: string,
  informed: { informedOn: IsoDate; version: number },
): Promise<void> {
  const personIds = await childrenOfContact(db, contactId);
  await withChildRecords(db, actor, personIds, 'edit', 'front_door.contact.referrer_informed', async (accesses) => {
    const [first] = accesses;
    if (!first) throw new NotFoundError();
    const contact = await queries.lockContact(first.trx, contactId);
    if (!contact) throw new NotFoundError();
    if (contact.version !== informed.version) throw new ConflictError();
    const problem = referrerInformedProblem(informed.informedOn, contact.decided_at);
    if (problem) throw new BadRequestError(`${problem}. Nothing was saved.`);
    await queries.saveReferrerInformed(first.trx, contactId, informed.informedOn, actor.staffId);
    for (const access of accesses) {
      await recordChronologyEntry(access, {
        kind: 'contact',
        occurredOn: informed.informedOn,
        summary: 'The person who made the contact was told of the front door decision',
        source: { type: 'contact', id: contactId },
      });
    }
  });
}
