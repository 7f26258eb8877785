import { z } from 'zod';
import { dateFromInput } from '../../domain/calendar/typed-date.js';
import { normaliseLaChildId } from '../../domain/people/la-child-id.js';
import { type ChildDetails, childDetailsProblems } from '../../domain/people/person-details.js';
import { normalisePostcode } from '../../domain/people/postcode.js';
import { normaliseUpn } from '../../domain/people/upn.js';
import { fieldErrors } from '../../platform/form-errors.js';
import type { NewAddress } from '../people/service.js';

const text = (max: number, tooLong: string) => z.string().trim().max(max, tooLong).default('');
const many = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

/** The fields of the "add a child" and "edit details" forms, as typed. */
export const childDetailsFields = z.object({
  givenName: text(100, 'First name must be 100 characters or fewer'),
  familyName: text(100, 'Last name must be 100 characters or fewer'),
  born: z.enum(['yes', 'no'], { message: 'Choose whether the child has been born' }).optional(),
  'dateOfBirth-day': text(2, 'Enter a real day').optional(),
  'dateOfBirth-month': text(2, 'Enter a real month').optional(),
  'dateOfBirth-year': text(4, 'Enter a real year').optional(),
  'expectedDateOfBirth-day': text(2, 'Enter a real day').optional(),
  'expectedDateOfBirth-month': text(2, 'Enter a real month').optional(),
  'expectedDateOfBirth-year': text(4, 'Enter a real year').optional(),
  sex: text(2, 'Choose a sex from the list'),
  ethnicity: text(4, 'Choose an ethnicity from the list'),
  disabilities: many,
  laChildId: text(40, 'LA child ID must be 20 characters or fewer'),
  upn: text(20, 'UPN must be 13 characters'),
  formerUpn: text(20, 'Former UPN must be 13 characters'),
  uasc: z.enum(['yes', 'no']).default('no'),
  firstLanguage: text(100, 'First language must be 100 characters or fewer'),
  gpPractice: text(200, 'GP must be 200 characters or fewer'),
  school: text(200, 'School must be 200 characters or fewer'),
  addressLine1: text(200, 'Address line 1 must be 200 characters or fewer'),
  addressLine2: text(200, 'Address line 2 must be 200 characters or fewer'),
  town: text(100, 'Town must be 100 characters or fewer'),
  postcode: text(10, 'Enter a real postcode, like SW1A 1AA'),
});

export type ChildDetailsForm = z.infer<typeof childDetailsFields>;

export type ReadForm =
  | { ok: true; details: ChildDetails; address: NewAddress | undefined; values: Record<string, unknown> }
  | { ok: false; errors: Record<string, string>; values: Record<string, unknown> };

const optional = (value: string | undefined) => (value ? value : undefined);

/** Reads and checks the form: the social-care rules are the domain's; this only turns text into facts. */
export function readChildDetailsForm(body: unknown, today: string, withAddress: boolean): ReadForm {
  const raw = (body ?? {}) as Record<string, unknown>;
  const parsed = childDetailsFields.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error), values: raw };
  const f = parsed.data;
  const errors: Record<string, string> = {};
  if (!f.givenName) errors.givenName = 'Enter the first name';
  if (!f.familyName) errors.familyName = 'Enter the last name';
  const date = (prefix: 'dateOfBirth' | 'expectedDateOfBirth') => {
    const day = f[`${prefix}-day`] ?? '';
    const month = f[`${prefix}-month`] ?? '';
    const year = f[`${prefix}-year`] ?? '';
    if (!day && !month && !year) return undefined;
    const value = dateFromInput(day, month, year);
    if (!value)
      errors[prefix] = prefix === 'dateOfBirth' ? 'Date of birth must be a real date' : 'Expected date of birth must be a real date';
    return value;
  };
  const given = (prefix: 'dateOfBirth' | 'expectedDateOfBirth') =>
    Boolean(f[`${prefix}-day`] || f[`${prefix}-month`] || f[`${prefix}-year`]);
  if (!f.born && given('dateOfBirth') && given('expectedDateOfBirth'))
    errors.dateOfBirth = 'Enter a date of birth or, if the child is not born yet, an expected date of birth: not both';
  const born = f.born ? f.born === 'yes' : !given('expectedDateOfBirth') || given('dateOfBirth');
  const dateOfBirth = born ? date('dateOfBirth') : undefined;
  const expectedDateOfBirth = born ? undefined : date('expectedDateOfBirth');
  const details: ChildDetails = {
    laChildId: withAddress ? optional(normaliseLaChildId(f.laChildId)) : undefined,
    givenName: f.givenName,
    familyName: f.familyName,
    born,
    dateOfBirth,
    expectedDateOfBirth,
    sex: optional(f.sex),
    ethnicity: optional(f.ethnicity),
    disabilities: f.disabilities,
    upn: optional(normaliseUpn(f.upn)),
    formerUpn: optional(normaliseUpn(f.formerUpn)),
    unaccompaniedAsylumSeeking: f.uasc === 'yes',
    firstLanguage: optional(f.firstLanguage),
    gpPractice: optional(f.gpPractice),
    school: optional(f.school),
  };
  for (const [field, message] of Object.entries(childDetailsProblems(details, today))) errors[field] ??= message;

  let address: NewAddress | undefined;
  if (withAddress && (f.addressLine1 || f.postcode || f.town)) {
    const postcode = f.postcode ? normalisePostcode(f.postcode) : undefined;
    if (f.postcode && !postcode) errors.postcode = 'Enter a real UK postcode, like SW1A 1AA';
    if (!f.addressLine1) errors.addressLine1 = 'Enter the first line of the address';
    address = { line1: f.addressLine1, line2: optional(f.addressLine2), town: optional(f.town), postcode };
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors, values: raw };
  return { ok: true, details, address, values: raw };
}
