/**
 * Unique pupil numbers (DfE "A guide to the UPN"): 13 characters. Character 1 is a check letter,
 * 2-4 the LA code, 5-12 digits, and 13 a digit (permanent UPN) or a letter (temporary UPN).
 * The check letter: each of characters 2-13 is multiplied by its position (2 to 13), a letter in
 * position 13 counting as its place in the check-letter alphabet (A = 0); the remainder of the
 * sum divided by 23 picks the letter from that alphabet.
 */
const CHECK_ALPHABET = 'ABCDEFGHJKLMNPQRTUVWXYZ';

export function upnLaCodeAndSerialAreDigits(upn: string): boolean {
  return upn.length === 13 && /^\d{11}$/.test(upn.slice(1, 12));
}

export function upnSerialIsDigits(upn: string): boolean {
  return upn.length >= 12 && /^\d{8}$/.test(upn.slice(4, 12));
}

export function upnFinalCharacterIsAllowed(upn: string): boolean {
  const last = upn.charAt(12).toUpperCase();
  return upn.length === 13 && (/^\d$/.test(last) || CHECK_ALPHABET.includes(last));
}

/** The check letter characters 2-13 call for, or null when they are not in a form that has one. */
export function upnCheckLetter(upn: string): string | null {
  if (!upnLaCodeAndSerialAreDigits(upn) || !upnFinalCharacterIsAllowed(upn)) return null;
  let sum = 0;
  for (let position = 2; position <= 13; position += 1) {
    const character = upn.charAt(position - 1).toUpperCase();
    const value = /^\d$/.test(character) ? Number(character) : CHECK_ALPHABET.indexOf(character);
    sum += value * position;
  }
  return CHECK_ALPHABET.charAt(sum % 23);
}

/** A well-formed UPN with the right check letter. */
export function isWellFormedUpn(upn: string): boolean {
  const expected = upnCheckLetter(upn);
  return expected !== null && upn.charAt(0).toUpperCase() === expected;
}
