import type { Environment } from 'nunjucks';

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});

/** A statutory date (`YYYY-MM-DD`, no time zone) as people read it: 25 November 2026. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  return dateFormat.format(new Date(`${value}T00:00:00Z`));
}

/** An instant as it was in England: 25 Nov 2026, 14:05. */
export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return '';
  return dateTimeFormat.format(typeof value === 'string' ? new Date(value) : value);
}

/** An audit action code in words: "child.audit_trail.view" → "Child audit trail: view". */
export function describeAuditAction(action: string): string {
  const parts = action.split('.').map((part) => part.replaceAll('_', ' '));
  const verb = parts.length > 1 ? parts.pop() : undefined;
  const subject = parts.join(' ');
  const words = verb ? `${subject}: ${verb}` : subject;
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function registerViewFilters(environment: Environment): void {
  environment.addFilter('auditAction', describeAuditAction);
  environment.addFilter('date', formatDate);
  environment.addFilter('dateTime', formatDateTime);
}
