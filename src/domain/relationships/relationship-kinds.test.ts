import { describe, expect, it } from 'vitest';
import { describeRelative, relationshipChoices } from './relationship-kinds.js';

describe('relationships read both ways', () => {
  it('describes the other person from the side of the open record', () => {
    expect(describeRelative('parent', false)).toBe('Parent');
    expect(describeRelative('parent', true)).toBe('Child');
    expect(describeRelative('carer', true)).toBe('Cared for by');
    expect(describeRelative('sibling', true)).toBe('Sibling');
    expect(describeRelative('sibling', false)).toBe('Sibling');
  });
  it('offers each side once, and a symmetric relationship once', () => {
    const choices = relationshipChoices();
    expect(choices.filter((c) => c.value.startsWith('sibling:'))).toEqual([{ value: 'sibling:from', text: 'Sibling' }]);
    expect(choices.filter((c) => c.value.startsWith('parent:')).map((c) => c.text)).toEqual(['Parent', 'Child']);
  });
});
