import { sql } from 'kysely';
import { addYears } from '../../../domain/calendar/index.js';
import type { DisabilityCode } from '../../../domain/codes/disability.js';
import { repeatPlanShare } from '../../../domain/synthetic/child-protection-shares.js';
import {
  disabilitiesPerDisabledChild,
  disabilityCodesOfDisabledChildren,
  disabledShareOfOtherChildren,
} from '../../../domain/synthetic/disabilities.js';
import { calendar } from '../../../features/clocks/service.js';
import type { GeneratorPart, SyntheticAuthority, SyntheticEpisode } from '../authority.js';
import type { Draw } from '../draw.js';
import { type CaseworkContext, writeEpisodeCasework } from './casework-episode.js';
import { CaseworkRecords, type Recorder } from './casework-records.js';
import { recordIds } from './record-ids.js';
import { workingDayTable } from './working-day-table.js';

/** Rows held in memory before they are written: a few statements' worth, so large authorities stay within memory. */
const rowsPerWrite = 60_000;
const childrenPerUpdate = 10_000;

/**
 * The casework of every episode (src/cli/generate/parts/casework-episode.ts), written as the
 * features' services write it: referrals, assessments, strategy discussions, section 47 enquiries,
 * conferences, child protection and child in need plans with their reviews and core groups,
 * visits, case supervision, managers' decisions and closures, with their chronology entries and
 * case events; then each child's disabilities as the assessments recorded them. Runs first: the
 * front door part links its contacts to these referrals.
 */
export const caseworkPart: GeneratorPart = {
  name: 'Casework',
  async generate(db, authority) {
    const draw = authority.draw('casework');
    const [ids, times] = [recordIds(authority.draw('casework:ids')), authority.draw('casework:times')];
    const records = () => new CaseworkRecords(ids, times);
    const names = new Map(
      (await db.selectFrom('staff').select(['id', 'display_name']).execute()).map((s) => [s.id, { id: s.id, name: s.display_name }]),
    );
    const recorder = (id: string): Recorder => names.get(id) ?? { id, name: 'a member of staff' };
    const frontDoorTeam = authority.teams.find((t) => t.kind === 'front_door');
    if (!frontDoorTeam?.managerId) throw new Error('The synthetic authority has no front door manager');
    const reviewingOfficers = authority.staff.filter((s) => s.role === 'reviewing_officer');
    const chairs = authority.draw('casework:chairs');

    const ctx: CaseworkContext = {
      today: authority.today,
      calendar: workingDayTable(calendar, addYears(authority.historyStartsOn, -1), addYears(authority.today, 3)),
      draw,
      records: records(),
      staff: names,
      managers: new Map(authority.teams.filter((t) => t.managerId).map((t) => [t.id, recorder(t.managerId)])),
      frontDoor: recorder(frontDoorTeam.managerId),
      chairOn: (date) => {
        const inPost = reviewingOfficers.filter((s) => s.startedOn <= date && (s.leftOn === null || s.leftOn > date));
        return inPost.length > 0 ? (names.get(chairs.pick(inPost).id)?.name ?? null) : null;
      },
      latestReferral: new Map(),
      plansSoFar: new Map(),
      plansBeforeRecords: plansBeforeRecords(authority.episodes, authority.draw('casework:previous-plans')),
      familyReferrals: new Map(),
    };

    const step = authority.progress.step('Casework', authority.episodes.length, 'episodes');
    let done = 0;
    for (const episode of authority.episodes) {
      writeEpisodeCasework(ctx, episode);
      done++;
      if (ctx.records.size >= rowsPerWrite) {
        await ctx.records.flush(db);
        ctx.records = records();
        step.advance(done);
        done = 0;
      }
    }
    await ctx.records.flush(db);
    step.advance(done);
    step.finish();

    await recordDisabilities(db, authority, authority.draw('casework:disabilities'));
  },
};

/**
 * How many plans a child had before the authority's records began, for a first plan in them:
 * enough, on top of the repeat plans the generated history makes itself, for the share of second
 * or later plans to be the national one (CIN census NumberOfPreviousCPP).
 */
function plansBeforeRecords(episodes: readonly SyntheticEpisode[], draw: Draw): () => number {
  const seen = new Set<string>();
  let plans = 0;
  let repeats = 0;
  for (const episode of episodes) {
    if (episode.pathway !== 'child_protection') continue;
    plans++;
    if (seen.has(episode.personId)) repeats++;
    seen.add(episode.personId);
  }
  const firstPlans = plans - repeats;
  const share = firstPlans > 0 ? Math.min(1, Math.max(0, (repeatPlanShare * plans - repeats) / firstPlans)) : 0;
  return () => (draw.chance(share) ? (draw.chance(0.8) ? 1 : 2) : 0);
}

/**
 * The disabilities the assessments recorded on each referred child's details (CIN census
 * Disabilities; NONE for a child with none): at least one for a disabled child, a few for others.
 */
async function recordDisabilities(db: Parameters<GeneratorPart['generate']>[0], authority: SyntheticAuthority, draw: Draw) {
  const disabledChildren = new Set(authority.episodes.filter((e) => e.pathway === 'disabled_child').map((e) => e.personId));
  const referred = new Set(authority.episodes.map((e) => e.personId));
  const byCodes = new Map<string, string[]>();
  for (const child of authority.children) {
    if (!referred.has(child.id)) continue;
    let codes: DisabilityCode[] = ['NONE'];
    if (disabledChildren.has(child.id) || draw.chance(disabledShareOfOtherChildren)) {
      const wanted = draw.weighted(disabilitiesPerDisabledChild);
      const chosen = new Set<DisabilityCode>();
      while (chosen.size < wanted) chosen.add(draw.weighted(disabilityCodesOfDisabledChildren));
      codes = [...chosen].sort();
    }
    const key = codes.join(',');
    const ids = byCodes.get(key);
    if (ids) ids.push(child.id);
    else byCodes.set(key, [child.id]);
  }
  for (const [key, ids] of [...byCodes].sort(([a], [b]) => a.localeCompare(b)))
    for (let start = 0; start < ids.length; start += childrenPerUpdate)
      await sql`update people set disabilities = ${key.split(',')}::text[], version = version + 1
        where id = any(${ids.slice(start, start + childrenPerUpdate)}::uuid[])`.execute(db);
}
