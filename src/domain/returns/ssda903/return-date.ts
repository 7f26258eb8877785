import { type IsoDate, isIsoDate } from '../../calendar/iso-date.js';

const RETURN_DATE = /^(\d{2})\/(\d{2})\/(\d{4})$/;

/** A date as the return files write it (DD/MM/YYYY) as an ISO date, or null when it is blank or not a real date. */
export function fromReturnDate(value: string): IsoDate | null {
  const match = RETURN_DATE.exec(value);
  if (!match) return null;
  const iso = `${match[3]}-${match[2]}-${match[1]}`;
  return isIsoDate(iso) ? iso : null;
}

/** An ISO date as the return files write it: DD/MM/YYYY. */
export function toReturnDate(date: IsoDate): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}
