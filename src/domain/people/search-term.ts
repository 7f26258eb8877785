import type { IsoDate } from '../calendar/iso-date.js';
import { parseTypedDate } from '../calendar/typed-date.js';
import { normaliseLaChildId } from './la-child-id.js';
import { normalisePostcode } from './postcode.js';
import { isValidUpn, normaliseUpn } from './upn.js';

/** What someone typed into "Find a child", read as the identifiers it may be. */
export interface SearchTerm {
  /** Words of a name, in any order, possibly misspelt. */
  name?: string;
  dateOfBirth?: IsoDate;
  postcode?: string;
  upn?: string;
  /** The whole term as an LA child ID (letters and digits), tried as an exact match. */
  laChildId?: string;
}

/**
 * Reads a search term: a valid UPN or a UK postcode on its own is searched as such; dates in any
 * common form (25/11/2010, 2010-11-25) are a date of birth; the remaining words are a name, and
 * a single word of letters and digits is also tried as an LA child ID.
 */
export function parseSearchTerm(text: string): SearchTerm {
  const term = text.trim().replace(/\s+/g, ' ');
  if (term === '') return {};
  if (isValidUpn(term)) return { upn: normaliseUpn(term) };
  const postcode = /\d/.test(term) ? normalisePostcode(term) : undefined;
  if (postcode) return { postcode };

  const result: SearchTerm = {};
  const nameWords: string[] = [];
  for (const word of term.split(' ')) {
    const date = parseTypedDate(word);
    if (date && !result.dateOfBirth) result.dateOfBirth = date;
    else nameWords.push(word);
  }
  const rest = nameWords.join(' ');
  if (nameWords.length === 1 && /^[A-Za-z0-9]+$/.test(rest) && /\d/.test(rest)) {
    result.laChildId = normaliseLaChildId(rest);
  } else if (rest !== '') {
    result.name = rest.toLowerCase();
    if (nameWords.length === 1 && /^[A-Za-z0-9]{1,20}$/.test(rest)) result.laChildId = normaliseLaChildId(rest);
  }
  return result;
}
