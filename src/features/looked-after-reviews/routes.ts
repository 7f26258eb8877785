import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import {
  isReviewParticipationCode,
  reviewParticipationCodes,
  reviewParticipationLabel,
} from '../../domain/codes/ssda903-review-participation.js';
import type { Actor } from '../../platform/actor.js';
import { type DateField, emptyForm, type FormState, radioItems, readForm, withErrors } from '../../platform/form-fields.js';
import { signedIn } from '../../platform/request-context.js';
import type { Role } from '../../platform/roles.js';
import { todayInEngland } from '../../platform/today.js';
import { supportKindNames } from '../independent-support/service.js';
import { careViewers } from '../looked-after/service.js';
import * as reviews from './service.js';

/** Reviewing officers chair and record reviews; managers may record one for them. */
const reviewRecorders: readonly Role[] = ['reviewing_officer', 'team_manager', 'service_manager'];
/** Managers allocate reviewing officers. */
const officerAllocators: readonly Role[] = ['team_manager', 'service_manager'];
/** Independent visitors and advocates are recorded by the social worker, their managers and the reviewing officer. */
const supportRecorders: readonly Role[] = ['social_worker', 'team_manager', 'service_manager', 'reviewing_officer'];

const params = z.object({ personId: z.string() });
const reviewDates: DateField[] = [{ name: 'heldOn', label: 'Date of the review' }];
const reviewSchema = z.object({
  participation: z
    .string({ error: 'Select how the child took part' })
    .refine(isReviewParticipationCode, { message: 'Select how the child took part' }),
  decisions: z
    .string()
    .trim()
    .max(10_000, 'Decisions must be 10,000 characters or fewer')
    .optional()
    .transform((v) => v || null),
  lateReason: z
    .string()
    .trim()
    .max(1000, 'The reason must be 1,000 characters or fewer')
    .optional()
    .transform((v) => v || null),
});
const officerDates: DateField[] = [{ name: 'startedOn', label: 'Date the allocation starts' }];
const officerSchema = z.object({
  staffId: z.string({ error: 'Choose an independent reviewing officer' }).min(1, 'Choose an independent reviewing officer'),
});

export async function lookedAfterReviewRoutes(app: FastifyInstance, { db }: { db: Kysely<Database> }) {
  app.get('/children/:personId/reviews', { config: { roles: careViewers } }, async (request, reply) => {
    const actor = signedIn(request);
    const view = await reviews.viewReviews(db, actor, params.parse(request.params).personId);
    return reply.page('looked-after-reviews/views/overview.njk', {
      pageTitle: `Reviews: ${view.header.child.given_name} ${view.header.child.family_name}`,
      section: 'reviews',
      header: view.header,
      officer: view.officer.current,
      nextDue: view.nextDue,
      reviews: view.reviews.map((r) => ({ ...r, participationLabel: reviewParticipationLabel(r.participation) })),
      support: view.support.map((s) => ({ ...s, kindName: supportKindNames[s.kind] })),
      canRecordReview: reviewRecorders.includes(actor.role),
      canAllocate: officerAllocators.includes(actor.role),
      canRecordSupport: supportRecorders.includes(actor.role),
    });
  });

  const renderReview = async (reply: FastifyReply, actor: Actor, personId: string, form: FormState, status = 200) => {
    const view = await reviews.viewReviews(db, actor, personId);
    reply.code(status);
    return reply.page('looked-after-reviews/views/review.njk', {
      pageTitle: 'Record a looked-after review',
      section: 'reviews',
      header: view.header,
      nextDue: view.nextDue,
      form,
      participation: radioItems(
        reviewParticipationCodes.map((c) => ({ value: c.code, text: `${c.code}: ${c.label}` })),
        form.values.participation,
      ),
    });
  };
  app.get('/children/:personId/reviews/new', { config: { roles: reviewRecorders } }, async (request, reply) =>
    renderReview(reply, signedIn(request), params.parse(request.params).personId, emptyForm(reviewDates)),
  );
  app.post('/children/:personId/reviews/new', { config: { roles: reviewRecorders } }, async (request, reply) => {
    const actor = signedIn(request);
    const { personId } = params.parse(request.params);
    const parsed = readForm(request.body, reviewSchema, reviewDates, [], ['heldOn', 'participation', 'decisions', 'lateReason']);
    if (!parsed.ok) return renderReview(reply, actor, personId, parsed.form, 400);
    const result = await reviews.recordReview(db, actor, personId, {
      heldOn: parsed.dates.heldOn as string,
      participation: parsed.data.participation,
      decisions: parsed.data.decisions,
      lateReason: parsed.data.lateReason,
      today: todayInEngland(),
    });
    if (!result.ok) return renderReview(reply, actor, personId, withErrors(parsed.form, result.problems, reviewDates), 400);
    return reply.redirect(`/children/${personId}/reviews`, 303);
  });

  const renderOfficer = async (reply: FastifyReply, actor: Actor, personId: string, form: FormState, status = 200) => {
    const view = await reviews.reviewingOfficerForm(db, actor, personId);
    reply.code(status);
    return reply.page('looked-after-reviews/views/officer.njk', {
      pageTitle: 'Allocate an independent reviewing officer',
      section: 'reviews',
      header: view.header,
      current: view.current,
      form,
      officers: [
        { value: '', text: 'Choose a reviewing officer', selected: !form.values.staffId },
        ...view.officers.map((o) => ({ value: o.id, text: `${o.display_name}, ${o.team_name}`, selected: o.id === form.values.staffId })),
      ],
    });
  };
  app.get('/children/:personId/reviews/officer', { config: { roles: officerAllocators } }, async (request, reply) =>
    renderOfficer(
      reply,
      signedIn(request),
      params.parse(request.params).personId,
      emptyForm(officerDates, {}, { startedOn: todayInEngland() }),
    ),
  );
  app.post('/children/:personId/reviews/officer', { config: { roles: officerAllocators } }, async (request, reply) => {
    const actor = signedIn(request);
    const { personId } = params.parse(request.params);
    const parsed = readForm(request.body, officerSchema, officerDates, [], ['staffId', 'startedOn']);
    if (!parsed.ok) return renderOfficer(reply, actor, personId, parsed.form, 400);
    const result = await reviews.allocateOfficer(db, actor, personId, {
      staffId: parsed.data.staffId,
      startedOn: parsed.dates.startedOn as string,
    });
    if (!result.ok) return renderOfficer(reply, actor, personId, withErrors(parsed.form, result.problems, officerDates), 400);
    return reply.redirect(`/children/${personId}/reviews`, 303);
  });
}
