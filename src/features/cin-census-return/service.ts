import { createRequire } from 'node:module';
import type { Kysely } from 'kysely';
import type { Database, IsoDate } from '../../db/schema.js';
import { dueAfterWorkingDays } from '../../domain/calendar/counting-convention.js';
import { buildCinCensus } from '../../domain/returns/cin/build.js';
import { cinCollectionYear } from '../../domain/returns/cin/collection-year.js';
import { type CinReturnPeriod, cinMessageFromRecord } from '../../domain/returns/cin/from-record.js';
import type { CinCensusMessage, CinHeader } from '../../domain/returns/cin/message.js';
import type { CinValidationFailure } from '../../domain/returns/cin/rule.js';
import { CIN_RULES } from '../../domain/returns/cin/rules.js';
import { compareRuleCodes, validateCinCensus } from '../../domain/returns/cin/validate.js';
import { childrenVisibleTo } from '../../platform/access.js';
import type { Actor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import type { Config } from '../../platform/config.js';
import type { Role } from '../../platform/roles.js';
import { readClockSettings } from '../clock-settings/service.js';
import { calendar } from '../clocks/service.js';
import { readCinRecord } from './live-record.js';
import * as queries from './queries.js';

const release = (createRequire(import.meta.url)('../../../package.json') as { version: string }).version;

/** The authority's three-digit DfE LA code: the one Hearth adopted from an import, else HEARTH_LA_CODE. */
export async function authorityLaCode(db: Kysely<Database>, config: Config): Promise<string> {
  return (await queries.storedLaCode(db)) ?? config.localAuthorityCode;
}

/** The collection year that `today` falls in, named by the 31 March it ends on. */
export function collectionYearOf(today: IsoDate): number {
  const year = Number(today.slice(0, 4));
  return today.slice(5) >= '04-01' ? year + 1 : year;
}

/** A whole collection year, or the current one up to today ("year to date"). */
export function cinReturnPeriod(year: number, options: { yearToDate?: boolean; today?: IsoDate } = {}): CinReturnPeriod {
  const collection = cinCollectionYear(year);
  const end = options.yearToDate && options.today && options.today < collection.referenceDate ? options.today : collection.referenceDate;
  return { year, start: collection.start, end };
}

/** The live return: Hearth's record for the period as the CIN census message, with every DfE rule failure. */
export interface LiveCinCensus {
  period: CinReturnPeriod;
  message: CinCensusMessage;
  failures: CinValidationFailure[];
  /** The record id of each child in the return, by LA child ID, for links to the record to fix. */
  personIdOf: Map<string, string>;
}

/**
 * Builds the CIN census from the live record for the period and runs every DfE rule over it.
 * One query per kind of record; the rules run in memory over the message.
 */
export async function liveCinCensus(
  db: Kysely<Database>,
  config: Config,
  period: CinReturnPeriod,
  now: Date = new Date(),
): Promise<LiveCinCensus> {
  const [record, laCode, clockSettings] = await Promise.all([
    readCinRecord(db, period),
    authorityLaCode(db, config),
    readClockSettings(db),
  ]);
  const convention = clockSettings.local.countingConvention;
  const header: CinHeader = {
    collection: 'CIN',
    year: String(period.year),
    referenceDate: cinCollectionYear(period.year).referenceDate,
    sourceLevel: 'L',
    laCode,
    softwareCode: 'Hearth',
    release,
    serialNo: null,
    dateTime: now.toISOString().slice(0, 19),
  };
  const message = cinMessageFromRecord(record, {
    period,
    header,
    initialConferenceTarget: (startedOn) => dueAfterWorkingDays(calendar, startedOn, 15, convention),
  });
  const failures = validateCinCensus(message, { collectionYear: period.year, calendar, countingConvention: convention });
  return { period, message, failures, personIdOf: new Map(record.children.map((c) => [c.laChildId, c.personId])) };
}

/** The return as the XML file the DfE's COLLECT takes. */
export function cinCensusXml(live: LiveCinCensus): string {
  return buildCinCensus(live.message, { collectionYear: live.period.year });
}

/** Who prepares the CIN census in Hearth: performance analysts, and heads of service who answer for it. */
export const returnRoles: readonly Role[] = ['performance_analyst', 'service_manager'];

/** What the analyst can choose: this year so far, and this and the five collection years before it. */
export function returnChoices(today: IsoDate): { value: string; year: number; yearToDate: boolean; text: string }[] {
  const current = collectionYearOf(today);
  return [
    { value: 'to-date', year: current, yearToDate: true, text: `Year to date (1 April ${current - 1} to today)` },
    ...[0, 1, 2, 3, 4, 5].map((back) => {
      const year = current - back;
      return { value: String(year), year, yearToDate: false, text: `${year - 1} to ${String(year).slice(2)} (to 31 March ${year})` };
    }),
  ];
}

/** Where on a child's record the facts behind a failure are put right, from the element's path. */
function fixPageFor(personId: string, path: string): string {
  if (/\/(Assessments)\[/.test(path)) return `/children/${personId}/casework`;
  if (/\/(Section47|ChildProtectionPlans)\[|DateOfInitialCPC/.test(path)) return `/children/${personId}/casework/child-protection`;
  if (/\/CINPlanDates\[/.test(path)) return `/children/${personId}/casework/child-in-need`;
  if (/\/CINdetails\[/.test(path)) return `/children/${personId}/casework`;
  return `/children/${personId}/details`;
}

const ruleTitles = new Map(CIN_RULES.map((rule) => [rule.code, rule.message]));

/**
 * The analyst's page: every failure of the live return, by rule and by child, errors and queries
 * apart as the DfE marks them. Only children the person may open are named and linked; the
 * counts include the others.
 */
export async function viewCinCensusReturn(db: Kysely<Database>, config: Config, actor: Actor, period: CinReturnPeriod) {
  const live = await liveCinCensus(db, config, period);
  const failingIds = [...new Set(live.failures.flatMap((f) => (f.laChildId ? (live.personIdOf.get(f.laChildId) ?? []) : [])))];
  const visible = new Set(await childrenVisibleTo(db, actor, failingIds, 'cin_census.failures.view'));
  const personOf = (f: CinValidationFailure) => (f.laChildId ? live.personIdOf.get(f.laChildId) : undefined);
  const shown = (f: CinValidationFailure) => f.laChildId === null || visible.has(personOf(f) ?? '');
  const view = (f: CinValidationFailure) => {
    const personId = personOf(f);
    return { ...f, fixHref: personId ? fixPageFor(personId, f.path) : null };
  };
  const rules = new Map<string, { rule: string; severity: string; title: string; count: number; failures: ReturnType<typeof view>[] }>();
  for (const f of live.failures) {
    const entry = rules.get(f.rule) ?? {
      rule: f.rule,
      severity: f.severity,
      title: ruleTitles.get(f.rule) ?? f.message,
      count: 0,
      failures: [],
    };
    entry.count += 1;
    if (shown(f)) entry.failures.push(view(f));
    rules.set(f.rule, entry);
  }
  const byChild = new Map<string, { laChildId: string; failures: ReturnType<typeof view>[] }>();
  for (const f of live.failures.filter((x) => x.laChildId !== null && shown(x))) {
    const key = f.laChildId as string;
    const entry = byChild.get(key) ?? { laChildId: key, failures: [] };
    entry.failures.push(view(f));
    byChild.set(key, entry);
  }
  const ordered = [...rules.values()].sort((a, b) => compareRuleCodes(a.rule, b.rule));
  return {
    period,
    children: live.message.children.length,
    errors: live.failures.filter((f) => f.severity === 'error').length,
    queries: live.failures.filter((f) => f.severity === 'query').length,
    childrenFailing: new Set(live.failures.map((f) => f.laChildId)).size,
    withheldChildren: failingIds.length - visible.size,
    errorRules: ordered.filter((r) => r.severity === 'error').map((r) => ({ ...r, withheld: r.count - r.failures.length })),
    queryRules: ordered.filter((r) => r.severity === 'query').map((r) => ({ ...r, withheld: r.count - r.failures.length })),
    byChild: [...byChild.values()],
  };
}

/** The return's XML for download by an analyst: the download is audited. */
export async function downloadCinCensus(
  db: Kysely<Database>,
  config: Config,
  actor: Actor,
  period: CinReturnPeriod,
): Promise<{ fileName: string; xml: string }> {
  const live = await liveCinCensus(db, config, period);
  await recordAudit(db, {
    staffId: actor.staffId,
    action: 'cin_census.download',
    outcome: 'allowed',
    recordType: 'cin_census',
    recordId: `${period.year}:${period.end}`,
    ipAddress: actor.ipAddress,
    detail: { children: live.message.children.length, errors: live.failures.filter((f) => f.severity === 'error').length },
  });
  const suffix = period.end === cinCollectionYear(period.year).referenceDate ? '' : `-to-${period.end}`;
  return { fileName: `CIN-census-${period.year}${suffix}.xml`, xml: cinCensusXml(live) };
}
