import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { sdqReasonLabel } from '../../domain/codes/ssda903-sdq-reason.js';
import { outcomesQuestionsFor, outcomesYears } from '../../domain/looked-after/yearly-outcomes.js';
import { describeCollectionYear } from '../../domain/returns/ssda903/collection-year.js';
import { withChildRecord } from '../../platform/access.js';
import type { Actor } from '../../platform/actor.js';
import { moveChildRowsBack } from '../../platform/child-rows.js';
import { ConflictError, NotFoundError } from '../../platform/errors.js';
import { registerRecordMover } from '../../platform/record-movers.js';
import { todayInEngland } from '../../platform/today.js';
import { childDetails } from '../children/service.js';
import { recordChronologyEntry, registerSourceLink } from '../chronology/service.js';
import { childHeader, periodsOf } from '../looked-after/service.js';
import { motherhoodOf } from '../motherhood/service.js';
import * as queries from './queries.js';

registerSourceLink('looked_after_outcomes', (personId) => `/children/${personId}/outcomes`);

export type OutcomesChange = { ok: true } | { ok: false; problems: { field: string; message: string }[] };
export type { OutcomeAnswers } from './queries.js';

/**
 * The outcomes page: each collection year in which the child is in the outcomes cohort (looked
 * after 12 months at 31 March), with what is recorded for it and which questions apply at the
 * child's age; and, for a girl or young woman, whether she is a mother.
 */
export function viewOutcomes(db: Kysely<Database>, actor: Actor, personId: string) {
  return withChildRecord(db, actor, personId, 'view', 'looked_after_outcomes.view', async (access) => {
    const [header, details, periods, recorded, motherhood] = await Promise.all([
      childHeader(access),
      childDetails(access),
      periodsOf(access),
      queries.outcomesOf(access),
      motherhoodOf(access),
    ]);
    const years = [...new Set([...outcomesYears(periods, todayInEngland()), ...recorded.map((r) => r.collection_year)])].sort(
      (a, b) => b - a,
    );
    return {
      header,
      isFemale: details.sex === 'F',
      motherhood: motherhood ?? null,
      years: years.map((year) => {
        const answers = recorded.find((r) => r.collection_year === year) ?? null;
        return {
          year,
          name: describeCollectionYear(year),
          questions: outcomesQuestionsFor(details.date_of_birth, year),
          answers: answers ? { ...answers, sdqReasonLabel: sdqReasonLabel(answers.sdq_reason) } : null,
        };
      }),
    };
  });
}

/**
 * Records (or changes, at the version that was read) a child's outcomes for a collection year
 * (SSDA903 OC2). The answers the year asks of every child are needed; the SDQ (ages 4 to 16),
 * conviction (10 and over) and development checks (under 5) as the child's age calls for them;
 * the substance misuse interventions only when there was substance misuse.
 */
export function saveOutcomes(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: { year: number; version: number | null; answers: queries.OutcomeAnswers },
): Promise<OutcomesChange> {
  return withChildRecord(db, actor, personId, 'edit', 'looked_after_outcomes.record', async (access) => {
    const [details, periods, recorded] = await Promise.all([childDetails(access), periodsOf(access), queries.outcomesOf(access)]);
    const existing = recorded.find((r) => r.collection_year === input.year);
    if (!existing && !outcomesYears(periods, todayInEngland()).includes(input.year)) throw new NotFoundError();
    const a = input.answers;
    const asks = outcomesQuestionsFor(details.date_of_birth, input.year);
    const problems: { field: string; message: string }[] = [];
    const need = (field: string, value: unknown, message: string) => {
      if (value === null) problems.push({ field, message });
    };
    if (asks.strengthsAndDifficulties && a.sdq_score === null && a.sdq_reason === null)
      problems.push({ field: 'sdqScore', message: 'Enter the SDQ score, or select why there is none' });
    if (a.sdq_score !== null && a.sdq_reason !== null)
      problems.push({ field: 'sdqReason', message: 'Give an SDQ score or a reason there is none, not both' });
    if (asks.conviction)
      need('convicted', a.convicted, 'Select whether the child was convicted or given a final warning or reprimand in the year');
    if (asks.developmentChecks) need('healthCheck', a.health_check, 'Select whether the child’s development checks are up to date');
    need('immunisations', a.immunisations, 'Select whether the child’s immunisations are up to date');
    need('teethCheck', a.teeth_check, 'Select whether the child’s teeth were checked by a dentist in the year');
    need('healthAssessment', a.health_assessment, 'Select whether the child’s annual health assessment is up to date');
    need('substanceMisuse', a.substance_misuse, 'Select whether the child was identified as having a substance misuse problem');
    if (a.substance_misuse) {
      need('interventionReceived', a.intervention_received, 'Select whether the child received an intervention for substance misuse');
      need('interventionOffered', a.intervention_offered, 'Select whether the child was offered an intervention and refused it');
    }
    if (problems.length > 0) return { ok: false, problems };
    const answers: queries.OutcomeAnswers = {
      ...a,
      convicted: asks.conviction ? a.convicted : null,
      health_check: asks.developmentChecks ? a.health_check : null,
      intervention_received: a.substance_misuse ? a.intervention_received : null,
      intervention_offered: a.substance_misuse ? a.intervention_offered : null,
    };
    let id: string;
    if (existing) {
      if (input.version === null || !(await queries.updateOutcomes(access, existing.id, input.version, answers))) throw new ConflictError();
      id = existing.id;
    } else {
      if (input.version !== null) throw new ConflictError();
      id = await queries.insertOutcomes(access, input.year, answers);
    }
    await recordChronologyEntry(access, {
      kind: 'outcomes',
      occurredOn: todayInEngland(),
      summary: `Outcomes for ${describeCollectionYear(input.year)} ${existing ? 'changed' : 'recorded'} (health, SDQ, offending and substance misuse).`,
      source: { type: 'looked_after_outcomes', id },
    });
    return { ok: true };
  });
}

/** For the SSDA903 return: these children's outcomes for the collection year. */
export function outcomesForReturns(db: Kysely<Database>, personIds: readonly string[], year: number) {
  return personIds.length === 0 ? Promise.resolve([]) : queries.outcomesForReturns(db, personIds, year);
}

/** On merging, the merged record's outcomes go to the one kept, for the years it has none for. */
registerRecordMover({
  name: 'yearly outcomes',
  columns: ['looked_after_outcomes.person_id'],
  move: (merged, survivor) => queries.moveOutcomes(merged, survivor.personId),
  restore: (merged, _survivor, moved) => moveChildRowsBack(merged, ['looked_after_outcomes'], moved),
});
