import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely';

/**
 * Children looked after, missing children and care leavers: court work before care, periods of
 * care with their legal statuses and placements (and the SSDA903 episodes derived from them),
 * reviews, visits, health and education plans, permanence plans, UASC, independent visitors and
 * advocates, missing episodes with return interviews and exploitation screening, and the care
 * leaver's pathway plans, personal adviser and birthday contacts. DfE codes are stored as codes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const person = (c: ColumnDefinitionBuilder) => c.notNull().references('people.id');
  const id = 'id';
  const newId = sql`gen_random_uuid()`;

  await db.schema
    .createTable('pre_proceedings')
    .addColumn(id, 'uuid', (c) => c.primaryKey().defaultTo(newId))
    .addColumn('person_id', 'uuid', person)
    .addColumn('legal_gateway_on', 'date')
    .addColumn('legal_gateway_outcome', 'text')
    .addColumn('started_on', 'date', (c) => c.notNull())
    .addColumn('ended_on', 'date')
    .addColumn('end_reason', 'text', (c) => c.check(sql`end_reason in ('proceedings_issued', 'concerns_reduced', 'other')`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('recorded_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('pre_proceedings_dates_in_order', sql`ended_on is null or ended_on >= started_on`)
    .addCheckConstraint('pre_proceedings_gateway_first', sql`legal_gateway_on is null or legal_gateway_on <= started_on`)
    .addCheckConstraint('pre_proceedings_end_has_reason', sql`(ended_on is null) = (end_reason is null)`)
    .execute();
  await sql`create index pre_proceedings_person_idx on pre_proceedings (person_id)`.execute(db);

  await db.schema
    .createTable('care_proceedings')
    .addColumn(id, 'uuid', (c) => c.primaryKey().defaultTo(newId))
    .addColumn('person_id', 'uuid', person)
    .addColumn('issued_on', 'date', (c) => c.notNull())
    .addColumn('court', 'text')
    .addColumn('court_case_number', 'text')
    .addColumn('final_hearing_on', 'date')
    .addColumn('concluded_on', 'date')
    .addColumn('final_order', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('recorded_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('care_proceedings_dates_in_order', sql`concluded_on is null or concluded_on >= issued_on`)
    .addCheckConstraint('care_proceedings_conclusion_has_order', sql`(concluded_on is null) = (final_order is null)`)
    .execute();
  await sql`create index care_proceedings_person_idx on care_proceedings (person_id)`.execute(db);

  await db.schema
    .createTable('periods_of_care')
    .addColumn(id, 'uuid', (c) => c.primaryKey().defaultTo(newId))
    .addColumn('person_id', 'uuid', person)
    .addColumn('started_on', 'date', (c) => c.notNull())
    .addColumn('ended_on', 'date')
    .addColumn('reason_ceased', 'text')
    .addColumn('category_of_need', 'text', (c) => c.notNull())
    .addColumn('home_postcode', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('recorded_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('periods_of_care_longer_than_a_day', sql`ended_on is null or ended_on > started_on`)
    .addCheckConstraint('periods_of_care_end_has_reason', sql`(ended_on is null) = (reason_ceased is null)`)
    .execute();
  await sql`create index periods_of_care_person_idx on periods_of_care (person_id, started_on)`.execute(db);
  await sql`create unique index periods_of_care_one_open on periods_of_care (person_id) where ended_on is null`.execute(db);

  await db.schema
    .createTable('legal_statuses')
    .addColumn(id, 'uuid', (c) => c.primaryKey().defaultTo(newId))
    .addColumn('person_id', 'uuid', person)
    .addColumn('period_of_care_id', 'uuid', (c) => c.notNull().references('periods_of_care.id'))
    .addColumn('legal_status', 'text', (c) => c.notNull())
    .addColumn('started_on', 'date', (c) => c.notNull())
    .addColumn('ended_on', 'date')
    .addColumn('recorded_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('legal_statuses_dates_in_order', sql`ended_on is null or ended_on >= started_on`)
    .execute();
  await sql`create index legal_statuses_period_idx on legal_statuses (period_of_care_id, started_on)`.execute(db);

  await db.schema
    .createTable('placements')
    .addColumn(id, 'uuid', (c) => c.primaryKey().defaultTo(newId))
    .addColumn('person_id', 'uuid', person)
    .addColumn('period_of_care_id', 'uuid', (c) => c.notNull().references('periods_of_care.id'))
    .addColumn('placement_type', 'text', (c) => c.notNull())
    .addColumn('provider', 'text')
    .addColumn('postcode', 'text')
    .addColumn('urn', 'text')
    .addColumn('carer_name', 'text')
    .addColumn('started_on', 'date', (c) => c.notNull())
    .addColumn('ended_on', 'date')
    .addColumn('reason_for_change', 'text')
    .addColumn('recorded_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('placements_dates_in_order', sql`ended_on is null or ended_on >= started_on`)
    .execute();
  await sql`create index placements_period_idx on placements (period_of_care_id, started_on)`.execute(db);
  await sql`create index placements_person_idx on placements (person_id)`.execute(db);

  await db.schema
    .createTable('care_episodes')
    .addColumn(id, 'uuid', (c) => c.primaryKey().defaultTo(newId))
    .addColumn('person_id', 'uuid', person)
    .addColumn('period_of_care_id', 'uuid', (c) => c.notNull().references('periods_of_care.id'))
    .addColumn('legal_status_id', 'uuid', (c) => c.notNull().references('legal_statuses.id'))
    .addColumn('placement_id', 'uuid', (c) => c.notNull().references('placements.id'))
    .addColumn('started_on', 'date', (c) => c.notNull())
    .addColumn('reason_new_episode', 'text', (c) => c.notNull())
    .addColumn('legal_status', 'text', (c) => c.notNull())
    .addColumn('category_of_need', 'text', (c) => c.notNull())
    .addColumn('placement_type', 'text', (c) => c.notNull())
    .addColumn('provider', 'text')
    .addColumn('ended_on', 'date')
    .addColumn('reason_ceased', 'text')
    .addColumn('reason_placement_change', 'text')
    .addColumn('home_postcode', 'text')
    .addColumn('placement_postcode', 'text')
    .addColumn('urn', 'text')
    .addCheckConstraint('care_episodes_longer_than_a_day', sql`ended_on is null or ended_on > started_on`)
    .execute();
  await sql`create index care_episodes_person_idx on care_episodes (person_id, started_on)`.execute(db);
  await sql`create index care_episodes_dates_idx on care_episodes (started_on, ended_on)`.execute(db);

  await db.schema
    .createTable('looked_after_reviews')
    .addColumn(id, 'uuid', (c) => c.primaryKey().defaultTo(newId))
    .addColumn('person_id', 'uuid', person)
    .addColumn('held_on', 'date', (c) => c.notNull())
    .addColumn('participation', 'text', (c) => c.notNull())
    .addColumn('chaired_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('late_reason', 'text')
    .addColumn('decisions', 'text')
    .addColumn('recorded_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index looked_after_reviews_person_idx on looked_after_reviews (person_id, held_on)`.execute(db);

  await db.schema
    .createTable('looked_after_visits')
    .addColumn(id, 'uuid', (c) => c.primaryKey().defaultTo(newId))
    .addColumn('person_id', 'uuid', person)
    .addColumn('placement_id', 'uuid', (c) => c.references('placements.id'))
    .addColumn('visited_on', 'date', (c) => c.notNull())
    .addColumn('child_seen', 'boolean', (c) => c.notNull())
    .addColumn('seen_alone', 'boolean', (c) => c.notNull())
    .addColumn('bedroom_seen', 'boolean', (c) => c.notNull())
    .addColumn('childs_views', 'text')
    .addColumn('late_reason', 'text')
    .addColumn('visited_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('looked_after_visits_alone_means_seen', sql`child_seen or not seen_alone`)
    .execute();
  await sql`create index looked_after_visits_person_idx on looked_after_visits (person_id, visited_on)`.execute(db);

  await db.schema
    .createTable('health_assessments')
    .addColumn(id, 'uuid', (c) => c.primaryKey().defaultTo(newId))
    .addColumn('person_id', 'uuid', person)
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('initial', 'review')`))
    .addColumn('completed_on', 'date', (c) => c.notNull())
    .addColumn('completed_by', 'text', (c) => c.notNull())
    .addColumn('late_reason', 'text')
    .addColumn('recorded_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index health_assessments_person_idx on health_assessments (person_id, completed_on)`.execute(db);

  await db.schema
    .createTable('education_plans')
    .addColumn(id, 'uuid', (c) => c.primaryKey().defaultTo(newId))
    .addColumn('person_id', 'uuid', person)
    .addColumn('stage', 'text', (c) => c.notNull().check(sql`stage in ('initiated', 'completed', 'reviewed')`))
    .addColumn('held_on', 'date', (c) => c.notNull())
    .addColumn('school', 'text')
    .addColumn('late_reason', 'text')
    .addColumn('recorded_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index education_plans_person_idx on education_plans (person_id, held_on)`.execute(db);

  await db.schema
    .createTable('permanence_plans')
    .addColumn(id, 'uuid', (c) => c.primaryKey().defaultTo(newId))
    .addColumn('person_id', 'uuid', person)
    .addColumn('plan', 'text', (c) => c.notNull())
    .addColumn('agreed_on', 'date', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('recorded_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index permanence_plans_person_idx on permanence_plans (person_id, agreed_on)`.execute(db);

  await db.schema
    .createTable('uasc_statuses')
    .addColumn(id, 'uuid', (c) => c.primaryKey().defaultTo(newId))
    .addColumn('person_id', 'uuid', person)
    .addColumn('started_on', 'date', (c) => c.notNull())
    .addColumn('ceased_on', 'date')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('recorded_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('uasc_statuses_dates_in_order', sql`ceased_on is null or ceased_on >= started_on`)
    .execute();
  await sql`create unique index uasc_statuses_one_open on uasc_statuses (person_id) where ceased_on is null`.execute(db);

  await db.schema
    .createTable('independent_support')
    .addColumn(id, 'uuid', (c) => c.primaryKey().defaultTo(newId))
    .addColumn('person_id', 'uuid', person)
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('independent_visitor', 'advocate')`))
    .addColumn('child_asked_on', 'date')
    .addColumn('offered_on', 'date')
    .addColumn('declined_on', 'date')
    .addColumn('started_on', 'date')
    .addColumn('ended_on', 'date')
    .addColumn('provided_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('recorded_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('independent_support_something_happened', sql`coalesce(child_asked_on, offered_on, started_on) is not null`)
    .addCheckConstraint('independent_support_dates_in_order', sql`ended_on is null or (started_on is not null and ended_on >= started_on)`)
    .addCheckConstraint('independent_support_declined_or_started', sql`declined_on is null or started_on is null`)
    .execute();
  await sql`create index independent_support_person_idx on independent_support (person_id)`.execute(db);

  await db.schema
    .createTable('missing_episodes')
    .addColumn(id, 'uuid', (c) => c.primaryKey().defaultTo(newId))
    .addColumn('person_id', 'uuid', person)
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('M', 'A')`))
    .addColumn('missing_from', 'text', (c) => c.notNull().check(sql`missing_from in ('home', 'care')`))
    .addColumn('started_on', 'date', (c) => c.notNull())
    .addColumn('started_time', 'text')
    .addColumn('reported_to_police_on', 'date')
    .addColumn('reported_to_police_time', 'text')
    .addColumn('returned_on', 'date')
    .addColumn('returned_time', 'text')
    .addColumn('where_found', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('recorded_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('missing_episodes_dates_in_order', sql`returned_on is null or returned_on >= started_on`)
    .addCheckConstraint('missing_episodes_police_after_start', sql`reported_to_police_on is null or reported_to_police_on >= started_on`)
    .execute();
  await sql`create index missing_episodes_person_idx on missing_episodes (person_id, started_on)`.execute(db);
  await sql`create unique index missing_episodes_one_open on missing_episodes (person_id) where returned_on is null`.execute(db);

  await db.schema
    .createTable('return_interviews')
    .addColumn(id, 'uuid', (c) => c.primaryKey().defaultTo(newId))
    .addColumn('person_id', 'uuid', person)
    .addColumn('missing_episode_id', 'uuid', (c) => c.notNull().unique().references('missing_episodes.id'))
    .addColumn('offered_on', 'date', (c) => c.notNull())
    .addColumn('offered_time', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('held', 'declined')`))
    .addColumn('held_on', 'date')
    .addColumn('held_time', 'text')
    .addColumn('conducted_by', 'text', (c) => c.notNull())
    .addColumn('childs_account', 'text')
    .addColumn('late_reason', 'text')
    .addColumn('recorded_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('return_interviews_held_has_date', sql`(outcome = 'held') = (held_on is not null)`)
    .addCheckConstraint('return_interviews_held_after_offer', sql`held_on is null or held_on >= offered_on`)
    .execute();

  await db.schema
    .createTable('exploitation_screenings')
    .addColumn(id, 'uuid', (c) => c.primaryKey().defaultTo(newId))
    .addColumn('person_id', 'uuid', person)
    .addColumn('missing_episode_id', 'uuid', (c) => c.references('missing_episodes.id'))
    .addColumn('screened_on', 'date', (c) => c.notNull())
    .addColumn('sexual_exploitation_risk', 'text', (c) =>
      c.notNull().check(sql`sexual_exploitation_risk in ('none', 'low', 'medium', 'high')`),
    )
    .addColumn('criminal_exploitation_risk', 'text', (c) =>
      c.notNull().check(sql`criminal_exploitation_risk in ('none', 'low', 'medium', 'high')`),
    )
    .addColumn('indicators', 'text')
    .addColumn('recorded_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index exploitation_screenings_person_idx on exploitation_screenings (person_id, screened_on)`.execute(db);

  await db.schema
    .createTable('strategy_meeting_prompts')
    .addColumn(id, 'uuid', (c) => c.primaryKey().defaultTo(newId))
    .addColumn('person_id', 'uuid', person)
    .addColumn('raised_on', 'date', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`reason in ('risk_raised', 'repeated_missing')`))
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('resolved_on', 'date')
    .addColumn('resolution', 'text')
    .addColumn('resolved_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('strategy_meeting_prompts_resolution', sql`(resolved_on is null) = (resolution is null)`)
    .execute();
  await sql`create index strategy_meeting_prompts_open_idx on strategy_meeting_prompts (person_id) where resolved_on is null`.execute(db);

  await db.schema
    .createTable('personal_advisers')
    .addColumn(id, 'uuid', (c) => c.primaryKey().defaultTo(newId))
    .addColumn('person_id', 'uuid', person)
    .addColumn('adviser_name', 'text', (c) => c.notNull())
    .addColumn('started_on', 'date', (c) => c.notNull())
    .addColumn('ended_on', 'date')
    .addColumn('recorded_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('personal_advisers_dates_in_order', sql`ended_on is null or ended_on >= started_on`)
    .execute();
  await sql`create unique index personal_advisers_one_current on personal_advisers (person_id) where ended_on is null`.execute(db);

  await db.schema
    .createTable('pathway_plans')
    .addColumn(id, 'uuid', (c) => c.primaryKey().defaultTo(newId))
    .addColumn('person_id', 'uuid', person)
    .addColumn('stage', 'text', (c) => c.notNull().check(sql`stage in ('needs_assessment', 'plan', 'review')`))
    .addColumn('completed_on', 'date', (c) => c.notNull())
    .addColumn('young_persons_views', 'text')
    .addColumn('late_reason', 'text')
    .addColumn('recorded_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index pathway_plans_person_idx on pathway_plans (person_id, completed_on)`.execute(db);

  await db.schema
    .createTable('care_leaver_contacts')
    .addColumn(id, 'uuid', (c) => c.primaryKey().defaultTo(newId))
    .addColumn('person_id', 'uuid', person)
    .addColumn('contact_on', 'date', (c) => c.notNull())
    .addColumn('in_touch', 'text', (c) => c.notNull())
    .addColumn('activity', 'text')
    .addColumn('accommodation', 'text')
    .addColumn('recorded_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index care_leaver_contacts_person_idx on care_leaver_contacts (person_id, contact_on)`.execute(db);
}
