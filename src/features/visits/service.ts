import type { Kysely } from 'kysely';
import type { Database, IsoDate } from '../../db/schema.js';
import type { CaseworkProblem } from '../../domain/child-protection/problem.js';
import { withChildRecord } from '../../platform/access.js';
import type { Actor } from '../../platform/actor.js';
import { moveChildRows, moveChildRowsBack } from '../../platform/child-rows.js';
import { registerRecordMover } from '../../platform/record-movers.js';
import { openChildInNeedPlan } from '../child-in-need-plans/service.js';
import { openProtectionPlan } from '../child-protection-plans/service.js';
import { childHeader } from '../children/service.js';
import { recordChronologyEntry, registerSourceLink } from '../chronology/service.js';
import { outstandingClocksOf, recordCaseEvents } from '../clocks/service.js';
import { openReferral } from '../front-door/referrals/service.js';
import * as queries from './queries.js';

registerSourceLink('casework_visit', (personId) => `/children/${personId}/casework/visits`);

const planNames = { child_protection: 'child protection plan', child_in_need: 'child in need plan', none: 'no plan yet' } as const;

/** The visits page: visits to the child while in need or on a plan, and when the next child protection visit is due. */
export function viewVisits(db: Kysely<Database>, actor: Actor, personId: string) {
  return withChildRecord(db, actor, personId, 'view', 'casework_visit.view', async (access) => {
    const [header, visits, due, cpPlan, cinPlan] = await Promise.all([
      childHeader(access),
      queries.visitsOf(access),
      outstandingClocksOf(access, ['cp_visit']),
      openProtectionPlan(access),
      openChildInNeedPlan(access),
    ]);
    return {
      header,
      visits: visits.map((v) => ({ ...v, planName: planNames[v.plan_kind] })),
      nextDue: due[0]?.due_on ?? null,
      onPlan: cpPlan ? planNames.child_protection : cinPlan ? planNames.child_in_need : null,
    };
  });
}

export type VisitChange = { ok: true } | { ok: false; problems: CaseworkProblem[] };

/**
 * Records a statutory visit to a child in need or on a child protection plan: whether the child was
 * seen, seen alone, their bedroom seen, and their views in their own words. It goes on the
 * chronology as a visit (which the drift detector counts); a visit to a child on a plan who was
 * seen meets the child protection visit clock.
 */
export function recordVisit(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: {
    visitedOn: IsoDate;
    childSeen: boolean;
    seenAlone: boolean;
    bedroomSeen: boolean;
    childsViews: string | null;
    lateReason: string | null;
    today: IsoDate;
  },
): Promise<VisitChange> {
  return withChildRecord(db, actor, personId, 'edit', 'casework_visit.record', async (access) => {
    const [referral, cpPlan, cinPlan] = await Promise.all([openReferral(access), openProtectionPlan(access), openChildInNeedPlan(access)]);
    const problems: CaseworkProblem[] = [];
    if (!referral)
      problems.push({ field: 'form', message: 'The child has no open referral: visits here are to children in need and on plans.' });
    if (input.visitedOn > input.today) problems.push({ field: 'visitedOn', message: 'The date of the visit cannot be in the future' });
    else if (referral && input.visitedOn < referral.referral_date) {
      problems.push({ field: 'visitedOn', message: 'The date of the visit cannot be before the referral' });
    }
    if (input.seenAlone && !input.childSeen)
      problems.push({ field: 'seenAlone', message: 'The child cannot be seen alone if they were not seen' });
    if (problems.length > 0) return { ok: false, problems };
    const onCpPlan = cpPlan && cpPlan.started_on <= input.visitedOn ? cpPlan : undefined;
    const onCinPlan = !onCpPlan && cinPlan && cinPlan.started_on <= input.visitedOn ? cinPlan : undefined;
    const planKind = onCpPlan ? 'child_protection' : onCinPlan ? 'child_in_need' : 'none';
    const id = await queries.insertVisit(access, {
      plan_kind: planKind,
      plan_id: onCpPlan?.id ?? onCinPlan?.id ?? null,
      visited_on: input.visitedOn,
      child_seen: input.childSeen,
      seen_alone: input.seenAlone,
      bedroom_seen: input.bedroomSeen,
      childs_views: input.childsViews,
      late_reason: input.lateReason,
      visited_by: actor.staffId,
    });
    await recordChronologyEntry(access, {
      kind: 'visit',
      occurredOn: input.visitedOn,
      summary: `Statutory visit (${planNames[planKind]}): ${input.childSeen ? (input.seenAlone ? 'child seen alone' : 'child seen, not alone') : 'child not seen'}${input.bedroomSeen ? ', bedroom seen' : ''}.`,
      source: { type: 'casework_visit', id },
    });
    if (onCpPlan && input.childSeen) {
      await recordCaseEvents(access, [
        {
          kind: 'cp_visit_made',
          occurredOn: input.visitedOn,
          ref: onCpPlan.id,
          ...(input.lateReason ? { lateReason: input.lateReason } : {}),
          source: { type: 'casework_visit', id },
        },
      ]);
    }
    return { ok: true };
  });
}

/** For the statutory returns (Ofsted Annex A): these children's statutory visits up to `to`. */
export function visitsForReturns(db: Kysely<Database>, personIds: readonly string[], to: IsoDate) {
  return queries.visitsForReturns(db, personIds, to);
}

/** On merging two records of a child, the merged record's visits to a child in need or on a plan go to the one kept. */
registerRecordMover({
  name: 'statutory visits (child in need and child protection)',
  columns: ['casework_visits.person_id'],
  move: (merged, survivor) => moveChildRows(merged, survivor, ['casework_visits']),
  restore: (merged, _survivor, moved) => moveChildRowsBack(merged, ['casework_visits'], moved),
});
