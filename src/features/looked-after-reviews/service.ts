import type { Kysely } from 'kysely';
import type { Database, IsoDate } from '../../db/schema.js';
import { ageOn } from '../../domain/calendar/index.js';
import { reviewParticipationLabel } from '../../domain/codes/ssda903-review-participation.js';
import { withChildRecord } from '../../platform/access.js';
import type { Actor } from '../../platform/actor.js';
import { moveChildRows, moveChildRowsBack } from '../../platform/child-rows.js';
import { registerRecordMover } from '../../platform/record-movers.js';
import { allocateReviewingOfficer, reviewingOfficerChoices } from '../allocation/service.js';
import { recordChronologyEntry, registerSourceLink } from '../chronology/service.js';
import { outstandingClocksOf, recordCaseEvents } from '../clocks/service.js';
import { supportOf } from '../independent-support/service.js';
import { careOn, childHeader } from '../looked-after/service.js';
import * as queries from './queries.js';

const reviewTables = ['looked_after_reviews'] as const;

registerSourceLink('looked_after_review', (personId) => `/children/${personId}/reviews`);

export type ReviewChange = { ok: true } | { ok: false; problems: { field: string; message: string }[] };

/** The reviews page: the reviewing officer, the reviews held and the next one due, and independent visitors and advocates. */
export function viewReviews(db: Kysely<Database>, actor: Actor, personId: string) {
  return withChildRecord(db, actor, personId, 'view', 'looked_after_review.view', async (access) => {
    const [header, reviews, officer, nextDue, support] = await Promise.all([
      childHeader(access),
      queries.reviews(access),
      reviewingOfficerChoices(access),
      outstandingClocksOf(access, ['lac_review_1', 'lac_review_2', 'lac_review_subsequent']),
      supportOf(access),
    ]);
    return { header, reviews, officer, nextDue: nextDue[0] ?? null, support };
  });
}

/**
 * Records a looked-after review held on a date, with how the child took part (SSDA903 PN code).
 * The child must have been looked after that day; PN0 is for children under 4, and only for them.
 * The review is chaired by the child's reviewing officer.
 */
export function recordReview(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: { heldOn: IsoDate; participation: string; decisions: string | null; lateReason: string | null; today: IsoDate },
): Promise<ReviewChange> {
  return withChildRecord(db, actor, personId, 'edit', 'looked_after_review.record', async (access) => {
    const [header, care, reviews, officer] = await Promise.all([
      childHeader(access),
      careOn(access, input.heldOn),
      queries.reviews(access),
      reviewingOfficerChoices(access),
    ]);
    const problems: { field: string; message: string }[] = [];
    if (input.heldOn > input.today) problems.push({ field: 'heldOn', message: 'The date of the review cannot be in the future' });
    else if (!care.lookedAfter) problems.push({ field: 'heldOn', message: 'The child was not looked after on that date' });
    if (reviews.some((r) => r.held_on === input.heldOn))
      problems.push({ field: 'heldOn', message: 'A review on that date is already recorded' });
    const born = header.child.date_of_birth;
    if (born) {
      const underFour = ageOn(born, input.heldOn) < 4;
      if (underFour && input.participation !== 'PN0')
        problems.push({ field: 'participation', message: 'The child was under 4 at the review: select PN0' });
      if (!underFour && input.participation === 'PN0')
        problems.push({ field: 'participation', message: 'PN0 is only for children under 4 at the review' });
    }
    if (problems.length > 0) return { ok: false, problems };

    const chair = actor.role === 'reviewing_officer' ? actor.staffId : (officer.current?.staffId ?? null);
    const id = await queries.insertReview(access, {
      held_on: input.heldOn,
      participation: input.participation,
      chaired_by: chair,
      decisions: input.decisions,
      late_reason: input.lateReason,
      recorded_by: actor.staffId,
    });
    await recordChronologyEntry(access, {
      kind: 'review',
      occurredOn: input.heldOn,
      summary: `Looked-after review held. Participation ${input.participation}: ${reviewParticipationLabel(input.participation)}.`,
      source: { type: 'looked_after_review', id },
    });
    await recordCaseEvents(access, [
      {
        kind: 'lac_review_held',
        occurredOn: input.heldOn,
        ...(input.lateReason ? { lateReason: input.lateReason } : {}),
        source: { type: 'looked_after_review', id },
      },
    ]);
    return { ok: true };
  });
}

/** The allocation form for a reviewing officer: the child and the officers to choose from. */
export function reviewingOfficerForm(db: Kysely<Database>, actor: Actor, personId: string) {
  return withChildRecord(db, actor, personId, 'edit', 'looked_after_review.officer_form', async (access) => {
    const [header, choices] = await Promise.all([childHeader(access), reviewingOfficerChoices(access)]);
    return { header, ...choices };
  });
}

/** Allocates the child's independent reviewing officer. */
export function allocateOfficer(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: { staffId: string; startedOn: IsoDate },
): Promise<ReviewChange> {
  return withChildRecord(db, actor, personId, 'edit', 'looked_after_review.allocate_officer', async (access) => {
    const problems = await allocateReviewingOfficer(access, input.staffId, input.startedOn);
    const list = Object.entries(problems).map(([field, message]) => ({ field, message }));
    return list.length > 0 ? { ok: false, problems: list } : { ok: true };
  });
}

/** The reviews of many children at once (date and participation code), for the authority's SSDA903 return. */
export function reviewsForReturn(db: Kysely<Database>, personIds: readonly string[]) {
  return personIds.length === 0 ? Promise.resolve([]) : queries.reviewsOf(db, personIds);
}

/** On merging two records of a child, the merged record's looked-after reviews go to the one kept. */
registerRecordMover({
  name: 'looked-after reviews',
  columns: ['looked_after_reviews.person_id'],
  move: (merged, survivor) => moveChildRows(merged, survivor, reviewTables),
  restore: (merged, _survivor, moved) => moveChildRowsBack(merged, reviewTables, moved),
});
