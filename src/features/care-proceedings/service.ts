import type { Kysely } from 'kysely';
import type { Database, IsoDate } from '../../db/schema.js';
import { legalGatewayOutcomeLabel } from '../../domain/codes/ssd-legal-gateway-outcome.js';
import { withChildRecord } from '../../platform/access.js';
import type { Actor } from '../../platform/actor.js';
import { moveChildRows, moveChildRowsBack } from '../../platform/child-rows.js';
import { ConflictError, NotFoundError } from '../../platform/errors.js';
import { registerRecordMover } from '../../platform/record-movers.js';
import { recordChronologyEntry, registerSourceLink } from '../chronology/service.js';
import { outstandingClocksOf, recordCaseEvents } from '../clocks/service.js';
import { childHeader } from '../looked-after/service.js';
import * as queries from './queries.js';

const courtTables = ['pre_proceedings', 'care_proceedings'] as const;

registerSourceLink('pre_proceedings', (personId) => `/children/${personId}/court`);
registerSourceLink('care_proceedings', (personId) => `/children/${personId}/court`);

/** How care proceedings ended: the final order made, or none. */
export const finalOrders = [
  { code: 'care_order', label: 'Care order (s31)' },
  { code: 'supervision_order', label: 'Supervision order' },
  { code: 'placement_order', label: 'Care order and placement order' },
  { code: 'special_guardianship_order', label: 'Special guardianship order' },
  { code: 'child_arrangements_order', label: 'Child arrangements order' },
  { code: 'no_order', label: 'No order' },
  { code: 'withdrawn', label: 'Application withdrawn' },
] as const;
export type FinalOrder = (typeof finalOrders)[number]['code'];

export const preProceedingsEndReasons = [
  { code: 'concerns_reduced', label: 'Concerns reduced: stepped down' },
  { code: 'other', label: 'Other' },
] as const;

export type CourtChange = { ok: true } | { ok: false; problems: { field: string; message: string }[] };

const labelOf = (list: readonly { code: string; label: string }[], code: string | null) => list.find((c) => c.code === code)?.label ?? code;

/** The court page: pre-proceedings and care proceedings, with the dates their timescales end. */
export function viewCourtWork(db: Kysely<Database>, actor: Actor, personId: string) {
  return withChildRecord(db, actor, personId, 'view', 'court.view', async (access) => {
    const [header, pre, proceedings, clocks] = await Promise.all([
      childHeader(access),
      queries.preProceedings(access),
      queries.careProceedings(access),
      outstandingClocksOf(access, ['pre_proceedings', 'care_proceedings']),
    ]);
    const dueFor = (clockId: string, ref: string) => clocks.find((c) => c.clock_id === clockId && c.ref === ref)?.due_on ?? null;
    return {
      header,
      preProceedings: pre.map((p) => ({
        ...p,
        gatewayLabel: p.legal_gateway_outcome ? legalGatewayOutcomeLabel(p.legal_gateway_outcome) : null,
        endLabel: p.end_reason === 'proceedings_issued' ? 'Care proceedings issued' : labelOf(preProceedingsEndReasons, p.end_reason),
        dueOn: dueFor('pre_proceedings', p.id),
      })),
      careProceedings: proceedings.map((p) => ({
        ...p,
        orderLabel: labelOf(finalOrders, p.final_order),
        dueOn: dueFor('care_proceedings', p.id),
      })),
    };
  });
}

/** Starts pre-proceedings under the Public Law Outline, with the legal gateway meeting that decided it. */
export function startPreProceedings(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: { gatewayOn: IsoDate | null; gatewayOutcome: string | null; startedOn: IsoDate; today: IsoDate },
): Promise<CourtChange> {
  return withChildRecord(db, actor, personId, 'edit', 'court.pre_proceedings.start', async (access) => {
    const problems: { field: string; message: string }[] = [];
    if (input.startedOn > input.today)
      problems.push({ field: 'startedOn', message: 'The start of pre-proceedings cannot be in the future' });
    if (input.gatewayOn && input.gatewayOn > input.startedOn)
      problems.push({ field: 'gatewayOn', message: 'The legal gateway meeting must be on or before the start of pre-proceedings' });
    if ((input.gatewayOn === null) !== (input.gatewayOutcome === null))
      problems.push({ field: 'gatewayOutcome', message: 'Enter both the date and the outcome of the legal gateway meeting, or neither' });
    if ((await queries.preProceedings(access)).some((p) => p.ended_on === null))
      problems.push({ field: 'startedOn', message: 'Pre-proceedings are already running: end them first' });
    if (problems.length > 0) return { ok: false, problems };
    const id = await queries.insertPreProceedings(access, {
      legal_gateway_on: input.gatewayOn,
      legal_gateway_outcome: input.gatewayOutcome,
      started_on: input.startedOn,
      recorded_by: actor.staffId,
    });
    await recordChronologyEntry(access, {
      kind: 'court',
      occurredOn: input.startedOn,
      summary: 'Pre-proceedings (Public Law Outline) started.',
      source: { type: 'pre_proceedings', id },
    });
    await recordCaseEvents(access, [
      { kind: 'pre_proceedings_started', occurredOn: input.startedOn, ref: id, source: { type: 'pre_proceedings', id } },
    ]);
    return { ok: true };
  });
}

/** Ends pre-proceedings without issuing (issuing care proceedings ends them by itself). */
export function endPreProceedings(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: { id: string; version: number; endedOn: IsoDate; reason: 'concerns_reduced' | 'other'; today: IsoDate },
): Promise<CourtChange> {
  return withChildRecord(db, actor, personId, 'edit', 'court.pre_proceedings.end', async (access) => {
    const pre = (await queries.preProceedings(access)).find((p) => p.id === input.id);
    if (!pre) throw new NotFoundError();
    if (input.endedOn < pre.started_on)
      return { ok: false, problems: [{ field: 'endedOn', message: 'The end cannot be before pre-proceedings started' }] };
    if (input.endedOn > input.today) return { ok: false, problems: [{ field: 'endedOn', message: 'The end cannot be in the future' }] };
    if (!(await queries.endPreProceedings(access, input.id, input.version, { ended_on: input.endedOn, end_reason: input.reason })))
      throw new ConflictError();
    await recordChronologyEntry(access, {
      kind: 'court',
      occurredOn: input.endedOn,
      summary: `Pre-proceedings ended: ${labelOf(preProceedingsEndReasons, input.reason)}.`,
      source: { type: 'pre_proceedings', id: input.id },
    });
    await recordCaseEvents(access, [
      { kind: 'pre_proceedings_ended', occurredOn: input.endedOn, ref: input.id, source: { type: 'pre_proceedings', id: input.id } },
    ]);
    return { ok: true };
  });
}

/** Records care proceedings issued: the 26-week timescale starts, and any running pre-proceedings end. */
export function issueCareProceedings(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: { issuedOn: IsoDate; court: string | null; caseNumber: string | null; finalHearingOn: IsoDate | null; today: IsoDate },
): Promise<CourtChange> {
  return withChildRecord(db, actor, personId, 'edit', 'court.care_proceedings.issue', async (access) => {
    const problems: { field: string; message: string }[] = [];
    if (input.issuedOn > input.today) problems.push({ field: 'issuedOn', message: 'The date issued cannot be in the future' });
    if (input.finalHearingOn && input.finalHearingOn < input.issuedOn)
      problems.push({ field: 'finalHearingOn', message: 'The final hearing must be after the proceedings were issued' });
    const running = (await queries.careProceedings(access)).some((p) => p.concluded_on === null);
    if (running) problems.push({ field: 'issuedOn', message: 'Care proceedings are already running for this child' });
    const openPre = (await queries.preProceedings(access)).find((p) => p.ended_on === null);
    if (openPre && input.issuedOn < openPre.started_on)
      problems.push({ field: 'issuedOn', message: 'Proceedings cannot be issued before the pre-proceedings started' });
    if (problems.length > 0) return { ok: false, problems };

    const id = await queries.insertCareProceedings(access, {
      issued_on: input.issuedOn,
      court: input.court,
      court_case_number: input.caseNumber,
      final_hearing_on: input.finalHearingOn,
      recorded_by: actor.staffId,
    });
    await recordChronologyEntry(access, {
      kind: 'court',
      occurredOn: input.issuedOn,
      summary: `Care proceedings issued${input.court ? ` at ${input.court}` : ''}.`,
      source: { type: 'care_proceedings', id },
    });
    if (openPre) {
      if (
        !(await queries.endPreProceedings(access, openPre.id, openPre.version, {
          ended_on: input.issuedOn,
          end_reason: 'proceedings_issued',
        }))
      )
        throw new ConflictError();
      await recordCaseEvents(access, [
        { kind: 'pre_proceedings_ended', occurredOn: input.issuedOn, ref: openPre.id, source: { type: 'pre_proceedings', id: openPre.id } },
      ]);
    }
    await recordCaseEvents(access, [
      { kind: 'care_proceedings_issued', occurredOn: input.issuedOn, ref: id, source: { type: 'care_proceedings', id } },
    ]);
    return { ok: true };
  });
}

/** Records how care proceedings ended: the date and the final order. */
export function concludeCareProceedings(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: { id: string; version: number; concludedOn: IsoDate; finalOrder: FinalOrder; today: IsoDate },
): Promise<CourtChange> {
  return withChildRecord(db, actor, personId, 'edit', 'court.care_proceedings.conclude', async (access) => {
    const proceedings = (await queries.careProceedings(access)).find((p) => p.id === input.id);
    if (!proceedings) throw new NotFoundError();
    if (input.concludedOn < proceedings.issued_on)
      return { ok: false, problems: [{ field: 'concludedOn', message: 'Proceedings cannot end before they were issued' }] };
    if (input.concludedOn > input.today)
      return { ok: false, problems: [{ field: 'concludedOn', message: 'The date cannot be in the future' }] };
    if (
      !(await queries.concludeCareProceedings(access, input.id, input.version, {
        concluded_on: input.concludedOn,
        final_order: input.finalOrder,
      }))
    )
      throw new ConflictError();
    await recordChronologyEntry(access, {
      kind: 'court',
      occurredOn: input.concludedOn,
      summary: `Care proceedings concluded: ${labelOf(finalOrders, input.finalOrder)}.`,
      source: { type: 'care_proceedings', id: input.id },
    });
    await recordCaseEvents(access, [
      {
        kind: 'care_proceedings_concluded',
        occurredOn: input.concludedOn,
        ref: input.id,
        source: { type: 'care_proceedings', id: input.id },
      },
    ]);
    return { ok: true };
  });
}

/** On merging two records of a child, the merged record's pre-proceedings and care proceedings go to the one kept. */
registerRecordMover({
  name: 'pre-proceedings and care proceedings',
  columns: ['pre_proceedings.person_id', 'care_proceedings.person_id'],
  move: (merged, survivor) => moveChildRows(merged, survivor, courtTables),
  restore: (merged, _survivor, moved) => moveChildRowsBack(merged, courtTables, moved),
});
