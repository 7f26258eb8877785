import type { Kysely } from 'kysely';
import type { Database, IsoDate } from '../../db/schema.js';
import { type AssessmentKind, assessmentKindLabel } from '../../domain/child-protection/assessment-kinds.js';
import { type AssessmentOutcome, assessmentOutcomeLabel } from '../../domain/child-protection/assessment-outcomes.js';
import {
  checkAssessmentStart,
  checkAssessmentSubmission,
  checkAuthorisation,
  checkReturnForMoreWork,
} from '../../domain/child-protection/assessment-rules.js';
import type { CaseworkProblem } from '../../domain/child-protection/problem.js';
import { assessmentFactorLabel } from '../../domain/codes/cin-assessment-factors.js';
import { type ChildRecordAccess, withChildRecord } from '../../platform/access.js';
import type { Actor } from '../../platform/actor.js';
import { moveChildRows, moveChildRowsBack } from '../../platform/child-rows.js';
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors.js';
import { registerRecordMover } from '../../platform/record-movers.js';
import type { Role } from '../../platform/roles.js';
import { childHeader } from '../children/service.js';
import { recordChronologyEntry, registerSourceLink } from '../chronology/service.js';
import { outstandingClocksOf, recordCaseEvents } from '../clocks/service.js';
import { openReferral, referralsOf } from '../front-door/referrals/service.js';
import { managerRoles, recordManagementDecision } from '../management-decisions/service.js';
import * as queries from './queries.js';

registerSourceLink('assessment', (personId, id) => `/children/${personId}/casework/assessments/${id}`);

/** Who does casework on a child's record: social workers and their managers (the access policy decides which children). */
export const caseworkRoles: readonly Role[] = ['social_worker', 'team_manager', 'service_manager'];

export type AssessmentChange = { ok: true; id: string } | { ok: false; problems: CaseworkProblem[] };

export type Assessment = Awaited<ReturnType<typeof queries.assessmentsOf>>[number];

/** The child's assessments, newest first: for the other casework features (closure, where the child is). */
export function assessmentsOf(access: ChildRecordAccess): Promise<Assessment[]> {
  return queries.assessmentsOf(access);
}

/** When the 45-working-day clock of this referral's assessment is due, while it runs. */
async function assessmentDueOn(access: ChildRecordAccess, referralId: string): Promise<IsoDate | null> {
  const running = await outstandingClocksOf(access, ['cf_assessment']);
  return running.find((c) => c.ref === referralId)?.due_on ?? null;
}

/** The assessments page: every assessment with its returns for more work, and the open referral's due date. */
export function viewAssessments(db: Kysely<Database>, actor: Actor, personId: string) {
  return withChildRecord(db, actor, personId, 'view', 'assessment.view', async (access) => {
    const [header, assessments, referral] = await Promise.all([childHeader(access), queries.assessmentsOf(access), openReferral(access)]);
    const returns = await queries.returnsOf(
      access,
      assessments.map((a) => a.id),
    );
    return {
      header,
      referral: referral ?? null,
      dueOn: referral ? await assessmentDueOn(access, referral.id) : null,
      assessments: assessments.map((a) => ({ ...a, returns: returns.filter((r) => r.assessment_id === a.id) })),
    };
  });
}

/** One assessment, with its factors and outcome in words and its history of returns. */
export function viewAssessment(db: Kysely<Database>, actor: Actor, personId: string, assessmentId: string) {
  return withChildRecord(db, actor, personId, 'view', 'assessment.view', async (access) => {
    const [header, assessments] = await Promise.all([childHeader(access), queries.assessmentsOf(access)]);
    const assessment = assessments.find((a) => a.id === assessmentId);
    if (!assessment) throw new NotFoundError();
    const [returns, referrals] = await Promise.all([queries.returnsOf(access, [assessment.id]), referralsOf(access)]);
    const referral = referrals.find((r) => r.id === assessment.referral_id);
    return {
      header,
      assessment: {
        ...assessment,
        kindLabel: assessmentKindLabel(assessment.kind),
        outcomeLabel: assessmentOutcomeLabel(assessment.outcome),
        factorLabels: assessment.factors.map((f) => `${f}: ${assessmentFactorLabel(f) ?? f}`),
      },
      returns,
      referralDate: referral?.referral_date ?? null,
      dueOn: assessment.status === 'authorised' ? null : await assessmentDueOn(access, assessment.referral_id),
    };
  });
}

/** Starts an assessment of the child's open referral, by the person starting it. */
export function startAssessment(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: { kind: AssessmentKind; startedOn: IsoDate; today: IsoDate },
): Promise<AssessmentChange> {
  return withChildRecord(db, actor, personId, 'edit', 'assessment.start', async (access) => {
    const [referral, assessments] = await Promise.all([openReferral(access), queries.assessmentsOf(access)]);
    const problems = checkAssessmentStart({
      episode: referral ? { referralDate: referral.referral_date, closedOn: referral.closed_on } : null,
      startedOn: input.startedOn,
      today: input.today,
      anotherOpen: assessments.some((a) => a.status !== 'authorised'),
    });
    if (problems.length > 0 || !referral) return { ok: false, problems };
    const id = await queries.insertAssessment(access, {
      referral_id: referral.id,
      kind: input.kind,
      started_on: input.startedOn,
      worker_id: actor.staffId,
      recorded_by: actor.staffId,
    });
    await recordChronologyEntry(access, {
      kind: 'assessment',
      occurredOn: input.startedOn,
      summary: `${assessmentKindLabel(input.kind)} started by ${actor.displayName}.`,
      source: { type: 'assessment', id },
    });
    return { ok: true, id };
  });
}

async function assessmentFor(access: ChildRecordAccess, assessmentId: string): Promise<Assessment> {
  const assessment = (await queries.assessmentsOf(access)).find((a) => a.id === assessmentId);
  if (!assessment) throw new NotFoundError();
  return assessment;
}

/** The worker sends the finished assessment to a manager, with the factors identified and the outcome. */
export function submitAssessment(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  assessmentId: string,
  input: { version: number; factors: readonly string[]; outcome: AssessmentOutcome | null; summary: string | null; today: IsoDate },
): Promise<AssessmentChange> {
  return withChildRecord(db, actor, personId, 'edit', 'assessment.submit', async (access) => {
    const assessment = await assessmentFor(access, assessmentId);
    if (assessment.version !== input.version) throw new ConflictError();
    const problems = checkAssessmentSubmission({ status: assessment.status, factors: input.factors, outcome: input.outcome });
    if (problems.length > 0) return { ok: false, problems };
    const saved = await queries.updateAssessment(access, assessmentId, input.version, {
      status: 'awaiting_authorisation',
      factors: [...input.factors],
      outcome: input.outcome,
      summary: input.summary,
      submitted_on: input.today,
    });
    if (!saved) throw new ConflictError();
    return { ok: true, id: assessmentId };
  });
}

/**
 * A manager authorises the assessment: its authorisation date (CIN census AssessmentAuthorisationDate)
 * stops the 45-working-day clock; a late one needs the reason. The decision goes on the chronology as
 * management oversight.
 */
export function authoriseAssessment(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  assessmentId: string,
  input: { version: number; authorisedOn: IsoDate; lateReason: string | null; rationale: string | null; today: IsoDate },
): Promise<AssessmentChange> {
  if (!managerRoles.includes(actor.role)) throw new ForbiddenError('Only a team manager or service manager can authorise an assessment.');
  return withChildRecord(db, actor, personId, 'edit', 'assessment.authorise', async (access) => {
    const assessment = await assessmentFor(access, assessmentId);
    if (assessment.version !== input.version) throw new ConflictError();
    const dueOn = await assessmentDueOn(access, assessment.referral_id);
    const problems = checkAuthorisation({
      status: assessment.status,
      startedOn: assessment.started_on,
      authorisedOn: input.authorisedOn,
      today: input.today,
      dueOn,
      lateReason: input.lateReason,
      rationale: input.rationale,
    });
    if (problems.length > 0 || !input.rationale) return { ok: false, problems };
    const late = dueOn !== null && input.authorisedOn > dueOn;
    const saved = await queries.updateAssessment(access, assessmentId, input.version, {
      status: 'authorised',
      authorised_on: input.authorisedOn,
      authorised_by: actor.staffId,
      late_reason: late ? input.lateReason : null,
    });
    if (!saved) throw new ConflictError();
    await recordManagementDecision(access, {
      kind: 'assessment_authorised',
      decidedOn: input.authorisedOn,
      rationale: `${assessmentOutcomeLabel(assessment.outcome) ?? 'Outcome recorded'}. ${input.rationale}`,
      referralId: assessment.referral_id,
      source: { type: 'assessment', id: assessmentId },
    });
    await recordCaseEvents(access, [
      {
        kind: 'assessment_authorised',
        occurredOn: input.authorisedOn,
        ref: assessment.referral_id,
        ...(late && input.lateReason ? { lateReason: input.lateReason } : {}),
        source: { type: 'assessment', id: assessmentId },
      },
    ]);
    return { ok: true, id: assessmentId };
  });
}

/** A manager returns the assessment to the worker for more work, with comments; each return is kept. */
export function returnAssessment(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  assessmentId: string,
  input: { version: number; comments: string | null; today: IsoDate },
): Promise<AssessmentChange> {
  if (!managerRoles.includes(actor.role)) throw new ForbiddenError('Only a team manager or service manager can return an assessment.');
  return withChildRecord(db, actor, personId, 'edit', 'assessment.return', async (access) => {
    const assessment = await assessmentFor(access, assessmentId);
    if (assessment.version !== input.version) throw new ConflictError();
    const problems = checkReturnForMoreWork({ status: assessment.status, comments: input.comments });
    if (problems.length > 0 || !input.comments) return { ok: false, problems };
    if (!(await queries.updateAssessment(access, assessmentId, input.version, { status: 'in_progress', submitted_on: null })))
      throw new ConflictError();
    await queries.insertReturn(access, assessmentId, input.comments);
    await recordManagementDecision(access, {
      kind: 'returned_for_more_work',
      decidedOn: input.today,
      rationale: input.comments,
      referralId: assessment.referral_id,
      source: { type: 'assessment', id: assessmentId },
    });
    return { ok: true, id: assessmentId };
  });
}

/** For the statutory returns (CIN census, Annex A), which cover the whole authority: every assessment of these referrals. */
export function assessmentsForReturns(db: Kysely<Database>, referralIds: readonly string[]) {
  return queries.assessmentsForReturns(db, referralIds);
}

const hasUnauthorisedAssessment = async (access: ChildRecordAccess) =>
  (await queries.assessmentsOf(access)).some((a) => a.status !== 'authorised');

/**
 * On merging two records of a child, the merged record's assessments (with their returns for more
 * work) go to the one kept. A child has one assessment under way at a time, so two are refused.
 */
registerRecordMover({
  name: 'assessments',
  columns: ['assessments.person_id'],
  move: async (merged, survivor) => {
    if ((await hasUnauthorisedAssessment(merged)) && (await hasUnauthorisedAssessment(survivor)))
      throw new BadRequestError('Both records have an assessment not yet authorised. Finish one of them before merging the records.');
    return moveChildRows(merged, survivor, ['assessments']);
  },
  restore: (merged, _survivor, moved) => moveChildRowsBack(merged, ['assessments'], moved),
});
