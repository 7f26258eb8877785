/** Placement provider (SSDA903 PLACE_PROVIDER). Not used for temporary placements T0-T3 or the Z codes (rules 178, 213). */
export const placementProviderCodes = [
  { code: 'PR0', label: 'Parent(s)/person with parental responsibility (only with P1)' },
  { code: 'PR1', label: 'Own LA provision (incl. RAA hosted by the responsible LA)' },
  { code: 'PR2', label: 'Other LA provision (incl. RAA hosted by another LA)' },
  { code: 'PR3', label: 'Other public provision (e.g. NHS body)' },
  { code: 'PR4', label: 'Private provision' },
  { code: 'PR5', label: 'Voluntary/third sector provision' },
] as const;

export type PlacementProviderCode = (typeof placementProviderCodes)[number]['code'];

export function isPlacementProviderCode(value: string): value is PlacementProviderCode {
  return placementProviderCodes.some((c) => c.code === value);
}

export function placementProviderLabel(code: string | null): string | undefined {
  return placementProviderCodes.find((c) => c.code === code)?.label;
}
