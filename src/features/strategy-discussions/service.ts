import type { Kysely } from 'kysely';
import type { Database, IsoDate } from '../../db/schema.js';
import { agencyLabel } from '../../domain/child-protection/agencies.js';
import type { CaseworkProblem } from '../../domain/child-protection/problem.js';
import { type StrategyDecision, strategyDecisionLabel } from '../../domain/child-protection/strategy-decisions.js';
import { checkStrategyDiscussion } from '../../domain/child-protection/strategy-rules.js';
import { type ChildRecordAccess, withChildRecord } from '../../platform/access.js';
import type { Actor } from '../../platform/actor.js';
import { moveChildRows, moveChildRowsBack } from '../../platform/child-rows.js';
import { registerRecordMover } from '../../platform/record-movers.js';
import { childHeader } from '../children/service.js';
import { recordChronologyEntry, registerSourceLink } from '../chronology/service.js';
import { recordCaseEvents } from '../clocks/service.js';
import { openReferral } from '../front-door/referrals/service.js';
import { enquiriesOf, startEnquiry } from '../section-47/service.js';
import * as queries from './queries.js';

registerSourceLink('strategy_discussion', (personId) => `/children/${personId}/casework/child-protection`);

export type StrategyDiscussion = Awaited<ReturnType<typeof queries.discussionsOf>>[number];

/** The child's strategy discussions, newest first, with the agencies in words. */
export async function strategyDiscussionsOf(access: ChildRecordAccess) {
  return (await queries.discussionsOf(access)).map((d) => ({
    ...d,
    agencyLabels: d.agencies.map(agencyLabel),
    decisionLabel: strategyDecisionLabel(d.decision),
  }));
}

/** The page header and open referral, for the strategy discussion form. */
export function strategyDiscussionForm(db: Kysely<Database>, actor: Actor, personId: string) {
  return withChildRecord(db, actor, personId, 'view', 'strategy_discussion.form', async (access) => {
    const [header, referral] = await Promise.all([childHeader(access), openReferral(access)]);
    return { header, referral: referral ?? null };
  });
}

export type StrategyDiscussionChange = { ok: true } | { ok: false; problems: CaseworkProblem[] };

/**
 * Records a strategy discussion on the open referral: its date meets the strategy discussion
 * clock; a decision to start a section 47 enquiry starts one on the same day (and with it the
 * 15-working-day clock to the initial conference).
 */
export function recordStrategyDiscussion(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: {
    heldOn: IsoDate;
    agencies: readonly string[];
    participants: string | null;
    decision: StrategyDecision;
    rationale: string;
    today: IsoDate;
  },
): Promise<StrategyDiscussionChange> {
  return withChildRecord(db, actor, personId, 'edit', 'strategy_discussion.record', async (access) => {
    const [referral, enquiries] = await Promise.all([openReferral(access), enquiriesOf(access)]);
    const problems = checkStrategyDiscussion({
      episode: referral ? { referralDate: referral.referral_date, closedOn: referral.closed_on } : null,
      heldOn: input.heldOn,
      today: input.today,
      agencies: input.agencies,
      openEnquiry: enquiries.some((e) => e.outcome === null),
      startsEnquiry: input.decision === 'section_47',
    });
    if (problems.length > 0 || !referral) return { ok: false, problems };
    const id = await queries.insertDiscussion(access, {
      referral_id: referral.id,
      held_on: input.heldOn,
      agencies: [...input.agencies],
      participants: input.participants,
      decision: input.decision,
      rationale: input.rationale,
      recorded_by: actor.staffId,
    });
    await recordCaseEvents(access, [
      { kind: 'strategy_discussion_held', occurredOn: input.heldOn, ref: referral.id, source: { type: 'strategy_discussion', id } },
    ]);
    await recordChronologyEntry(access, {
      kind: 'strategy_discussion',
      occurredOn: input.heldOn,
      summary: `Strategy discussion (${input.agencies.map(agencyLabel).join(', ')}): ${strategyDecisionLabel(input.decision).toLowerCase()}.`,
      source: { type: 'strategy_discussion', id },
    });
    if (input.decision === 'section_47')
      await startEnquiry(access, { referralId: referral.id, strategyDiscussionId: id, startedOn: input.heldOn });
    return { ok: true };
  });
}

/** On merging two records of a child, the merged record's strategy discussions go to the one kept. */
registerRecordMover({
  name: 'strategy discussions',
  columns: ['strategy_discussions.person_id'],
  move: (merged, survivor) => moveChildRows(merged, survivor, ['strategy_discussions']),
  restore: (merged, _survivor, moved) => moveChildRowsBack(merged, ['strategy_discussions'], moved),
});
