import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { isSdqReasonCode, sdqReasonCodes } from '../../domain/codes/ssda903-sdq-reason.js';
import type { Actor } from '../../platform/actor.js';
import { NotFoundError } from '../../platform/errors.js';
import { emptyForm, type FormState, radioItems, readForm, selectItems, withErrors } from '../../platform/form-fields.js';
import { signedIn } from '../../platform/request-context.js';
import { careRecorders, careViewers } from '../looked-after/service.js';
import * as outcomes from './service.js';

const params = z.object({ personId: z.string(), year: z.coerce.number().int().min(2000).max(2100).optional() });
const yesNo = z
  .enum(['yes', 'no'])
  .optional()
  .transform((v) => (v === undefined ? null : v === 'yes'));
const schema = z.object({
  version: z.coerce.number().int().positive().optional(),
  sdqScore: z
    .string()
    .trim()
    .regex(/^\d{0,2}$/, 'The SDQ score must be a whole number from 0 to 40')
    .optional()
    .transform((v) => (v ? Number(v) : null))
    .refine((v) => v === null || v <= 40, 'The SDQ score must be a whole number from 0 to 40'),
  sdqReason: z
    .string()
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || isSdqReasonCode(v), 'Select why there is no SDQ score'),
  convicted: yesNo,
  healthCheck: yesNo,
  immunisations: yesNo,
  teethCheck: yesNo,
  healthAssessment: yesNo,
  substanceMisuse: yesNo,
  interventionReceived: yesNo,
  interventionOffered: yesNo,
});
const order = [
  'sdqScore',
  'sdqReason',
  'convicted',
  'healthCheck',
  'immunisations',
  'teethCheck',
  'healthAssessment',
  'substanceMisuse',
  'interventionReceived',
  'interventionOffered',
];
const yesNoFields = {
  convicted: 'convicted',
  healthCheck: 'health_check',
  immunisations: 'immunisations',
  teethCheck: 'teeth_check',
  healthAssessment: 'health_assessment',
  substanceMisuse: 'substance_misuse',
  interventionReceived: 'intervention_received',
  interventionOffered: 'intervention_offered',
} as const;

type OutcomesYear = Awaited<ReturnType<typeof outcomes.viewOutcomes>>['years'][number];

const yesNoText = (value: boolean | null) => (value === null ? 'Not recorded' : value ? 'Yes' : 'No');

/** The year's answers as summary list rows (the questions its age does not ask say so). */
function summaryRows({ answers: a, questions }: OutcomesYear) {
  if (!a) return [{ key: { text: 'Outcomes' }, value: { text: 'Not recorded yet' } }];
  const row = (key: string, text: string) => ({ key: { text: key }, value: { text } });
  return [
    row(
      'Strengths and difficulties (SDQ)',
      a.sdq_score !== null
        ? String(a.sdq_score)
        : (a.sdqReasonLabel ?? (questions.strengthsAndDifficulties ? 'Not recorded' : 'Not asked at this age')),
    ),
    row('Convicted, or given a final warning or reprimand', questions.conviction ? yesNoText(a.convicted) : 'Not asked under 10'),
    row('Development checks up to date', questions.developmentChecks ? yesNoText(a.health_check) : 'Not asked from age 5'),
    row('Immunisations up to date', yesNoText(a.immunisations)),
    row('Teeth checked by a dentist', yesNoText(a.teeth_check)),
    row('Annual health assessment up to date', yesNoText(a.health_assessment)),
    row('Substance misuse problem', yesNoText(a.substance_misuse)),
    ...(a.substance_misuse
      ? [
          row('Received an intervention', yesNoText(a.intervention_received)),
          row('Offered an intervention and refused it', yesNoText(a.intervention_offered)),
        ]
      : []),
  ];
}

export async function lookedAfterOutcomesRoutes(app: FastifyInstance, { db }: { db: Kysely<Database> }) {
  app.get('/children/:personId/outcomes', { config: { roles: careViewers } }, async (request, reply) => {
    const actor = signedIn(request);
    const view = await outcomes.viewOutcomes(db, actor, params.parse(request.params).personId);
    return reply.page('looked-after-outcomes/views/overview.njk', {
      pageTitle: `Outcomes and motherhood: ${view.header.child.given_name} ${view.header.child.family_name}`,
      section: 'outcomes',
      ...view,
      years: view.years.map((y) => ({ ...y, rows: summaryRows(y) })),
      canRecord: careRecorders.includes(actor.role),
    });
  });

  const render = async (reply: FastifyReply, actor: Actor, personId: string, year: number, form: FormState, status = 200) => {
    const view = await outcomes.viewOutcomes(db, actor, personId);
    const entry = view.years.find((y) => y.year === year);
    if (!entry) throw new NotFoundError();
    reply.code(status);
    const yesNoItems = (name: string) =>
      radioItems(
        [
          { value: 'yes', text: 'Yes' },
          { value: 'no', text: 'No' },
        ],
        form.values[name],
      );
    return reply.page('looked-after-outcomes/views/form.njk', {
      pageTitle: `Outcomes for ${entry.name}`,
      section: 'outcomes',
      header: view.header,
      entry,
      form,
      yesNo: Object.fromEntries(Object.keys(yesNoFields).map((name) => [name, yesNoItems(name)])),
      sdqReasons: selectItems(sdqReasonCodes, form.values.sdqReason, 'There is a score'),
    });
  };

  const path = '/children/:personId/outcomes/:year';
  app.get(path, { config: { roles: careRecorders } }, async (request, reply) => {
    const actor = signedIn(request);
    const { personId, year = 0 } = params.parse(request.params);
    const view = await outcomes.viewOutcomes(db, actor, personId);
    const answers = view.years.find((y) => y.year === year)?.answers;
    const values: Record<string, string> = {};
    if (answers) {
      values.version = String(answers.version);
      values.sdqScore = answers.sdq_score === null ? '' : String(answers.sdq_score);
      values.sdqReason = answers.sdq_reason ?? '';
      for (const [name, column] of Object.entries(yesNoFields)) {
        const value = answers[column];
        if (value !== null) values[name] = value ? 'yes' : 'no';
      }
    }
    return render(reply, actor, personId, year, emptyForm([], values));
  });
  app.post(path, { config: { roles: careRecorders } }, async (request, reply) => {
    const actor = signedIn(request);
    const { personId, year = 0 } = params.parse(request.params);
    const parsed = readForm(request.body, schema, [], [], order);
    if (!parsed.ok) return render(reply, actor, personId, year, parsed.form, 400);
    const f = parsed.data;
    const result = await outcomes.saveOutcomes(db, actor, personId, {
      year,
      version: f.version ?? null,
      answers: {
        sdq_score: f.sdqScore,
        sdq_reason: f.sdqReason,
        convicted: f.convicted,
        health_check: f.healthCheck,
        immunisations: f.immunisations,
        teeth_check: f.teethCheck,
        health_assessment: f.healthAssessment,
        substance_misuse: f.substanceMisuse,
        intervention_received: f.interventionReceived,
        intervention_offered: f.interventionOffered,
      },
    });
    if (!result.ok) return render(reply, actor, personId, year, withErrors(parsed.form, result.problems), 400);
    return reply.redirect(`/children/${personId}/outcomes`, 303);
  });
}
