/** Care leaver accommodation (SSDA903 OC3 ACCOM): the letter; the return code adds 1 (suitable) or 2 (unsuitable), e.g. U1. */
export const careLeaverAccommodationTypeCodes = [
  { code: 'B', label: 'With parent(s) or relative(s)' },
  { code: 'C', label: 'Community home / residential care incl. NHS' },
  { code: 'D', label: 'Semi-independent transitional / supported self-contained' },
  { code: 'E', label: 'Supported lodgings' },
  { code: 'G', label: 'Gone abroad' },
  { code: 'H', label: 'Deported' },
  { code: 'K', label: 'Ordinary lodgings without support' },
  { code: 'R', label: 'Residence not known' },
  { code: 'S', label: 'No fixed abode / homeless' },
  { code: 'T', label: 'Foyer or similar' },
  { code: 'U', label: 'Independent living (tenancy, university accommodation etc.)' },
  { code: 'V', label: 'Emergency accommodation' },
  { code: 'W', label: 'Bed and breakfast' },
  { code: 'X', label: 'In custody' },
  { code: 'Y', label: 'Other' },
  { code: 'Z', label: 'With former foster carer(s) (not for 17-year-olds)' },
] as const;

export type CareLeaverAccommodationTypeCode = (typeof careLeaverAccommodationTypeCodes)[number]['code'];

export function isCareLeaverAccommodationTypeCode(value: string): value is CareLeaverAccommodationTypeCode {
  return careLeaverAccommodationTypeCodes.some((c) => c.code === value);
}

export function careLeaverAccommodationTypeLabel(code: string | null): string | undefined {
  return careLeaverAccommodationTypeCodes.find((c) => c.code === code)?.label;
}
