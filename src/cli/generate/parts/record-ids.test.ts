import { describe, expect, it } from 'vitest';
import { Draw } from '../draw.js';
import { recordIds } from './record-ids.js';

describe('record ids for bulk parts', () => {
  it('are version 4 UUIDs, all different, and the same for the same seed', () => {
    const ids = recordIds(new Draw(7, 'casework:ids'));
    const made = Array.from({ length: 100_000 }, () => ids());
    expect(made.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toBe(true);
    expect(new Set(made).size).toBe(made.length);
    const again = recordIds(new Draw(7, 'casework:ids'));
    expect(Array.from({ length: 5 }, () => again())).toEqual(made.slice(0, 5));
    expect(recordIds(new Draw(8, 'casework:ids'))()).not.toBe(made[0]);
  });
});
