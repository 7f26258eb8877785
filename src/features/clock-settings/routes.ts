import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { LocalSettingsRejected, type Timescale } from '../../domain/clocks/index.js';
import { fieldErrors } from '../../platform/form-errors.js';
import { signedIn } from '../../platform/request-context.js';
import * as settings from './service.js';

const administratorsOnly = { roles: ['administrator'] } as const;

const unitNames: Record<(typeof settings.SETTABLE_UNITS)[number], string> = {
  working_days: 'working days',
  calendar_days: 'calendar days',
  weeks: 'weeks',
  months: 'months',
  years: 'years',
  hours: 'hours',
};

const wholeWorkingDays = (label: string, min: number, max: number) =>
  z.coerce
    .number({ message: `Enter ${label} as a number of working days` })
    .int(`Enter ${label} as a whole number of working days`)
    .min(min, `${label[0]?.toUpperCase()}${label.slice(1)} must be ${min} or more working days`)
    .max(max, `${label[0]?.toUpperCase()}${label.slice(1)} must be ${max} working days or fewer`);

const generalForm = z.object({
  version: z.coerce.number().int(),
  countingConvention: z.enum(['start_is_day_zero', 'start_is_day_one'], { message: 'Select how working days are counted' }),
  dueSoonWorkingDays: wholeWorkingDays('the due-soon window', 0, 60),
  escalateToTeamManagerAfter: wholeWorkingDays('escalation to the team manager', 0, 250),
  escalateToServiceManagerAfterFurther: wholeWorkingDays('escalation to the service manager', 0, 250),
  driftAfter: wholeWorkingDays('the drift period', 1, 250),
});

const optionalTimescale = (field: string) =>
  z.object({ amount: z.string().trim(), unit: z.string() }).transform((value, context): Timescale | undefined => {
    if (value.amount === '') return undefined;
    const amount = Number(value.amount);
    if (!Number.isInteger(amount) || amount === 0) {
      context.addIssue({ code: 'custom', path: [field], message: 'Enter a whole number, or leave it blank to use the national timescale' });
      return z.NEVER;
    }
    if (!(settings.SETTABLE_UNITS as readonly string[]).includes(value.unit)) {
      context.addIssue({ code: 'custom', path: [`${field}Unit`], message: 'Select a unit' });
      return z.NEVER;
    }
    return { amount, unit: value.unit as Timescale['unit'] };
  });

export async function clockSettingRoutes(app: FastifyInstance, { db }: { db: Kysely<Database> }) {
  const unitItems = (selected: string | undefined) =>
    settings.SETTABLE_UNITS.map((unit) => ({ value: unit, text: unitNames[unit], selected: unit === selected }));

  app.get('/admin/clock-settings', { config: administratorsOnly }, async (_request, reply) => {
    const [current, notice, latest] = await Promise.all([
      settings.readClockSettings(db),
      settings.clockRecalculationNotice(db),
      settings.latestClockRecalculation(db),
    ]);
    return reply.page('clock-settings/views/settings.njk', {
      pageTitle: 'Clock settings',
      current,
      rows: settings.clockSettingRows(current),
      recalculationNotice: notice,
      lastRecalculated: latest?.status === 'finished' ? { at: latest.finishedAt, children: latest.total.toLocaleString('en-GB') } : null,
    });
  });

  app.post('/admin/clock-settings/recalculate', { config: administratorsOnly }, async (request, reply) => {
    await settings.requestClockRecalculation(db, signedIn(request));
    return reply.redirect('/admin/clock-settings', 303);
  });

  const renderGeneral = (form: Record<string, unknown>, errors?: Record<string, string>) => ({
    pageTitle: 'Change general clock settings',
    form,
    errors: errors ?? {},
    errorSummary: errors && Object.entries(errors).map(([field, text]) => ({ text, href: `#${field}` })),
  });

  app.get('/admin/clock-settings/general', { config: administratorsOnly }, async (_request, reply) => {
    const current = await settings.readClockSettings(db);
    return reply.page(
      'clock-settings/views/general.njk',
      renderGeneral({
        ...current.oversight,
        dueSoonWorkingDays: current.dueSoonWorkingDays,
        countingConvention: current.countingConvention,
        version: current.version,
      }),
    );
  });

  app.post('/admin/clock-settings/general', { config: administratorsOnly }, async (request, reply) => {
    const actor = signedIn(request);
    const body = (request.body ?? {}) as Record<string, string>;
    const parsed = generalForm.safeParse(body);
    if (!parsed.success) {
      reply.code(400);
      return reply.page('clock-settings/views/general.njk', renderGeneral(body, fieldErrors(parsed.error)));
    }
    const { version, ...change } = parsed.data;
    await settings.saveGeneralSettings(db, actor, change, version);
    return reply.redirect('/admin/clock-settings', 303);
  });

  const renderClock = (row: settings.ClockSettingRow, version: number, form: Record<string, unknown>, errors?: Record<string, string>) => ({
    pageTitle: `Change the timescale: ${row.name}`,
    row,
    version,
    form,
    dueUnitItems: unitItems(String(form.dueUnit ?? 'working_days')),
    repeatUnitItems: unitItems(String(form.repeatUnit ?? 'working_days')),
    errors: errors ?? {},
    errorSummary: errors && Object.entries(errors).map(([field, text]) => ({ text, href: `#${field}` })),
  });

  app.get('/admin/clock-settings/clocks/:clockId', { config: administratorsOnly }, async (request, reply) => {
    const current = await settings.readClockSettings(db);
    const row = settings.clockSettingRow(current, (request.params as { clockId: string }).clockId);
    return reply.page(
      'clock-settings/views/clock.njk',
      renderClock(row, current.version, {
        due: row.setting?.due?.amount ?? '',
        dueUnit: row.setting?.due?.unit,
        repeat: row.setting?.repeat?.amount ?? '',
        repeatUnit: row.setting?.repeat?.unit,
      }),
    );
  });

  app.post('/admin/clock-settings/clocks/:clockId', { config: administratorsOnly }, async (request, reply) => {
    const actor = signedIn(request);
    const current = await settings.readClockSettings(db);
    const row = settings.clockSettingRow(current, (request.params as { clockId: string }).clockId);
    const body = (request.body ?? {}) as Record<string, string>;
    const parsed = z
      .object({
        version: z.coerce.number().int(),
        due: optionalTimescale('due'),
        repeat: optionalTimescale('repeat'),
      })
      .safeParse({
        version: body.version,
        due: { amount: body.due ?? '', unit: body.dueUnit ?? '' },
        repeat: { amount: row.recurring ? (body.repeat ?? '') : '', unit: body.repeatUnit ?? '' },
      });
    const rerender = (errors: Record<string, string>) => {
      reply.code(400);
      return reply.page('clock-settings/views/clock.njk', renderClock(row, Number(body.version), body, errors));
    };
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) errors[String(issue.path.at(-1))] ??= issue.message;
      return rerender(errors);
    }
    try {
      await settings.saveClockTimescale(
        db,
        actor,
        row.id,
        { ...(parsed.data.due ? { due: parsed.data.due } : {}), ...(parsed.data.repeat ? { repeat: parsed.data.repeat } : {}) },
        parsed.data.version,
      );
    } catch (error) {
      if (!(error instanceof LocalSettingsRejected)) throw error;
      const errors: Record<string, string> = {};
      for (const problem of error.problems) {
        const field = problem.message.startsWith('repeat') ? 'repeat' : 'due';
        errors[field] ??= `${problem.message[0]?.toUpperCase()}${problem.message.slice(1)}`;
      }
      return rerender(errors);
    }
    return reply.redirect('/admin/clock-settings', 303);
  });
}
