import { careLeaverAccommodationTypeCodes } from '../../../codes/ssda903-care-leaver-accommodation.js';
import { isCareLeaverActivityCode } from '../../../codes/ssda903-care-leaver-activity.js';
import { isCareLeaverInTouchCode } from '../../../codes/ssda903-care-leaver-in-touch.js';
import { birthday, birthdayAgeInYear, lookedAfterOn, periodOpenAtYearEnd } from '../child-facts.js';
import type { ChildInReturn } from '../child-in-return.js';
import type { Ssda903CollectionYear } from '../collection-year.js';
import type { Oc3Record } from '../files.js';
import { eachRow, type Ssda903Rule } from '../rule.js';

const accommodationLetters = careLeaverAccommodationTypeCodes.map((c) => c.code) as readonly string[];

function isAccommodationCode(value: string): boolean {
  return (
    value === '0' ||
    (value.length === 2 && accommodationLetters.includes(value.charAt(0)) && (value.charAt(1) === '1' || value.charAt(1) === '2'))
  );
}

function hasCareLeaverData(record: Oc3Record): boolean {
  return record.IN_TOUCH !== '' || record.ACTIV !== '' || record.ACCOM !== '';
}

/** The 17th or 18th birthday in the collection year, if that is the one that falls in it. */
function seventeenthOrEighteenth(child: ChildInReturn, year: Ssda903CollectionYear): string | null {
  const age = birthdayAgeInYear(child, year);
  return age === 17 || age === 18 ? birthday(child, age) : null;
}

export const oc3Rules: readonly Ssda903Rule[] = [
  {
    code: '131',
    severity: 'error',
    files: ['oc3'],
    description: 'IN_TOUCH code invalid',
    check: (child) =>
      eachRow('oc3', child.oc3, ({ record }) =>
        isCareLeaverInTouchCode(record.IN_TOUCH) ? undefined : `IN_TOUCH "${record.IN_TOUCH}" is not a valid code`,
      ),
  },
  {
    code: '132',
    severity: 'error',
    files: ['oc3'],
    description: 'Activity code invalid',
    check: (child) =>
      eachRow('oc3', child.oc3, ({ record }) =>
        record.ACTIV === '' || isCareLeaverActivityCode(record.ACTIV)
          ? undefined
          : `Activity (ACTIV) "${record.ACTIV}" is not a valid code`,
      ),
  },
  {
    code: '133',
    severity: 'error',
    files: ['oc3'],
    description: 'Accommodation code invalid',
    check: (child) =>
      eachRow('oc3', child.oc3, ({ record }) =>
        record.ACCOM === '' || isAccommodationCode(record.ACCOM)
          ? undefined
          : `Accommodation (ACCOM) "${record.ACCOM}" is not valid: a letter and 1 (suitable) or 2 (unsuitable), or 0`,
      ),
  },
  {
    code: '344',
    severity: 'error',
    files: ['oc3'],
    description: 'Died/returned home (6+ months) but activity/accommodation completed',
    check: (child) =>
      eachRow('oc3', child.oc3, ({ record }) =>
        ['DIED', 'RHOM'].includes(record.IN_TOUCH) && (record.ACTIV !== '' || record.ACCOM !== '')
          ? `IN_TOUCH is ${record.IN_TOUCH}, so activity and accommodation should be blank`
          : undefined,
      ),
  },
  {
    code: '345',
    severity: 'error',
    files: ['oc3'],
    description: 'In touch but activity/accommodation coded 0',
    check: (child) =>
      eachRow('oc3', child.oc3, ({ record }) =>
        record.IN_TOUCH === 'YES' && (record.ACTIV === '0' || record.ACCOM === '0')
          ? 'The young person is in touch, so activity and accommodation should be known (not 0)'
          : undefined,
      ),
  },
  {
    code: '347',
    severity: 'error',
    files: ['header', 'oc3'],
    description: 'Under-18 care leaver cannot be in a foyer',
    check: (child, { collectionYear }) =>
      eachRow('oc3', child.oc3, ({ record }) => {
        const age = birthdayAgeInYear(child, collectionYear);
        return age !== null && age < 18 && record.ACCOM.startsWith('T')
          ? 'A care leaver under 18 cannot be living in a foyer (T)'
          : undefined;
      }),
  },
  {
    code: '391',
    severity: 'error',
    files: ['header', 'oc3'],
    description: 'Care leaver not aged 17-21 in the collection year',
    check: (child, { collectionYear }) =>
      eachRow('oc3', child.oc3, () => {
        if (!child.dateOfBirth) return undefined;
        const age = birthdayAgeInYear(child, collectionYear);
        return age === null || age < 17 || age > 21
          ? 'Care-leaver information is only for young people whose 17th to 21st birthday falls in the year'
          : undefined;
      }),
  },
  {
    code: '1000',
    severity: 'error',
    files: ['episodes', 'oc3'],
    description: 'Died in care but care-leaver data completed',
    check: (child) =>
      child.periodsOfCare.some((p) => p.reasonCeased === 'E2')
        ? eachRow('oc3', child.oc3, ({ record }) =>
            hasCareLeaverData(record) ? 'The child died while looked after (E2), so there is no care-leaver information' : undefined,
          )
        : [],
  },
  {
    code: '1007',
    severity: 'error',
    files: ['header', 'episodes', 'oc3'],
    description: 'Care-leaver data for 17/18-year-old still looked after on birthday',
    check: (child, { collectionYear }) => {
      const day = seventeenthOrEighteenth(child, collectionYear);
      const stillLookedAfter = day !== null && lookedAfterOn(child, day) && periodOpenAtYearEnd(child, collectionYear) !== undefined;
      return stillLookedAfter
        ? eachRow('oc3', child.oc3, ({ record }) =>
            hasCareLeaverData(record) ? 'The young person is still looked after, as on their birthday, so is not a care leaver' : undefined,
          )
        : [];
    },
  },
  {
    code: '1011',
    severity: 'error',
    files: ['episodes', 'oc3'],
    description: 'Care transferred to another LA (E3) but care-leaver data completed',
    check: (child) => {
      const last = child.periodsOfCare[child.periodsOfCare.length - 1];
      return last?.reasonCeased === 'E3'
        ? eachRow('oc3', child.oc3, ({ record }) =>
            hasCareLeaverData(record)
              ? 'Care was taken over by another local authority (E3), which returns the care-leaver information'
              : undefined,
          )
        : [];
    },
  },
  {
    code: '1016',
    severity: 'error',
    files: ['header', 'episodes', 'oc3'],
    description: 'Care-leaver data for 17/18-year-old who left care after birthday',
    check: (child, { collectionYear }) => {
      const day = seventeenthOrEighteenth(child, collectionYear);
      const leftAfter =
        day !== null &&
        child.periodsOfCare.some(
          (p) => p.end !== null && p.reasonCeased !== 'X1' && p.start <= day && p.end > day && p.end <= collectionYear.end,
        );
      return leftAfter
        ? eachRow('oc3', child.oc3, ({ record }) =>
            hasCareLeaverData(record)
              ? 'The young person left care after their birthday, so care-leaver information is not due this year'
              : undefined,
          )
        : [];
    },
  },
  {
    code: '3001',
    severity: 'error',
    files: ['header', 'oc3'],
    description: "17th-birthday care leaver cannot be 'with former foster carers' (Z)",
    check: (child, { collectionYear }) =>
      eachRow('oc3', child.oc3, ({ record }) =>
        birthdayAgeInYear(child, collectionYear) === 17 && record.ACCOM.startsWith('Z')
          ? 'At 17 a care leaver cannot be living with former foster carers (Z): that is for 18 and over'
          : undefined,
      ),
  },
];
