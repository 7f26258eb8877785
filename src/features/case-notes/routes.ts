import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { dateFromInput } from '../../domain/calendar/typed-date.js';
import { type CaseNoteType, caseNoteTypeLabel, caseNoteTypes } from '../../domain/case-notes/note-types.js';
import type { Actor } from '../../platform/actor.js';
import { signedIn } from '../../platform/request-context.js';
import { todayInEngland } from '../../platform/today.js';
import { childRecordEditorRoles, childRecordRoles } from '../children/service.js';
import { registerSourceLink } from '../chronology/service.js';
import * as caseNotes from './service.js';

const caseNoteFields = z.object({
  noteType: z.enum(caseNoteTypes.map((t) => t.code) as [CaseNoteType, ...CaseNoteType[]], { message: 'Choose the type of case note' }),
  'occurredOn-day': z.string().trim().max(2).default(''),
  'occurredOn-month': z.string().trim().max(2).default(''),
  'occurredOn-year': z.string().trim().max(4).default(''),
  note: z.string().trim().max(20_000, 'The note must be 20,000 characters or fewer').pipe(z.string().min(1, 'Enter the case note')),
  childsWords: z.string().trim().max(5_000, 'The child’s words must be 5,000 characters or fewer').default(''),
});

export async function caseNoteRoutes(app: FastifyInstance, { db }: { db: Kysely<Database> }) {
  registerSourceLink('case_note', (personId, id) => `/children/${personId}/case-notes/${id}`);

  app.get('/children/:personId/case-notes', { config: { roles: childRecordRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const { personId } = request.params as { personId: string };
    const { child, notes } = await caseNotes.caseNotesOf(db, actor, personId);
    return reply.page('case-notes/views/list.njk', {
      pageTitle: `Case notes: ${child.given_name} ${child.family_name}`,
      child,
      section: 'case-notes',
      canAdd: childRecordEditorRoles.includes(actor.role),
      notes: notes.map((n) => ({ ...n, typeLabel: caseNoteTypeLabel(n.note_type) })),
    });
  });

  const renderForm = async (
    reply: FastifyReply,
    actor: Actor,
    personId: string,
    values: Record<string, string>,
    errors: Record<string, string>,
  ) => {
    const child = await caseNotes.caseNoteForm(db, actor, personId);
    if (Object.keys(errors).length > 0) reply.code(400);
    return reply.page('case-notes/views/new.njk', {
      pageTitle: `Add a case note: ${child.given_name} ${child.family_name}`,
      child,
      section: 'case-notes',
      values,
      errors,
      errorList: Object.entries(errors).map(([field, text]) => ({ text, href: field === 'occurredOn' ? '#occurredOn-day' : `#${field}` })),
      typeItems: caseNoteTypes.map((t) => ({ value: t.code, text: t.label, checked: values.noteType === t.code })),
    });
  };

  app.get('/children/:personId/case-notes/new', { config: { roles: childRecordEditorRoles } }, async (request, reply) => {
    const { personId } = request.params as { personId: string };
    const today = todayInEngland();
    return renderForm(
      reply,
      signedIn(request),
      personId,
      { 'occurredOn-day': today.slice(8), 'occurredOn-month': today.slice(5, 7), 'occurredOn-year': today.slice(0, 4) },
      {},
    );
  });

  app.post('/children/:personId/case-notes', { config: { roles: childRecordEditorRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const { personId } = request.params as { personId: string };
    const values = (request.body ?? {}) as Record<string, string>;
    const parsed = caseNoteFields.safeParse(request.body);
    const errors: Record<string, string> = {};
    if (!parsed.success) for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'note')] ??= issue.message;
    const f = parsed.success ? parsed.data : undefined;
    const occurredOn = dateFromInput(values['occurredOn-day'] ?? '', values['occurredOn-month'] ?? '', values['occurredOn-year'] ?? '');
    if (!occurredOn) errors.occurredOn = 'Enter the date it happened, for example 25 11 2026';
    else if (occurredOn > todayInEngland()) errors.occurredOn = 'The date it happened must be today or in the past';
    if (!f || !occurredOn || Object.keys(errors).length > 0) return renderForm(reply, actor, personId, values, errors);
    const id = await caseNotes.addCaseNote(db, actor, personId, {
      noteType: f.noteType,
      occurredOn,
      note: f.note,
      childsWords: f.childsWords || undefined,
    });
    return reply.redirect(`/children/${personId}/case-notes/${id}`, 303);
  });

  app.get('/children/:personId/case-notes/:noteId', { config: { roles: childRecordRoles } }, async (request, reply) => {
    const { personId, noteId } = request.params as { personId: string; noteId: string };
    const { child, note } = await caseNotes.viewCaseNote(db, signedIn(request), personId, noteId);
    return reply.page('case-notes/views/note.njk', {
      pageTitle: `${caseNoteTypeLabel(note.note_type)}: ${child.given_name} ${child.family_name}`,
      child,
      section: 'case-notes',
      note: { ...note, typeLabel: caseNoteTypeLabel(note.note_type), paragraphs: note.note.split(/\n\s*\n/) },
    });
  });
}
