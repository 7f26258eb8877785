import type { Kysely } from 'kysely';
import type { Database, IsoDate } from '../../db/schema.js';
import { spokenDate } from '../../domain/child-protection/spoken-date.js';
import { adopterLegalStatusLabel } from '../../domain/codes/ssda903-adopter-legal-status.js';
import { adopterSexLabel } from '../../domain/codes/ssda903-adopter-sex.js';
import { reasonNoLongerPlacedForAdoptionLabel } from '../../domain/codes/ssda903-reason-no-longer-placed-for-adoption.js';
import { withChildRecord } from '../../platform/access.js';
import type { Actor } from '../../platform/actor.js';
import { moveChildRowsBack } from '../../platform/child-rows.js';
import { ConflictError, NotFoundError } from '../../platform/errors.js';
import { registerRecordMover } from '../../platform/record-movers.js';
import { recordChronologyEntry, registerSourceLink } from '../chronology/service.js';
import { childHeader, periodsOf } from '../looked-after/service.js';
import { permanenceBeforeCare } from '../previous-permanence/service.js';
import * as queries from './queries.js';

registerSourceLink('adoption_decision', (personId) => `/children/${personId}/adoption`);
registerSourceLink('adoption', (personId) => `/children/${personId}/adoption`);

export type AdoptionChange = { ok: true } | { ok: false; problems: { field: string; message: string }[] };

/** Reasons care ended that mean the child was adopted (SSDA903 REC E11, E12). */
const adoptedReasons = ['E11', 'E12'];

/**
 * The adoption page: the permanence the child had before each period of care, the decisions that
 * the child should be placed for adoption (and any reversal), and the adoption itself, with the
 * days the child's care ended by adoption (to record an adoption against).
 */
export function viewAdoption(db: Kysely<Database>, actor: Actor, personId: string) {
  return withChildRecord(db, actor, personId, 'view', 'adoption.view', async (access) => {
    const [header, periods, decisions, adoptions, beforeCare] = await Promise.all([
      childHeader(access),
      periodsOf(access),
      queries.decisionsOf(access),
      queries.adoptionsOf(access),
      permanenceBeforeCare(access),
    ]);
    const adoptedOn = periods
      .filter((p) => p.endedOn !== null && adoptedReasons.includes(p.reasonCeased ?? ''))
      .map((p) => p.endedOn as IsoDate);
    return {
      header,
      periods: periods.map((p) => ({ ...p, permanence: beforeCare.find((b) => b.periodStartedOn === p.startedOn) ?? null })),
      decisions: decisions.map((d) => ({ ...d, reasonLabel: reasonNoLongerPlacedForAdoptionLabel(d.reason_reversed) })),
      adoptions: adoptions.map((a) => ({
        ...a,
        adoptersSexLabel: adopterSexLabel(a.adopters_sex),
        adoptersLegalStatusLabel: adopterLegalStatusLabel(a.adopters_legal_status),
      })),
      adoptionsToRecord: adoptedOn.filter((day) => !adoptions.some((a) => a.adopted_on === day)),
    };
  });
}

/**
 * Records the agency decision that the child should be placed for adoption (SSDA903
 * PlacedAdoption DATE_PLACED). The child must be looked after on the day, and an earlier decision
 * must have been reversed first (DfE rules 1003 and 583).
 */
export function recordDecision(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: { decidedOn: IsoDate; today: IsoDate },
): Promise<AdoptionChange> {
  return withChildRecord(db, actor, personId, 'edit', 'adoption.decision.record', async (access) => {
    const [periods, decisions] = await Promise.all([periodsOf(access), queries.decisionsOf(access)]);
    const problems: { field: string; message: string }[] = [];
    if (input.decidedOn > input.today) problems.push({ field: 'decidedOn', message: 'The decision date cannot be in the future' });
    else if (!periods.some((p) => p.startedOn <= input.decidedOn && (p.endedOn === null || p.endedOn >= input.decidedOn)))
      problems.push({ field: 'decidedOn', message: 'The child must be looked after on the day of the decision' });
    const open = decisions.find((d) => d.reversed_on === null);
    if (open)
      problems.push({
        field: 'decidedOn',
        message: `The decision of ${spokenDate(open.decided_on)} has not been reversed: record its reversal before a new decision`,
      });
    if (problems.length > 0) return { ok: false, problems };
    const id = await queries.insertDecision(access, input.decidedOn);
    await recordChronologyEntry(access, {
      kind: 'adoption',
      occurredOn: input.decidedOn,
      summary: 'Decision that the child should be placed for adoption.',
      source: { type: 'adoption_decision', id },
    });
    return { ok: true };
  });
}

/** Records that a decision to place for adoption was reversed, why (RD1-RD4), and when. */
export function reverseDecision(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: { decisionId: string; version: number; reversedOn: IsoDate; reason: string; today: IsoDate },
): Promise<AdoptionChange> {
  return withChildRecord(db, actor, personId, 'edit', 'adoption.decision.reverse', async (access) => {
    const decision = (await queries.decisionsOf(access)).find((d) => d.id === input.decisionId);
    if (!decision) throw new NotFoundError();
    if (input.reversedOn < decision.decided_on)
      return { ok: false, problems: [{ field: 'reversedOn', message: 'The reversal cannot be before the decision' }] };
    if (input.reversedOn > input.today)
      return { ok: false, problems: [{ field: 'reversedOn', message: 'The date cannot be in the future' }] };
    if (!(await queries.reverseDecision(access, input.decisionId, input.version, input.reversedOn, input.reason)))
      throw new ConflictError();
    await recordChronologyEntry(access, {
      kind: 'adoption',
      occurredOn: input.reversedOn,
      summary: `Decision to place for adoption reversed: ${reasonNoLongerPlacedForAdoptionLabel(input.reason)}.`,
      source: { type: 'adoption_decision', id: input.decisionId },
    });
    return { ok: true };
  });
}

export interface AdoptionDetails {
  adoptedOn: IsoDate;
  shouldBePlacedOn: IsoDate;
  matchedOn: IsoDate;
  adoptedByFosterCarer: boolean;
  numberOfAdopters: 1 | 2;
  adoptersSex: string;
  adoptersLegalStatus: string;
}

/** Adopter codes that go with one adopter or with a couple (DfE rules 511 and 514). */
const singleAdopterSex = ['M1', 'F1'];
const singleAdopterStatus = 'L0';

/**
 * Records the adoption (SSDA903 AD1) on the day of the adoption order, which is the day the
 * child's care ended by adoption (E11 or E12), or changes it (`change`: the row and the version
 * that was read). Dates must follow one another: should be placed, matched, adopted.
 */
export function saveAdoption(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: AdoptionDetails & { change: { id: string; version: number } | null },
): Promise<AdoptionChange> {
  return withChildRecord(db, actor, personId, 'edit', input.change ? 'adoption.change' : 'adoption.record', async (access) => {
    const [periods, adoptions] = await Promise.all([periodsOf(access), queries.adoptionsOf(access)]);
    const problems: { field: string; message: string }[] = [];
    const adoptedPeriod = periods.some((p) => p.endedOn === input.adoptedOn && adoptedReasons.includes(p.reasonCeased ?? ''));
    if (!adoptedPeriod)
      problems.push({
        field: 'adoptedOn',
        message: 'Enter the day care ended by adoption (record the end of care with reason E11 or E12 first, on Care and placements)',
      });
    else if (adoptions.some((a) => a.adopted_on === input.adoptedOn && a.id !== input.change?.id))
      problems.push({ field: 'adoptedOn', message: 'The adoption on this day is already recorded: change it instead' });
    if (input.matchedOn < input.shouldBePlacedOn)
      problems.push({
        field: 'matchedOn',
        message: 'The match cannot be before the decision that the child should be placed for adoption',
      });
    if (input.matchedOn > input.adoptedOn) problems.push({ field: 'matchedOn', message: 'The match cannot be after the adoption' });
    const single = input.numberOfAdopters === 1;
    if (single !== singleAdopterSex.includes(input.adoptersSex))
      problems.push({ field: 'adoptersSex', message: single ? 'Select single male or single female' : 'Select the couple' });
    if (single !== (input.adoptersLegalStatus === singleAdopterStatus))
      problems.push({
        field: 'adoptersLegalStatus',
        message: single ? 'Select single adopter' : 'Select the couple’s legal status (single adopter is for one adopter)',
      });
    if (problems.length > 0) return { ok: false, problems };

    const row = {
      adopted_on: input.adoptedOn,
      should_be_placed_on: input.shouldBePlacedOn,
      matched_on: input.matchedOn,
      adopted_by_foster_carer: input.adoptedByFosterCarer,
      number_of_adopters: input.numberOfAdopters,
      adopters_sex: input.adoptersSex,
      adopters_legal_status: input.adoptersLegalStatus,
    };
    let id: string;
    if (input.change) {
      if (!adoptions.some((a) => a.id === input.change?.id)) throw new NotFoundError();
      if (!(await queries.updateAdoption(access, input.change.id, input.change.version, row))) throw new ConflictError();
      id = input.change.id;
    } else {
      id = await queries.insertAdoption(access, { ...row, recorded_by: actor.staffId });
    }
    await recordChronologyEntry(access, {
      kind: 'adoption',
      occurredOn: input.adoptedOn,
      summary: `${input.change ? 'Adoption details changed' : 'Adoption recorded'}: matched ${spokenDate(input.matchedOn)}, adopted by ${adopterSexLabel(input.adoptersSex)?.toLowerCase()}${input.adoptedByFosterCarer ? ', their foster carers' : ''}.`,
      source: { type: 'adoption', id },
    });
    return { ok: true };
  });
}

/** The adoption row being changed and its version, to prefill the form. */
export function adoptionToChange(db: Kysely<Database>, actor: Actor, personId: string, adoptionId: string) {
  return withChildRecord(db, actor, personId, 'view', 'adoption.view', async (access) => {
    const adoption = (await queries.adoptionsOf(access)).find((a) => a.id === adoptionId);
    if (!adoption) throw new NotFoundError();
    return adoption;
  });
}

/** For the SSDA903 return: these children's decisions to place for adoption. */
export function adoptionDecisionsForReturns(db: Kysely<Database>, personIds: readonly string[]) {
  return personIds.length === 0 ? Promise.resolve([]) : queries.decisionsForReturns(db, personIds);
}

/** For the SSDA903 return: these children's adoptions. */
export function adoptionsForReturns(db: Kysely<Database>, personIds: readonly string[]) {
  return personIds.length === 0 ? Promise.resolve([]) : queries.adoptionsForReturns(db, personIds);
}

/**
 * On merging two records of a child, the merged record's decisions go to the one kept, and its
 * adoptions too, unless the one kept already has an adoption on that day (it stays with the merged record).
 */
registerRecordMover({
  name: 'adoption decisions and adoptions',
  columns: ['adoption_decisions.person_id', 'adoptions.person_id'],
  move: (merged, survivor) => queries.moveAdoptionRows(merged, survivor.personId),
  restore: (merged, _survivor, moved) => moveChildRowsBack(merged, ['adoption_decisions', 'adoptions'], moved),
});
