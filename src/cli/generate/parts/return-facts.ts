import type { Insertable, Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database, IsoDate, LookedAfterOutcomesTable, MotherhoodTable, PreviousPermanenceTable } from '../../../db/schema.js';
import { addCalendarDays, addYears, ageOn } from '../../../domain/calendar/index.js';
import { collectionYearOf } from '../../../domain/looked-after/episodes.js';
import { upnFrom } from '../../../domain/people/upn.js';
import { toReturnDate } from '../../../domain/returns/ssda903/return-date.js';
import { motherhoodOfYoungWomen, outcomesOfChildrenInCare, previousPermanence } from '../../../domain/synthetic/looked-after.js';
import type { SyntheticAuthority } from '../authority.js';
import type { Draw } from '../draw.js';
import { officeHoursOn } from '../instants.js';
import type { CareStay } from './care-histories.js';
import { caseHolder } from './child-records.js';

export interface ReturnFactRows {
  previousPermanence: Insertable<PreviousPermanenceTable>[];
  motherhood: Insertable<MotherhoodTable>[];
  outcomes: Insertable<LookedAfterOutcomesTable>[];
  /** Pupil numbers of children in care who had none: a UPN from school age, else why not (CIN/SSDA903 UN codes). */
  pupilNumbers: { personId: string; upn: string | null; upnUnknown: string | null }[];
}

/**
 * The facts the SSDA903 return asks of each child in care that the social worker records on the
 * return pages: the permanence arrangement before each period of care (PrevPerm), whether a girl
 * or young woman in care is a mother (Header MOTHER, MC_DOB), the outcomes of each year at whose
 * 31 March the child had been looked after for 12 months (OC2), and the child's UPN or why there is none.
 */
export function buildReturnFacts(authority: SyntheticAuthority, draw: Draw, stays: readonly CareStay[], laCode: string): ReturnFactRows {
  const holder = caseHolder(authority);
  const rows: ReturnFactRows = { previousPermanence: [], motherhood: [], outcomes: [], pupilNumbers: [] };
  const seen = new Set<string>();
  for (const stay of stays) {
    const { child, period, episode } = stay;
    const by = holder(episode, period.startedOn);
    const arrangement = draw.weighted(previousPermanence);
    const knownDate = arrangement === 'Z1' ? null : addCalendarDays(period.startedOn, -draw.int(200, 2000));
    rows.previousPermanence.push({
      id: draw.id(),
      person_id: child.id,
      period_started_on: period.startedOn,
      arrangement,
      local_authority: arrangement === 'Z1' || arrangement === 'P4' ? null : laCode,
      arrangement_date: arrangement === 'Z1' ? null : knownDate && knownDate > child.dateOfBirth ? toReturnDate(knownDate) : 'zz/zz/zzzz',
      recorded_by: by,
      recorded_at: officeHoursOn(period.startedOn, draw),
    });
    const o = outcomesOfChildrenInCare;
    for (let year = collectionYearOf(period.startedOn) + 1; year <= collectionYearOf(authority.today); year++) {
      const yearEnd = `${year}-03-31`;
      const inCohort = period.startedOn <= addYears(yearEnd, -1) && (period.endedOn === null || period.endedOn > yearEnd);
      if (!inCohort || yearEnd > authority.today) continue;
      const age = ageOn(child.dateOfBirth, yearEnd);
      const sdqAge = ageOn(child.dateOfBirth, `${year - 1}-04-01`) >= 4 && age <= 16;
      const sdqReturned = sdqAge && draw.chance(o.sdqReturned);
      const misuse = age >= 10 && draw.chance(o.substanceMisuse);
      rows.outcomes.push({
        id: draw.id(),
        person_id: child.id,
        collection_year: year,
        sdq_score: sdqReturned ? Math.min(40, Math.max(0, Math.round(o.sdqMean + o.sdqSpread * (draw.unit() + draw.unit() - 1)))) : null,
        sdq_reason: sdqAge && !sdqReturned ? draw.pick(['SDQ2', 'SDQ4', 'SDQ5']) : null,
        convicted: age >= 10 ? draw.chance(o.convicted) : null,
        health_check: age < 5 ? draw.chance(o.healthCheck) : null,
        immunisations: draw.chance(o.immunisations),
        teeth_check: draw.chance(o.teethCheck),
        health_assessment: draw.chance(o.healthAssessment),
        substance_misuse: misuse,
        intervention_received: misuse ? draw.chance(0.6) : null,
        intervention_offered: misuse ? true : null,
        recorded_by: holder(episode, yearEnd),
        recorded_at: officeHoursOn(yearEnd, draw),
      });
    }
    if (seen.has(child.id)) continue;
    seen.add(child.id);
    const schoolAge = ageOn(child.dateOfBirth, authority.today) >= 4;
    rows.pupilNumbers.push({
      personId: child.id,
      upn: schoolAge && !stay.uasc ? upnFrom(laCode, String(draw.int(0, 999_999_999)).padStart(9, '0')) : null,
      upnUnknown: stay.uasc ? 'UN2' : schoolAge ? null : 'UN1',
    });
    if (child.sex !== 'F') continue;
    const fifteen = addYears(child.dateOfBirth, 15);
    const mother = fifteen < authority.today && draw.chance(motherhoodOfYoungWomen);
    const firstChildBornOn: IsoDate | null = mother ? addCalendarDays(fifteen, draw.int(60, 1000)) : null;
    rows.motherhood.push({
      person_id: child.id,
      is_mother: mother && firstChildBornOn !== null && firstChildBornOn <= authority.today,
      first_child_born_on: firstChildBornOn !== null && firstChildBornOn <= authority.today ? firstChildBornOn : null,
      recorded_by: by,
      recorded_at: officeHoursOn(period.startedOn, draw),
    });
  }
  return rows;
}

/** Gives children in care who have neither a UPN nor a reason for none the ones built here, in one statement a batch. */
export async function writePupilNumbers(db: Kysely<Database>, pupilNumbers: ReturnFactRows['pupilNumbers']): Promise<void> {
  const perStatement = 5_000;
  for (let start = 0; start < pupilNumbers.length; start += perStatement) {
    const values = pupilNumbers
      .slice(start, start + perStatement)
      .map((p) => sql`(${p.personId}::uuid, ${p.upn}::text, ${p.upnUnknown}::text)`);
    await sql`update people set upn = v.upn, upn_unknown = v.upn_unknown
      from (values ${sql.join(values)}) as v(id, upn, upn_unknown)
      where people.id = v.id and people.upn is null and people.upn_unknown is null`.execute(db);
  }
}
