import type { Insertable, Kysely } from 'kysely';
import { sql } from 'kysely';
import type { AllocationsTable, Database, PeopleTable } from '../../db/schema.js';
import type { SocialWorkerChangeReasonCode } from '../../domain/codes/ssda903-social-worker-change-reason.js';
import { generatedLaChildId } from '../../domain/people/la-child-id.js';
import type { SyntheticChild, SyntheticEpisode, SyntheticFamily, SyntheticStaff, SyntheticTeam } from './authority.js';
import { insertRows } from './bulk-insert.js';
import type { Draw } from './draw.js';
import type { History } from './history.js';
import { officeHoursOn } from './instants.js';
import type { Progress } from './progress.js';

/** About one child in a thousand has a restricted record (a high-profile family, a member of staff's relative): an assumption. */
const restrictedShare = 0.001;

/**
 * Writes every person (children with LA child IDs from Hearth's own numbering, which then carries on
 * after them; adults without), recorded on the day they first became known.
 */
export async function writePeople(
  db: Kysely<Database>,
  draw: Draw,
  history: History,
  progress: Progress,
): Promise<{ families: SyntheticFamily[]; children: SyntheticChild[] }> {
  const rows: Insertable<PeopleTable>[] = [];
  const children: SyntheticChild[] = [];
  const families: SyntheticFamily[] = history.families.map((family, familyIndex) => {
    for (const person of [...family.children, ...family.adults]) {
      const recordedAt = officeHoursOn(person.knownFrom, draw);
      const laChildId = person.isChild ? generatedLaChildId(children.length + 1) : null;
      rows.push({
        id: person.id,
        is_child: person.isChild,
        la_child_id: laChildId,
        given_name: person.givenName,
        family_name: person.familyName,
        date_of_birth: person.dateOfBirth,
        expected_date_of_birth: person.expectedDateOfBirth,
        sex: person.sex,
        ethnicity: person.ethnicity,
        created_at: recordedAt,
        updated_at: recordedAt,
      });
      if (laChildId)
        children.push({
          id: person.id,
          familyIndex,
          laChildId,
          dateOfBirth: person.dateOfBirth,
          expectedDateOfBirth: person.expectedDateOfBirth,
          sex: person.sex,
          ethnicity: person.ethnicity,
        });
    }
    return { childIds: family.children.map((c) => c.id), adultIds: family.adults.map((a) => a.id) };
  });
  const step = progress.step('People', rows.length, 'people');
  await insertRows(db, 'people', rows, (n) => step.advance(n));
  await sql`select setval('la_child_id_numbers', ${Math.max(children.length, 1)}, ${children.length > 0})`.execute(db);
  step.finish();
  return { families, children };
}

/**
 * Writes each episode's allocations: one row a worker (or wait for one) in each team that held it,
 * recorded by the team's manager, with why the social worker changed (SSDA903 SW_REASON): first
 * contact for the episode's first, a transfer when another team takes the child on, caseload
 * management when a waiting child gets a worker, and the worker leaving otherwise.
 */
export async function writeAllocations(
  db: Kysely<Database>,
  draw: Draw,
  episodes: readonly SyntheticEpisode[],
  teams: readonly SyntheticTeam[],
  progress: Progress,
): Promise<number> {
  const managerOf = new Map(teams.map((t) => [t.id, t.managerId || null]));
  const rows: Insertable<AllocationsTable>[] = [];
  for (const episode of episodes)
    for (const [stayIndex, stay] of episode.stays.entries())
      for (const [index, worker] of stay.workers.entries())
        rows.push({
          id: draw.id(),
          person_id: episode.personId,
          kind: 'social_worker',
          team_id: stay.teamId,
          staff_id: worker.staffId,
          started_on: worker.startedOn,
          ended_on: worker.endedOn,
          change_reason: changeReason(stayIndex, index, stay.workers[index - 1]?.staffId),
          recorded_by: managerOf.get(stay.teamId) ?? null,
          recorded_at: officeHoursOn(worker.startedOn, draw),
        });
  const step = progress.step('Allocations', rows.length, 'allocations');
  await insertRows(db, 'allocations', rows, (n) => step.advance(n));
  step.finish();
  return rows.length;
}

function changeReason(stayIndex: number, workerIndex: number, previousWorker: string | null | undefined): SocialWorkerChangeReasonCode {
  if (workerIndex === 0) return stayIndex === 0 ? 'FCONTA' : 'TSPROC';
  return previousWorker === null ? 'MANAGE' : 'LEFTRL';
}

/**
 * Restricts a few children's records, naming the child's latest social worker and the head of
 * that team's service, as an administrator would.
 */
export async function restrictSomeRecords(
  db: Kysely<Database>,
  draw: Draw,
  children: readonly SyntheticChild[],
  episodes: readonly SyntheticEpisode[],
  teams: readonly SyntheticTeam[],
  staff: readonly SyntheticStaff[],
): Promise<number> {
  const administrator = staff.find((s) => s.role === 'administrator');
  if (!administrator) throw new Error('The synthetic authority has no administrator');
  const latestWorker = new Map<string, { staffId: string; teamId: string; from: string }>();
  for (const episode of episodes)
    for (const stay of episode.stays)
      for (const worker of stay.workers)
        if (worker.staffId) latestWorker.set(episode.personId, { staffId: worker.staffId, teamId: stay.teamId, from: worker.startedOn });
  const headOf = new Map(teams.filter((t) => t.kind === 'head_of_service').map((t) => [t.serviceId, t.managerId]));
  const serviceOf = new Map(teams.map((t) => [t.id, t.serviceId]));
  const count = Math.max(1, Math.round(children.length * restrictedShare));
  const candidates = children.filter((c) => latestWorker.has(c.id));
  const chosen = new Set<string>();
  while (chosen.size < Math.min(count, candidates.length)) chosen.add(draw.pick(candidates).id);
  const ids = [...chosen].sort();
  const access = ids.flatMap((personId) => {
    const worker = latestWorker.get(personId) as { staffId: string; teamId: string; from: string };
    const head = headOf.get(serviceOf.get(worker.teamId) ?? '');
    const grantedAt = officeHoursOn(worker.from, draw);
    return [worker.staffId, ...(head ? [head] : [])].map((staffId) => ({
      person_id: personId,
      staff_id: staffId,
      granted_by: administrator.id,
      granted_at: grantedAt,
    }));
  });
  if (ids.length > 0) await db.updateTable('people').set({ restricted: true }).where('id', 'in', ids).execute();
  await insertRows(db, 'restricted_record_access', access);
  return ids.length;
}
