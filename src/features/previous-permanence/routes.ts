import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { isPreviousPermanenceCode, previousPermanenceCodes } from '../../domain/codes/ssda903-previous-permanence.js';
import type { Actor } from '../../platform/actor.js';
import { emptyForm, type FormState, radioItems, readForm, withErrors } from '../../platform/form-fields.js';
import { signedIn } from '../../platform/request-context.js';
import { careRecorders } from '../looked-after/service.js';
import * as permanence from './service.js';

const params = z.object({ personId: z.string(), periodStartedOn: z.iso.date() });
const part = (max: number, label: string) =>
  z
    .string()
    .trim()
    .regex(/^\d*$/, `${label} must be a number`)
    .optional()
    .transform((v) => (v ? Number(v) : null))
    .refine((v) => v === null || (v >= 1 && v <= max), `${label} must be a real ${label.toLowerCase()}`);
const schema = z.object({
  version: z.coerce.number().int().positive().optional(),
  arrangement: z
    .string({ error: 'Select the order the child had before care, or that there was none' })
    .refine(isPreviousPermanenceCode, { message: 'Select the order the child had before care, or that there was none' }),
  localAuthority: z
    .string()
    .trim()
    .regex(/^(\d{3})?$/, 'Enter the authority’s three-digit DfE number, for example 205')
    .optional()
    .transform((v) => v || null),
  'arrangementOn-day': part(31, 'Day'),
  'arrangementOn-month': part(12, 'Month'),
  'arrangementOn-year': part(9999, 'Year'),
});
const order = ['arrangement', 'localAuthority', 'arrangementOn'];

/** The date of the order, as one field for error messages (its parts are typed in three boxes, each of which may be left blank). */
const arrangementDate = [{ name: 'arrangementOn', label: 'When the order was made' }];
const dateParts = ['arrangementOn-day', 'arrangementOn-month', 'arrangementOn-year'];

/** The form with a problem in any of the date's boxes shown once, against the date. */
function oneDateError(form: FormState): FormState {
  const partError = Object.entries(form.errors).find(([name]) => dateParts.includes(name));
  if (!partError) return form;
  const others = Object.entries(form.errors).filter(([name]) => !dateParts.includes(name));
  return withErrors({ ...form, errors: Object.fromEntries(others) }, [{ field: 'arrangementOn', message: partError[1] }], arrangementDate);
}

/** The stored DATE_PERM (DD/MM/YYYY, zz unknown) back into the form's three boxes. */
function dateBoxes(stored: string | null): Record<string, string> {
  const [day = '', month = '', year = ''] = stored
    ? stored.split('/').map((p) => (p.toLowerCase().startsWith('z') ? '' : String(Number(p))))
    : [];
  return { 'arrangementOn-day': day, 'arrangementOn-month': month, 'arrangementOn-year': year };
}

export async function previousPermanenceRoutes(app: FastifyInstance, { db }: { db: Kysely<Database> }) {
  const path = '/children/:personId/previous-permanence/:periodStartedOn';
  const recorders = { config: { roles: careRecorders } };

  const render = async (reply: FastifyReply, actor: Actor, personId: string, periodStartedOn: string, form: FormState, status = 200) => {
    const view = await permanence.permanenceForPeriod(db, actor, personId, periodStartedOn);
    reply.code(status);
    return reply.page('previous-permanence/views/form.njk', {
      pageTitle: 'Permanence before care',
      section: 'adoption',
      header: view.header,
      period: view.period,
      form,
      arrangements: radioItems(
        previousPermanenceCodes.map((c) => ({ value: c.code, text: c.label })),
        form.values.arrangement,
      ),
    });
  };

  app.get(path, recorders, async (request, reply) => {
    const actor = signedIn(request);
    const { personId, periodStartedOn } = params.parse(request.params);
    const view = await permanence.permanenceForPeriod(db, actor, personId, periodStartedOn);
    const r = view.recorded;
    const values = r
      ? { version: String(r.version), arrangement: r.arrangement, localAuthority: r.localAuthority ?? '', ...dateBoxes(r.arrangementDate) }
      : {};
    return render(reply, actor, personId, periodStartedOn, emptyForm([], values));
  });

  app.post(path, recorders, async (request, reply) => {
    const actor = signedIn(request);
    const { personId, periodStartedOn } = params.parse(request.params);
    const parsed = readForm(request.body, schema, [], [], order);
    if (!parsed.ok) return render(reply, actor, personId, periodStartedOn, oneDateError(parsed.form), 400);
    const f = parsed.data;
    const result = await permanence.savePermanence(db, actor, personId, {
      periodStartedOn,
      version: f.version ?? null,
      arrangement: f.arrangement,
      localAuthority: f.localAuthority,
      date: { day: f['arrangementOn-day'], month: f['arrangementOn-month'], year: f['arrangementOn-year'] },
    });
    if (!result.ok) return render(reply, actor, personId, periodStartedOn, withErrors(parsed.form, result.problems, arrangementDate), 400);
    return reply.redirect(`/children/${personId}/adoption#permanence-before-care`, 303);
  });
}
