import { describe, expect, it } from 'vitest';
import { describeAuditAction, formatDate, formatDateTime } from './view-filters.js';

describe('how dates and audit actions read on a page', () => {
  it('shows a statutory date without any time-zone shift', () => {
    expect(formatDate('2024-02-29')).toBe('29 February 2024');
    expect(formatDate(null)).toBe('');
  });
  it('shows instants in England’s time, summer or winter', () => {
    expect(formatDateTime(new Date('2026-07-01T12:30:00Z'))).toBe('1 Jul 2026, 13:30');
    expect(formatDateTime(new Date('2026-12-01T12:30:00Z'))).toBe('1 Dec 2026, 12:30');
  });
  it('puts audit action codes into words', () => {
    expect(describeAuditAction('child.audit_trail.view')).toBe('Child audit trail: view');
    expect(describeAuditAction('sign_in')).toBe('Sign in');
  });
});
