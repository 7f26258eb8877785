import { describe, expect, it } from 'vitest';
import { isSweRegistrationNumber, normaliseSweRegistrationNumber } from './swe-registration-number.js';

describe('Social Work England registration number', () => {
  it('is SW followed by digits', () => {
    expect(isSweRegistrationNumber('SW12345')).toBe(true);
    expect(isSweRegistrationNumber('SW1')).toBe(true);
    for (const bad of ['SW', '12345', 'XX12345', 'SW12A45', 'sw12345', 'SW123456789']) expect(isSweRegistrationNumber(bad)).toBe(false);
  });

  it('is stored in capitals without spaces', () => {
    expect(normaliseSweRegistrationNumber(' sw 123 45 ')).toBe('SW12345');
  });
});
