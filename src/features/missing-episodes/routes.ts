import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { exploitationRiskLevels } from '../../domain/missing/strategy-meeting-prompt.js';
import type { Actor } from '../../platform/actor.js';
import type { Config } from '../../platform/config.js';
import { NotFoundError } from '../../platform/errors.js';
import { type DateField, emptyForm, type FormState, radioItems, readForm, type TimeField, withErrors } from '../../platform/form-fields.js';
import { signedIn } from '../../platform/request-context.js';
import type { Role } from '../../platform/roles.js';
import { todayInEngland } from '../../platform/today.js';
import { careRecorders, careViewers } from '../looked-after/service.js';
import * as missing from './service.js';

/** Out-of-hours workers record missing episodes and returns too: children go missing at night. */
const missingRecorders: readonly Role[] = [...careRecorders, 'emergency_duty'];

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .optional()
    .transform((v) => v || null);
const requiredText = (max: number, message: string, label: string) =>
  z.string({ error: message }).trim().min(1, message).max(max, `${label} must be ${max} characters or fewer`);
const version = z.coerce.number().int().positive();
const riskLevel = (message: string) => z.enum(exploitationRiskLevels, { error: message });

const kindOptions = [
  { value: 'M', text: 'Missing', hint: 'Not at their placement or home, and where they are is not known' },
  { value: 'A', text: 'Away without authorisation', hint: 'Not where they should be, but where they are is known' },
];
const riskOptions = exploitationRiskLevels.map((level) => ({ value: level, text: level.charAt(0).toUpperCase() + level.slice(1) }));

const episodeDates: DateField[] = [
  { name: 'startedOn', label: 'Date they went missing' },
  { name: 'reportedToPoliceOn', label: 'Date reported to the police', optional: true },
  { name: 'returnedOn', label: 'Date they came back', optional: true },
];
const episodeTimes: TimeField[] = [
  { name: 'startedTime', label: 'Time they went missing', optional: true },
  { name: 'reportedToPoliceTime', label: 'Time reported to the police', optional: true },
  { name: 'returnedTime', label: 'Time they came back', optional: true },
];
const episodeSchema = z.object({
  kind: z.enum(['M', 'A'], { error: 'Select whether the child was missing or away without authorisation' }),
  whereFound: optionalText(500, 'Where they were found'),
});
const returnDates: DateField[] = [{ name: 'returnedOn', label: 'Date they came back' }];
const returnTimes: TimeField[] = [{ name: 'returnedTime', label: 'Time they came back', optional: true }];
const returnSchema = z.object({ version, whereFound: optionalText(500, 'Where they were found') });
const interviewDates: DateField[] = [
  { name: 'offeredOn', label: 'Date the interview was offered' },
  { name: 'heldOn', label: 'Date the interview was held', optional: true },
];
const interviewTimes: TimeField[] = [
  { name: 'offeredTime', label: 'Time the interview was offered', optional: true },
  { name: 'heldTime', label: 'Time the interview was held', optional: true },
];
const interviewSchema = z.object({
  outcome: z.enum(['held', 'declined'], { error: 'Select whether the interview was held or declined' }),
  conductedBy: requiredText(200, 'Enter who offered or held the interview', 'Who offered or held the interview'),
  childsAccount: optionalText(10_000, 'What the child said'),
  lateReason: optionalText(1000, 'Why the interview was late'),
});
const screeningDates: DateField[] = [{ name: 'screenedOn', label: 'Date of the screening' }];
const screeningSchema = z.object({
  episodeId: z
    .string()
    .optional()
    .transform((v) => v || null),
  sexual: riskLevel('Select the risk of sexual exploitation'),
  criminal: riskLevel('Select the risk of criminal exploitation'),
  indicators: optionalText(10_000, 'What the screening found'),
});
const promptDates: DateField[] = [{ name: 'resolvedOn', label: 'Date of the decision' }];
const promptSchema = z.object({ version, resolution: requiredText(2000, 'Enter what was decided', 'What was decided') });

const ids = z.object({ personId: z.string(), itemId: z.string().optional() });

export async function missingEpisodeRoutes(app: FastifyInstance, { db, config }: { db: Kysely<Database>; config: Config }) {
  const viewers = { config: { roles: careViewers } };
  const recorders = { config: { roles: missingRecorders } };

  app.get('/children/:personId/missing', viewers, async (request, reply) => {
    const actor = signedIn(request);
    const { personId } = ids.parse(request.params);
    const view = await missing.viewMissing(db, actor, personId);
    return reply.page('missing-episodes/views/overview.njk', {
      pageTitle: `Missing: ${view.header.child.given_name} ${view.header.child.family_name}`,
      section: 'missing',
      header: view.header,
      canRecord: missingRecorders.includes(actor.role),
      episodes: view.episodes,
      screenings: view.screenings,
      prompts: view.prompts,
      threshold: config.repeatMissingThreshold,
      today: todayInEngland(),
    });
  });

  const render = async (
    reply: FastifyReply,
    actor: Actor,
    personId: string,
    template: 'episode' | 'return' | 'interview' | 'screening' | 'prompt',
    form: FormState,
    itemId: string | null,
    status = 200,
  ) => {
    const view = await missing.viewMissing(db, actor, personId);
    const episode = template === 'return' || template === 'interview' ? view.episodes.find((e) => e.id === itemId) : undefined;
    const prompt = template === 'prompt' ? view.prompts.find((p) => p.id === itemId && p.resolved_on === null) : undefined;
    if ((template === 'return' || template === 'interview') && !episode) throw new NotFoundError();
    if (template === 'prompt' && !prompt) throw new NotFoundError();
    reply.code(status);
    return reply.page(`missing-episodes/views/${template}.njk`, {
      pageTitle: {
        episode: 'Record a missing episode',
        return: 'Record the child’s return',
        interview: 'Record the return home interview',
        screening: 'Record an exploitation risk screening',
        prompt: 'Record the strategy meeting decision',
      }[template],
      section: 'missing',
      header: view.header,
      form,
      episode,
      prompt,
      episodes: view.episodes,
      kinds: radioItems(kindOptions, form.values.kind),
      outcomes: radioItems(
        [
          { value: 'held', text: 'Held' },
          { value: 'declined', text: 'Declined by the child' },
        ],
        form.values.outcome,
      ),
      sexualRisks: radioItems(riskOptions, form.values.sexual),
      criminalRisks: radioItems(riskOptions, form.values.criminal),
    });
  };

  app.get('/children/:personId/missing/new', recorders, async (request, reply) =>
    render(reply, signedIn(request), ids.parse(request.params).personId, 'episode', emptyForm(episodeDates), null),
  );
  app.post('/children/:personId/missing/new', recorders, async (request, reply) => {
    const actor = signedIn(request);
    const { personId } = ids.parse(request.params);
    const parsed = readForm(request.body, episodeSchema, episodeDates, episodeTimes, [
      'kind',
      'startedOn',
      'startedTime',
      'reportedToPoliceOn',
      'reportedToPoliceTime',
      'returnedOn',
      'returnedTime',
      'whereFound',
    ]);
    if (!parsed.ok) return render(reply, actor, personId, 'episode', parsed.form, null, 400);
    const result = await missing.recordMissingEpisode(
      db,
      actor,
      personId,
      {
        kind: parsed.data.kind,
        startedOn: parsed.dates.startedOn as string,
        startedTime: parsed.times.startedTime ?? null,
        reportedToPoliceOn: parsed.dates.reportedToPoliceOn ?? null,
        reportedToPoliceTime: parsed.times.reportedToPoliceTime ?? null,
        returnedOn: parsed.dates.returnedOn ?? null,
        returnedTime: parsed.times.returnedTime ?? null,
        whereFound: parsed.data.whereFound,
        today: todayInEngland(),
      },
      config.repeatMissingThreshold,
    );
    if (!result.ok) return render(reply, actor, personId, 'episode', withErrors(parsed.form, result.problems, episodeDates), null, 400);
    return reply.redirect(`/children/${personId}/missing`, 303);
  });

  app.get('/children/:personId/missing/:itemId/return', recorders, async (request, reply) => {
    const actor = signedIn(request);
    const { personId, itemId = '' } = ids.parse(request.params);
    const view = await missing.viewMissing(db, actor, personId);
    const episode = view.episodes.find((e) => e.id === itemId && e.returned_on === null);
    if (!episode) throw new NotFoundError();
    return render(reply, actor, personId, 'return', emptyForm(returnDates, { version: String(episode.version) }), itemId);
  });
  app.post('/children/:personId/missing/:itemId/return', recorders, async (request, reply) => {
    const actor = signedIn(request);
    const { personId, itemId = '' } = ids.parse(request.params);
    const parsed = readForm(request.body, returnSchema, returnDates, returnTimes, ['returnedOn', 'returnedTime', 'whereFound']);
    if (!parsed.ok) return render(reply, actor, personId, 'return', parsed.form, itemId, 400);
    const result = await missing.recordReturn(db, actor, personId, {
      episodeId: itemId,
      version: parsed.data.version,
      returnedOn: parsed.dates.returnedOn as string,
      returnedTime: parsed.times.returnedTime ?? null,
      whereFound: parsed.data.whereFound,
      today: todayInEngland(),
    });
    if (!result.ok) return render(reply, actor, personId, 'return', withErrors(parsed.form, result.problems, returnDates), itemId, 400);
    return reply.redirect(`/children/${personId}/missing`, 303);
  });

  app.get('/children/:personId/missing/:itemId/interview', recorders, async (request, reply) => {
    const { personId, itemId = '' } = ids.parse(request.params);
    return render(reply, signedIn(request), personId, 'interview', emptyForm(interviewDates), itemId);
  });
  app.post('/children/:personId/missing/:itemId/interview', recorders, async (request, reply) => {
    const actor = signedIn(request);
    const { personId, itemId = '' } = ids.parse(request.params);
    const parsed = readForm(request.body, interviewSchema, interviewDates, interviewTimes, [
      'offeredOn',
      'offeredTime',
      'outcome',
      'heldOn',
      'heldTime',
      'conductedBy',
      'childsAccount',
      'lateReason',
    ]);
    if (!parsed.ok) return render(reply, actor, personId, 'interview', parsed.form, itemId, 400);
    const result = await missing.recordReturnInterview(db, actor, personId, {
      episodeId: itemId,
      offeredOn: parsed.dates.offeredOn as string,
      offeredTime: parsed.times.offeredTime ?? null,
      outcome: parsed.data.outcome,
      heldOn: parsed.dates.heldOn ?? null,
      heldTime: parsed.times.heldTime ?? null,
      conductedBy: parsed.data.conductedBy,
      childsAccount: parsed.data.childsAccount,
      lateReason: parsed.data.lateReason,
      today: todayInEngland(),
    });
    if (!result.ok)
      return render(reply, actor, personId, 'interview', withErrors(parsed.form, result.problems, interviewDates), itemId, 400);
    return reply.redirect(`/children/${personId}/missing`, 303);
  });

  app.get('/children/:personId/missing/screening', recorders, async (request, reply) => {
    const { personId } = ids.parse(request.params);
    const episodeId = z.object({ episode: z.string().optional() }).parse(request.query).episode ?? '';
    return render(reply, signedIn(request), personId, 'screening', emptyForm(screeningDates, { episodeId }), null);
  });
  app.post('/children/:personId/missing/screening', recorders, async (request, reply) => {
    const actor = signedIn(request);
    const { personId } = ids.parse(request.params);
    const parsed = readForm(request.body, screeningSchema, screeningDates, [], ['screenedOn', 'sexual', 'criminal', 'indicators']);
    if (!parsed.ok) return render(reply, actor, personId, 'screening', parsed.form, null, 400);
    const result = await missing.recordScreening(db, actor, personId, {
      episodeId: parsed.data.episodeId,
      screenedOn: parsed.dates.screenedOn as string,
      sexual: parsed.data.sexual,
      criminal: parsed.data.criminal,
      indicators: parsed.data.indicators,
      today: todayInEngland(),
    });
    if (!result.ok) return render(reply, actor, personId, 'screening', withErrors(parsed.form, result.problems, screeningDates), null, 400);
    return reply.redirect(`/children/${personId}/missing`, 303);
  });

  app.get('/children/:personId/missing/prompts/:itemId', recorders, async (request, reply) => {
    const actor = signedIn(request);
    const { personId, itemId = '' } = ids.parse(request.params);
    const view = await missing.viewMissing(db, actor, personId);
    const prompt = view.prompts.find((p) => p.id === itemId && p.resolved_on === null);
    if (!prompt) throw new NotFoundError();
    return render(reply, actor, personId, 'prompt', emptyForm(promptDates, { version: String(prompt.version) }), itemId);
  });
  app.post('/children/:personId/missing/prompts/:itemId', recorders, async (request, reply) => {
    const actor = signedIn(request);
    const { personId, itemId = '' } = ids.parse(request.params);
    const parsed = readForm(request.body, promptSchema, promptDates, [], ['resolvedOn', 'resolution']);
    if (!parsed.ok) return render(reply, actor, personId, 'prompt', parsed.form, itemId, 400);
    const result = await missing.resolvePrompt(db, actor, personId, {
      promptId: itemId,
      version: parsed.data.version,
      resolvedOn: parsed.dates.resolvedOn as string,
      resolution: parsed.data.resolution,
    });
    if (!result.ok) return render(reply, actor, personId, 'prompt', withErrors(parsed.form, result.problems, promptDates), itemId, 400);
    return reply.redirect(`/children/${personId}/missing`, 303);
  });
}
