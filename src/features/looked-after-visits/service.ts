import type { Kysely } from 'kysely';
import type { Database, IsoDate } from '../../db/schema.js';
import { withChildRecord } from '../../platform/access.js';
import type { Actor } from '../../platform/actor.js';
import { moveChildRows, moveChildRowsBack } from '../../platform/child-rows.js';
import { registerRecordMover } from '../../platform/record-movers.js';
import { recordChronologyEntry, registerSourceLink } from '../chronology/service.js';
import { outstandingClocksOf, recordCaseEvents } from '../clocks/service.js';
import { careOn, childHeader } from '../looked-after/service.js';
import * as queries from './queries.js';

const visitTables = ['looked_after_visits'] as const;

registerSourceLink('looked_after_visit', (personId) => `/children/${personId}/visits`);

export type VisitChange = { ok: true } | { ok: false; problems: { field: string; message: string }[] };

const visitClocks = [
  'lac_visit_first',
  'lac_visit_first_year',
  'lac_visit_after_first_year',
  'lac_visit_placed_with_parents_pre_assessment',
  'lac_visit_connected_or_ico_with_parents',
  'lac_visit_care_order_with_parents',
] as const;

/** The visits page: statutory visits made, and when the next one is due. */
export function viewVisits(db: Kysely<Database>, actor: Actor, personId: string) {
  return withChildRecord(db, actor, personId, 'view', 'looked_after_visit.view', async (access) => {
    const [header, visits, due] = await Promise.all([
      childHeader(access),
      queries.visits(access),
      outstandingClocksOf(access, visitClocks),
    ]);
    return { header, visits, nextDue: due[0] ?? null };
  });
}

/**
 * Records a statutory visit to a looked-after child: whether the child was seen, seen alone, their
 * bedroom seen, and their views in their own words. Only a visit where the child was seen meets
 * the visiting duty (CPPCR 2010 reg 28).
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
  return withChildRecord(db, actor, personId, 'edit', 'looked_after_visit.record', async (access) => {
    const care = await careOn(access, input.visitedOn);
    const problems: { field: string; message: string }[] = [];
    if (input.visitedOn > input.today) problems.push({ field: 'visitedOn', message: 'The date of the visit cannot be in the future' });
    else if (!care.lookedAfter) problems.push({ field: 'visitedOn', message: 'The child was not looked after on that date' });
    if (input.seenAlone && !input.childSeen)
      problems.push({ field: 'seenAlone', message: 'The child cannot be seen alone if they were not seen' });
    if (problems.length > 0) return { ok: false, problems };

    const id = await queries.insertVisit(access, {
      placement_id: care.placementId,
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
      summary: `Statutory visit: ${input.childSeen ? (input.seenAlone ? 'child seen alone' : 'child seen, not alone') : 'child not seen'}${input.bedroomSeen ? ', bedroom seen' : ''}.`,
      source: { type: 'looked_after_visit', id },
    });
    if (input.childSeen) {
      await recordCaseEvents(access, [
        {
          kind: 'lac_visit_made',
          occurredOn: input.visitedOn,
          ...(input.lateReason ? { lateReason: input.lateReason } : {}),
          source: { type: 'looked_after_visit', id },
        },
      ]);
    }
    return { ok: true };
  });
}

/** The statutory visits to many looked after children at once (date, whether the child was seen), for the authority's Annex A. */
export function visitsForReturn(db: Kysely<Database>, personIds: readonly string[]) {
  return personIds.length === 0 ? Promise.resolve([]) : queries.visitsOf(db, personIds);
}

/** On merging two records of a child, the merged record's statutory visits go to the one kept. */
registerRecordMover({
  name: 'looked-after visits',
  columns: ['looked_after_visits.person_id'],
  move: (merged, survivor) => moveChildRows(merged, survivor, visitTables),
  restore: (merged, _survivor, moved) => moveChildRowsBack(merged, visitTables, moved),
});
