import { type Kysely, sql } from 'kysely';

/**
 * What the CIN census holds that the record did not yet: why a child has no UPN (UPNunknown), the
 * date of death, an assessment's internal review date. And what a census file from another system
 * can say that Hearth's own forms never do: a referral with no further action carries no primary
 * need (DfE rule 8610 asks for one only when the referral went on) and is not an episode, so it does
 * not count as the child's open episode; an assessment or enquiry brought over from another system
 * may have no record of who authorised it or of the enquiry's outcome, only whether a conference
 * was needed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('people').addColumn('upn_unknown', 'text').addColumn('died_on', 'date').execute();
  await db.schema.alterTable('assessments').addColumn('internal_review_on', 'date').execute();

  await sql`alter table referrals alter column primary_need_code drop not null`.execute(db);
  await sql`alter table referrals add constraint referrals_need_unless_nfa check (referral_nfa or primary_need_code is not null)`.execute(
    db,
  );
  await sql`drop index referrals_one_open_episode`.execute(db);
  await sql`create unique index referrals_one_open_episode on referrals (person_id) where closed_on is null and not referral_nfa`.execute(
    db,
  );

  await sql`alter table assessments drop constraint assessments_authorised_whole`.execute(db);
  await sql`alter table assessments add constraint assessments_authorised_whole
    check ((authorised_on is null) = (status <> 'authorised') and (authorised_by is null or authorised_on is not null))`.execute(db);

  await sql`alter table section_47_enquiries drop constraint section_47_outcome_whole`.execute(db);
  await sql`alter table section_47_enquiries add constraint section_47_outcome_whole
    check ((completed_on is null) = (outcome is null) and (outcome is null or icpc_required is not null))`.execute(db);
}
