import { type LegalStatusSpell, legalStatusSpells, respiteLegalStatuses, temporaryPlacements } from '../child-facts.js';
import type { ChildInReturn } from '../child-in-return.js';
import type { Ssda903CollectionYear } from '../collection-year.js';
import { eachEpisode, type Ssda903Rule } from '../rule.js';

const DAY = 86_400_000;

function spellDays(spell: LegalStatusSpell, year: Ssda903CollectionYear): number {
  return (Date.parse(spell.end ?? year.end) - Date.parse(spell.start)) / DAY;
}

/** A rule that a legal status lasts no longer than so many days (over the episodes it runs through). */
function legalStatusLimit(code: string, legalStatus: string, days: number, what: string): Ssda903Rule {
  return {
    code,
    severity: 'error',
    files: ['episodes'],
    description: `${what} (${legalStatus}) lasted more than ${days} days`,
    check: (child, { collectionYear }) =>
      legalStatusSpells(child)
        .filter((spell) => spell.legalStatus === legalStatus && spellDays(spell, collectionYear) > days)
        .flatMap((spell) =>
          eachEpisode(
            spell.episodes.slice(-1),
            () => `${what} (${legalStatus}) lasted ${spellDays(spell, collectionYear)} days: the most is ${days}`,
          ),
        ),
  };
}

function respiteDaysInYear(child: ChildInReturn, year: Ssda903CollectionYear): number {
  let days = 0;
  for (const e of child.episodes) {
    if (e.row.record.LS !== 'V3') continue;
    const from = Math.max(Date.parse(e.start), Date.parse(year.start));
    const to = Math.min(Date.parse(e.end ?? year.end), Date.parse(year.end));
    if (to > from) days += (to - from) / DAY;
  }
  return days;
}

export const episodeLegalStatusRules: readonly Ssda903Rule[] = [
  legalStatusLimit('361', 'L1', 3, 'Police protection'),
  legalStatusLimit('362', 'L2', 21, 'Emergency protection order'),
  legalStatusLimit('363', 'L3', 7, 'Child assessment order'),
  legalStatusLimit('364', 'J2', 21, 'PACE detention'),
  legalStatusLimit('365', 'V3', 17, 'A single short break'),
  {
    code: '366',
    severity: 'error',
    files: ['episodes'],
    description: 'Placement change during a single short break',
    check: (child) =>
      eachEpisode(child.episodes, (e) =>
        e.row.record.LS === 'V3' && e.previous?.row.record.LS === 'V3' && ['P', 'T'].includes(e.row.record.RNE)
          ? 'The placement changed during a single short break (V3): each break is one episode'
          : undefined,
      ),
  },
  {
    code: '367',
    severity: 'error',
    files: ['episodes'],
    description: 'More than 75 days of respite in 12 months',
    check: (child, { collectionYear }) => {
      const days = respiteDaysInYear(child, collectionYear);
      const last = child.episodes.filter((e) => e.row.record.LS === 'V3').slice(-1);
      return days > 75 ? eachEpisode(last, () => `${days} days of short breaks (V3) in the year: the most is 75`) : [];
    },
  },
  {
    code: '382',
    severity: 'error',
    files: ['episodes'],
    description: 'Respite (V3/V4) child in a temporary placement',
    check: (child) =>
      eachEpisode(child.episodes, (e) =>
        respiteLegalStatuses.includes(e.row.record.LS) && temporaryPlacements.includes(e.row.record.PLACE)
          ? `A child on short breaks (${e.row.record.LS}) cannot be in a temporary placement (${e.row.record.PLACE})`
          : undefined,
      ),
  },
  {
    code: '384',
    severity: 'error',
    files: ['episodes'],
    description: 'Respite child cannot be in a long-term foster placement',
    check: (child) =>
      eachEpisode(child.episodes, (e) =>
        respiteLegalStatuses.includes(e.row.record.LS) && ['U1', 'U4'].includes(e.row.record.PLACE)
          ? `A child on short breaks (${e.row.record.LS}) cannot be in a long-term foster placement (${e.row.record.PLACE})`
          : undefined,
      ),
  },
  {
    code: '408',
    severity: 'error',
    files: ['episodes'],
    description: 'Placed under placement order (A5/A6) but no E1 legal status',
    check: (child) =>
      eachEpisode(child.episodes, (e) =>
        ['A5', 'A6'].includes(e.row.record.PLACE) && e.row.record.LS !== 'E1'
          ? `Placed for adoption under a placement order (${e.row.record.PLACE}) but the legal status is ${e.row.record.LS}, not E1`
          : undefined,
      ),
  },
  {
    code: '445',
    severity: 'error',
    years: { to: 2024 },
    files: ['episodes'],
    description: 'D1 invalid for episodes starting after Dec 2005',
    check: (child) =>
      eachEpisode(child.episodes, (e) =>
        e.row.record.LS === 'D1' && e.start > '2005-12-31'
          ? 'Legal status D1 (freeing order) is not valid for episodes starting after December 2005'
          : undefined,
      ),
  },
];
