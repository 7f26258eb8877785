import { type Kysely, sql } from 'kysely';

/**
 * The front door (contacts about one or more children, the manager's decision, the referrer told
 * of it, and the referrals that start child-in-need episodes) and the out-of-hours service (the
 * call log, call-back attempts and the handover to the day teams). Codes are stored as the DfE
 * codes themselves; the checks below are the last line of defence behind the services' validation.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('teams')
    .addColumn('is_front_door', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await sql`create unique index teams_one_front_door on teams (is_front_door) where is_front_door`.execute(db);

  await db.schema
    .createTable('contacts')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addColumn('referral_source', 'text', (c) => c.notNull())
    .addColumn('referrer_name', 'text', (c) => c.notNull())
    .addColumn('referrer_organisation', 'text')
    .addColumn('referrer_contact_details', 'text')
    .addColumn('concerns', 'text', (c) => c.notNull())
    .addColumn('consent', 'text', (c) => c.notNull().check(sql`consent in ('given', 'refused', 'not_sought')`))
    .addColumn('rag_rating', 'text', (c) => c.notNull().check(sql`rag_rating in ('red', 'amber', 'green')`))
    .addColumn('decision', 'text', (c) =>
      c.check(
        sql`decision in ('no_further_action', 'information_and_advice', 'early_help', 'referral_for_assessment', 'strategy_discussion')`,
      ),
    )
    .addColumn('decision_rationale', 'text')
    .addColumn('decided_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('referrer_informed_on', 'date')
    .addColumn('referrer_informed_recorded_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('recorded_by', 'uuid', (c) => c.notNull().references('staff.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint(
      'contacts_decision_whole',
      sql`(decision is null) = (decided_at is null) and (decision is null) = (decided_by is null)
        and (decision is null or length(btrim(decision_rationale)) > 0)`,
    )
    .addCheckConstraint('contacts_informed_after_decision', sql`referrer_informed_on is null or decision is not null`)
    .execute();
  await sql`create index contacts_open_idx on contacts (received_at) where decision is null`.execute(db);
  await sql`create index contacts_decided_idx on contacts (decided_at desc) where decision is not null`.execute(db);

  await db.schema
    .createTable('referrals')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('contact_id', 'uuid', (c) => c.references('contacts.id'))
    .addColumn('referral_date', 'date', (c) => c.notNull())
    .addColumn('referral_source', 'text', (c) => c.notNull())
    .addColumn('primary_need_code', 'text', (c) => c.notNull().check(sql`primary_need_code ~ '^N[0-9]$'`))
    .addColumn('referral_nfa', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('is_re_referral', 'boolean', (c) => c.notNull())
    .addColumn('previous_referral_id', 'uuid', (c) => c.references('referrals.id'))
    .addColumn('closed_on', 'date')
    .addColumn('closure_reason', 'text')
    .addColumn('recorded_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint('referrals_closure_whole', sql`(closed_on is null) = (closure_reason is null)`)
    .addCheckConstraint('referrals_closed_after_referral', sql`closed_on is null or closed_on >= referral_date`)
    .execute();
  await sql`create index referrals_person_idx on referrals (person_id, referral_date desc)`.execute(db);
  await sql`create unique index referrals_one_open_episode on referrals (person_id) where closed_on is null`.execute(db);

  await db.schema
    .createTable('contact_children')
    .addColumn('contact_id', 'uuid', (c) => c.notNull().references('contacts.id'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('referral_id', 'uuid', (c) => c.references('referrals.id'))
    .addPrimaryKeyConstraint('contact_children_pkey', ['contact_id', 'person_id'])
    .execute();
  await sql`create index contact_children_person_idx on contact_children (person_id)`.execute(db);

  await db.schema
    .createTable('out_of_hours_calls')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull().check(sql`answer in ('answered', 'not_answered', 'abandoned')`))
    .addColumn('answered_at', 'timestamptz')
    .addColumn('caller_type', 'text', (c) => c.notNull())
    .addColumn('caller_name', 'text')
    .addColumn('caller_contact_details', 'text')
    .addColumn('children_not_known', 'text')
    .addColumn('concern', 'text')
    .addColumn('actions', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('visit_needed', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('outcome', 'text')
    .addColumn('worker_id', 'uuid', (c) => c.notNull().references('staff.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('out_of_hours_calls_answer_time', sql`(answer = 'answered') = (answered_at is not null)`)
    .addCheckConstraint('out_of_hours_calls_answered_after_received', sql`answered_at is null or answered_at >= received_at`)
    .execute();
  await sql`create index out_of_hours_calls_received_idx on out_of_hours_calls (received_at)`.execute(db);

  await db.schema
    .createTable('out_of_hours_call_children')
    .addColumn('call_id', 'uuid', (c) => c.notNull().references('out_of_hours_calls.id'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addPrimaryKeyConstraint('out_of_hours_call_children_pkey', ['call_id', 'person_id'])
    .execute();
  await sql`create index out_of_hours_call_children_person_idx on out_of_hours_call_children (person_id)`.execute(db);

  await db.schema
    .createTable('out_of_hours_callbacks')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('call_id', 'uuid', (c) => c.notNull().references('out_of_hours_calls.id'))
    .addColumn('attempted_at', 'timestamptz', (c) => c.notNull())
    .addColumn('attempted_by', 'uuid', (c) => c.notNull().references('staff.id'))
    .addColumn('result', 'text', (c) => c.notNull().check(sql`result in ('reached', 'left_message', 'no_answer')`))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index out_of_hours_callbacks_call_idx on out_of_hours_callbacks (call_id, attempted_at)`.execute(db);

  await db.schema
    .createTable('handover_items')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('call_id', 'uuid', (c) => c.notNull().references('out_of_hours_calls.id'))
    .addColumn('person_id', 'uuid', (c) => c.references('people.id'))
    .addColumn('team_id', 'uuid', (c) => c.references('teams.id'))
    .addColumn('handover_on', 'date', (c) => c.notNull())
    .addColumn('accepted_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('accepted_at', 'timestamptz')
    .addCheckConstraint('handover_items_accepted_whole', sql`(accepted_by is null) = (accepted_at is null)`)
    .execute();
  await sql`create index handover_items_waiting_idx on handover_items (team_id, handover_on) where accepted_at is null`.execute(db);
  await sql`create index handover_items_call_idx on handover_items (call_id)`.execute(db);
}
