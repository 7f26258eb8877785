/**
 * UK postcodes: an outward code (area, district) and an inward code (sector digit, unit letters),
 * as Royal Mail formats them. GIR 0AA (Girobank) is the one historical exception.
 */
const postcodePattern = /^(GIR0AA|[A-PR-UWYZ](\d[\dA-HJKPSTUW]?|[A-HK-Y]\d[\dABEHMNPRVWXY]?)\d[ABD-HJLNP-UW-Z]{2})$/;

/** The postcode as stored and shown: upper case, one space before the inward code. Undefined when not a UK postcode. */
export function normalisePostcode(value: string): string | undefined {
  const compact = value.replace(/\s+/g, '').toUpperCase();
  if (!postcodePattern.test(compact)) return undefined;
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

export function isUkPostcode(value: string): boolean {
  return normalisePostcode(value) !== undefined;
}
