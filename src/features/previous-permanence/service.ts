import type { Kysely } from 'kysely';
import type { Database, IsoDate } from '../../db/schema.js';
import { spokenDate } from '../../domain/child-protection/spoken-date.js';
import { previousPermanenceLabel } from '../../domain/codes/ssda903-previous-permanence.js';
import { type ChildRecordAccess, withChildRecord } from '../../platform/access.js';
import type { Actor } from '../../platform/actor.js';
import { moveChildRowsBack } from '../../platform/child-rows.js';
import { ConflictError, NotFoundError } from '../../platform/errors.js';
import { registerRecordMover } from '../../platform/record-movers.js';
import { recordChronologyEntry, registerSourceLink } from '../chronology/service.js';
import { childHeader, periodsOf } from '../looked-after/service.js';
import * as queries from './queries.js';

registerSourceLink('previous_permanence', (personId) => `/children/${personId}/adoption#permanence-before-care`);

export type PermanenceChange = { ok: true } | { ok: false; problems: { field: string; message: string }[] };

/** Arrangements with no order behind them: no authority or date to give (Z1 none, P4 unknown). */
const withoutOrder = ['Z1', 'P4'];

/** When the order was made, as far as it is known: each part may be unknown (the return writes zz). */
export interface PartlyKnownDate {
  day: number | null;
  month: number | null;
  year: number | null;
}

/** The date as the return writes it (DATE_PERM): DD/MM/YYYY with zz for unknown parts, or null when nothing usable was given. */
export function permanenceDate(date: PartlyKnownDate): string | null {
  const { day, month, year } = date;
  const two = (n: number) => String(n).padStart(2, '0');
  if (year === null) return day === null && month === null ? 'zz/zz/zzzz' : null;
  if (month === null) return day === null ? `zz/zz/${year}` : null;
  if (day === null) return `zz/${two(month)}/${year}`;
  const iso = `${year}-${two(month)}-${two(day)}`;
  const real = new Date(`${iso}T00:00:00Z`);
  return real.getUTCDate() === day && real.getUTCMonth() + 1 === month ? `${two(day)}/${two(month)}/${year}` : null;
}

/** The permanence before each period of care that is recorded, for the adoption page. */
export async function permanenceBeforeCare(access: ChildRecordAccess) {
  return (await queries.permanenceOf(access)).map((p) => ({
    id: p.id,
    periodStartedOn: p.period_started_on,
    arrangement: p.arrangement,
    arrangementLabel: previousPermanenceLabel(p.arrangement) ?? p.arrangement,
    localAuthority: p.local_authority,
    arrangementDate: p.arrangement_date,
    version: p.version,
  }));
}

/** The form for one period of care: the child, the period, and what is recorded for it. */
export function permanenceForPeriod(db: Kysely<Database>, actor: Actor, personId: string, periodStartedOn: string) {
  return withChildRecord(db, actor, personId, 'view', 'previous_permanence.view', async (access) => {
    const [header, periods, recorded] = await Promise.all([childHeader(access), periodsOf(access), permanenceBeforeCare(access)]);
    const period = periods.find((p) => p.startedOn === periodStartedOn);
    if (!period) throw new NotFoundError();
    return { header, period, recorded: recorded.find((r) => r.periodStartedOn === periodStartedOn) ?? null };
  });
}

/**
 * Records (or changes, at the version that was read) the permanence arrangement the child had
 * before a period of care began (SSDA903 PrevPerm): adoption, special guardianship or a child
 * arrangements order, the authority that made it (three-digit LA number) and when, as far as
 * known. None (Z1) and unknown (P4) take no authority or date.
 */
export function savePermanence(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: {
    periodStartedOn: IsoDate;
    version: number | null;
    arrangement: string;
    localAuthority: string | null;
    date: PartlyKnownDate;
  },
): Promise<PermanenceChange> {
  return withChildRecord(db, actor, personId, 'edit', 'previous_permanence.record', async (access) => {
    const [periods, recorded] = await Promise.all([periodsOf(access), queries.permanenceOf(access)]);
    if (!periods.some((p) => p.startedOn === input.periodStartedOn)) throw new NotFoundError();
    const problems: { field: string; message: string }[] = [];
    const noOrder = withoutOrder.includes(input.arrangement);
    const given = input.date.day !== null || input.date.month !== null || input.date.year !== null;
    const arrangementDate = noOrder ? null : permanenceDate(input.date);
    if (noOrder && (given || input.localAuthority))
      problems.push({ field: 'localAuthority', message: 'Leave the authority and date blank when there was no order or it is not known' });
    if (!noOrder && arrangementDate === null)
      problems.push({
        field: 'arrangementOn',
        message: 'Enter a real date; leave the day, or the day and month, blank if they are not known',
      });
    if (!noOrder && input.date.year !== null && input.date.year > Number(input.periodStartedOn.slice(0, 4)))
      problems.push({ field: 'arrangementOn', message: 'The order must have been made before the child started to be looked after' });
    if (problems.length > 0) return { ok: false, problems };

    const fields = {
      arrangement: input.arrangement,
      local_authority: noOrder ? null : input.localAuthority,
      arrangement_date: arrangementDate,
    };
    const existing = recorded.find((r) => r.period_started_on === input.periodStartedOn);
    let id: string;
    if (existing) {
      if (input.version === null || !(await queries.updatePermanence(access, existing.id, input.version, fields)))
        throw new ConflictError();
      id = existing.id;
    } else {
      if (input.version !== null) throw new ConflictError();
      id = await queries.insertPermanence(access, input.periodStartedOn, fields);
    }
    await recordChronologyEntry(access, {
      kind: 'permanence_before_care',
      occurredOn: input.periodStartedOn,
      summary: `Permanence before the care that began ${spokenDate(input.periodStartedOn)}: ${previousPermanenceLabel(input.arrangement)}.`,
      source: { type: 'previous_permanence', id },
    });
    return { ok: true };
  });
}

/** For the SSDA903 return: these children's previous permanence, by period of care. */
export function previousPermanenceForReturns(db: Kysely<Database>, personIds: readonly string[]) {
  return personIds.length === 0 ? Promise.resolve([]) : queries.permanenceForReturns(db, personIds);
}

/** On merging, the merged record's rows go to the one kept, for the periods of care it has none for. */
registerRecordMover({
  name: 'permanence before care',
  columns: ['previous_permanence.person_id'],
  move: (merged, survivor) => queries.movePermanence(merged, survivor.personId),
  restore: (merged, _survivor, moved) => moveChildRowsBack(merged, ['previous_permanence'], moved),
});
