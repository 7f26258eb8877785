import type { Kysely } from 'kysely';
import type { Database } from '../src/db/schema.js';
import { startPeriodOfCare } from '../src/features/looked-after/service.js';
import { loadActor } from '../src/platform/staff-directory.js';
import type { Fixture } from './fixtures.js';

/** A GOV.UK date input's three fields, as a browser posts them. */
export function dateFields(name: string, iso: string): Record<string, string> {
  return {
    [`${name}-day`]: String(Number(iso.slice(8, 10))),
    [`${name}-month`]: String(Number(iso.slice(5, 7))),
    [`${name}-year`]: iso.slice(0, 4),
  };
}

/** Makes a fixture child looked after from a date (V2, foster care), as their social worker would record it. */
export async function startCare(
  db: Kysely<Database>,
  fixture: Fixture,
  personId: string,
  startedOn: string,
  username = 'worker',
): Promise<void> {
  const actor = await loadActor(db, fixture.staff[username]?.id as string, '127.0.0.1');
  if (!actor) throw new Error(`no fixture account ${username}`);
  const result = await startPeriodOfCare(db, actor, personId, {
    startedOn,
    categoryOfNeed: 'N1',
    homePostcode: null,
    legalStatus: 'V2',
    placement: { placementType: 'U6', provider: 'PR1', postcode: 'LS2 7HY', urn: null, carerName: 'The Fosters' },
  });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
}
