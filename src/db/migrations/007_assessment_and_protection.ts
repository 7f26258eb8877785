import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely';

/**
 * Assessment, section 47, child protection and child in need, with managerial oversight: child and
 * family assessments (and disabled children's assessments) with their factors, authorisation and
 * returns for more work; strategy discussions with the agencies that took part; section 47
 * enquiries; initial and review child protection conferences; child protection plans with their
 * categories of abuse and core groups; child in need plans and their reviews; statutory visits to
 * children in need and on plans; managers' decisions (authorisations, step-downs, escalations);
 * case supervision with its actions. Each CIN census fact is a typed column holding the DfE code.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const person = (c: ColumnDefinitionBuilder) => c.notNull().references('people.id');
  const referral = (c: ColumnDefinitionBuilder) => c.notNull().references('referrals.id');
  const staff = (c: ColumnDefinitionBuilder) => c.references('staff.id');
  const newId = sql`gen_random_uuid()`;
  const recorded = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo(sql`now()`);

  await db.schema
    .createTable('assessments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(newId))
    .addColumn('person_id', 'uuid', person)
    .addColumn('referral_id', 'uuid', referral)
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('child_and_family', 'disabled_child')`))
    .addColumn('started_on', 'date', (c) => c.notNull())
    .addColumn('worker_id', 'uuid', staff)
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('in_progress').check(sql`status in ('in_progress', 'awaiting_authorisation', 'authorised')`),
    )
    .addColumn('factors', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('outcome', 'text')
    .addColumn('summary', 'text')
    .addColumn('submitted_on', 'date')
    .addColumn('authorised_on', 'date')
    .addColumn('authorised_by', 'uuid', staff)
    .addColumn('late_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('recorded_by', 'uuid', staff)
    .addColumn('recorded_at', 'timestamptz', recorded)
    .addCheckConstraint(
      'assessments_authorised_whole',
      sql`(authorised_on is null) = (authorised_by is null) and (authorised_on is null) = (status <> 'authorised')`,
    )
    .addCheckConstraint('assessments_authorised_after_start', sql`authorised_on is null or authorised_on >= started_on`)
    .addCheckConstraint('assessments_factors_when_authorised', sql`status <> 'authorised' or cardinality(factors) > 0`)
    .addCheckConstraint('assessments_no_factors_alone', sql`array_position(factors, '21') is null or cardinality(factors) = 1`)
    .execute();
  await sql`create index assessments_person_idx on assessments (person_id, started_on desc)`.execute(db);
  await sql`create unique index assessments_one_open on assessments (person_id) where status <> 'authorised'`.execute(db);

  await db.schema
    .createTable('assessment_returns')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(newId))
    .addColumn('assessment_id', 'uuid', (c) => c.notNull().references('assessments.id'))
    .addColumn('returned_by', 'uuid', staff)
    .addColumn('returned_at', 'timestamptz', recorded)
    .addColumn('comments', 'text', (c) => c.notNull())
    .execute();
  await sql`create index assessment_returns_assessment_idx on assessment_returns (assessment_id, returned_at)`.execute(db);

  await db.schema
    .createTable('strategy_discussions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(newId))
    .addColumn('person_id', 'uuid', person)
    .addColumn('referral_id', 'uuid', referral)
    .addColumn('held_on', 'date', (c) => c.notNull())
    .addColumn('agencies', sql`text[]`, (c) => c.notNull().check(sql`cardinality(agencies) > 0`))
    .addColumn('participants', 'text')
    .addColumn('decision', 'text', (c) =>
      c.notNull().check(sql`decision in ('section_47', 'single_agency_assessment', 'no_further_action')`),
    )
    .addColumn('rationale', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'uuid', staff)
    .addColumn('recorded_at', 'timestamptz', recorded)
    .execute();
  await sql`create index strategy_discussions_person_idx on strategy_discussions (person_id, held_on desc)`.execute(db);

  await db.schema
    .createTable('section_47_enquiries')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(newId))
    .addColumn('person_id', 'uuid', person)
    .addColumn('referral_id', 'uuid', referral)
    .addColumn('strategy_discussion_id', 'uuid', (c) => c.notNull().unique().references('strategy_discussions.id'))
    .addColumn('started_on', 'date', (c) => c.notNull())
    .addColumn('completed_on', 'date')
    .addColumn('outcome', 'text', (c) =>
      c.check(sql`outcome in ('concerns_substantiated_icpc', 'concerns_substantiated_no_icpc', 'concerns_not_substantiated')`),
    )
    .addColumn('icpc_required', 'boolean')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('recorded_by', 'uuid', staff)
    .addColumn('recorded_at', 'timestamptz', recorded)
    .addCheckConstraint(
      'section_47_outcome_whole',
      sql`(completed_on is null) = (outcome is null) and (outcome is null) = (icpc_required is null)`,
    )
    .addCheckConstraint('section_47_dates_in_order', sql`completed_on is null or completed_on >= started_on`)
    .execute();
  await sql`create index section_47_person_idx on section_47_enquiries (person_id, started_on desc)`.execute(db);

  await db.schema
    .createTable('child_protection_plans')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(newId))
    .addColumn('person_id', 'uuid', person)
    .addColumn('referral_id', 'uuid', referral)
    .addColumn('started_on', 'date', (c) => c.notNull())
    .addColumn('initial_category', 'text', (c) => c.notNull().check(sql`initial_category in ('NEG', 'PHY', 'SAB', 'EMO', 'MUL')`))
    .addColumn('latest_category', 'text', (c) => c.notNull().check(sql`latest_category in ('NEG', 'PHY', 'SAB', 'EMO', 'MUL')`))
    .addColumn('number_of_previous_plans', 'integer', (c) => c.notNull().check(sql`number_of_previous_plans >= 0`))
    .addColumn('ended_on', 'date')
    .addColumn('end_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('recorded_by', 'uuid', staff)
    .addColumn('recorded_at', 'timestamptz', recorded)
    .addCheckConstraint('cp_plans_end_whole', sql`(ended_on is null) = (end_reason is null)`)
    .addCheckConstraint('cp_plans_end_after_start', sql`ended_on is null or ended_on > started_on`)
    .execute();
  await sql`create unique index cp_plans_one_open on child_protection_plans (person_id) where ended_on is null`.execute(db);

  await db.schema
    .createTable('child_protection_conferences')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(newId))
    .addColumn('person_id', 'uuid', person)
    .addColumn('referral_id', 'uuid', referral)
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('initial', 'review')`))
    .addColumn('section_47_id', 'uuid', (c) => c.unique().references('section_47_enquiries.id'))
    .addColumn('plan_id', 'uuid', (c) => c.references('child_protection_plans.id'))
    .addColumn('held_on', 'date', (c) => c.notNull())
    .addColumn('chair', 'text')
    .addColumn('agencies', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('decision', 'text', (c) => c.notNull().check(sql`decision in ('plan', 'no_plan', 'continue_plan', 'end_plan')`))
    .addColumn('category_of_abuse', 'text', (c) => c.check(sql`category_of_abuse in ('NEG', 'PHY', 'SAB', 'EMO', 'MUL')`))
    .addColumn('recorded_by', 'uuid', staff)
    .addColumn('recorded_at', 'timestamptz', recorded)
    .addCheckConstraint(
      'conferences_initial_follow_enquiry',
      sql`kind <> 'initial' or (section_47_id is not null and decision in ('plan', 'no_plan'))`,
    )
    .addCheckConstraint(
      'conferences_review_of_plan',
      sql`kind <> 'review' or (plan_id is not null and decision in ('continue_plan', 'end_plan'))`,
    )
    .addCheckConstraint('conferences_plan_has_category', sql`decision not in ('plan', 'continue_plan') or category_of_abuse is not null`)
    .execute();
  await sql`create index conferences_person_idx on child_protection_conferences (person_id, held_on desc)`.execute(db);

  await db.schema
    .createTable('core_group_meetings')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(newId))
    .addColumn('person_id', 'uuid', person)
    .addColumn('plan_id', 'uuid', (c) => c.notNull().references('child_protection_plans.id'))
    .addColumn('held_on', 'date', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('recorded_by', 'uuid', staff)
    .addColumn('recorded_at', 'timestamptz', recorded)
    .execute();
  await sql`create index core_groups_plan_idx on core_group_meetings (plan_id, held_on)`.execute(db);

  await db.schema
    .createTable('child_in_need_plans')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(newId))
    .addColumn('person_id', 'uuid', person)
    .addColumn('referral_id', 'uuid', referral)
    .addColumn('started_on', 'date', (c) => c.notNull())
    .addColumn('ended_on', 'date')
    .addColumn('end_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('recorded_by', 'uuid', staff)
    .addColumn('recorded_at', 'timestamptz', recorded)
    .addCheckConstraint('cin_plans_end_whole', sql`(ended_on is null) = (end_reason is null)`)
    .addCheckConstraint('cin_plans_end_after_start', sql`ended_on is null or ended_on >= started_on`)
    .execute();
  await sql`create unique index cin_plans_one_open on child_in_need_plans (person_id) where ended_on is null`.execute(db);

  await db.schema
    .createTable('child_in_need_plan_reviews')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(newId))
    .addColumn('person_id', 'uuid', person)
    .addColumn('plan_id', 'uuid', (c) => c.notNull().references('child_in_need_plans.id'))
    .addColumn('reviewed_on', 'date', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('recorded_by', 'uuid', staff)
    .addColumn('recorded_at', 'timestamptz', recorded)
    .execute();
  await sql`create index cin_plan_reviews_plan_idx on child_in_need_plan_reviews (plan_id, reviewed_on)`.execute(db);

  await db.schema
    .createTable('casework_visits')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(newId))
    .addColumn('person_id', 'uuid', person)
    .addColumn('plan_kind', 'text', (c) => c.notNull().check(sql`plan_kind in ('child_protection', 'child_in_need', 'none')`))
    .addColumn('plan_id', 'uuid')
    .addColumn('visited_on', 'date', (c) => c.notNull())
    .addColumn('child_seen', 'boolean', (c) => c.notNull())
    .addColumn('seen_alone', 'boolean', (c) => c.notNull())
    .addColumn('bedroom_seen', 'boolean', (c) => c.notNull())
    .addColumn('childs_views', 'text')
    .addColumn('late_reason', 'text')
    .addColumn('visited_by', 'uuid', staff)
    .addColumn('recorded_at', 'timestamptz', recorded)
    .addCheckConstraint('casework_visits_alone_only_if_seen', sql`child_seen or not seen_alone`)
    .execute();
  await sql`create index casework_visits_person_idx on casework_visits (person_id, visited_on desc)`.execute(db);

  await db.schema
    .createTable('management_decisions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(newId))
    .addColumn('person_id', 'uuid', person)
    .addColumn('referral_id', 'uuid', (c) => c.references('referrals.id'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('threshold', 'assessment_authorised', 'returned_for_more_work', 'step_down', 'escalation')`),
    )
    .addColumn('decided_on', 'date', (c) => c.notNull())
    .addColumn('decided_by', 'uuid', (c) => c.notNull().references('staff.id'))
    .addColumn('rationale', 'text', (c) => c.notNull())
    .addColumn('step_down_target', 'text', (c) => c.check(sql`step_down_target in ('case_closure', 'cp_plan_end', 'cin_plan_end')`))
    .addColumn('step_down_to', 'text', (c) =>
      c.check(sql`step_down_to in ('early_help', 'universal_services', 'child_in_need_plan', 'no_service')`),
    )
    .addColumn('evidence_of_progress', 'text')
    .addColumn('used_for_type', 'text')
    .addColumn('used_for_id', 'uuid')
    .addColumn('source_type', 'text')
    .addColumn('source_id', 'uuid')
    .addColumn('recorded_at', 'timestamptz', recorded)
    .addCheckConstraint(
      'management_decisions_step_down_has_evidence',
      sql`kind <> 'step_down' or (step_down_target is not null and step_down_to is not null and length(trim(evidence_of_progress)) > 0)`,
    )
    .addCheckConstraint('management_decisions_used_whole', sql`(used_for_type is null) = (used_for_id is null)`)
    .execute();
  await sql`create index management_decisions_person_idx on management_decisions (person_id, decided_on desc)`.execute(db);

  await db.schema
    .createTable('case_supervisions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(newId))
    .addColumn('person_id', 'uuid', person)
    .addColumn('held_on', 'date', (c) => c.notNull())
    .addColumn('supervisor_id', 'uuid', (c) => c.notNull().references('staff.id'))
    .addColumn('worker_id', 'uuid', staff)
    .addColumn('reflection', 'text', (c) => c.notNull())
    .addColumn('decisions', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', recorded)
    .execute();
  await sql`create index case_supervisions_person_idx on case_supervisions (person_id, held_on desc)`.execute(db);
  await sql`create index case_supervisions_worker_idx on case_supervisions (worker_id, held_on desc)`.execute(db);

  await db.schema
    .createTable('supervision_actions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(newId))
    .addColumn('supervision_id', 'uuid', (c) => c.notNull().references('case_supervisions.id'))
    .addColumn('person_id', 'uuid', person)
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'uuid', (c) => c.notNull().references('staff.id'))
    .addColumn('due_on', 'date', (c) => c.notNull())
    .addColumn('completed_on', 'date')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await sql`create index supervision_actions_owner_idx on supervision_actions (owner_id, due_on) where completed_on is null`.execute(db);
}
