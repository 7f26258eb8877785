import type { Kysely } from 'kysely';
import type { Database, IsoDate } from '../../db/schema.js';
import { spokenDate } from '../../domain/child-protection/spoken-date.js';
import { type ChildRecordAccess, withChildRecord } from '../../platform/access.js';
import type { Actor } from '../../platform/actor.js';
import { ConflictError } from '../../platform/errors.js';
import { registerRecordMover } from '../../platform/record-movers.js';
import { childDetails } from '../children/service.js';
import { recordChronologyEntry, registerSourceLink } from '../chronology/service.js';
import * as queries from './queries.js';

registerSourceLink('motherhood', (personId) => `/children/${personId}/outcomes#motherhood`);

export type MotherhoodChange = { ok: true } | { ok: false; problems: { field: string; message: string }[] };

/** Whether the girl or young woman is a mother, and her first child's date of birth (SSDA903 MOTHER, MC_DOB); undefined when not recorded. */
export function motherhoodOf(access: ChildRecordAccess) {
  return queries.motherhoodOf(access);
}

/**
 * Records (or changes, at the version that was read) whether a girl or young woman looked after is
 * a mother, with her first child's date of birth. Asked of girls only, as the return asks it.
 */
export function saveMotherhood(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  input: { version: number | null; isMother: boolean; firstChildBornOn: IsoDate | null; today: IsoDate },
): Promise<MotherhoodChange> {
  return withChildRecord(db, actor, personId, 'edit', 'motherhood.record', async (access) => {
    const [child, recorded] = await Promise.all([childDetails(access), queries.motherhoodOf(access)]);
    const problems: { field: string; message: string }[] = [];
    if (child.sex !== 'F') problems.push({ field: 'isMother', message: 'Motherhood is recorded for girls and young women only' });
    const born = input.firstChildBornOn;
    if (input.isMother && born === null) problems.push({ field: 'firstChildBornOn', message: 'Enter her first child’s date of birth' });
    if (born && born > input.today) problems.push({ field: 'firstChildBornOn', message: 'The date of birth cannot be in the future' });
    else if (born && child.date_of_birth && born <= child.date_of_birth)
      problems.push({ field: 'firstChildBornOn', message: 'Her child’s date of birth must be after her own' });
    if (problems.length > 0) return { ok: false, problems };
    const firstChildBornOn = input.isMother ? born : null;
    if (recorded) {
      if (input.version === null || !(await queries.updateMotherhood(access, input.version, input.isMother, firstChildBornOn)))
        throw new ConflictError();
    } else {
      if (input.version !== null) throw new ConflictError();
      await queries.insertMotherhood(access, input.isMother, firstChildBornOn);
    }
    await recordChronologyEntry(access, {
      kind: 'motherhood',
      occurredOn: firstChildBornOn ?? input.today,
      summary: firstChildBornOn
        ? `Recorded as a mother: her first child was born ${spokenDate(firstChildBornOn)}.`
        : 'Recorded as not a mother.',
      source: { type: 'motherhood', id: personId },
    });
    return { ok: true };
  });
}

/** For the SSDA903 return: whether these children are mothers. */
export function motherhoodForReturns(db: Kysely<Database>, personIds: readonly string[]) {
  return personIds.length === 0 ? Promise.resolve([]) : queries.motherhoodForReturns(db, personIds);
}

/** On merging, the merged record's motherhood goes to the one kept, unless that already has its own. */
registerRecordMover({
  name: 'motherhood',
  columns: ['motherhood.person_id'],
  move: async (merged, survivor) => ((await queries.moveMotherhood(merged, survivor.personId)) ? ['motherhood:'] : []),
  restore: async (merged, survivor, moved) => {
    if (moved.includes('motherhood:')) await queries.moveMotherhoodBack(merged, survivor.personId);
  },
});
