import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { carePlanPermanenceCodes, carePlanPermanenceLabel, isCarePlanPermanenceCode } from '../../domain/codes/ssd-care-plan-permanence.js';
import type { Actor } from '../../platform/actor.js';
import { type DateField, emptyForm, type FormState, radioItems, readForm, selectItems, withErrors } from '../../platform/form-fields.js';
import { signedIn } from '../../platform/request-context.js';
import { todayInEngland } from '../../platform/today.js';
import { careRecorders, careViewers } from '../looked-after/service.js';
import * as carePlan from './service.js';

const params = z.object({ personId: z.string() });
const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .optional()
    .transform((v) => v || null);

const forms = {
  health: {
    title: 'Record a health assessment',
    dates: [{ name: 'completedOn', label: 'Date of the assessment' }] as DateField[],
    schema: z.object({
      kind: z.enum(['initial', 'review'], { error: 'Select initial or review health assessment' }),
      completedBy: z
        .string({ error: 'Enter who did the assessment' })
        .trim()
        .min(1, 'Enter who did the assessment')
        .max(200, 'Who did it must be 200 characters or fewer'),
      lateReason: optionalText(1000, 'The reason'),
    }),
    order: ['kind', 'completedOn', 'completedBy', 'lateReason'],
  },
  education: {
    title: 'Record a personal education plan',
    dates: [{ name: 'heldOn', label: 'Date of the meeting' }] as DateField[],
    schema: z.object({
      stage: z.enum(['initiated', 'completed', 'reviewed'], { error: 'Select what happened to the plan' }),
      school: optionalText(200, 'School'),
      lateReason: optionalText(1000, 'The reason'),
    }),
    order: ['stage', 'heldOn', 'school', 'lateReason'],
  },
  permanence: {
    title: 'Record the permanence plan',
    dates: [{ name: 'agreedOn', label: 'Date the plan was agreed' }] as DateField[],
    schema: z.object({
      plan: z.string({ error: 'Select the permanence plan' }).refine(isCarePlanPermanenceCode, { message: 'Select the permanence plan' }),
      detail: optionalText(5000, 'Details'),
    }),
    order: ['plan', 'agreedOn', 'detail'],
  },
} as const;
type FormName = keyof typeof forms;

export async function carePlanRoutes(app: FastifyInstance, { db }: { db: Kysely<Database> }) {
  app.get('/children/:personId/care-plan', { config: { roles: careViewers } }, async (request, reply) => {
    const actor = signedIn(request);
    const view = await carePlan.viewCarePlan(db, actor, params.parse(request.params).personId);
    return reply.page('care-plan/views/overview.njk', {
      pageTitle: `Health, education and permanence: ${view.header.child.given_name} ${view.header.child.family_name}`,
      section: 'care-plan',
      header: view.header,
      health: view.health,
      education: view.education.map((e) => ({ ...e, stageName: carePlan.pepStageNames[e.stage] })),
      permanence: view.permanence.map((p) => ({ ...p, planLabel: carePlanPermanenceLabel(p.plan) })),
      due: view.due,
      canRecord: careRecorders.includes(actor.role),
    });
  });

  const render = async (reply: FastifyReply, actor: Actor, personId: string, name: FormName, form: FormState, status = 200) => {
    const view = await carePlan.viewCarePlan(db, actor, personId);
    reply.code(status);
    return reply.page('care-plan/views/form.njk', {
      pageTitle: forms[name].title,
      section: 'care-plan',
      header: view.header,
      name,
      form,
      kinds: radioItems(
        [
          { value: 'initial', text: 'Initial health assessment', hint: 'By a doctor, when the child starts to be looked after' },
          { value: 'review', text: 'Review health assessment', hint: 'Every 6 months under 5, every 12 months from 5' },
        ],
        form.values.kind,
      ),
      stages: radioItems(
        Object.entries(carePlan.pepStageNames).map(([value, text]) => ({ value, text })),
        form.values.stage,
      ),
      plans: selectItems(carePlanPermanenceCodes, form.values.plan),
    });
  };

  for (const name of Object.keys(forms) as FormName[]) {
    const path = `/children/:personId/care-plan/${name}`;
    app.get(path, { config: { roles: careRecorders } }, async (request, reply) =>
      render(reply, signedIn(request), params.parse(request.params).personId, name, emptyForm(forms[name].dates)),
    );
    app.post(path, { config: { roles: careRecorders } }, async (request, reply) => {
      const actor = signedIn(request);
      const { personId } = params.parse(request.params);
      const today = todayInEngland();
      let result: carePlan.CarePlanChange;
      let form: FormState;
      if (name === 'health') {
        const parsed = readForm(request.body, forms.health.schema, forms.health.dates, [], forms.health.order);
        if (!parsed.ok) return render(reply, actor, personId, name, parsed.form, 400);
        form = parsed.form;
        result = await carePlan.recordHealthAssessment(db, actor, personId, {
          ...parsed.data,
          completedOn: parsed.dates.completedOn as string,
          today,
        });
      } else if (name === 'education') {
        const parsed = readForm(request.body, forms.education.schema, forms.education.dates, [], forms.education.order);
        if (!parsed.ok) return render(reply, actor, personId, name, parsed.form, 400);
        form = parsed.form;
        result = await carePlan.recordEducationPlan(db, actor, personId, { ...parsed.data, heldOn: parsed.dates.heldOn as string, today });
      } else {
        const parsed = readForm(request.body, forms.permanence.schema, forms.permanence.dates, [], forms.permanence.order);
        if (!parsed.ok) return render(reply, actor, personId, name, parsed.form, 400);
        form = parsed.form;
        result = await carePlan.recordPermanencePlan(db, actor, personId, {
          ...parsed.data,
          agreedOn: parsed.dates.agreedOn as string,
          today,
        });
      }
      if (!result.ok) return render(reply, actor, personId, name, withErrors(form, result.problems, forms[name].dates), 400);
      return reply.redirect(`/children/${personId}/care-plan`, 303);
    });
  }
}
