import type { Kysely } from 'kysely';
import type { Database, IsoDate } from '../../db/schema.js';
import { carePlanPermanenceLabel } from '../../domain/codes/ssd-care-plan-permanence.js';
import { withChildRecord } from '../../platform/access.js';
import type { Actor } from '../../platform/actor.js';
import { moveChildRows, moveChildRowsBack } from '../../platform/child-rows.js';
import { registerRecordMover } from '../../platform/record-movers.js';
import { recordChronologyEntry, registerSourceLink } from '../chronology/service.js';
import { outstandingClocksOf, recordCaseEvents } from '../clocks/service.js';
import { careOn, childHeader, periodsOf } from '../looked-after/service.js';
import * as queries from './queries.js';

const carePlanTables = ['health_assessments', 'education_plans', 'permanence_plans'] as const;

registerSourceLink('health_assessment', (personId) => `/children/${personId}/care-plan`);
registerSourceLink('education_plan', (personId) => `/children/${personId}/care-plan`);
registerSourceLink('permanence_plan', (personId) => `/children/${personId}/care-plan`);

export type CarePlanChange = { ok: true } | { ok: false; problems: { field: string; message: string }[] };
export type PepStage = 'initiated' | 'completed' | 'reviewed';

export const pepStageNames: Record<PepStage, string> = {
  initiated: 'Personal education plan started',
  completed: 'Personal education plan completed',
  reviewed: 'Personal education plan reviewed',
};
const pepEvents = { initiated: 'pep_initiated', completed: 'pep_completed', reviewed: 'pep_reviewed' } as const;

/** The health, education and permanence parts of the care plan, and what is due next. */
export function viewCarePlan(db: Kysely<Database>, actor: Actor, personId: string) {
  return withChildRecord(db, actor, personId, 'view', 'care_plan.view', async (access) => {
    const [header, health, education, permanence, due] = await Promise.all([
      childHeader(access),
      queries.healthAssessments(access),
      queries.educationPlans(access),
      queries.permanencePlans(access),
      outstandingClocksOf(access, [
        'health_assessment_initial',
        'health_assessment_review',
        'pep_initial',
        'pep_first_review_ready',
        'pep_review',
      ]),
    ]);
    return { header, health, education, permanence, due };
  });
}

const notFuture = (date: IsoDate, today: IsoDate, field: string): { field: string; message: string }[] =>
  date > today ? [{ field, message: 'The date cannot be in the future' }] : [];

/** Records an initial or review health assessment done by a doctor or nurse. */
export function recordHealthAssessment(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: { kind: 'initial' | 'review'; completedOn: IsoDate; completedBy: string; lateReason: string | null; today: IsoDate },
): Promise<CarePlanChange> {
  return withChildRecord(db, actor, personId, 'edit', 'care_plan.health_assessment.record', async (access) => {
    const problems = notFuture(input.completedOn, input.today, 'completedOn');
    const periods = await periodsOf(access);
    const latest = periods.at(-1);
    if (!latest)
      problems.push({
        field: 'completedOn',
        message: 'Health assessments are recorded for looked-after children: start a period of care first',
      });
    else if (
      input.kind === 'initial' &&
      (await queries.healthAssessments(access)).some((h) => h.kind === 'initial' && h.completed_on >= latest.startedOn)
    ) {
      problems.push({
        field: 'kind',
        message: 'An initial health assessment is already recorded for this period of care: record a review',
      });
    }
    if (problems.length > 0) return { ok: false, problems };
    const id = await queries.insertHealthAssessment(access, {
      kind: input.kind,
      completed_on: input.completedOn,
      completed_by: input.completedBy,
      late_reason: input.lateReason,
      recorded_by: actor.staffId,
    });
    await recordChronologyEntry(access, {
      kind: 'health',
      occurredOn: input.completedOn,
      summary: `${input.kind === 'initial' ? 'Initial' : 'Review'} health assessment completed by ${input.completedBy}.`,
      source: { type: 'health_assessment', id },
    });
    await recordCaseEvents(access, [
      {
        kind: 'health_assessment_completed',
        occurredOn: input.completedOn,
        ...(input.lateReason ? { lateReason: input.lateReason } : {}),
        source: { type: 'health_assessment', id },
      },
    ]);
    return { ok: true };
  });
}

/** Records a personal education plan started, completed or reviewed. */
export function recordEducationPlan(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: { stage: PepStage; heldOn: IsoDate; school: string | null; lateReason: string | null; today: IsoDate },
): Promise<CarePlanChange> {
  return withChildRecord(db, actor, personId, 'edit', 'care_plan.education_plan.record', async (access) => {
    const problems = notFuture(input.heldOn, input.today, 'heldOn');
    if (problems.length === 0 && !(await careOn(access, input.heldOn)).lookedAfter)
      problems.push({ field: 'heldOn', message: 'The child was not looked after on that date' });
    if (problems.length > 0) return { ok: false, problems };
    const id = await queries.insertEducationPlan(access, {
      stage: input.stage,
      held_on: input.heldOn,
      school: input.school,
      late_reason: input.lateReason,
      recorded_by: actor.staffId,
    });
    await recordChronologyEntry(access, {
      kind: 'education',
      occurredOn: input.heldOn,
      summary: `${pepStageNames[input.stage]}${input.school ? ` (${input.school})` : ''}.`,
      source: { type: 'education_plan', id },
    });
    await recordCaseEvents(access, [
      {
        kind: pepEvents[input.stage],
        occurredOn: input.heldOn,
        ...(input.lateReason ? { lateReason: input.lateReason } : {}),
        source: { type: 'education_plan', id },
      },
    ]);
    return { ok: true };
  });
}

/** Records the permanence plan agreed for the child (usually at the second review). */
export function recordPermanencePlan(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: { plan: string; agreedOn: IsoDate; detail: string | null; today: IsoDate },
): Promise<CarePlanChange> {
  return withChildRecord(db, actor, personId, 'edit', 'care_plan.permanence_plan.record', async (access) => {
    const problems = notFuture(input.agreedOn, input.today, 'agreedOn');
    if (problems.length === 0 && !(await careOn(access, input.agreedOn)).lookedAfter)
      problems.push({ field: 'agreedOn', message: 'The child was not looked after on that date' });
    if (problems.length > 0) return { ok: false, problems };
    const id = await queries.insertPermanencePlan(access, {
      plan: input.plan,
      agreed_on: input.agreedOn,
      detail: input.detail,
      recorded_by: actor.staffId,
    });
    await recordChronologyEntry(access, {
      kind: 'plan',
      occurredOn: input.agreedOn,
      summary: `Permanence plan: ${carePlanPermanenceLabel(input.plan)}.`,
      source: { type: 'permanence_plan', id },
    });
    return { ok: true };
  });
}

/** The health assessments and permanence plans of many children at once, for the authority's Annex A. */
export async function carePlansForReturn(db: Kysely<Database>, personIds: readonly string[]) {
  if (personIds.length === 0) return { healthAssessments: [], permanencePlans: [] };
  const healthAssessments = await queries.healthAssessmentsOf(db, personIds);
  const permanencePlans = await queries.permanencePlansOf(db, personIds);
  return { healthAssessments, permanencePlans };
}

/** On merging two records of a child, the merged record's health assessments, PEPs and permanence plans go to the one kept. */
registerRecordMover({
  name: 'health assessments, education plans and permanence plans',
  columns: ['health_assessments.person_id', 'education_plans.person_id', 'permanence_plans.person_id'],
  move: (merged, survivor) => moveChildRows(merged, survivor, carePlanTables),
  restore: (merged, _survivor, moved) => moveChildRowsBack(merged, carePlanTables, moved),
});
