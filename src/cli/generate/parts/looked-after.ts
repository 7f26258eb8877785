import { type MissingRates, missingChildren } from '../../../domain/synthetic/looked-after.js';
import { readConfig } from '../../../platform/config.js';
import type { GeneratorPart } from '../authority.js';
import { insertRows } from '../bulk-insert.js';
import { buildCareHistories } from './care-histories.js';
import { buildCareLeavers } from './care-leavers.js';
import { buildCareWork } from './care-work.js';
import { ChildRecords } from './child-records.js';
import { buildMissingEpisodes } from './missing-children.js';
import { buildReturnFacts, writePupilNumbers } from './return-facts.js';

/**
 * The looked-after part of the synthetic authority: for every looked-after episode, the period of
 * care with its legal statuses, placements and moves, the SSDA903 episodes derived from them,
 * pre-proceedings and care proceedings, adoptions, UASC statuses, the reviewing officer, reviews,
 * visits, health assessments, PEPs, permanence plans, independent visitors and advocates; missing
 * episodes from care and from home with return home interviews, screenings and strategy meeting
 * prompts; leaving care (personal advisers, pathway plans, contacts); and the facts the SSDA903
 * return asks of each child in care (previous permanence, motherhood, UPN). The rows, chronology
 * entries and case events are those the services write for the same facts; the generator then
 * computes every child's clocks from the case events.
 */
export const lookedAfterPart: GeneratorPart = lookedAfterPartWith(missingChildren);

/** The looked-after part with these rates of going missing (tests raise them to see every return interview outcome). */
export function lookedAfterPartWith(missingRates: MissingRates): GeneratorPart {
  return {
    name: 'Looked-after children',
    async generate(db, authority) {
      const draw = authority.draw('looked-after');
      const records = new ChildRecords(authority.draw('looked-after/recorded'));
      const officerNames = new Map(
        (await db.selectFrom('staff').select(['id', 'display_name']).where('role', '=', 'reviewing_officer').execute()).map((s) => [
          s.id,
          s.display_name,
        ]),
      );
      const config = readConfig();
      const care = buildCareHistories(authority, draw, records);
      const work = buildCareWork(authority, authority.draw('looked-after/care-work'), records, care.stays, officerNames);
      const missing = buildMissingEpisodes(
        authority,
        authority.draw('looked-after/missing'),
        records,
        care.stays,
        config.repeatMissingThreshold,
        missingRates,
      );
      const leavers = buildCareLeavers(authority, authority.draw('looked-after/care-leavers'), records, care.stays, care.eligibleFrom);
      const facts = buildReturnFacts(authority, authority.draw('looked-after/return-facts'), care.stays, config.localAuthorityCode);

      const tables = [
        ['periods_of_care', care.rows.periods],
        ['legal_statuses', care.rows.legalStatuses],
        ['placements', care.rows.placements],
        ['care_episodes', care.rows.episodes],
        ['pre_proceedings', care.rows.preProceedings],
        ['care_proceedings', care.rows.careProceedings],
        ['adoption_decisions', care.rows.adoptionDecisions],
        ['adoptions', care.rows.adoptions],
        ['uasc_statuses', care.rows.uasc],
        ['allocations', work.reviewingOfficers],
        ['looked_after_reviews', work.reviews],
        ['permanence_plans', work.permanencePlans],
        ['looked_after_visits', work.visits],
        ['health_assessments', work.healthAssessments],
        ['education_plans', work.educationPlans],
        ['independent_support', work.independentSupport],
        ['missing_episodes', missing.episodes],
        ['return_interviews', missing.interviews],
        ['exploitation_screenings', missing.screenings],
        ['strategy_meeting_prompts', missing.prompts],
        ['personal_advisers', leavers.advisers],
        ['pathway_plans', leavers.pathwayPlans],
        ['care_leaver_contacts', leavers.contacts],
        ['previous_permanence', facts.previousPermanence],
        ['motherhood', facts.motherhood],
        ['looked_after_outcomes', facts.outcomes],
      ] as const;
      const events = records.eventRows();
      const total = tables.reduce((n, [, rows]) => n + rows.length, 0) + records.chronology.length + events.length;
      const step = authority.progress.step('Looked-after children', total, 'rows');
      const written = (n: number) => step.advance(n);
      for (const [table, rows] of tables) await insertRows(db, table, rows as never[], written);
      await insertRows(db, 'chronology_entries', records.chronology, written);
      await insertRows(db, 'clock_events', events, written);
      await writePupilNumbers(db, facts.pupilNumbers);
      if (care.uascChildren.length > 0)
        await db.updateTable('people').set({ unaccompanied_asylum_seeking: true }).where('id', 'in', care.uascChildren).execute();
      step.finish();
    },
  };
}
