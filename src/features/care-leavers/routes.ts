import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import {
  careLeaverAccommodationTypeCodes,
  isCareLeaverAccommodationTypeCode,
} from '../../domain/codes/ssda903-care-leaver-accommodation.js';
import { careLeaverActivityCodes, isCareLeaverActivityCode } from '../../domain/codes/ssda903-care-leaver-activity.js';
import { careLeaverInTouchCodes, isCareLeaverInTouchCode } from '../../domain/codes/ssda903-care-leaver-in-touch.js';
import type { Actor } from '../../platform/actor.js';
import { type DateField, emptyForm, type FormState, radioItems, readForm, selectItems, withErrors } from '../../platform/form-fields.js';
import { signedIn } from '../../platform/request-context.js';
import { todayInEngland } from '../../platform/today.js';
import { careRecorders, careViewers } from '../looked-after/service.js';
import * as leavingCare from './service.js';

const params = z.object({ personId: z.string() });
const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .optional()
    .transform((v) => v || null);
const optionalCode = (isCode: (v: string) => boolean, message: string) =>
  z
    .string()
    .optional()
    .refine((v) => !v || isCode(v), { message })
    .transform((v) => v || null);

const forms = {
  plan: {
    title: 'Record a pathway plan',
    dates: [{ name: 'completedOn', label: 'Date completed' }] as DateField[],
    schema: z.object({
      stage: z.enum(['needs_assessment', 'plan', 'review'], { error: 'Select what was completed' }),
      views: optionalText(10_000, 'The young person’s views'),
      lateReason: optionalText(1000, 'The reason'),
    }),
    order: ['stage', 'completedOn', 'views', 'lateReason'],
  },
  adviser: {
    title: 'Name the personal adviser',
    dates: [{ name: 'startedOn', label: 'Date they started' }] as DateField[],
    schema: z.object({
      name: z
        .string({ error: 'Enter the personal adviser’s name' })
        .trim()
        .min(1, 'Enter the personal adviser’s name')
        .max(200, 'The name must be 200 characters or fewer'),
    }),
    order: ['name', 'startedOn'],
  },
  contact: {
    title: 'Record a care leaver contact',
    dates: [{ name: 'contactOn', label: 'Date of the contact' }] as DateField[],
    schema: z.object({
      inTouch: z
        .string({ error: 'Select whether the young person is in touch' })
        .refine(isCareLeaverInTouchCode, { message: 'Select whether the young person is in touch' }),
      activity: optionalCode(isCareLeaverActivityCode, 'Select their main activity from the list'),
      accommodation: optionalCode(isCareLeaverAccommodationTypeCode, 'Select where they live from the list'),
      suitable: z
        .enum(['yes', 'no'])
        .optional()
        .transform((v) => (v === undefined ? null : v === 'yes')),
    }),
    order: ['contactOn', 'inTouch', 'activity', 'accommodation', 'suitable'],
  },
} as const;
type FormName = keyof typeof forms;

export async function careLeaverRoutes(app: FastifyInstance, { db }: { db: Kysely<Database> }) {
  app.get('/children/:personId/leaving-care', { config: { roles: careViewers } }, async (request, reply) => {
    const actor = signedIn(request);
    const view = await leavingCare.viewLeavingCare(db, actor, params.parse(request.params).personId, todayInEngland());
    return reply.page('care-leavers/views/overview.njk', {
      pageTitle: `Leaving care: ${view.header.child.given_name} ${view.header.child.family_name}`,
      section: 'leaving-care',
      ...view,
      canRecord: careRecorders.includes(actor.role),
    });
  });

  const render = async (reply: FastifyReply, actor: Actor, personId: string, name: FormName, form: FormState, status = 200) => {
    const view = await leavingCare.viewLeavingCare(db, actor, personId, todayInEngland());
    reply.code(status);
    return reply.page('care-leavers/views/form.njk', {
      pageTitle: forms[name].title,
      section: 'leaving-care',
      header: view.header,
      name,
      form,
      stages: radioItems(
        Object.entries(leavingCare.pathwayStageNames).map(([value, text]) => ({ value, text })),
        form.values.stage,
      ),
      inTouch: selectItems(careLeaverInTouchCodes, form.values.inTouch),
      activities: selectItems(careLeaverActivityCodes, form.values.activity, 'Not recorded'),
      accommodation: selectItems(careLeaverAccommodationTypeCodes, form.values.accommodation, 'Not recorded'),
      suitable: radioItems(
        [
          { value: 'yes', text: 'Suitable' },
          { value: 'no', text: 'Not suitable' },
        ],
        form.values.suitable,
      ),
    });
  };

  for (const name of Object.keys(forms) as FormName[]) {
    const path = `/children/:personId/leaving-care/${name}`;
    app.get(path, { config: { roles: careRecorders } }, async (request, reply) =>
      render(reply, signedIn(request), params.parse(request.params).personId, name, emptyForm(forms[name].dates)),
    );
    app.post(path, { config: { roles: careRecorders } }, async (request, reply) => {
      const actor = signedIn(request);
      const { personId } = params.parse(request.params);
      const today = todayInEngland();
      let result: leavingCare.LeavingCareChange;
      let form: FormState;
      if (name === 'plan') {
        const parsed = readForm(request.body, forms.plan.schema, forms.plan.dates, [], forms.plan.order);
        if (!parsed.ok) return render(reply, actor, personId, name, parsed.form, 400);
        form = parsed.form;
        result = await leavingCare.recordPathwayPlan(db, actor, personId, {
          ...parsed.data,
          completedOn: parsed.dates.completedOn as string,
          today,
        });
      } else if (name === 'adviser') {
        const parsed = readForm(request.body, forms.adviser.schema, forms.adviser.dates, [], forms.adviser.order);
        if (!parsed.ok) return render(reply, actor, personId, name, parsed.form, 400);
        form = parsed.form;
        result = await leavingCare.appointAdviser(db, actor, personId, {
          name: parsed.data.name,
          startedOn: parsed.dates.startedOn as string,
          today,
        });
      } else {
        const parsed = readForm(request.body, forms.contact.schema, forms.contact.dates, [], forms.contact.order);
        if (!parsed.ok) return render(reply, actor, personId, name, parsed.form, 400);
        form = parsed.form;
        result = await leavingCare.recordContact(db, actor, personId, {
          ...parsed.data,
          contactOn: parsed.dates.contactOn as string,
          today,
        });
      }
      if (!result.ok) return render(reply, actor, personId, name, withErrors(form, result.problems, forms[name].dates), 400);
      return reply.redirect(`/children/${personId}/leaving-care`, 303);
    });
  }
}
