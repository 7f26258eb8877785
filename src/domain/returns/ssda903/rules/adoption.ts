import type { IsoDate } from '../../../calendar/iso-date.js';
import { isAdopterLegalStatusCode } from '../../../codes/ssda903-adopter-legal-status.js';
import { isAdopterSexCode } from '../../../codes/ssda903-adopter-sex.js';
import { isReasonNoLongerPlacedForAdoptionCode } from '../../../codes/ssda903-reason-no-longer-placed-for-adoption.js';
import { adoptedReasons, adoptionPlacements, periodsEndedInYear } from '../child-facts.js';
import type { ChildInReturn } from '../child-in-return.js';
import { fromReturnDate } from '../return-date.js';
import { eachEpisode, eachRow, type Ssda903Rule } from '../rule.js';

/** The day the child was first placed for adoption (the first A3-A6 episode), if the return shows it. */
function placedForAdoptionOn(child: ChildInReturn): IsoDate | null {
  return child.episodes.find((e) => adoptionPlacements.includes(e.row.record.PLACE))?.start ?? null;
}

function adoptedInYear(child: ChildInReturn, year: Parameters<typeof periodsEndedInYear>[1]): boolean {
  return periodsEndedInYear(child, year).some((p) => adoptedReasons.includes(p.reasonCeased));
}

const ad1Fields = ['DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'] as const;

export const adoptionRules: readonly Ssda903Rule[] = [
  {
    code: '112',
    severity: 'error',
    files: ['ad1'],
    description: "'Date should be placed' (DATE_INT) not a valid date",
    check: (child) =>
      eachRow('ad1', child.ad1, ({ record }) =>
        record.DATE_INT === '' || fromReturnDate(record.DATE_INT)
          ? undefined
          : `DATE_INT "${record.DATE_INT}" is not a valid date (DD/MM/YYYY)`,
      ),
  },
  {
    code: '113',
    severity: 'error',
    files: ['ad1'],
    description: 'Date of matching not a valid date',
    check: (child) =>
      eachRow('ad1', child.ad1, ({ record }) =>
        record.DATE_MATCH === '' || fromReturnDate(record.DATE_MATCH)
          ? undefined
          : `DATE_MATCH "${record.DATE_MATCH}" is not a valid date (DD/MM/YYYY)`,
      ),
  },
  {
    code: '114',
    severity: 'error',
    files: ['ad1'],
    description: 'Adopted-by-foster-carer flag invalid',
    check: (child) =>
      eachRow('ad1', child.ad1, ({ record }) =>
        ['', '0', '1'].includes(record.FOSTER_CARE) ? undefined : `FOSTER_CARE "${record.FOSTER_CARE}" must be 0 or 1`,
      ),
  },
  {
    code: '175',
    severity: 'error',
    files: ['ad1'],
    description: 'Number of adopters invalid',
    check: (child) =>
      eachRow('ad1', child.ad1, ({ record }) =>
        ['', '1', '2'].includes(record.NB_ADOPTR) ? undefined : `NB_ADOPTR "${record.NB_ADOPTR}" must be 1 or 2`,
      ),
  },
  {
    code: '176',
    severity: 'error',
    files: ['ad1'],
    description: 'Adopter sex code invalid',
    check: (child) =>
      eachRow('ad1', child.ad1, ({ record }) =>
        record.SEX_ADOPTR === '' || isAdopterSexCode(record.SEX_ADOPTR)
          ? undefined
          : `SEX_ADOPTR "${record.SEX_ADOPTR}" is not a valid code`,
      ),
  },
  {
    code: '177',
    severity: 'error',
    files: ['ad1'],
    description: 'Adopter legal status code invalid',
    check: (child) =>
      eachRow('ad1', child.ad1, ({ record }) =>
        record.LS_ADOPTR === '' || isAdopterLegalStatusCode(record.LS_ADOPTR)
          ? undefined
          : `LS_ADOPTR "${record.LS_ADOPTR}" is not a valid code`,
      ),
  },
  {
    code: '331',
    severity: 'error',
    files: ['ad1', 'episodes'],
    description: 'Matching date must be on/before date placed for adoption',
    check: (child) => {
      const placed = placedForAdoptionOn(child);
      return eachRow('ad1', child.ad1, ({ record }) => {
        const matched = fromReturnDate(record.DATE_MATCH);
        return placed && matched && matched > placed ? 'The child was matched (DATE_MATCH) after being placed for adoption' : undefined;
      });
    },
  },
  {
    code: '333',
    severity: 'error',
    files: ['ad1'],
    description: 'Date should be placed must be on/before matching date',
    check: (child) =>
      eachRow('ad1', child.ad1, ({ record }) => {
        const decided = fromReturnDate(record.DATE_INT);
        const matched = fromReturnDate(record.DATE_MATCH);
        return decided && matched && decided > matched
          ? 'The decision that the child should be placed for adoption (DATE_INT) is after the match'
          : undefined;
      }),
  },
  {
    code: '511',
    severity: 'error',
    files: ['ad1'],
    description: 'Two adopters but sex code not MM/FF/MF',
    check: (child) =>
      eachRow('ad1', child.ad1, ({ record }) =>
        record.NB_ADOPTR === '2' && !['MM', 'FF', 'MF'].includes(record.SEX_ADOPTR)
          ? `Two adopters but SEX_ADOPTR is "${record.SEX_ADOPTR}": use MM, FF or MF`
          : undefined,
      ),
  },
  {
    code: '514',
    severity: 'error',
    files: ['ad1'],
    description: 'Single-adopter legal status but number of adopters is 2',
    check: (child) =>
      eachRow('ad1', child.ad1, ({ record }) =>
        record.LS_ADOPTR === 'L0' && record.NB_ADOPTR === '2' ? 'LS_ADOPTR is L0 (single adopter) but there are two adopters' : undefined,
      ),
  },
  {
    code: '601',
    severity: 'error',
    files: ['ad1', 'episodes'],
    description: 'Adopted in year (E11/E12) but AD1 fields blank',
    check: (child, { collectionYear }) => {
      if (!adoptedInYear(child, collectionYear)) return [];
      if (child.ad1.length === 0) {
        const adopted = child.episodes.filter((e) => adoptedReasons.includes(e.row.record.REC)).slice(-1);
        return eachEpisode(adopted, () => 'The child was adopted in the year but there is no AD1 record');
      }
      return eachRow('ad1', child.ad1, ({ record }) => {
        const blank = ad1Fields.filter((c) => record[c] === '');
        return blank.length > 0
          ? `The child was adopted in the year but ${blank.join(', ')} ${blank.length > 1 ? 'are' : 'is'} blank`
          : undefined;
      });
    },
  },
  {
    code: '602',
    severity: 'error',
    files: ['ad1', 'episodes'],
    description: 'AD1 data present but episodes do not show adoption',
    check: (child, { collectionYear }) =>
      adoptedInYear(child, collectionYear)
        ? []
        : eachRow('ad1', child.ad1, () => 'There is an AD1 record but no episode ended in adoption (E11 or E12) in the year'),
  },
  {
    code: '115',
    severity: 'error',
    files: ['placedAdoption'],
    description: 'Date of decision to place for adoption not a valid date',
    check: (child) =>
      eachRow('placedAdoption', child.placedAdoption, ({ record }) =>
        fromReturnDate(record.DATE_PLACED)
          ? undefined
          : `The date of the decision to place for adoption (DATE_PLACED) "${record.DATE_PLACED}" is not a valid date`,
      ),
  },
  {
    code: '116',
    severity: 'error',
    files: ['placedAdoption'],
    description: 'Date decision reversed not a valid date',
    check: (child) =>
      eachRow('placedAdoption', child.placedAdoption, ({ record }) =>
        record.DATE_PLACED_CEASED === '' || fromReturnDate(record.DATE_PLACED_CEASED)
          ? undefined
          : `The date the decision was reversed (DATE_PLACED_CEASED) "${record.DATE_PLACED_CEASED}" is not a valid date`,
      ),
  },
  {
    code: '119',
    severity: 'error',
    files: ['placedAdoption'],
    description: 'Reversal recorded without both date and reason',
    check: (child) =>
      eachRow('placedAdoption', child.placedAdoption, ({ record }) =>
        (record.DATE_PLACED_CEASED === '') !== (record.REASON_PLACED_CEASED === '')
          ? 'A reversed decision needs both the date (DATE_PLACED_CEASED) and the reason (REASON_PLACED_CEASED)'
          : undefined,
      ),
  },
  {
    code: '120',
    severity: 'error',
    files: ['placedAdoption'],
    description: 'Reason for reversal code invalid',
    check: (child) =>
      eachRow('placedAdoption', child.placedAdoption, ({ record }) =>
        record.REASON_PLACED_CEASED === '' || isReasonNoLongerPlacedForAdoptionCode(record.REASON_PLACED_CEASED)
          ? undefined
          : `REASON_PLACED_CEASED "${record.REASON_PLACED_CEASED}" is not valid: use RD1 to RD4`,
      ),
  },
  {
    code: '521',
    severity: 'error',
    files: ['ad1', 'episodes'],
    description: 'Decision to place must be on/before date placed for adoption',
    check: (child) => {
      const placed = placedForAdoptionOn(child);
      return eachRow('ad1', child.ad1, ({ record }) => {
        const decided = fromReturnDate(record.DATE_INT);
        return placed && decided && decided > placed
          ? 'The decision that the child should be placed for adoption (DATE_INT) is after the placement'
          : undefined;
      });
    },
  },
  {
    code: '523',
    severity: 'error',
    files: ['placedAdoption', 'ad1'],
    description: "Decision date should equal 'date should be placed' in AD1",
    check: (child) => {
      const decisions = child.ad1.map((r) => r.record.DATE_INT).filter((d) => d !== '');
      return decisions.length === 0
        ? []
        : eachRow('placedAdoption', child.placedAdoption, ({ record }) =>
            record.DATE_PLACED !== '' && !decisions.includes(record.DATE_PLACED)
              ? "The decision date (DATE_PLACED) is not the same as the 'date should be placed' in AD1 (DATE_INT)"
              : undefined,
          );
    },
  },
  {
    code: '551',
    severity: 'error',
    files: ['placedAdoption', 'episodes'],
    description: 'Placed for adoption (A3-A6) but no decision date',
    check: (child) => {
      const decided = child.placedAdoption.some((r) => fromReturnDate(r.record.DATE_PLACED));
      const placements = child.episodes.filter((e) => adoptionPlacements.includes(e.row.record.PLACE)).slice(0, 1);
      return decided
        ? []
        : eachEpisode(placements, (e) => `Placed for adoption (${e.row.record.PLACE}) but there is no decision to place for adoption`);
    },
  },
  {
    code: '552',
    severity: 'error',
    files: ['placedAdoption', 'episodes'],
    description: 'Decision to place must be on/before placement for adoption',
    check: (child) => {
      const placed = placedForAdoptionOn(child);
      return eachRow('placedAdoption', child.placedAdoption, ({ record }) => {
        const decided = fromReturnDate(record.DATE_PLACED);
        return placed &&
          decided &&
          decided > placed &&
          !child.placedAdoption.some((r) => (fromReturnDate(r.record.DATE_PLACED) ?? '9999') <= placed)
          ? 'The decision to place for adoption (DATE_PLACED) is after the child was placed for adoption'
          : undefined;
      });
    },
  },
  {
    code: '553',
    severity: 'error',
    files: ['placedAdoption', 'episodes'],
    description: 'Placement order (E1) but no decision date',
    check: (child) => {
      const decided = child.placedAdoption.some((r) => fromReturnDate(r.record.DATE_PLACED));
      const orders = child.episodes.filter((e) => e.row.record.LS === 'E1').slice(0, 1);
      return decided ? [] : eachEpisode(orders, () => 'There is a placement order (E1) but no decision to place for adoption');
    },
  },
  {
    code: '557',
    severity: 'error',
    files: ['placedAdoption', 'episodes'],
    description: 'Left care not adopted after a placement decision, but reversal not recorded',
    check: (child, { collectionYear }) => {
      const left = periodsEndedInYear(child, collectionYear).filter((p) => !adoptedReasons.includes(p.reasonCeased));
      return eachRow('placedAdoption', child.placedAdoption, ({ record }) => {
        const decided = fromReturnDate(record.DATE_PLACED);
        const leftAfter = decided && left.some((p) => p.end !== null && p.end >= decided);
        return leftAfter && record.DATE_PLACED_CEASED === ''
          ? 'The child left care without being adopted after the decision to place for adoption, but the reversal is not recorded'
          : undefined;
      });
    },
  },
  {
    code: '583',
    severity: 'error',
    files: ['placedAdoption'],
    description: 'Second decision to place without revoking the first',
    check: (child) => {
      const decisions = child.placedAdoption
        .map((row) => ({ row, date: fromReturnDate(row.record.DATE_PLACED) }))
        .filter((d): d is { row: (typeof child.placedAdoption)[number]; date: IsoDate } => d.date !== null)
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      const later = decisions.filter((_decision, i) =>
        decisions.slice(0, i).some((earlier) => earlier.row.record.DATE_PLACED_CEASED === ''),
      );
      return eachRow(
        'placedAdoption',
        later.map((d) => d.row),
        () => 'A second decision to place for adoption is recorded while an earlier one was not reversed',
      );
    },
  },
  {
    code: '1003',
    severity: 'error',
    files: ['placedAdoption', 'episodes'],
    description: 'Decision to place before child started to be looked after',
    check: (child) => {
      const firstStart = child.episodes[0]?.start;
      return eachRow('placedAdoption', child.placedAdoption, ({ record }) => {
        const decided = fromReturnDate(record.DATE_PLACED);
        return firstStart && decided && decided < firstStart && child.episodes[0]?.row.record.RNE === 'S'
          ? 'The decision to place for adoption is before the child started to be looked after'
          : undefined;
      });
    },
  },
];
