import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { dateFromInput } from '../../domain/calendar/typed-date.js';
import { describeAge } from '../../domain/people/age.js';
import { isRelationshipKind, relationshipChoices } from '../../domain/relationships/relationship-kinds.js';
import type { Actor } from '../../platform/actor.js';
import { signedIn } from '../../platform/request-context.js';
import { todayInEngland } from '../../platform/today.js';
import { childRecordEditorRoles, childRecordRoles } from '../children/service.js';
import { registerSourceLink } from '../chronology/service.js';
import * as relationships from './service.js';

const text = (max: number) => z.string().trim().max(max, `Enter ${max} characters or fewer`).default('');
const relationshipForm = z.object({
  otherPersonId: text(36),
  relationship: text(40),
  sameHousehold: z.enum(['yes', 'no']).optional(),
  givenName: text(100),
  familyName: text(100),
  'dateOfBirth-day': text(2),
  'dateOfBirth-month': text(2),
  'dateOfBirth-year': text(4),
});

export async function relationshipRoutes(app: FastifyInstance, { db }: { db: Kysely<Database> }) {
  registerSourceLink('relationship', (personId) => `/children/${personId}/family`);

  app.get('/children/:personId/family', { config: { roles: childRecordRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const { personId } = request.params as { personId: string };
    const { child, household, family } = await relationships.familyOf(db, actor, personId);
    const today = todayInEngland();
    const withAge = (list: typeof family) => list.map((r) => ({ ...r, age: r.dateOfBirth ? describeAge(r.dateOfBirth, today) : null }));
    return reply.page('relationships/views/family.njk', {
      pageTitle: `Family and household: ${child.given_name} ${child.family_name}`,
      child,
      section: 'family',
      household: withAge(household),
      family: withAge(family),
      canEdit: childRecordEditorRoles.includes(actor.role),
    });
  });

  const render = async (
    reply: FastifyReply,
    actor: Actor,
    personId: string,
    query: { q?: string; with?: string; new?: string },
    values: Record<string, string>,
    errors: Record<string, string>,
  ) => {
    const q = (query.q ?? '').trim().slice(0, 100);
    const { child, candidates, chosen } = await relationships.relativeCandidates(
      db,
      actor,
      personId,
      q.length >= 2 ? q : undefined,
      query.with || values.otherPersonId || undefined,
    );
    if (Object.keys(errors).length > 0) reply.code(400);
    const today = todayInEngland();
    return reply.page('relationships/views/add.njk', {
      pageTitle: `Add a relative or professional: ${child.given_name} ${child.family_name}`,
      child,
      section: 'family',
      q,
      mode: chosen ? 'existing' : query.new === '1' || values.givenName !== undefined ? 'new' : 'search',
      chosen,
      candidates: candidates.map((c) => ({ ...c, age: c.date_of_birth ? describeAge(c.date_of_birth, today) : null })),
      relationshipItems: [
        { value: '', text: 'Choose' },
        ...relationshipChoices().map((c) => ({ ...c, selected: c.value === values.relationship })),
      ],
      values,
      errors,
      errorList: Object.entries(errors).map(([field, t]) => ({
        text: t,
        href: field === 'dateOfBirth' ? '#dateOfBirth-day' : `#${field}`,
      })),
    });
  };

  app.get('/children/:personId/relationships/new', { config: { roles: childRecordEditorRoles } }, async (request, reply) => {
    const { personId } = request.params as { personId: string };
    return render(reply, signedIn(request), personId, request.query as { q?: string; with?: string; new?: string }, {}, {});
  });

  app.post('/children/:personId/relationships', { config: { roles: childRecordEditorRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const { personId } = request.params as { personId: string };
    const values = (request.body ?? {}) as Record<string, string>;
    const parsed = relationshipForm.safeParse(request.body);
    if (!parsed.success)
      return render(reply, actor, personId, {}, values, { relationship: 'Check what you entered: some of it is too long' });
    const f = parsed.data;
    const errors: Record<string, string> = {};
    const [kind, side] = f.relationship.split(':');
    if (!kind || !isRelationshipKind(kind) || (side !== 'from' && side !== 'to'))
      errors.relationship = 'Choose how they are related to the child';
    if (!f.sameHousehold) errors.sameHousehold = 'Choose whether they live in the child’s household';
    let dateOfBirth: string | undefined;
    if (!f.otherPersonId) {
      if (!f.givenName) errors.givenName = 'Enter their first name';
      if (!f.familyName) errors.familyName = 'Enter their last name';
      if (f['dateOfBirth-day'] || f['dateOfBirth-month'] || f['dateOfBirth-year']) {
        dateOfBirth = dateFromInput(f['dateOfBirth-day'], f['dateOfBirth-month'], f['dateOfBirth-year']);
        if (!dateOfBirth) errors.dateOfBirth = 'Date of birth must be a real date';
        else if (dateOfBirth > todayInEngland()) errors.dateOfBirth = 'Date of birth must be today or in the past';
      }
    }
    if (Object.keys(errors).length > 0 || !kind || !isRelationshipKind(kind)) return render(reply, actor, personId, {}, values, errors);
    await relationships.addRelationship(db, actor, personId, {
      other: f.otherPersonId
        ? { personId: f.otherPersonId }
        : { newPerson: { givenName: f.givenName, familyName: f.familyName, dateOfBirth } },
      kind,
      otherIsFirst: side === 'from',
      sameHousehold: f.sameHousehold === 'yes',
    });
    return reply.redirect(`/children/${personId}/family`, 303);
  });

  app.post(
    '/children/:personId/relationships/:relationshipId/remove',
    { config: { roles: childRecordEditorRoles } },
    async (request, reply) => {
      const { personId, relationshipId } = request.params as { personId: string; relationshipId: string };
      await relationships.removeRelationship(db, signedIn(request), personId, relationshipId);
      return reply.redirect(`/children/${personId}/family`, 303);
    },
  );
}
