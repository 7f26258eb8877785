import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Actor } from './actor.js';
import { type DateField, emptyForm, type FormState, readForm, type TimeField, withErrors } from './form-fields.js';
import { signedIn } from './request-context.js';
import type { Role } from './roles.js';

/** A record's form as a route reads it: plain fields (zod), GOV.UK date and time inputs, and the order they stand on the page. */
export interface RecordForm<S extends z.ZodType> {
  schema: S;
  dates?: readonly DateField[];
  times?: readonly TimeField[];
  order?: readonly string[];
}

/** What a service answers when asked to save: saved, or refused with problems to show on the form. */
export type SaveOutcome = { ok: true } | { ok: false; problems: readonly { field?: string; message: string }[] };

/** A form that passed its own checks: the fields, and the dates and times as `YYYY-MM-DD` and `HH:MM` (null when left blank). */
export interface ReadRecord<T> {
  data: T;
  dates: Record<string, string | null>;
  times: Record<string, string | null>;
}

/**
 * Posts a record form, the same way on every page that records or corrects a fact: reads and
 * checks it; shows it again with the GOV.UK error summary (400) when anything is wrong or the
 * service refuses it, so nothing is half-saved; otherwise goes on to `done` (303).
 */
export async function submitRecordForm<S extends z.ZodType>(
  reply: FastifyReply,
  body: unknown,
  form: RecordForm<S>,
  steps: {
    render: (form: FormState, status: number) => Promise<unknown>;
    save: (read: ReadRecord<z.infer<S>>) => Promise<SaveOutcome>;
    done: string;
  },
) {
  const parsed = readForm(body, form.schema, form.dates, form.times, form.order);
  if (!parsed.ok) return steps.render(parsed.form, 400);
  const result = await steps.save(parsed);
  if (!result.ok) return steps.render(withErrors(parsed.form, result.problems, form.dates), 400);
  return reply.redirect(steps.done, 303);
}

/** The version of the record as the person opened it, sent back with the form so a stale form is refused. */
export const versionField = z.coerce.number().int().positive();

/** Why a fact is being corrected, asked on every correction form and written to the chronology. */
export const correctionReason = z
  .string({ error: 'Enter why you are correcting this' })
  .trim()
  .min(1, 'Enter why you are correcting this')
  .max(1000, 'Why you are correcting this must be 1,000 characters or fewer');

const removalForm = {
  schema: z.object({
    version: versionField,
    reason: z
      .string({ error: 'Enter why this was recorded in error' })
      .trim()
      .min(1, 'Enter why this was recorded in error')
      .max(1000, 'Why this was recorded in error must be 1,000 characters or fewer'),
  }),
  order: ['reason'],
};

/** What a removal confirmation page shows about the record: its name, what it says, and where to go back to. */
export interface RemovalTarget {
  /** Shown on the child's pages above the content (the record header). */
  header: unknown;
  /** What is being removed, in words: "the placement from 1 September 2025". */
  what: string;
  /** The recorded facts, as summary list rows. */
  rows: { key: { text: string }; value: { text: string } }[];
  /** The record's version as it was read. */
  version: number;
  /** A warning about what else changes (episodes, clocks, a linked record). */
  consequence?: string;
}

/**
 * Adds a "Remove (recorded in error)" confirmation page at `path` (with `:personId` and
 * `:itemId`): it shows the record and asks why it was recorded in error; posting removes it.
 * Only `roles` reach it (the roles that may record the fact).
 */
export function removalRoutes(
  app: FastifyInstance,
  page: {
    path: string;
    roles: readonly Role[];
    template: string;
    section: string;
    load: (actor: Actor, personId: string, itemId: string) => Promise<RemovalTarget>;
    remove: (actor: Actor, personId: string, itemId: string, input: { version: number; reason: string }) => Promise<SaveOutcome>;
    done: (personId: string) => string;
  },
) {
  const params = z.object({ personId: z.string(), itemId: z.string() });
  const render = async (reply: FastifyReply, actor: Actor, personId: string, itemId: string, form: FormState | null, status = 200) => {
    const target = await page.load(actor, personId, itemId);
    reply.code(status);
    return reply.page(page.template, {
      pageTitle: `Remove ${target.what}`,
      section: page.section,
      header: target.header,
      target,
      back: page.done(personId),
      form: form ?? emptyForm([], { version: String(target.version) }),
    });
  };
  app.get(page.path, { config: { roles: page.roles } }, async (request, reply) => {
    const { personId, itemId } = params.parse(request.params);
    return render(reply, signedIn(request), personId, itemId, null);
  });
  app.post(page.path, { config: { roles: page.roles } }, async (request, reply) => {
    const actor = signedIn(request);
    const { personId, itemId } = params.parse(request.params);
    return submitRecordForm(reply, request.body, removalForm, {
      render: (form, status) => render(reply, actor, personId, itemId, form, status),
      save: ({ data }) => page.remove(actor, personId, itemId, data),
      done: page.done(personId),
    });
  });
}
