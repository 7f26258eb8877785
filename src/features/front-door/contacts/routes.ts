import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../../db/schema.js';
import { primaryNeedLabel } from '../../../domain/codes/cin-primary-need.js';
import {
  isReferralSourceCode,
  type ReferralSourceCode,
  referralSourceCodes,
  referralSourceLabel,
} from '../../../domain/codes/cin-referral-source.js';
import { type Consent, consentLabel, consentOptions, isConsent } from '../../../domain/front-door/consent.js';
import { contactDecisionLabel } from '../../../domain/front-door/contact-decision.js';
import { isRagRating, type RagRating, ragRatingOf, ragRatings } from '../../../domain/front-door/rag-rating.js';
import { describeTimeLeft, type TimeLeft } from '../../../domain/front-door/time-left.js';
import { type DateFields, dateFieldsFrom, dateFieldsOf, dateInputItems, readDate, readTime } from '../../../platform/date-time-fields.js';
import { dateAndTimeInEngland, instantInEngland } from '../../../platform/england-time.js';
import { fieldErrors } from '../../../platform/form-errors.js';
import { signedIn } from '../../../platform/request-context.js';
import type { Role } from '../../../platform/roles.js';
import { todayInEngland } from '../../../platform/today.js';
import { formatDate } from '../../../platform/view-filters.js';
import { childrenPicker, chosenIds, registerPickerPage, withChildren } from '../../children-picker/service.js';
import { decidingRoles } from '../decisions/service.js';
import * as contacts from './service.js';

/** Front door officers record contacts; managers decide them; all three work the worklist. */
export const recordingRoles: readonly Role[] = ['front_door'];
export const frontDoorRoles: readonly Role[] = ['front_door', ...decidingRoles];

const text = (max: number, required?: string) =>
  required
    ? z.string().trim().min(1, required).max(max, `Use ${max} characters or fewer`)
    : z.string().trim().max(max, `Use ${max} characters or fewer`);

const contactForm = z.object({
  referralSource: z.custom<ReferralSourceCode>((v) => typeof v === 'string' && isReferralSourceCode(v), {
    error: 'Select who the contact came from',
  }),
  referrerName: text(200, 'Enter the name of the person who made the contact'),
  referrerOrganisation: text(200),
  referrerContactDetails: text(200),
  concerns: text(10_000, 'Enter the concerns'),
  consent: z.custom<Consent>((v) => typeof v === 'string' && isConsent(v), { error: 'Select whether consent was given' }),
  ragRating: z.custom<RagRating>((v) => typeof v === 'string' && isRagRating(v), { error: 'Select a RAG rating' }),
});

type ContactFormValues = Partial<Record<keyof z.infer<typeof contactForm> | 'receivedTime', string>> & { receivedDate: DateFields };

const errorOrder = [
  'child',
  'receivedDate',
  'receivedTime',
  'referralSource',
  'referrerName',
  'referrerOrganisation',
  'referrerContactDetails',
  'concerns',
  'consent',
  'ragRating',
];

function errorSummary(errors: Record<string, string>) {
  return errorOrder.filter((f) => errors[f]).map((f) => ({ text: errors[f], href: f === 'receivedDate' ? '#receivedDate-day' : `#${f}` }));
}

/** A contact decision's time left as a GOV.UK tag, the same on the worklist and the contact. */
function timeLeftTag(left: TimeLeft | null): { text: string; colour: string } {
  if (!left) return { text: 'No decision clock', colour: 'grey' };
  return {
    text: describeTimeLeft(left, formatDate),
    colour: left.status === 'overdue' ? 'red' : left.status === 'due_today' ? 'yellow' : 'grey',
  };
}

/** "Add a new child" while choosing who a new contact is about comes back to the choice, with the child chosen. */
registerPickerPage('/front-door/contacts/new', 'Back to the new contact');

export async function contactRoutes(app: FastifyInstance, { db }: { db: Kysely<Database> }) {
  app.get('/front-door', { config: { roles: frontDoorRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const { contacts: open, counts } = await contacts.frontDoorWorklist(db, actor, todayInEngland());
    return reply.page('front-door/contacts/views/worklist.njk', {
      pageTitle: 'Front door: contacts waiting for a decision',
      counts,
      mayRecord: recordingRoles.includes(actor.role),
      contacts: open.map((c) => ({
        ...c,
        source: referralSourceLabel(c.referralSource),
        rag: ragRatingOf(c.ragRating),
        timeLeftTag: timeLeftTag(c.timeLeft),
        timeLeftOrder: c.decisionDueOn ?? '',
      })),
    });
  });

  app.get('/front-door/decided', { config: { roles: frontDoorRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const decided = await contacts.recentlyDecided(db, actor, 14);
    return reply.page('front-door/contacts/views/decided.njk', {
      pageTitle: 'Front door: contacts decided in the last 14 days',
      counts: { notTold: decided.filter((c) => c.referrer_informed_on === null).length },
      contacts: decided.map((c) => ({ ...c, decisionText: contactDecisionLabel(c.decision) })),
    });
  });

  app.get('/front-door/contacts/new', { config: { roles: recordingRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const query = request.query as { child?: unknown; q?: unknown };
    const q = String(query.q ?? '')
      .trim()
      .slice(0, 100);
    const picker = await childrenPicker(db, actor, {
      path: '/front-door/contacts/new',
      chosenIds: chosenIds(query.child),
      q,
      emptyText: 'No children chosen yet. Search for each child the contact is about; siblings can share one contact.',
    });
    return reply.page('front-door/contacts/views/choose-children.njk', {
      pageTitle: 'New contact: who is it about?',
      picker,
      continueHref: picker.chosenIds.length ? withChildren('/front-door/contacts/new/details', picker.chosenIds) : null,
    });
  });

  const renderForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    ids: readonly string[],
    values: ContactFormValues,
    errors: Record<string, string> = {},
  ) => {
    const actor = signedIn(request);
    const picker = await childrenPicker(db, actor, { path: '/front-door/contacts/new', chosenIds: ids, q: '', emptyText: '' });
    if (Object.keys(errors).length) reply.code(400);
    return reply.page('front-door/contacts/views/contact-form.njk', {
      pageTitle: 'New contact: details',
      children: picker.chosen,
      childIds: picker.chosenIds.join(','),
      changeChildrenHref: withChildren('/front-door/contacts/new', picker.chosenIds),
      values,
      receivedDateItems: dateInputItems(values.receivedDate, Boolean(errors.receivedDate)),
      errors,
      errorSummary: errorSummary(errors),
      referralSources: [
        { value: '', text: 'Choose who made the contact' },
        ...referralSourceCodes.map((c) => ({ value: c.code, text: `${c.code}: ${c.label}`, selected: values.referralSource === c.code })),
      ],
      consentItems: consentOptions.map((c) => ({ value: c.code, text: c.label, checked: values.consent === c.code })),
      ragItems: ragRatings.map((r) => ({ value: r.code, text: r.label, checked: values.ragRating === r.code })),
    });
  };

  app.get('/front-door/contacts/new/details', { config: { roles: recordingRoles } }, async (request, reply) => {
    const ids = chosenIds((request.query as { child?: unknown }).child);
    if (ids.length === 0) return reply.redirect('/front-door/contacts/new', 303);
    const now = dateAndTimeInEngland(new Date());
    return renderForm(request, reply, ids, { receivedDate: dateFieldsOf(now.date), receivedTime: now.time });
  });

  app.post('/front-door/contacts', { config: { roles: recordingRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const ids = chosenIds(body.children);
    const receivedDate = dateFieldsFrom(body, 'receivedDate');
    const values: ContactFormValues = {
      receivedDate,
      receivedTime: String(body.receivedTime ?? ''),
      ...Object.fromEntries(Object.keys(contactForm.shape).map((k) => [k, String(body[k] ?? '')])),
    };
    const errors: Record<string, string> = {};
    if (ids.length === 0) errors.child = 'Choose at least one child the contact is about';
    const date = readDate(receivedDate, 'Date received');
    const time = readTime(values.receivedTime ?? '', 'Time received');
    if ('error' in date) errors.receivedDate = date.error;
    if ('error' in time) errors.receivedTime = time.error;
    const receivedAt = 'date' in date && 'time' in time ? instantInEngland(date.date, time.time) : null;
    if (receivedAt && receivedAt.getTime() > Date.now()) errors.receivedDate = 'The date and time received must be now or in the past';
    const parsed = contactForm.safeParse(body);
    if (!parsed.success) Object.assign(errors, fieldErrors(parsed.error));
    if (Object.keys(errors).length || !parsed.success || !receivedAt) return renderForm(request, reply, ids, values, errors);
    const id = await contacts.recordContact(db, actor, {
      personIds: ids,
      receivedAt,
      referralSource: parsed.data.referralSource,
      referrerName: parsed.data.referrerName,
      referrerOrganisation: parsed.data.referrerOrganisation,
      referrerContactDetails: parsed.data.referrerContactDetails,
      concerns: parsed.data.concerns,
      consent: parsed.data.consent,
      ragRating: parsed.data.ragRating,
    });
    return reply.redirect(`/front-door/contacts/${id}`, 303);
  });

  app.get('/front-door/contacts/:contactId', { config: { roles: frontDoorRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const { contactId } = request.params as { contactId: string };
    const today = todayInEngland();
    const { contact, children, decisionDueOn, timeLeft } = await contacts.viewContact(db, actor, contactId, today);
    return reply.page('front-door/contacts/views/contact.njk', {
      pageTitle: `Contact received ${formatDate(dateAndTimeInEngland(contact.received_at).date)}`,
      contact: {
        ...contact,
        source: `${contact.referral_source}: ${referralSourceLabel(contact.referral_source) ?? 'unknown code'}`,
        consentText: consentLabel(contact.consent),
        rag: ragRatingOf(contact.rag_rating),
        decisionText: contactDecisionLabel(contact.decision),
      },
      children: children.map((c) => ({
        id: c.id,
        name: c.summary ? `${c.summary.given_name} ${c.summary.family_name}` : '',
        laChildId: c.summary?.la_child_id,
        referral: c.referral && {
          ...c.referral,
          primaryNeed: c.referral.primary_need_code
            ? `${c.referral.primary_need_code}: ${primaryNeedLabel(c.referral.primary_need_code)}`
            : 'no primary need recorded',
          startedHere: c.referral.contact_id === contact.id,
        },
      })),
      decisionDueOn,
      timeLeftTag: timeLeftTag(timeLeft),
      mayDecide: decidingRoles.includes(actor.role) && contact.decision === null,
      mayRecordInformed: contact.decision !== null && contact.referrer_informed_on === null,
      informedDateItems: dateInputItems(dateFieldsOf(today), false),
      saved: (request.query as { saved?: string }).saved,
    });
  });
}
