import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { exploitationRiskLevels } from '../../domain/missing/strategy-meeting-prompt.js';
import type { Actor } from '../../platform/actor.js';
import type { Config } from '../../platform/config.js';
import { NotFoundError } from '../../platform/errors.js';
import { type DateField, emptyForm, type FormState, radioItems, readForm, type TimeField, withErrors } from '../../platform/form-fields.js';
import { correctionReason, removalRoutes, submitRecordForm, versionField } from '../../platform/record-form.js';
import { signedIn } from '../../platform/request-context.js';
import type { Role } from '../../platform/roles.js';
import { todayInEngland } from '../../platform/today.js';
import { formatDate } from '../../platform/view-filters.js';
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
const episodeOrder = [
  'kind',
  'startedOn',
  'startedTime',
  'reportedToPoliceOn',
  'reportedToPoliceTime',
  'returnedOn',
  'returnedTime',
  'whereFound',
];
const episodeForm = { schema: episodeSchema, dates: episodeDates, times: episodeTimes, order: episodeOrder };
const correctEpisodeForm = {
  schema: episodeSchema.extend({ version: versionField, correctionReason }),
  dates: episodeDates,
  times: episodeTimes,
  order: [...episodeOrder, 'correctionReason'],
};
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
const interviewOrder = ['offeredOn', 'offeredTime', 'outcome', 'heldOn', 'heldTime', 'conductedBy', 'childsAccount', 'lateReason'];
const interviewForm = { schema: interviewSchema, dates: interviewDates, times: interviewTimes, order: interviewOrder };
const correctInterviewForm = {
  schema: interviewSchema.extend({ version: versionField, correctionReason }),
  dates: interviewDates,
  times: interviewTimes,
  order: [...interviewOrder, 'correctionReason'],
};
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

/** The dates a record holds, for prefilling its correction form (blank where none was recorded). */
const recordedDates = (dates: Record<string, string | null>) =>
  Object.fromEntries(Object.entries(dates).filter((entry): entry is [string, string] => entry[1] !== null));

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
    correcting = false,
  ) => {
    const view = await missing.viewMissing(db, actor, personId);
    const episode = template === 'return' || template === 'interview' ? view.episodes.find((e) => e.id === itemId) : undefined;
    const prompt = template === 'prompt' ? view.prompts.find((p) => p.id === itemId && p.resolved_on === null) : undefined;
    if ((template === 'return' || template === 'interview') && !episode) throw new NotFoundError();
    if (template === 'prompt' && !prompt) throw new NotFoundError();
    reply.code(status);
    return reply.page(`missing-episodes/views/${template}.njk`, {
      correcting,
      pageTitle: correcting
        ? { episode: 'Change a missing episode', interview: 'Change the return home interview' }[template as 'episode' | 'interview']
        : {
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
  const episodeFacts = (
    data: z.infer<typeof episodeSchema>,
    dates: Record<string, string | null>,
    times: Record<string, string | null>,
  ) => ({
    kind: data.kind,
    startedOn: dates.startedOn as string,
    startedTime: times.startedTime ?? null,
    reportedToPoliceOn: dates.reportedToPoliceOn ?? null,
    reportedToPoliceTime: times.reportedToPoliceTime ?? null,
    returnedOn: dates.returnedOn ?? null,
    returnedTime: times.returnedTime ?? null,
    whereFound: data.whereFound,
    today: todayInEngland(),
  });
  app.post('/children/:personId/missing/new', recorders, async (request, reply) => {
    const actor = signedIn(request);
    const { personId } = ids.parse(request.params);
    return submitRecordForm(reply, request.body, episodeForm, {
      render: (form, status) => render(reply, actor, personId, 'episode', form, null, status),
      save: ({ data, dates, times }) =>
        missing.recordMissingEpisode(db, actor, personId, episodeFacts(data, dates, times), config.repeatMissingThreshold),
      done: `/children/${personId}/missing`,
    });
  });

  app.get('/children/:personId/missing/:itemId/change', recorders, async (request, reply) => {
    const actor = signedIn(request);
    const { personId, itemId = '' } = ids.parse(request.params);
    const { episode: e } = await missing.viewMissingEpisode(db, actor, personId, itemId);
    const form = emptyForm(
      episodeDates,
      {
        version: String(e.version),
        kind: e.kind,
        startedTime: e.started_time ?? '',
        reportedToPoliceTime: e.reported_to_police_time ?? '',
        returnedTime: e.returned_time ?? '',
        whereFound: e.where_found ?? '',
      },
      recordedDates({ startedOn: e.started_on, reportedToPoliceOn: e.reported_to_police_on, returnedOn: e.returned_on }),
    );
    return render(reply, actor, personId, 'episode', form, itemId, 200, true);
  });
  app.post('/children/:personId/missing/:itemId/change', recorders, async (request, reply) => {
    const actor = signedIn(request);
    const { personId, itemId = '' } = ids.parse(request.params);
    return submitRecordForm(reply, request.body, correctEpisodeForm, {
      render: (form, status) => render(reply, actor, personId, 'episode', form, itemId, status, true),
      save: ({ data, dates, times }) =>
        missing.correctMissingEpisode(db, actor, personId, {
          ...episodeFacts(data, dates, times),
          episodeId: itemId,
          version: data.version,
          reason: data.correctionReason,
        }),
      done: `/children/${personId}/missing`,
    });
  });
  removalRoutes(app, {
    path: '/children/:personId/missing/:itemId/remove',
    roles: missingRecorders,
    template: 'looked-after/views/remove.njk',
    section: 'missing',
    load: async (actor, personId, itemId) => {
      const { header, episode: e, interview } = await missing.viewMissingEpisode(db, actor, personId, itemId);
      return {
        header,
        what: `the ${e.kind === 'M' ? 'missing episode' : 'absence without authorisation'} from ${formatDate(e.started_on)}`,
        rows: [
          { key: { text: 'Went missing' }, value: { text: `${formatDate(e.started_on)}${e.started_time ? ` at ${e.started_time}` : ''}` } },
          {
            key: { text: 'Returned' },
            value: {
              text: e.returned_on ? `${formatDate(e.returned_on)}${e.returned_time ? ` at ${e.returned_time}` : ''}` : 'Still missing',
            },
          },
        ],
        version: e.version,
        ...(interview ? { consequence: 'Its return home interview will be removed with it.' } : {}),
      };
    },
    remove: (actor, personId, itemId, input) => missing.removeMissingEpisode(db, actor, personId, { episodeId: itemId, ...input }),
    done: (personId) => `/children/${personId}/missing`,
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
  const interviewFacts = (
    data: z.infer<typeof interviewSchema>,
    dates: Record<string, string | null>,
    times: Record<string, string | null>,
  ) => ({
    offeredOn: dates.offeredOn as string,
    offeredTime: times.offeredTime ?? null,
    outcome: data.outcome,
    heldOn: dates.heldOn ?? null,
    heldTime: times.heldTime ?? null,
    conductedBy: data.conductedBy,
    childsAccount: data.childsAccount,
    lateReason: data.lateReason,
    today: todayInEngland(),
  });
  app.post('/children/:personId/missing/:itemId/interview', recorders, async (request, reply) => {
    const actor = signedIn(request);
    const { personId, itemId = '' } = ids.parse(request.params);
    return submitRecordForm(reply, request.body, interviewForm, {
      render: (form, status) => render(reply, actor, personId, 'interview', form, itemId, status),
      save: ({ data, dates, times }) =>
        missing.recordReturnInterview(db, actor, personId, { ...interviewFacts(data, dates, times), episodeId: itemId }),
      done: `/children/${personId}/missing`,
    });
  });

  app.get('/children/:personId/missing/:itemId/interview/change', recorders, async (request, reply) => {
    const actor = signedIn(request);
    const { personId, itemId = '' } = ids.parse(request.params);
    const { interview: i } = await missing.viewMissingEpisode(db, actor, personId, itemId);
    if (!i) throw new NotFoundError();
    const form = emptyForm(
      interviewDates,
      {
        version: String(i.version),
        offeredTime: i.offered_time ?? '',
        outcome: i.outcome,
        heldTime: i.held_time ?? '',
        conductedBy: i.conducted_by,
        childsAccount: i.childs_account ?? '',
        lateReason: i.late_reason ?? '',
      },
      recordedDates({ offeredOn: i.offered_on, heldOn: i.held_on }),
    );
    return render(reply, actor, personId, 'interview', form, itemId, 200, true);
  });
  app.post('/children/:personId/missing/:itemId/interview/change', recorders, async (request, reply) => {
    const actor = signedIn(request);
    const { personId, itemId = '' } = ids.parse(request.params);
    return submitRecordForm(reply, request.body, correctInterviewForm, {
      render: (form, status) => render(reply, actor, personId, 'interview', form, itemId, status, true),
      save: ({ data, dates, times }) =>
        missing.correctReturnInterview(db, actor, personId, {
          ...interviewFacts(data, dates, times),
          episodeId: itemId,
          version: data.version,
          reason: data.correctionReason,
        }),
      done: `/children/${personId}/missing`,
    });
  });
  removalRoutes(app, {
    path: '/children/:personId/missing/:itemId/interview/remove',
    roles: missingRecorders,
    template: 'looked-after/views/remove.njk',
    section: 'missing',
    load: async (actor, personId, itemId) => {
      const { header, interview: i } = await missing.viewMissingEpisode(db, actor, personId, itemId);
      if (!i) throw new NotFoundError();
      return {
        header,
        what: `the return home interview offered on ${formatDate(i.offered_on)}`,
        rows: [
          { key: { text: 'Offered' }, value: { text: `${formatDate(i.offered_on)}${i.offered_time ? ` at ${i.offered_time}` : ''}` } },
          { key: { text: 'Outcome' }, value: { text: i.outcome === 'held' ? `Held ${formatDate(i.held_on)}` : 'Declined by the child' } },
          { key: { text: 'Offered or held by' }, value: { text: i.conducted_by } },
        ],
        version: i.version,
        consequence: 'The return home interview will be due again, within 72 hours of the return, until one is recorded.',
      };
    },
    remove: (actor, personId, itemId, input) => missing.removeReturnInterview(db, actor, personId, { episodeId: itemId, ...input }),
    done: (personId) => `/children/${personId}/missing`,
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
