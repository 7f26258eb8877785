import { fromDateParts, type IsoDate, isIsoDate } from './iso-date.js';

/**
 * A date as people type it into a search box: 25/11/2010, 25-11-2010, 25.11.2010, 2010-11-25, or
 * with a two-digit day or month written with one digit (5/1/2010). Undefined when it is not a real date.
 */
export function parseTypedDate(text: string): IsoDate | undefined {
  const value = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (iso) return fromPartsIfReal(iso[1], iso[2], iso[3]);
  const british = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (british) return fromPartsIfReal(british[3], british[2], british[1]);
  return undefined;
}

/** A date entered in the GOV.UK date input (day, month and year boxes). Undefined when not a real date. */
export function dateFromInput(day: string, month: string, year: string): IsoDate | undefined {
  if (!/^\d{1,2}$/.test(day.trim()) || !/^\d{1,2}$/.test(month.trim()) || !/^\d{4}$/.test(year.trim())) return undefined;
  return fromPartsIfReal(year, month, day);
}

function fromPartsIfReal(year: string | undefined, month: string | undefined, day: string | undefined): IsoDate | undefined {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  const candidate = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isIsoDate(candidate) ? fromDateParts(y, m, d) : undefined;
}
