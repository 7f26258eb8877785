/**
 * Unique pupil numbers (DfE): 13 characters, a check letter then 12 digits, or (a temporary UPN)
 * a check letter, 11 digits and a final letter. Characters 2–4 are the DfE LA code. CIN rules
 * 1510/1530/1540/1550 (UPN) and 1560Q (former UPN).
 */
const checkLetters = 'ABCDEFGHJKLMNPQRTUVWXYZ';
const shape = /^[A-Z]\d{11}[0-9A-Z]$/;

/** The check letter of the 12 characters after it: weights 2–13, sum modulo 23. */
export function upnCheckLetter(rest: string): string | undefined {
  if (!/^\d{11}[0-9A-Z]$/.test(rest)) return undefined;
  let sum = 0;
  for (let i = 0; i < rest.length; i++) {
    const character = rest[i] as string;
    const value = /\d/.test(character) ? Number(character) : checkLetters.indexOf(character);
    if (value < 0) return undefined;
    sum += value * (i + 2);
  }
  return checkLetters[sum % 23];
}

/** Why a UPN is not valid, in words for the person typing it; undefined when it is valid. */
export function upnProblem(value: string): string | undefined {
  const upn = normaliseUpn(value);
  if (upn.length !== 13) return 'must be 13 characters, like A123456789012';
  if (!shape.test(upn)) return 'must be a letter, 11 digits, then a digit or a letter';
  const last = upn[12] as string;
  if (/[A-Z]/.test(last) && !checkLetters.includes(last)) return 'cannot end in I, O or S';
  if (upnCheckLetter(upn.slice(1)) !== upn[0]) return 'is not a valid UPN: check each character (the first letter does not match the rest)';
  return undefined;
}

export function isValidUpn(value: string): boolean {
  return upnProblem(value) === undefined;
}

/** Upper case, spaces removed: how UPNs are stored and compared. */
export function normaliseUpn(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** Builds a valid UPN from an LA code and 9 more digits (for demo and test data). */
export function upnFrom(laCode: string, digits: string): string {
  const rest = `${laCode}${digits}`;
  const letter = upnCheckLetter(rest);
  if (!letter) throw new RangeError('A UPN needs 12 digits after its check letter');
  return `${letter}${rest}`;
}
