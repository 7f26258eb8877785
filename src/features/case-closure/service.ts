import type { Kysely } from 'kysely';
import type { Database, IsoDate } from '../../db/schema.js';
import { checkClosure, type EpisodeWorkFacts } from '../../domain/child-protection/closure-rules.js';
import type { CaseworkProblem } from '../../domain/child-protection/problem.js';
import { usableAuthorisation } from '../../domain/child-protection/step-down-rules.js';
import { reasonForClosureLabel } from '../../domain/codes/cin-reason-for-closure.js';
import { type ChildRecordAccess, withChildRecord } from '../../platform/access.js';
import type { Actor } from '../../platform/actor.js';
import { ConflictError } from '../../platform/errors.js';
import { assessmentsOf } from '../assessments/service.js';
import { childInNeedPlansOf } from '../child-in-need-plans/service.js';
import { protectionPlansOf } from '../child-protection-plans/service.js';
import { childHeader } from '../children/service.js';
import { recordChronologyEntry } from '../chronology/service.js';
import { closeReferral, openReferral, type Referral } from '../front-door/referrals/service.js';
import { recordRefusedStepDown, stepDownAuthorisationsOf, useStepDownAuthorisation } from '../management-decisions/service.js';
import { enquiriesOf } from '../section-47/service.js';
import { strategyDiscussionsOf } from '../strategy-discussions/service.js';

/** What is still open on the episode and the date of the last work on it, for the closure rules. */
async function episodeWork(access: ChildRecordAccess, referral: Referral): Promise<EpisodeWorkFacts> {
  const [assessments, discussions, enquiries, cpPlans, cinPlans] = await Promise.all([
    assessmentsOf(access),
    strategyDiscussionsOf(access),
    enquiriesOf(access),
    protectionPlansOf(access),
    childInNeedPlansOf(access),
  ]);
  const ofEpisode = <T extends { referral_id: string }>(rows: readonly T[]) => rows.filter((r) => r.referral_id === referral.id);
  const dates = [
    ...ofEpisode(assessments).flatMap((a) => [a.started_on, a.authorised_on]),
    ...ofEpisode(discussions).map((d) => d.held_on),
    ...ofEpisode(enquiries).flatMap((e) => [e.started_on, e.completed_on]),
    ...ofEpisode(cpPlans).flatMap((p) => [p.started_on, p.ended_on]),
    ...ofEpisode(cinPlans).flatMap((p) => [p.started_on, p.ended_on]),
  ].filter((d): d is string => d !== null);
  return {
    referralDate: referral.referral_date,
    closedOn: referral.closed_on,
    openAssessment: ofEpisode(assessments).some((a) => a.status !== 'authorised'),
    authorisedAssessment: ofEpisode(assessments).some((a) => a.status === 'authorised'),
    openEnquiry: ofEpisode(enquiries).some((e) => e.outcome === null),
    openProtectionPlan: cpPlans.some((p) => p.ended_on === null),
    openChildInNeedPlan: cinPlans.some((p) => p.ended_on === null),
    latestWorkOn: dates.sort().at(-1) ?? null,
  };
}

/** The closure page: the open referral, and whether a manager has authorised the closure. */
export function viewClosure(db: Kysely<Database>, actor: Actor, personId: string) {
  return withChildRecord(db, actor, personId, 'view', 'case_closure.view', async (access) => {
    const [header, referral, authorisations] = await Promise.all([
      childHeader(access),
      openReferral(access),
      stepDownAuthorisationsOf(access),
    ]);
    const authorised = referral
      ? authorisations.some((a) => a.target === 'case_closure' && !a.used && a.decidedOn >= referral.referral_date)
      : false;
    return { header, referral: referral ?? null, authorised };
  });
}

export type ClosureOutcome = { ok: true } | { ok: false; problems: CaseworkProblem[] };

/**
 * Closes the child-in-need episode with its reason-for-closure code. Hearth refuses while work is
 * still open, and without a manager's authorisation that records the evidence of progress: the
 * refusal is shown and the refused attempt goes into the audit trail.
 */
export function closeCase(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: { version: number; closedOn: IsoDate; reason: string | null; today: IsoDate },
): Promise<ClosureOutcome> {
  return withChildRecord(db, actor, personId, 'edit', 'case_closure.close', async (access) => {
    const referral = await openReferral(access);
    if (referral && referral.version !== input.version) throw new ConflictError();
    const authorisation = referral
      ? usableAuthorisation(await stepDownAuthorisationsOf(access), 'case_closure', referral.referral_date, input.closedOn)
      : undefined;
    const problems = checkClosure({
      episode: referral ? await episodeWork(access, referral) : null,
      closedOn: input.closedOn,
      today: input.today,
      reason: input.reason,
      authorisation,
    });
    if (problems.length > 0 || !referral || !authorisation || !input.reason) {
      if (referral && !authorisation) await recordRefusedStepDown(access, 'case_closure', problems);
      return { ok: false, problems };
    }
    if (!(await closeReferral(access, referral, { closedOn: input.closedOn, reason: input.reason }))) throw new ConflictError();
    await useStepDownAuthorisation(access, authorisation.id, { type: 'referral', id: referral.id });
    await recordChronologyEntry(access, {
      kind: 'closure',
      occurredOn: input.closedOn,
      summary: `Case closed: ${input.reason} ${reasonForClosureLabel(input.reason)?.toLowerCase()}.`,
      source: { type: 'referral', id: referral.id },
    });
    return { ok: true };
  });
}
