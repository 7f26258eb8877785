import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import type { JourneyStatus } from '../../domain/child-protection/journey.js';
import { reasonForClosureLabel } from '../../domain/codes/cin-reason-for-closure.js';
import { signedIn } from '../../platform/request-context.js';
import { todayInEngland } from '../../platform/today.js';
import { caseworkRoles } from '../assessments/service.js';
import { childRecordRoles } from '../children/service.js';
import { managerRoles } from '../management-decisions/service.js';
import * as casework from './service.js';

const params = z.object({ personId: z.string() });

const statusTags: Record<JourneyStatus, { text: string; classes?: string }> = {
  completed: { text: 'Completed' },
  in_progress: { text: 'In progress', classes: 'govuk-tag--light-blue' },
  not_started: { text: 'Not yet started', classes: 'govuk-tag--blue' },
  not_needed: { text: 'Not needed', classes: 'govuk-tag--grey' },
  cannot_start: { text: 'Cannot start yet', classes: 'govuk-tag--grey' },
};

/** Where each step of the journey is recorded. */
const stepLinks: Record<string, string> = {
  referral: 'child-in-need',
  assessment: 'assessments',
  strategy_discussion: 'child-protection',
  section_47: 'child-protection',
  initial_conference: 'child-protection',
  protection_plan: 'child-protection',
  review_conferences: 'child-protection',
  child_in_need_plan: 'child-in-need',
  closure: 'child-in-need',
};

export async function caseworkRoutes(app: FastifyInstance, { db }: { db: Kysely<Database> }) {
  app.get('/children/:personId/casework', { config: { roles: childRecordRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const { personId } = params.parse(request.params);
    const view = await casework.viewJourney(db, actor, personId);
    const today = todayInEngland();
    return reply.page('casework/views/journey.njk', {
      pageTitle: `Where the child is: ${view.header.given_name} ${view.header.family_name}`,
      section: 'summary',
      header: view.header,
      referral: view.referral,
      current: view.current,
      taskItems: view.steps.map((step) => ({
        title: { text: step.name },
        href: `/children/${personId}/casework/${stepLinks[step.key]}`,
        hint: step.detail ? { text: step.detail } : undefined,
        status: { tag: statusTags[step.status] },
      })),
      due: view.due.map((d) => ({ ...d, overdue: d.dueOn !== null && d.dueOn < today })),
    });
  });

  app.get('/children/:personId/casework/child-protection', { config: { roles: childRecordRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const view = await casework.viewChildProtection(db, actor, params.parse(request.params).personId);
    return reply.page('casework/views/child-protection.njk', {
      pageTitle: `Child protection: ${view.header.given_name} ${view.header.family_name}`,
      section: 'child-protection',
      ...view,
      canRecord: caseworkRoles.includes(actor.role),
      isManager: managerRoles.includes(actor.role),
    });
  });

  app.get('/children/:personId/casework/child-in-need', { config: { roles: childRecordRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const view = await casework.viewChildInNeed(db, actor, params.parse(request.params).personId);
    return reply.page('casework/views/child-in-need.njk', {
      pageTitle: `Child in need: ${view.header.given_name} ${view.header.family_name}`,
      section: 'child-in-need',
      ...view,
      referrals: view.referrals.map((r) => ({
        ...r,
        closureLabel: r.closure_reason ? `${r.closure_reason}: ${reasonForClosureLabel(r.closure_reason)}` : null,
      })),
      canRecord: caseworkRoles.includes(actor.role),
      isManager: managerRoles.includes(actor.role),
    });
  });
}
