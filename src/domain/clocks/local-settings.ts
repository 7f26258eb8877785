import { type CountingConvention, DEFAULT_COUNTING_CONVENTION } from '../calendar/index.js';
import { type ClockId, isClockId } from './clock-ids.js';
import type { ClockRule } from './rule.js';
import { isNoLongerThan } from './strictness.js';
import { describeTimescale, type SchoolTerm, type Timescale } from './timescale.js';

/** A local authority's own timescale for one clock. It replaces the rule's timescale and variants. */
export interface LocalClockSetting {
  due?: Timescale | null;
  repeat?: Timescale;
}

/** What a local authority may configure. Everything is optional; defaults are national. */
export interface LocalSettings {
  countingConvention?: CountingConvention;
  /** How far ahead an outstanding occurrence shows as "due soon". Default 5 working days. */
  dueSoon?: Timescale;
  clocks?: Partial<Record<ClockId, LocalClockSetting>>;
  /** Term dates, for clocks counted in school terms (PEP reviews). */
  schoolTerms?: readonly SchoolTerm[];
}

export const DEFAULT_DUE_SOON: Timescale = { amount: 5, unit: 'working_days' };

export interface SettingProblem {
  /** The clock id, or `dueSoon`. */
  setting: string;
  message: string;
}

/** Thrown when local settings would make a statutory clock longer than the law allows. */
export class LocalSettingsRejected extends Error {
  constructor(readonly problems: readonly SettingProblem[]) {
    super(`Local clock settings rejected: ${problems.map((p) => `${p.setting}: ${p.message}`).join('; ')}`);
    this.name = 'LocalSettingsRejected';
  }
}

function isStatutory(rule: ClockRule): boolean {
  return rule.basis !== 'local_practice';
}

function problemsWithTimescale(rule: ClockRule, field: 'due' | 'repeat', local: Timescale, statutory: readonly Timescale[]): string[] {
  const direction = rule.due !== null && rule.due.amount < 0 ? -1 : 1;
  if (!Number.isInteger(local.amount) || local.amount * direction <= 0) {
    return [`${field} must be a whole number of ${local.unit.replace('_', ' ')}, ${direction < 0 ? 'below' : 'above'} 0`];
  }
  if (!isStatutory(rule)) return [];
  const exceeded = statutory.filter((limit) => !isNoLongerThan(local, limit)).map(describeTimescale);
  return [...new Set(exceeded)].map(
    (limit) =>
      `${field} of ${describeTimescale(local)} is longer than the statutory ${limit}; a local setting may only make a statutory clock stricter`,
  );
}

function problemsWithClock(rule: ClockRule, setting: LocalClockSetting): string[] {
  const variantDues = (rule.variants ?? []).map((variant) => variant.due);
  const problems: string[] = [];
  if (setting.due === null) {
    if (isStatutory(rule) && rule.due !== null) problems.push('a statutory timescale cannot be removed');
  } else if (setting.due !== undefined) {
    const limits = [...(rule.due ? [rule.due] : []), ...variantDues];
    problems.push(...problemsWithTimescale(rule, 'due', setting.due, limits));
  }
  if (setting.repeat !== undefined) {
    const base = rule.repeat ?? rule.due;
    const limits = rule.repeat ? [...(base ? [base] : []), ...variantDues] : [];
    problems.push(...problemsWithTimescale(rule, 'repeat', setting.repeat, limits));
  }
  return problems;
}

/** Every reason the settings cannot be accepted; empty when they can. For a settings page. */
export function checkLocalSettings(rules: readonly ClockRule[], settings: LocalSettings): SettingProblem[] {
  const problems: SettingProblem[] = [];
  const dueSoon = settings.dueSoon;
  if (dueSoon && (!Number.isInteger(dueSoon.amount) || dueSoon.amount < 0 || dueSoon.unit === 'school_terms')) {
    problems.push({ setting: 'dueSoon', message: 'the due-soon window must be a whole number of days, weeks or months, 0 or more' });
  }
  for (const [clockId, setting] of Object.entries(settings.clocks ?? {})) {
    const rule = isClockId(clockId) ? rules.find((candidate) => candidate.id === clockId) : undefined;
    if (!rule) {
      problems.push({ setting: clockId, message: 'there is no clock with this id' });
    } else if (setting) {
      problems.push(...problemsWithClock(rule, setting).map((message) => ({ setting: clockId, message })));
    }
  }
  return problems;
}

/** The rules with the authority's timescales in place. Throws LocalSettingsRejected if any is not allowed. */
export function applyLocalSettings(rules: readonly ClockRule[], settings: LocalSettings): ClockRule[] {
  const problems = checkLocalSettings(rules, settings);
  if (problems.length > 0) throw new LocalSettingsRejected(problems);
  return rules.map((rule) => {
    const setting = settings.clocks?.[rule.id];
    if (!setting || (setting.due === undefined && setting.repeat === undefined)) return rule;
    const { variants: _replaced, ...withoutVariants } = rule;
    return {
      ...withoutVariants,
      due: setting.due === undefined ? rule.due : setting.due,
      ...(setting.repeat || rule.repeat ? { repeat: setting.repeat ?? rule.repeat } : {}),
    };
  });
}

export function countingConventionOf(settings: LocalSettings): CountingConvention {
  return settings.countingConvention ?? DEFAULT_COUNTING_CONVENTION;
}
