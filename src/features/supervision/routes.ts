import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { describeTimescale } from '../../domain/clocks/timescale.js';
import type { Actor } from '../../platform/actor.js';
import { dateFieldsFrom, dateInputItems, readDate } from '../../platform/date-time-fields.js';
import { type DateField, emptyForm, type FormState, readForm, withErrors } from '../../platform/form-fields.js';
import { signedIn } from '../../platform/request-context.js';
import { todayInEngland } from '../../platform/today.js';
import { caseworkRoles } from '../assessments/service.js';
import { childRecordRoles } from '../children/service.js';
import { managerRoles } from '../management-decisions/service.js';
import * as supervision from './service.js';

const params = z.object({ personId: z.string() });
const actionParams = z.object({ personId: z.string(), actionId: z.string().uuid() });
const heldOnField: DateField[] = [{ name: 'heldOn', label: 'Date of supervision' }];
const actionRows = ['action1', 'action2', 'action3'] as const;
const schema = z.object({
  reflection: z
    .string()
    .trim()
    .min(1, 'Record the reflection on the child’s situation and the work')
    .max(20_000, 'Write 20,000 characters or fewer'),
  decisions: z.string().trim().min(1, 'Record the decisions made in supervision').max(10_000, 'Write 10,000 characters or fewer'),
});
const doneSchema = z.object({ version: z.coerce.number().int().positive() });

/** The actions typed into the form: a row counts once anything is typed in it, and then needs all three parts. */
function readActions(body: unknown, form: FormState) {
  const raw = (body ?? {}) as Record<string, unknown>;
  const errors: { field: string; message: string }[] = [];
  const actions: { field: string; description: string; ownerId: string; dueOn: string }[] = [];
  const dates: FormState['dates'] = {};
  for (const row of actionRows) {
    const description = String(raw[`${row}Description`] ?? '').trim();
    const ownerId = String(raw[`${row}Owner`] ?? '');
    const fields = dateFieldsFrom(raw, `${row}DueOn`);
    const typed = description || ownerId || fields.day || fields.month || fields.year;
    let hasDateError = false;
    if (typed) {
      if (!description) errors.push({ field: `${row}Description`, message: 'Describe the action' });
      else if (description.length > 1000) errors.push({ field: `${row}Description`, message: 'Write 1,000 characters or fewer' });
      if (!ownerId) errors.push({ field: `${row}Owner`, message: 'Choose who owns the action' });
      const due = readDate(fields, 'Date the action is due');
      if ('error' in due) {
        errors.push({ field: `${row}DueOn`, message: due.error });
        hasDateError = true;
      } else if (description && ownerId) actions.push({ field: row, description, ownerId, dueOn: due.date });
    }
    dates[`${row}DueOn`] = dateInputItems(fields, hasDateError);
  }
  return { actions, errors, form: { ...form, dates: { ...form.dates, ...dates } } };
}

export async function supervisionRoutes(app: FastifyInstance, { db }: { db: Kysely<Database> }) {
  app.get('/children/:personId/casework/supervision', { config: { roles: childRecordRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const view = await supervision.viewSupervision(db, actor, params.parse(request.params).personId);
    return reply.page('supervision/views/supervision.njk', {
      pageTitle: `Supervision: ${view.header.given_name} ${view.header.family_name}`,
      section: 'supervision',
      ...view,
      canRecord: managerRoles.includes(actor.role),
      canMarkDone: caseworkRoles.includes(actor.role),
    });
  });

  const render = async (reply: FastifyReply, actor: Actor, personId: string, form: FormState, status = 200) => {
    const view = await supervision.viewSupervision(db, actor, personId);
    reply.code(status);
    const blankDates = Object.fromEntries(
      actionRows.map((row) => [`${row}DueOn`, dateInputItems({ day: '', month: '', year: '' }, false)]),
    );
    return reply.page('supervision/views/new.njk', {
      pageTitle: 'Record case supervision',
      section: 'supervision',
      ...view,
      form: { ...form, dates: { ...blankDates, ...form.dates } },
      rows: actionRows.map((row, i) => ({
        name: row,
        number: i + 1,
        ownerItems: [
          { value: '', text: 'Choose who owns it', selected: !form.values[`${row}Owner`] },
          ...view.owners.map((o) => ({ value: o.id, text: o.display_name, selected: o.id === form.values[`${row}Owner`] })),
        ],
      })),
    });
  };
  app.get('/children/:personId/casework/supervision/new', { config: { roles: managerRoles } }, async (request, reply) =>
    render(reply, signedIn(request), params.parse(request.params).personId, emptyForm(heldOnField, {}, { heldOn: todayInEngland() })),
  );
  app.post('/children/:personId/casework/supervision/new', { config: { roles: managerRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const { personId } = params.parse(request.params);
    const order = [
      'form',
      'heldOn',
      'reflection',
      'decisions',
      ...actionRows.flatMap((r) => [`${r}Description`, `${r}Owner`, `${r}DueOn`]),
    ];
    const parsed = readForm(request.body, schema, heldOnField, [], order);
    const actions = readActions(request.body, parsed.form);
    if (!parsed.ok || actions.errors.length > 0)
      return render(reply, actor, personId, withErrors(actions.form, actions.errors, heldOnField), 400);
    const result = await supervision.recordSupervision(db, actor, personId, {
      ...parsed.data,
      heldOn: parsed.dates.heldOn as string,
      actions: actions.actions,
      today: todayInEngland(),
    });
    if (!result.ok) return render(reply, actor, personId, withErrors(actions.form, result.problems, heldOnField), 400);
    return reply.redirect(`/children/${personId}/casework/supervision`, 303);
  });

  app.post(
    '/children/:personId/casework/supervision/actions/:actionId/done',
    { config: { roles: caseworkRoles } },
    async (request, reply) => {
      const actor = signedIn(request);
      const { personId, actionId } = actionParams.parse(request.params);
      const { version } = doneSchema.parse(request.body);
      await supervision.completeAction(db, actor, personId, actionId, { version, completedOn: todayInEngland() });
      return reply.redirect(`/children/${personId}/casework/supervision`, 303);
    },
  );

  app.get('/supervision', { config: { roles: ['team_manager'] } }, async (request, reply) => {
    const actor = signedIn(request);
    const team = await supervision.teamSupervision(db, actor, todayInEngland());
    return reply.page('supervision/views/team.njk', {
      pageTitle: 'Supervision of my team',
      interval: describeTimescale(team.interval),
      workers: team.workers,
    });
  });
}
