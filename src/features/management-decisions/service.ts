import type { Kysely } from 'kysely';
import type { Database, IsoDate } from '../../db/schema.js';
import {
  type ManagementDecisionKind,
  managementDecisionKindLabel,
  type StepDownDestination,
  type StepDownTarget,
  stepDownDestinationLabel,
  stepDownTargetLabel,
} from '../../domain/child-protection/management-decision-kinds.js';
import type { CaseworkProblem } from '../../domain/child-protection/problem.js';
import { checkStepDownAuthorisation, type StepDownAuthorisation } from '../../domain/child-protection/step-down-rules.js';
import { type ChildRecordAccess, withChildRecord } from '../../platform/access.js';
import type { Actor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { moveChildRows, moveChildRowsBack } from '../../platform/child-rows.js';
import { ConflictError } from '../../platform/errors.js';
import { registerRecordMover } from '../../platform/record-movers.js';
import type { Role } from '../../platform/roles.js';
import { childHeader } from '../children/service.js';
import { recordChronologyEntry, registerSourceLink } from '../chronology/service.js';
import { openReferral } from '../front-door/referrals/service.js';
import * as queries from './queries.js';

registerSourceLink('management_decision', (personId) => `/children/${personId}/casework/decisions`);

/** Managers: the people whose decisions count as management oversight. */
export const managerRoles: readonly Role[] = ['team_manager', 'service_manager'];

/** The chronology kind of every manager's decision: it counts as management oversight for the drift detector (docs/clocks.md). */
const oversightKind = 'management_oversight';

export interface NewManagementDecision {
  kind: ManagementDecisionKind;
  decidedOn: IsoDate;
  rationale: string;
  referralId?: string | null;
  stepDown?: { target: StepDownTarget; to: StepDownDestination; evidenceOfProgress: string };
  /** The record the decision is about (an assessment, …), for a link back. */
  source?: { type: string; id: string };
}

const shortened = (text: string) => (text.length > 160 ? `${text.slice(0, 157).trimEnd()}…` : text);

/**
 * Records a manager's decision inside the caller's transaction and puts it on the child's
 * chronology as management oversight, saying who decided and why.
 */
export async function recordManagementDecision(access: ChildRecordAccess, decision: NewManagementDecision): Promise<string> {
  const id = await queries.insertDecision(access, {
    kind: decision.kind,
    decided_on: decision.decidedOn,
    decided_by: access.actor.staffId,
    rationale: decision.rationale,
    referral_id: decision.referralId ?? null,
    step_down_target: decision.stepDown?.target ?? null,
    step_down_to: decision.stepDown?.to ?? null,
    evidence_of_progress: decision.stepDown?.evidenceOfProgress ?? null,
    source_type: decision.source?.type ?? null,
    source_id: decision.source?.id ?? null,
  });
  const what = decision.stepDown
    ? `${stepDownTargetLabel(decision.stepDown.target)}, to ${stepDownDestinationLabel(decision.stepDown.to)?.toLowerCase()}, authorised`
    : managementDecisionKindLabel(decision.kind);
  await recordChronologyEntry(access, {
    kind: oversightKind,
    occurredOn: decision.decidedOn,
    summary: `${what} by ${access.actor.displayName}: ${shortened(decision.rationale)}`,
    source: { type: 'management_decision', id },
  });
  return id;
}

/** The child's step-down and closure authorisations, with whether each has been used. */
export async function stepDownAuthorisationsOf(access: ChildRecordAccess): Promise<StepDownAuthorisation[]> {
  const rows = await queries.stepDownAuthorisations(access);
  return rows.flatMap((r) =>
    r.step_down_target
      ? [
          {
            id: r.id,
            target: r.step_down_target,
            decidedOn: r.decided_on,
            evidenceOfProgress: r.evidence_of_progress ?? '',
            used: r.used_for_id !== null,
          },
        ]
      : [],
  );
}

/** Uses a step-down authorisation for the closure or plan end it allowed (once only). */
export async function useStepDownAuthorisation(
  access: ChildRecordAccess,
  authorisationId: string,
  usedFor: { type: string; id: string },
): Promise<void> {
  if (!(await queries.markUsed(access, authorisationId, usedFor))) throw new ConflictError();
}

/**
 * Appends the refused attempt to close a case or end a plan without a manager's authorisation to
 * the audit trail (identifiers and codes only), in the caller's transaction, which saves nothing else.
 */
export function recordRefusedStepDown(
  access: ChildRecordAccess,
  target: StepDownTarget,
  problems: readonly CaseworkProblem[],
): Promise<void> {
  return recordAudit(access.trx, {
    staffId: access.actor.staffId,
    action: `casework.${target}.refused`,
    outcome: 'denied',
    recordType: 'child',
    recordId: access.personId,
    personId: access.personId,
    ipAddress: access.actor.ipAddress,
    detail: { problems: problems.map((p) => p.field ?? 'form') },
  });
}

/** The decisions page: every decision a manager has recorded on the child's case, newest first. */
export function viewDecisions(db: Kysely<Database>, actor: Actor, personId: string) {
  return withChildRecord(db, actor, personId, 'view', 'management_decision.view', async (access) => {
    const [header, decisions, referral] = await Promise.all([childHeader(access), queries.decisionsOf(access), openReferral(access)]);
    return { header, decisions, hasOpenReferral: referral !== undefined };
  });
}

export type DecisionOutcome = { ok: true } | { ok: false; problems: CaseworkProblem[] };

/** A threshold decision or an escalation, recorded by a manager with their reasons. */
export function recordOversightDecision(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: { kind: 'threshold' | 'escalation'; decidedOn: IsoDate; rationale: string; today: IsoDate },
): Promise<DecisionOutcome> {
  return withChildRecord(db, actor, personId, 'edit', 'management_decision.record', async (access) => {
    if (input.decidedOn > input.today)
      return { ok: false, problems: [{ field: 'decidedOn', message: 'The date of the decision cannot be in the future' }] };
    const referral = await openReferral(access);
    await recordManagementDecision(access, {
      kind: input.kind,
      decidedOn: input.decidedOn,
      rationale: input.rationale,
      referralId: referral?.id ?? null,
    });
    return { ok: true };
  });
}

/**
 * A manager's authorisation to close the case or end a plan, with the evidence of progress that
 * makes it safe: what Hearth asks for before it lets the closure or plan end be recorded.
 */
export function authoriseStepDown(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: {
    target: StepDownTarget | null;
    to: StepDownDestination | null;
    decidedOn: IsoDate;
    evidenceOfProgress: string | null;
    rationale: string | null;
    today: IsoDate;
  },
): Promise<DecisionOutcome> {
  return withChildRecord(db, actor, personId, 'edit', 'management_decision.step_down', async (access) => {
    const problems = checkStepDownAuthorisation(input);
    if (!input.to) problems.push({ field: 'to', message: 'Select where the child’s support goes next' });
    if (problems.length > 0 || !input.target || !input.to || !input.evidenceOfProgress || !input.rationale) return { ok: false, problems };
    const referral = await openReferral(access);
    await recordManagementDecision(access, {
      kind: 'step_down',
      decidedOn: input.decidedOn,
      rationale: input.rationale,
      referralId: referral?.id ?? null,
      stepDown: { target: input.target, to: input.to, evidenceOfProgress: input.evidenceOfProgress },
    });
    return { ok: true };
  });
}

/**
 * On merging two records of a child, the merged record's management decisions (step-down
 * authorisations among them) go to the one kept, as the referrals they belong to do.
 */
registerRecordMover({
  name: 'management decisions',
  columns: ['management_decisions.person_id'],
  move: (merged, survivor) => moveChildRows(merged, survivor, ['management_decisions']),
  restore: (merged, _survivor, moved) => moveChildRowsBack(merged, ['management_decisions'], moved),
});
