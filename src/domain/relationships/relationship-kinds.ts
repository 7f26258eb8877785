/**
 * How two people are related, recorded once and read both ways: "A is the parent of B" is also
 * "B is the child of A". `fromSide` describes the first person, `toSide` the second.
 */
export const relationshipKinds = [
  { kind: 'parent', fromSide: 'Parent', toSide: 'Child' },
  { kind: 'step_parent', fromSide: 'Step-parent', toSide: 'Step-child' },
  { kind: 'grandparent', fromSide: 'Grandparent', toSide: 'Grandchild' },
  { kind: 'carer', fromSide: 'Carer', toSide: 'Cared for by' },
  { kind: 'sibling', fromSide: 'Sibling', toSide: 'Sibling' },
  { kind: 'half_sibling', fromSide: 'Half-sibling', toSide: 'Half-sibling' },
  { kind: 'aunt_or_uncle', fromSide: 'Aunt or uncle', toSide: 'Niece or nephew' },
  { kind: 'partner', fromSide: 'Partner', toSide: 'Partner' },
  { kind: 'household_member', fromSide: 'Household member', toSide: 'Household member' },
  { kind: 'friend', fromSide: 'Family friend', toSide: 'Family friend' },
  { kind: 'professional', fromSide: 'Professional involved', toSide: 'Has professional involvement from' },
] as const;

export type RelationshipKind = (typeof relationshipKinds)[number]['kind'];

export function isRelationshipKind(value: string): value is RelationshipKind {
  return relationshipKinds.some((k) => k.kind === value);
}

/**
 * What `other` is to the person whose record is open: when the open record is the first person of
 * the relationship, the other person is described by `toSide`, and the other way round.
 */
export function describeRelative(kind: string, openRecordIsFirstPerson: boolean): string {
  const found = relationshipKinds.find((k) => k.kind === kind);
  if (!found) return kind;
  return openRecordIsFirstPerson ? found.toSide : found.fromSide;
}

/** The choices on the "add a relationship" form: "[other person] is the … of the child". */
export function relationshipChoices(): { value: string; text: string }[] {
  return relationshipKinds.flatMap((k) =>
    k.fromSide === k.toSide
      ? [{ value: `${k.kind}:from`, text: k.fromSide }]
      : [
          { value: `${k.kind}:from`, text: k.fromSide },
          { value: `${k.kind}:to`, text: k.toSide },
        ],
  );
}
