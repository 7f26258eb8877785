/**
 * The LA child ID: the authority's identifier for a child, unique and kept for life (CIN LAchildID,
 * SSDA903 CHILD). At most 20 characters, letters and digits only (CIN rules 1570 and 1580).
 */
const pattern = /^[A-Z0-9]{1,20}$/;

export function normaliseLaChildId(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

export function laChildIdProblem(value: string): string | undefined {
  const id = normaliseLaChildId(value);
  if (id.length > 20) return 'must be 20 characters or fewer';
  if (!pattern.test(id)) return 'must contain only letters and numbers';
  return undefined;
}

/** The ID Hearth gives a child when none is supplied: "H" and the next number, seven digits at least. */
export function generatedLaChildId(sequenceNumber: number): string {
  if (!Number.isInteger(sequenceNumber) || sequenceNumber < 1) throw new RangeError('LA child ID numbers start at 1');
  return `H${String(sequenceNumber).padStart(7, '0')}`;
}
