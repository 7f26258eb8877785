/** Placement type (SSDA903 PLACE). validFrom/validTo are collection years (the year ending 31 March). */
export const placementTypeCodes = [
  { code: 'A3', label: 'Placed for adoption with consent (s19 ACA 2002) - with current foster carer(s)' },
  { code: 'A4', label: 'Placed for adoption with consent - not with current foster carer(s)' },
  { code: 'A5', label: 'Placed for adoption under placement order (s21) - with current foster carer(s)' },
  { code: 'A6', label: 'Placed for adoption under placement order - not with current foster carer(s)' },
  { code: 'H5', label: "Semi-independent living not subject to children's homes regulations", validTo: 2025 },
  { code: 'K1', label: "Secure children's home" },
  { code: 'K2', label: "Children's home subject to Children's Homes Regulations" },
  { code: 'K3', label: 'Supported accommodation (Ofsted-registered; under-16s not allowed)', validFrom: 2025 },
  { code: 'P1', label: 'Placed with own parent(s) or other person(s) with parental responsibility' },
  { code: 'P2', label: 'Independent living (flat, lodgings, B&B, friends)', validTo: 2025 },
  { code: 'P3', label: 'Residential employment' },
  { code: 'R1', label: 'Residential care home' },
  { code: 'R2', label: 'NHS/health trust or other medical/nursing establishment' },
  { code: 'R3', label: 'Family centre or mother and baby unit' },
  { code: 'R5', label: 'Young offender institution' },
  { code: 'S1', label: "Residential school (unless dual-registered as children's home)" },
  { code: 'T0', label: 'Temporary move - any type' },
  { code: 'T1', label: 'Temporary - hospital' },
  { code: 'T2', label: 'Temporary - child on holiday' },
  { code: 'T3', label: 'Temporary - while usual foster carer on holiday' },
  { code: 'T4', label: 'Temporary - 7 days or less, other reason' },
  { code: 'U1', label: 'Foster - relative/friend - long-term' },
  { code: 'U2', label: 'Foster - relative/friend who is also approved adopter (FFA/concurrent)' },
  { code: 'U3', label: 'Foster - relative/friend - not long-term or FFA' },
  { code: 'U4', label: 'Foster - other carer - long-term' },
  { code: 'U5', label: 'Foster - other carer who is also approved adopter (FFA/concurrent)' },
  { code: 'U6', label: 'Foster - other carer - not long-term or FFA' },
  { code: 'Z1', label: 'Other placement (must be listed on schedule sent to DfE)', validTo: 2025 },
  { code: 'Z11', label: 'Other placement - sub-type 1 (LABEL NOT VERIFIED)', validFrom: 2026 },
  { code: 'Z12', label: 'Other placement - sub-type 2 (LABEL NOT VERIFIED; valid for a child under a DoLO, rule 709)', validFrom: 2026 },
  { code: 'Z13', label: 'Other placement - sub-type 3 (LABEL NOT VERIFIED; valid for a child under a DoLO, rule 709)', validFrom: 2026 },
  { code: 'Z14', label: 'Other placement - sub-type 4 (LABEL NOT VERIFIED)', validFrom: 2026 },
] as const;

export type PlacementTypeCode = (typeof placementTypeCodes)[number]['code'];

export function isPlacementTypeCode(value: string): value is PlacementTypeCode {
  return placementTypeCodes.some((c) => c.code === value);
}

export function placementTypeLabel(code: string | null): string | undefined {
  return placementTypeCodes.find((c) => c.code === code)?.label;
}
