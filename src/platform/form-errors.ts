import type { ZodError } from 'zod';

/** The first message for each field of a form, keyed by field name, for GOV.UK error messages. */
export function fieldErrors(error: ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= issue.message;
  }
  return errors;
}
