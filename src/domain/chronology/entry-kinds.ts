/**
 * The kinds of chronology entry, as the filter shows them. Features add entries of these kinds;
 * a kind not listed here is shown with its own name.
 */
export const chronologyKinds = [
  { kind: 'record', label: 'Record created or changed' },
  { kind: 'contact', label: 'Contacts' },
  { kind: 'referral', label: 'Referrals' },
  { kind: 'decision', label: 'Decisions' },
  { kind: 'assessment', label: 'Assessments' },
  { kind: 'strategy_discussion', label: 'Strategy discussions' },
  { kind: 'conference', label: 'Conferences' },
  { kind: 'plan', label: 'Plans' },
  { kind: 'visit', label: 'Visits' },
  { kind: 'section_47', label: 'Section 47 enquiries' },
  { kind: 'core_group', label: 'Core groups' },
  { kind: 'management_oversight', label: 'Management oversight' },
  { kind: 'supervision', label: 'Supervision' },
  { kind: 'closure', label: 'Case closures' },
  { kind: 'case_note', label: 'Case notes' },
  { kind: 'allocation', label: 'Allocations' },
  { kind: 'relationship', label: 'Family and relationships' },
  { kind: 'out_of_hours', label: 'Out of hours' },
  { kind: 'placement', label: 'Placements' },
  { kind: 'merge', label: 'Records merged' },
  { kind: 'looked_after', label: 'Became or stopped being looked after' },
  { kind: 'legal_status', label: 'Legal status' },
  { kind: 'court', label: 'Court and pre-proceedings' },
  { kind: 'review', label: 'Looked-after reviews' },
  { kind: 'health', label: 'Health assessments' },
  { kind: 'education', label: 'Personal education plans' },
  { kind: 'uasc', label: 'Unaccompanied asylum-seeking child' },
  { kind: 'advocacy', label: 'Advocates and independent visitors' },
  { kind: 'missing', label: 'Missing episodes' },
  { kind: 'return_interview', label: 'Return home interviews' },
  { kind: 'exploitation', label: 'Exploitation risk' },
  { kind: 'prompt', label: 'Prompts to act' },
  { kind: 'care_leaver', label: 'Leaving care' },
  { kind: 'adoption', label: 'Adoption' },
  { kind: 'permanence_before_care', label: 'Permanence before care' },
  { kind: 'outcomes', label: 'Yearly outcomes' },
  { kind: 'motherhood', label: 'Motherhood' },
  { kind: 'correction', label: 'Corrected or removed' },
  { kind: 'adoption', label: 'Adoption' },
] as const;

export function chronologyKindLabel(kind: string): string {
  return chronologyKinds.find((k) => k.kind === kind)?.label ?? kind.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}
