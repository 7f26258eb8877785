import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { CountingConvention } from '../../domain/calendar/index.js';
import {
  CLOCK_RULES,
  type ClockId,
  type ClockRule,
  checkLocalSettings,
  describeTimescale,
  isClockId,
  type LocalClockSetting,
  type LocalSettings,
  LocalSettingsRejected,
  type OversightSettings,
  TIME_UNITS,
  type Timescale,
  type TimeUnit,
} from '../../domain/clocks/index.js';
import type { Actor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { ConflictError, NotFoundError } from '../../platform/errors.js';
import * as queries from './queries.js';
import {
  type ClockRecalculation,
  latestClockRecalculation,
  queueClockRecalculation,
  runClockRecalculations,
  startClockRecalculationRunner,
  wakeClockRecalculationRunners,
} from './recalculation.js';

export { type ClockRecalculation, latestClockRecalculation, runClockRecalculations, startClockRecalculationRunner };

/** Everything the authority has set about its clocks, as the engine and the worktrays use it. */
export interface ClockSettings {
  /** For the clock engine: counting convention, due-soon window and the authority's own timescales. */
  local: LocalSettings;
  oversight: OversightSettings;
  dueSoonWorkingDays: number;
  countingConvention: CountingConvention;
  /** Changes with every save; forms carry it so two administrators cannot overwrite each other. */
  version: number;
}

/** Units a local timescale may be set in (school terms need term dates, which Hearth does not hold yet). */
export const SETTABLE_UNITS = TIME_UNITS.filter((unit) => unit !== 'school_terms');

function asTimescale(amount: number | null, unit: string | null): Timescale | undefined {
  return amount !== null && unit !== null && (TIME_UNITS as readonly string[]).includes(unit)
    ? { amount, unit: unit as TimeUnit }
    : undefined;
}

/** The authority's clock settings, as saved (the national defaults until an administrator changes them). */
export async function readClockSettings(db: Kysely<Database>): Promise<ClockSettings> {
  const [general, timescales] = await Promise.all([queries.generalSettings(db), queries.timescaleSettings(db)]);
  const clocks: Partial<Record<ClockId, LocalClockSetting>> = {};
  for (const row of timescales) {
    if (!isClockId(row.clock_id)) continue;
    const due = asTimescale(row.due_amount, row.due_unit);
    const repeat = asTimescale(row.repeat_amount, row.repeat_unit);
    clocks[row.clock_id] = { ...(due ? { due } : {}), ...(repeat ? { repeat } : {}) };
  }
  return {
    local: {
      countingConvention: general.counting_convention,
      dueSoon: { amount: general.due_soon_working_days, unit: 'working_days' },
      clocks,
    },
    oversight: {
      escalateToTeamManagerAfter: general.escalate_to_team_manager_after,
      escalateToServiceManagerAfterFurther: general.escalate_to_service_manager_after_further,
      driftAfter: general.drift_after,
    },
    dueSoonWorkingDays: general.due_soon_working_days,
    countingConvention: general.counting_convention,
    version: general.version,
  };
}

function describeNational(rule: ClockRule): string {
  if (rule.due === null) return 'No national timescale';
  const parts = [
    rule.due.amount < 0
      ? `${describeTimescale({ ...rule.due, amount: -rule.due.amount })} before`
      : `within ${describeTimescale(rule.due)}`,
  ];
  if (rule.repeat) parts.push(`then every ${describeTimescale(rule.repeat)}`);
  for (const variant of rule.variants ?? []) parts.push(`${describeTimescale(variant.due)} in some cases`);
  return parts.join(', ');
}

function describeLocal(setting: LocalClockSetting | undefined): string | null {
  if (!setting || (setting.due === undefined && setting.repeat === undefined)) return null;
  const parts: string[] = [];
  if (setting.due)
    parts.push(
      setting.due.amount < 0
        ? `${describeTimescale({ ...setting.due, amount: -setting.due.amount })} before`
        : `within ${describeTimescale(setting.due)}`,
    );
  if (setting.repeat) parts.push(`every ${describeTimescale(setting.repeat)}`);
  return parts.join(', ');
}

/** One clock as the settings page lists it. */
export interface ClockSettingRow {
  id: ClockId;
  name: string;
  statutory: boolean;
  recurring: boolean;
  national: string;
  local: string | null;
  setting: LocalClockSetting | undefined;
}

export function clockSettingRows(settings: ClockSettings): ClockSettingRow[] {
  return CLOCK_RULES.map((rule) => ({
    id: rule.id,
    name: rule.name,
    statutory: rule.basis !== 'local_practice',
    recurring: rule.repeat !== undefined,
    national: describeNational(rule),
    local: describeLocal(settings.local.clocks?.[rule.id]),
    setting: settings.local.clocks?.[rule.id],
  }));
}

export function clockSettingRow(settings: ClockSettings, clockId: string): ClockSettingRow {
  const row = clockSettingRows(settings).find((candidate) => candidate.id === clockId);
  if (!row) throw new NotFoundError();
  return row;
}

export interface GeneralSettingsChange {
  countingConvention: CountingConvention;
  dueSoonWorkingDays: number;
  escalateToTeamManagerAfter: number;
  escalateToServiceManagerAfterFurther: number;
  driftAfter: number;
}

/** Saves the counting convention, the due-soon window, the escalation thresholds and the drift period, and queues the recalculation of every child's clocks. */
export async function saveGeneralSettings(
  db: Kysely<Database>,
  actor: Actor,
  change: GeneralSettingsChange,
  version: number,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const saved = await queries.updateGeneralSettings(
      trx,
      {
        counting_convention: change.countingConvention,
        due_soon_working_days: change.dueSoonWorkingDays,
        escalate_to_team_manager_after: change.escalateToTeamManagerAfter,
        escalate_to_service_manager_after_further: change.escalateToServiceManagerAfterFurther,
        drift_after: change.driftAfter,
      },
      version,
      actor.staffId,
    );
    if (!saved)
      throw new ConflictError(
        'Someone else changed the clock settings after you opened them. Reload the page, check their changes and try again.',
      );
    await recordAudit(trx, {
      staffId: actor.staffId,
      action: 'clock_settings.general.change',
      outcome: 'allowed',
      recordType: 'clock_settings',
      ipAddress: actor.ipAddress,
      detail: { ...change },
    });
    await queueClockRecalculation(trx, actor.staffId);
  });
  wakeClockRecalculationRunners();
}

/**
 * Saves the authority's own timescale for one clock (undefined: the national one) and queues the
 * recalculation of every child's clocks. Throws LocalSettingsRejected, saving nothing, if it would
 * lengthen a statutory clock.
 */
export async function saveClockTimescale(
  db: Kysely<Database>,
  actor: Actor,
  clockId: string,
  setting: LocalClockSetting,
  version: number,
): Promise<void> {
  if (!isClockId(clockId)) throw new NotFoundError();
  const current = await readClockSettings(db);
  const proposed: LocalSettings = { ...current.local, clocks: { ...current.local.clocks, [clockId]: setting } };
  const problems = checkLocalSettings(CLOCK_RULES, proposed).filter((problem) => problem.setting === clockId);
  if (problems.length > 0) throw new LocalSettingsRejected(problems);
  await db.transaction().execute(async (trx) => {
    if (!(await queries.updateGeneralSettings(trx, {}, version, actor.staffId))) {
      throw new ConflictError(
        'Someone else changed the clock settings after you opened them. Reload the page, check their changes and try again.',
      );
    }
    const hasOwn = setting.due !== undefined || setting.repeat !== undefined;
    await queries.replaceTimescaleSetting(
      trx,
      clockId,
      hasOwn
        ? {
            due_amount: setting.due?.amount ?? null,
            due_unit: setting.due?.unit ?? null,
            repeat_amount: setting.repeat?.amount ?? null,
            repeat_unit: setting.repeat?.unit ?? null,
          }
        : null,
    );
    await recordAudit(trx, {
      staffId: actor.staffId,
      action: 'clock_settings.timescale.change',
      outcome: 'allowed',
      recordType: 'clock_settings',
      recordId: clockId,
      ipAddress: actor.ipAddress,
      detail: {
        due: setting.due ? describeTimescale(setting.due) : null,
        repeat: setting.repeat ? describeTimescale(setting.repeat) : null,
      },
    });
    await queueClockRecalculation(trx, actor.staffId);
  });
  wakeClockRecalculationRunners();
}

/**
 * Recalculates every child's clocks with the settings as they are (after a failed recalculation,
 * or from the command line, `actor` null): queued like a save's, superseding any waiting or under way.
 */
export async function requestClockRecalculation(db: Kysely<Database>, actor: Actor | null): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await recordAudit(trx, {
      staffId: actor?.staffId ?? null,
      action: 'clock_settings.recalculate',
      outcome: 'allowed',
      recordType: 'clock_settings',
      ...(actor ? { ipAddress: actor.ipAddress } : {}),
    });
    await queueClockRecalculation(trx, actor?.staffId ?? null);
  });
  wakeClockRecalculationRunners();
}

/** What a page shows while clocks are not all recalculated with the latest settings: under way or waiting, or failed. */
export interface ClockRecalculationNotice {
  state: 'running' | 'failed';
  heading: string;
  failure: string | null;
}

const children = (count: number) => `${count.toLocaleString('en-GB')} ${count === 1 ? 'child' : 'children'}`;

/** The notice for the latest recalculation, or null when every child's clocks follow the latest settings. */
export async function clockRecalculationNotice(db: Kysely<Database>): Promise<ClockRecalculationNotice | null> {
  const latest = await latestClockRecalculation(db);
  if (!latest) return null;
  const progress = `${latest.done.toLocaleString('en-GB')} of ${children(latest.total)}`;
  if (latest.status === 'queued' || latest.status === 'running')
    return { state: 'running', heading: `Clocks are being recalculated with the new settings: ${progress}`, failure: null };
  if (latest.status === 'failed')
    return {
      state: 'failed',
      heading: `Clocks could not all be recalculated with the new settings: ${progress} were done`,
      failure: latest.failure,
    };
  return null;
}
