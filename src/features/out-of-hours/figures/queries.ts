import { type Kysely, sql } from 'kysely';
import type { Database, IsoDate } from '../../../db/schema.js';

/** The night a call belongs to: its date in England, less the hours of the morning before day teams start. */
const nightOfCall = (minutes: number) =>
  sql<string>`(((out_of_hours_calls.received_at at time zone 'Europe/London') - make_interval(mins => ${minutes}))::date)`;

/** Calls on each night of the period, nights with no calls included. */
export function callsPerNight(db: Kysely<Database>, from: IsoDate, to: IsoDate, nightEndsAfterMinutes: number) {
  return sql<{ night: string; calls: number; answered: number; abandoned: number; not_answered: number }>`
    with nights as (
      select generate_series(${from}::date, ${to}::date, interval '1 day')::date as night
    ), calls as (
      select ${nightOfCall(nightEndsAfterMinutes)} as night, answer from out_of_hours_calls
      where ${nightOfCall(nightEndsAfterMinutes)} between ${from}::date and ${to}::date
    )
    select nights.night::text as night,
      count(calls.night)::int as calls,
      (count(*) filter (where calls.answer = 'answered'))::int as answered,
      (count(*) filter (where calls.answer = 'abandoned'))::int as abandoned,
      (count(*) filter (where calls.answer = 'not_answered'))::int as not_answered
    from nights left join calls on calls.night = nights.night
    group by nights.night
    order by nights.night`
    .execute(db)
    .then((result) => result.rows);
}

/** The period's totals, all computed from the call log. */
export function periodTotals(db: Kysely<Database>, from: IsoDate, to: IsoDate, nightEndsAfterMinutes: number) {
  return sql<{
    calls: number;
    answered: number;
    abandoned: number;
    not_answered: number;
    unanswered_reached: number;
    median_seconds_to_answer: number | null;
    visits_needed: number;
    visits_made: number;
    visits_needed_not_made: number;
    children_seen_in_custody: number;
  }>`
    with calls as (
      select out_of_hours_calls.*,
        (select count(*) from out_of_hours_call_children c where c.call_id = out_of_hours_calls.id)::int as known_children,
        exists (select 1 from out_of_hours_callbacks b where b.call_id = out_of_hours_calls.id and b.result = 'reached') as reached
      from out_of_hours_calls
      where ${nightOfCall(nightEndsAfterMinutes)} between ${from}::date and ${to}::date
    )
    select
      count(*)::int as calls,
      (count(*) filter (where answer = 'answered'))::int as answered,
      (count(*) filter (where answer = 'abandoned'))::int as abandoned,
      (count(*) filter (where answer = 'not_answered'))::int as not_answered,
      (count(*) filter (where answer <> 'answered' and reached))::int as unanswered_reached,
      (percentile_cont(0.5) within group (order by extract(epoch from answered_at - received_at)) filter (where answer = 'answered'))::float8
        as median_seconds_to_answer,
      (count(*) filter (where visit_needed))::int as visits_needed,
      (count(*) filter (where 'visit' = any(actions)))::int as visits_made,
      (count(*) filter (where visit_needed and not ('visit' = any(actions))))::int as visits_needed_not_made,
      coalesce(sum(greatest(known_children, 1)) filter (where 'custody_visit' = any(actions)), 0)::int as children_seen_in_custody
    from calls`
    .execute(db)
    .then((result) => result.rows[0]);
}
