import type { z } from 'zod';
import { type DateFields, dateFieldsFrom, dateInputItems, readDate, readTime } from './date-time-fields.js';
import { fieldErrors } from './form-errors.js';

/** A GOV.UK date input on a form: `<name>-day`, `<name>-month`, `<name>-year`. */
export interface DateField {
  name: string;
  /** As in the error messages: "Date the placement started". */
  label: string;
  optional?: boolean;
}

/** A time-of-day text input (`HH:MM`). */
export interface TimeField {
  name: string;
  label: string;
  optional?: boolean;
}

/** What a form page needs to show the form again: what was typed, and what is wrong with it. */
export interface FormState {
  values: Record<string, string>;
  dates: Record<string, ReturnType<typeof dateInputItems>>;
  errors: Record<string, string>;
  errorList: { text: string; href: string }[];
}

export type FormResult<T> =
  | { ok: true; data: T; dates: Record<string, string | null>; times: Record<string, string | null>; form: FormState }
  | { ok: false; form: FormState };

const blank = (fields: DateFields) => !fields.day && !fields.month && !fields.year;

/**
 * Reads a posted form: the plain fields through a zod schema, the dates through GOV.UK date inputs
 * and times as `HH:MM`. Either everything is valid, or every problem is listed (in the order the
 * fields are on the page) for the error summary.
 */
export function readForm<S extends z.ZodType>(
  body: unknown,
  schema: S,
  dates: readonly DateField[] = [],
  times: readonly TimeField[] = [],
  order: readonly string[] = [],
): FormResult<z.infer<S>> {
  const raw = (body ?? {}) as Record<string, unknown>;
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) if (typeof value === 'string') values[key] = value;
  const errors: Record<string, string> = {};
  const parsed = schema.safeParse(raw);
  if (!parsed.success) Object.assign(errors, fieldErrors(parsed.error));

  const dateValues: Record<string, string | null> = {};
  const dateItems: FormState['dates'] = {};
  for (const field of dates) {
    const fields = dateFieldsFrom(raw, field.name);
    if (field.optional && blank(fields)) {
      dateValues[field.name] = null;
    } else {
      const result = readDate(fields, field.label);
      if ('error' in result) errors[field.name] = result.error;
      else dateValues[field.name] = result.date;
    }
    dateItems[field.name] = dateInputItems(fields, field.name in errors);
  }
  const timeValues: Record<string, string | null> = {};
  for (const field of times) {
    const typed = values[field.name]?.trim() ?? '';
    if (field.optional && !typed) {
      timeValues[field.name] = null;
      continue;
    }
    const result = readTime(typed, field.label);
    if ('error' in result) errors[field.name] = result.error;
    else timeValues[field.name] = result.time;
  }
  const form = formState(values, dateItems, errors, dates, order);
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, form };
  return { ok: true, data: parsed.data, dates: dateValues, times: timeValues, form };
}

/** The form state after the service refused what was sent: the same form, with these problems added. */
export function withErrors(
  form: FormState,
  problems: readonly { field?: string; message: string }[],
  dates: readonly DateField[] = [],
): FormState {
  const errors = { ...form.errors };
  for (const problem of problems) errors[problem.field ?? 'form'] ??= problem.message;
  const items = { ...form.dates };
  for (const field of dates) {
    const current = items[field.name];
    if (current && field.name in errors)
      items[field.name] = current.map((i) => ({ ...i, classes: `${i.classes.replace(' govuk-input--error', '')} govuk-input--error` }));
  }
  return formState(form.values, items, errors, dates, Object.keys(errors));
}

/** An empty form, with some fields filled in already (from what Hearth knows). */
export function emptyForm(
  dates: readonly DateField[],
  prefill: Record<string, string> = {},
  prefillDates: Record<string, string> = {},
): FormState {
  const items: FormState['dates'] = {};
  for (const field of dates) {
    const date = prefillDates[field.name];
    items[field.name] = dateInputItems(
      date
        ? { year: date.slice(0, 4), month: String(Number(date.slice(5, 7))), day: String(Number(date.slice(8, 10))) }
        : { day: '', month: '', year: '' },
      false,
    );
  }
  return { values: prefill, dates: items, errors: {}, errorList: [] };
}

function formState(
  values: Record<string, string>,
  dates: FormState['dates'],
  errors: Record<string, string>,
  dateFields: readonly DateField[],
  order: readonly string[],
): FormState {
  const isDate = new Set(dateFields.map((f) => f.name));
  const position = (name: string) => {
    const index = order.indexOf(name);
    return index === -1 ? order.length : index;
  };
  const errorList = Object.entries(errors)
    .sort(([a], [b]) => position(a) - position(b))
    .map(([name, text]) => ({ text, href: `#${isDate.has(name) ? `${name}-day` : name}` }));
  return { values, dates, errors, errorList };
}

/** The items of a govukSelect of codes, "code: label", with the one chosen selected and a blank first option. */
export function selectItems(codes: readonly { code: string; label: string }[], selected: string | undefined, blankText = 'Select one') {
  return [
    { value: '', text: blankText, selected: !selected },
    ...codes.map((c) => ({ value: c.code, text: `${c.code}: ${c.label}`, selected: c.code === selected })),
  ];
}

/** The items of a govukRadios, with the one chosen checked. */
export function radioItems(options: readonly { value: string; text: string; hint?: string }[], checked: string | undefined) {
  return options.map((o) => ({
    value: o.value,
    text: o.text,
    checked: o.value === checked,
    ...(o.hint ? { hint: { text: o.hint } } : {}),
  }));
}
