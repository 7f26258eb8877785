import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema.js';
import { adopterRoutes } from './features/adopters/routes.js';
import { adoptionRoutes } from './features/adoption/routes.js';
import { allocationRoutes } from './features/allocation/routes.js';
import { annexARoutes } from './features/annex-a/routes.js';
import { assessmentRoutes } from './features/assessments/routes.js';
import { careLeaverRoutes } from './features/care-leavers/routes.js';
import { carePlanRoutes } from './features/care-plan/routes.js';
import { careProceedingsRoutes } from './features/care-proceedings/routes.js';
import { caseClosureRoutes } from './features/case-closure/routes.js';
import { caseNoteRoutes } from './features/case-notes/routes.js';
import { caseworkRoutes } from './features/casework/routes.js';
import { childInNeedPlanRoutes } from './features/child-in-need-plans/routes.js';
import { protectionPlanRoutes } from './features/child-protection-plans/routes.js';
import { childRoutes } from './features/children/routes.js';
import { chronologyRoutes } from './features/chronology/routes.js';
import { cinCensusReturnRoutes } from './features/cin-census-return/routes.js';
import { clockSettingRoutes } from './features/clock-settings/routes.js';
import { conferenceRoutes } from './features/conferences/routes.js';
import { contactRoutes } from './features/front-door/contacts/routes.js';
import { decisionRoutes } from './features/front-door/decisions/routes.js';
import { homeRoutes } from './features/home/routes.js';
import { independentSupportRoutes } from './features/independent-support/routes.js';
import { lookedAfterRoutes } from './features/looked-after/routes.js';
import { lookedAfterOutcomesRoutes } from './features/looked-after-outcomes/routes.js';
import { lookedAfterReviewRoutes } from './features/looked-after-reviews/routes.js';
import { lookedAfterVisitRoutes } from './features/looked-after-visits/routes.js';
import { managementDecisionRoutes } from './features/management-decisions/routes.js';
import { mergingRoutes } from './features/merging/routes.js';
import { missingEpisodeRoutes } from './features/missing-episodes/routes.js';
import { motherhoodRoutes } from './features/motherhood/routes.js';
import { callRoutes } from './features/out-of-hours/calls/routes.js';
import { figuresRoutes } from './features/out-of-hours/figures/routes.js';
import { handoverRoutes } from './features/out-of-hours/handover/routes.js';
import { peopleRoutes } from './features/people/routes.js';
import { previousPermanenceRoutes } from './features/previous-permanence/routes.js';
import { relationshipRoutes } from './features/relationships/routes.js';
import { section47Routes } from './features/section-47/routes.js';
import { signInRoutes } from './features/sign-in/routes.js';
import { ssda903ReturnRoutes } from './features/ssda903-return/routes.js';
import { staffAccountRoutes } from './features/staff-accounts/routes.js';
import { strategyDiscussionRoutes } from './features/strategy-discussions/routes.js';
import { supervisionRoutes } from './features/supervision/routes.js';
import { teamRoutes } from './features/teams/routes.js';
import { caseworkVisitRoutes } from './features/visits/routes.js';
import { worktrayRoutes } from './features/worktrays/routes.js';
import type { Config } from './platform/config.js';
import { createServer } from './platform/server.js';

/** Hearth: the platform with every feature's routes. */
export function buildApp(
  config: Config,
  db: Kysely<Database>,
  options: { quiet?: boolean; logDestination?: NodeJS.WritableStream } = {},
): Promise<FastifyInstance> {
  return createServer({
    config,
    db,
    quiet: options.quiet,
    logDestination: options.logDestination,
    features: async (app) => {
      await app.register(signInRoutes, { db, config });
      await app.register(homeRoutes, { db });
      await app.register(childRoutes, { db });
      await app.register(peopleRoutes, { db });
      await app.register(allocationRoutes, { db });
      await app.register(chronologyRoutes, { db });
      await app.register(caseNoteRoutes, { db });
      await app.register(relationshipRoutes, { db });
      await app.register(mergingRoutes, { db });
      await app.register(contactRoutes, { db });
      await app.register(decisionRoutes, { db });
      await app.register(callRoutes, { db });
      await app.register(handoverRoutes, { db });
      await app.register(figuresRoutes, { db });
      await app.register(staffAccountRoutes, { db });
      await app.register(teamRoutes, { db });
      await app.register(worktrayRoutes, { db });
      await app.register(clockSettingRoutes, { db });
      await app.register(lookedAfterRoutes, { db });
      await app.register(missingEpisodeRoutes, { db, config });
      await app.register(lookedAfterReviewRoutes, { db });
      await app.register(lookedAfterVisitRoutes, { db });
      await app.register(careProceedingsRoutes, { db });
      await app.register(carePlanRoutes, { db });
      await app.register(careLeaverRoutes, { db });
      await app.register(independentSupportRoutes, { db });
      await app.register(adoptionRoutes, { db });
      await app.register(previousPermanenceRoutes, { db });
      await app.register(lookedAfterOutcomesRoutes, { db });
      await app.register(motherhoodRoutes, { db });
      await app.register(caseworkRoutes, { db });
      await app.register(assessmentRoutes, { db });
      await app.register(strategyDiscussionRoutes, { db });
      await app.register(section47Routes, { db });
      await app.register(conferenceRoutes, { db });
      await app.register(protectionPlanRoutes, { db });
      await app.register(caseworkVisitRoutes, { db });
      await app.register(childInNeedPlanRoutes, { db });
      await app.register(caseClosureRoutes, { db });
      await app.register(supervisionRoutes, { db });
      await app.register(ssda903ReturnRoutes, { db });
      await app.register(cinCensusReturnRoutes, { db, config });
      await app.register(annexARoutes, { db, config });
      await app.register(managementDecisionRoutes, { db });
      await app.register(adopterRoutes, { db });
    },
  });
}
