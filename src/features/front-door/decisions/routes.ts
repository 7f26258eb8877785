import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../../db/schema.js';
import { isPrimaryNeedCode, type PrimaryNeedCode, primaryNeedCodes } from '../../../domain/codes/cin-primary-need.js';
import { referralSourceLabel } from '../../../domain/codes/cin-referral-source.js';
import {
  type ContactDecision,
  contactDecisions,
  decisionStartsReferral,
  isContactDecision,
} from '../../../domain/front-door/contact-decision.js';
import { ragRatingOf } from '../../../domain/front-door/rag-rating.js';
import { dateFieldsFrom, readDate } from '../../../platform/date-time-fields.js';
import { BadRequestError } from '../../../platform/errors.js';
import { fieldErrors } from '../../../platform/form-errors.js';
import { signedIn } from '../../../platform/request-context.js';
import { viewContact } from '../contacts/service.js';
import { decideContact, decidingRoles, recordReferrerInformed, referrerInformedProblem } from './service.js';

const decisionForm = z
  .object({
    decision: z.custom<ContactDecision>((v) => typeof v === 'string' && isContactDecision(v), { error: 'Select the decision' }),
    rationale: z.string().trim().min(1, 'Enter the reasons for the decision').max(10_000, 'Use 10,000 characters or fewer'),
    primaryNeed: z
      .string()
      .optional()
      .transform((v) => v || undefined)
      .refine((v) => v === undefined || isPrimaryNeedCode(v), 'Select a primary need code from the list')
      .transform((v) => v as PrimaryNeedCode | undefined),
    version: z.coerce.number().int(),
  })
  .refine((form) => !decisionStartsReferral(form.decision) || form.primaryNeed !== undefined, {
    path: ['primaryNeed'],
    error: 'Select the child’s primary need: a referral needs one',
  });

const version = z.object({ version: z.coerce.number().int() });

export async function decisionRoutes(app: FastifyInstance, { db }: { db: Kysely<Database> }) {
  const renderForm = async (request: FastifyRequest, contactId: string, values: Record<string, string>, errors: Record<string, string>) => {
    const actor = signedIn(request);
    const { contact, children, decisionDueOn } = await viewContact(db, actor, contactId);
    return {
      pageTitle: 'Decide the contact',
      contact: {
        ...contact,
        source: referralSourceLabel(contact.referral_source),
        rag: ragRatingOf(contact.rag_rating),
      },
      children: children.map((c) => (c.summary ? `${c.summary.given_name} ${c.summary.family_name}` : '')),
      decisionDueOn,
      values: { version: String(contact.version), ...values },
      errors,
      errorSummary: ['decision', 'primaryNeed', 'rationale'].filter((f) => errors[f]).map((f) => ({ text: errors[f], href: `#${f}` })),
      decisionItems: contactDecisions.map((d) => ({
        value: d.code,
        text: d.label,
        checked: values.decision === d.code,
        hint: d.startsReferral ? { text: 'Starts a child-in-need episode (referral) for each child' } : undefined,
      })),
      primaryNeedItems: [
        { value: '', text: 'Choose the primary need' },
        ...primaryNeedCodes.map((n) => ({ value: n.code, text: `${n.code}: ${n.label}`, selected: values.primaryNeed === n.code })),
      ],
      alreadyDecided: contact.decision !== null,
    };
  };

  app.get('/front-door/contacts/:contactId/decision', { config: { roles: decidingRoles } }, async (request, reply) => {
    const { contactId } = request.params as { contactId: string };
    const model = await renderForm(request, contactId, {}, {});
    if (model.alreadyDecided) return reply.redirect(`/front-door/contacts/${contactId}`, 303);
    return reply.page('front-door/decisions/views/decision-form.njk', model);
  });

  app.post('/front-door/contacts/:contactId/decision', { config: { roles: decidingRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const { contactId } = request.params as { contactId: string };
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = decisionForm.safeParse(body);
    if (!parsed.success) {
      const values = Object.fromEntries(['decision', 'rationale', 'primaryNeed', 'version'].map((k) => [k, String(body[k] ?? '')]));
      const model = await renderForm(request, contactId, values, fieldErrors(parsed.error));
      reply.code(400);
      return reply.page('front-door/decisions/views/decision-form.njk', model);
    }
    await decideContact(db, actor, contactId, {
      decision: parsed.data.decision,
      rationale: parsed.data.rationale,
      ...(decisionStartsReferral(parsed.data.decision) && parsed.data.primaryNeed ? { primaryNeed: parsed.data.primaryNeed } : {}),
      version: parsed.data.version,
    });
    return reply.redirect(`/front-door/contacts/${contactId}?saved=decision`, 303);
  });

  app.post(
    '/front-door/contacts/:contactId/referrer-informed',
    { config: { roles: ['front_door', ...decidingRoles] } },
    async (request, reply) => {
      const actor = signedIn(request);
      const { contactId } = request.params as { contactId: string };
      const body = (request.body ?? {}) as Record<string, unknown>;
      const date = readDate(dateFieldsFrom(body, 'informedOn'), 'Date the referrer was told');
      const parsedVersion = version.safeParse(body);
      if (!parsedVersion.success)
        throw new BadRequestError('The form was incomplete. Reload the contact and try again: nothing was saved.');
      if ('error' in date) throw new BadRequestError(`${date.error}. Nothing was saved.`);
      const { contact } = await viewContact(db, actor, contactId);
      const problem = referrerInformedProblem(date.date, contact.decided_at);
      if (problem) throw new BadRequestError(`${problem}. Nothing was saved.`);
      await recordReferrerInformed(db, actor, contactId, { informedOn: date.date, version: parsedVersion.data.version });
      return reply.redirect(`/front-door/contacts/${contactId}?saved=informed`, 303);
    },
  );
}
