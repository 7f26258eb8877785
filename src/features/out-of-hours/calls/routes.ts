import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../../db/schema.js';
import { type CallAction, callActionLabel, callActions, isCallAction } from '../../../domain/out-of-hours/call-actions.js';
import { type CallAnswer, callAnswerLabel, callAnswers, isCallAnswer } from '../../../domain/out-of-hours/call-answer.js';
import { callbackResultLabel, callbackResults, isCallbackResult } from '../../../domain/out-of-hours/callback-results.js';
import { type CallerType, callerTypeLabel, callerTypes, isCallerType } from '../../../domain/out-of-hours/caller-types.js';
import { type DateFields, dateFieldsFrom, dateFieldsOf, dateInputItems, readDate, readTime } from '../../../platform/date-time-fields.js';
import { dateAndTimeInEngland, instantInEngland } from '../../../platform/england-time.js';
import { BadRequestError } from '../../../platform/errors.js';
import { fieldErrors } from '../../../platform/form-errors.js';
import { signedIn } from '../../../platform/request-context.js';
import type { Role } from '../../../platform/roles.js';
import { childrenPicker, chosenIds, registerPickerPage, withChildren } from '../../children-picker/service.js';
import { outOfHoursTabs } from '../tabs.js';
import { callLog, callReadingRoles, callRecordingRoles, callTimesProblem, recordCall, recordCallback, viewCall } from './service.js';

/** The whole call log: the out-of-hours service and the head of service. */
const callLogRoles: readonly Role[] = ['emergency_duty', 'service_manager'];
const logDays = 14;

/** What was typed, to show again with the errors. */
type CallFormValues = Record<string, unknown> & { receivedDate: DateFields; answeredDate: DateFields };

const optionalText = (max: number) => z.string().trim().max(max, `Use ${max} characters or fewer`).optional().default('');

const callForm = z
  .object({
    answer: z.custom<CallAnswer>((v) => typeof v === 'string' && isCallAnswer(v), { error: 'Select whether the call was answered' }),
    callerType: z.custom<CallerType>((v) => typeof v === 'string' && isCallerType(v), { error: 'Select who rang' }),
    callerName: optionalText(200),
    callerContactDetails: optionalText(200),
    childrenNotKnown: optionalText(2000),
    concern: optionalText(10_000),
    actions: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
      .refine((v) => v.every(isCallAction), 'Select actions from the list')
      .transform((v) => v as CallAction[]),
    visitNeeded: z.enum(['yes', 'no'], { error: 'Select whether a visit was needed' }),
    outcome: optionalText(10_000),
  })
  .superRefine((form, ctx) => {
    if (form.answer !== 'answered') return;
    if (!form.concern) ctx.addIssue({ code: 'custom', path: ['concern'], message: 'Enter what the call was about' });
    if (!form.outcome) ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'Enter the outcome of the call' });
  });

const errorOrder = [
  'receivedDate',
  'receivedTime',
  'answer',
  'answeredDate',
  'answeredTime',
  'callerType',
  'callerName',
  'callerContactDetails',
  'childrenNotKnown',
  'concern',
  'actions',
  'visitNeeded',
  'outcome',
];
const dateAnchor = (f: string) => (f.endsWith('Date') ? `#${f}-day` : `#${f}`);

/** "Add a new child" while choosing who a new call is about comes back to the choice, with the child chosen. */
registerPickerPage('/out-of-hours/calls/new', 'Back to the new call');

export async function callRoutes(app: FastifyInstance, { db }: { db: Kysely<Database> }) {
  app.get('/out-of-hours', { config: { roles: ['emergency_duty', 'service_manager', 'performance_analyst'] } }, async (request, reply) => {
    const actor = signedIn(request);
    return reply.redirect(callLogRoles.includes(actor.role) ? '/out-of-hours/calls' : '/out-of-hours/figures', 303);
  });

  app.get('/out-of-hours/calls', { config: { roles: callLogRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const to = new Date();
    const calls = await callLog(db, actor, new Date(to.getTime() - logDays * 86_400_000), to);
    return reply.page('out-of-hours/calls/views/call-log.njk', {
      pageTitle: 'Out-of-hours call log',
      tabs: outOfHoursTabs(actor.role, 'calls'),
      mayRecord: callRecordingRoles.includes(actor.role),
      days: logDays,
      counts: {
        calls: calls.length,
        unanswered: calls.filter((c) => c.answer !== 'answered').length,
        waitingForCallback: calls.filter((c) => c.answer !== 'answered' && !c.caller_reached).length,
      },
      calls: calls.map((c) => ({
        ...c,
        answerText: callAnswerLabel(c.answer),
        callerText: callerTypeLabel(c.caller_type),
        actionsText: c.actions.map((a) => callActionLabel(a)).join(', '),
        waitText:
          c.answered_at === null
            ? null
            : `${Math.max(0, Math.round((c.answered_at.getTime() - c.received_at.getTime()) / 60_000))} min to answer`,
      })),
    });
  });

  app.get('/out-of-hours/calls/new', { config: { roles: callRecordingRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const query = request.query as { child?: unknown; q?: unknown };
    const picker = await childrenPicker(db, actor, {
      path: '/out-of-hours/calls/new',
      chosenIds: chosenIds(query.child),
      q: String(query.q ?? '')
        .trim()
        .slice(0, 100),
      emptyText:
        'No children chosen. Add each known child the call is about, or continue without: you can describe children not known to us on the next page.',
    });
    return reply.page('out-of-hours/calls/views/choose-children.njk', {
      pageTitle: 'New out-of-hours call: who is it about?',
      picker,
      continueHref: withChildren('/out-of-hours/calls/new/details', picker.chosenIds),
    });
  });

  const renderForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    ids: readonly string[],
    values: CallFormValues,
    errors: Record<string, string> = {},
  ) => {
    const actor = signedIn(request);
    const picker = await childrenPicker(db, actor, { path: '/out-of-hours/calls/new', chosenIds: ids, q: '', emptyText: '' });
    if (Object.keys(errors).length) reply.code(400);
    const actions = Array.isArray(values.actions) ? values.actions.map(String) : values.actions ? [String(values.actions)] : [];
    return reply.page('out-of-hours/calls/views/call-form.njk', {
      pageTitle: 'New out-of-hours call: details',
      children: picker.chosen,
      childIds: picker.chosenIds.join(','),
      changeChildrenHref: withChildren('/out-of-hours/calls/new', picker.chosenIds),
      values,
      receivedDateItems: dateInputItems(values.receivedDate, Boolean(errors.receivedDate)),
      answeredDateItems: dateInputItems(values.answeredDate, Boolean(errors.answeredDate)),
      errors,
      errorSummary: errorOrder.filter((f) => errors[f]).map((f) => ({ text: errors[f], href: dateAnchor(f) })),
      answerItems: callAnswers.map((a) => ({ value: a.code, text: a.label, checked: values.answer === a.code })),
      callerTypeItems: [
        { value: '', text: 'Choose who rang' },
        ...callerTypes.map((c) => ({ value: c.code, text: c.label, selected: values.callerType === c.code })),
      ],
      actionItems: callActions.map((a) => ({ value: a.code, text: a.label, checked: actions.includes(a.code) })),
      visitNeededItems: [
        { value: 'yes', text: 'Yes', checked: values.visitNeeded === 'yes' },
        { value: 'no', text: 'No', checked: values.visitNeeded === 'no' },
      ],
    });
  };

  app.get('/out-of-hours/calls/new/details', { config: { roles: callRecordingRoles } }, async (request, reply) => {
    const ids = chosenIds((request.query as { child?: unknown }).child);
    const now = dateAndTimeInEngland(new Date());
    return renderForm(request, reply, ids, {
      receivedDate: dateFieldsOf(now.date),
      receivedTime: now.time,
      answeredDate: dateFieldsOf(now.date),
    });
  });

  app.post('/out-of-hours/calls', { config: { roles: callRecordingRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const ids = chosenIds(body.children);
    const receivedDate = dateFieldsFrom(body, 'receivedDate');
    const answeredDate = dateFieldsFrom(body, 'answeredDate');
    const values = { ...body, receivedDate, answeredDate };
    const errors: Record<string, string> = {};
    const rDate = readDate(receivedDate, 'Date the call came in');
    const rTime = readTime(String(body.receivedTime ?? ''), 'Time the call came in');
    if ('error' in rDate) errors.receivedDate = rDate.error;
    if ('error' in rTime) errors.receivedTime = rTime.error;
    let answeredAt: Date | undefined;
    if (body.answer === 'answered') {
      const aDate = readDate(answeredDate, 'Date answered');
      const aTime = readTime(String(body.answeredTime ?? ''), 'Time answered');
      if ('error' in aDate) errors.answeredDate = aDate.error;
      if ('error' in aTime) errors.answeredTime = aTime.error;
      if ('date' in aDate && 'time' in aTime) answeredAt = instantInEngland(aDate.date, aTime.time);
    }
    const parsed = callForm.safeParse(body);
    if (!parsed.success) Object.assign(errors, fieldErrors(parsed.error));
    const receivedAt = 'date' in rDate && 'time' in rTime ? instantInEngland(rDate.date, rTime.time) : undefined;
    if (receivedAt && parsed.success) {
      const problem = callTimesProblem({ receivedAt, answer: parsed.data.answer, answeredAt });
      if (problem) errors[problem.field] ??= problem.message;
    }
    if (Object.keys(errors).length || !parsed.success || !receivedAt) return renderForm(request, reply, ids, values, errors);
    const id = await recordCall(db, actor, {
      receivedAt,
      answer: parsed.data.answer,
      ...(answeredAt ? { answeredAt } : {}),
      callerType: parsed.data.callerType,
      callerName: parsed.data.callerName,
      callerContactDetails: parsed.data.callerContactDetails,
      personIds: ids,
      childrenNotKnown: parsed.data.childrenNotKnown,
      concern: parsed.data.concern,
      actions: parsed.data.answer === 'answered' ? parsed.data.actions : [],
      visitNeeded: parsed.data.visitNeeded === 'yes',
      outcome: parsed.data.outcome,
    });
    return reply.redirect(`/out-of-hours/calls/${id}`, 303);
  });

  app.get('/out-of-hours/calls/:callId', { config: { roles: callReadingRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const { callId } = request.params as { callId: string };
    const { call, callbacks, children, handover } = await viewCall(db, actor, callId);
    const now = dateAndTimeInEngland(new Date());
    return reply.page('out-of-hours/calls/views/call.njk', {
      pageTitle: `Out-of-hours call ${dateAndTimeInEngland(call.received_at).date}`,
      call: {
        ...call,
        answerText: callAnswerLabel(call.answer),
        callerText: callerTypeLabel(call.caller_type),
        actionsText: call.actions.map((a) => callActionLabel(a)).join(', ') || 'None',
      },
      children: children.map((c) => ({ id: c.id, name: `${c.given_name} ${c.family_name}`, laChildId: c.la_child_id })),
      callbacks: callbacks.map((c) => ({ ...c, resultText: callbackResultLabel(c.result) })),
      handover: handover.map((h) => ({
        ...h,
        childName: children.find((c) => c.id === h.person_id),
      })),
      mayCallBack: callRecordingRoles.includes(actor.role) && call.answer !== 'answered',
      callbackDateItems: dateInputItems(dateFieldsOf(now.date), false),
      callbackTime: now.time,
      callbackResultItems: callbackResults.map((r) => ({ value: r.code, text: r.label })),
    });
  });

  app.post('/out-of-hours/calls/:callId/callbacks', { config: { roles: callRecordingRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const { callId } = request.params as { callId: string };
    const body = (request.body ?? {}) as Record<string, unknown>;
    const date = readDate(dateFieldsFrom(body, 'attemptedDate'), 'Date of the call-back');
    const time = readTime(String(body.attemptedTime ?? ''), 'Time of the call-back');
    if ('error' in date) throw new BadRequestError(`${date.error}. Nothing was saved.`);
    if ('error' in time) throw new BadRequestError(`${time.error}. Nothing was saved.`);
    const result = String(body.result ?? '');
    if (!isCallbackResult(result)) throw new BadRequestError('Select how the call-back went. Nothing was saved.');
    await recordCallback(db, actor, callId, { attemptedAt: instantInEngland(date.date, time.time), result });
    return reply.redirect(`/out-of-hours/calls/${callId}`, 303);
  });
}
