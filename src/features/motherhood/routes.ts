import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { withChildRecord } from '../../platform/access.js';
import type { Actor } from '../../platform/actor.js';
import { type DateField, emptyForm, type FormState, radioItems, readForm, withErrors } from '../../platform/form-fields.js';
import { signedIn } from '../../platform/request-context.js';
import { todayInEngland } from '../../platform/today.js';
import { careRecorders, childHeader } from '../looked-after/service.js';
import * as motherhood from './service.js';

const params = z.object({ personId: z.string() });
const dates: DateField[] = [{ name: 'firstChildBornOn', label: 'Her first child’s date of birth', optional: true }];
const schema = z.object({
  version: z.coerce.number().int().positive().optional(),
  isMother: z.enum(['yes', 'no'], { error: 'Select whether she is a mother' }),
});

export async function motherhoodRoutes(app: FastifyInstance, { db }: { db: Kysely<Database> }) {
  const path = '/children/:personId/motherhood';
  const recorders = { config: { roles: careRecorders } };

  const render = async (reply: FastifyReply, actor: Actor, personId: string, form: FormState, status = 200) => {
    const header = await withChildRecord(db, actor, personId, 'view', 'motherhood.view', (access) => childHeader(access));
    reply.code(status);
    return reply.page('motherhood/views/form.njk', {
      pageTitle: 'Motherhood',
      section: 'outcomes',
      header,
      form,
      answers: radioItems(
        [
          { value: 'yes', text: 'Yes' },
          { value: 'no', text: 'No' },
        ],
        form.values.isMother,
      ),
    });
  };

  app.get(path, recorders, async (request, reply) => {
    const actor = signedIn(request);
    const { personId } = params.parse(request.params);
    const recorded = await withChildRecord(db, actor, personId, 'view', 'motherhood.view', (access) => motherhood.motherhoodOf(access));
    const form = recorded
      ? emptyForm(
          dates,
          { version: String(recorded.version), isMother: recorded.is_mother ? 'yes' : 'no' },
          recorded.first_child_born_on ? { firstChildBornOn: recorded.first_child_born_on } : {},
        )
      : emptyForm(dates);
    return render(reply, actor, personId, form);
  });

  app.post(path, recorders, async (request, reply) => {
    const actor = signedIn(request);
    const { personId } = params.parse(request.params);
    const parsed = readForm(request.body, schema, dates, [], ['isMother', 'firstChildBornOn']);
    if (!parsed.ok) return render(reply, actor, personId, parsed.form, 400);
    const result = await motherhood.saveMotherhood(db, actor, personId, {
      version: parsed.data.version ?? null,
      isMother: parsed.data.isMother === 'yes',
      firstChildBornOn: parsed.dates.firstChildBornOn ?? null,
      today: todayInEngland(),
    });
    if (!result.ok) return render(reply, actor, personId, withErrors(parsed.form, result.problems, dates), 400);
    return reply.redirect(`/children/${personId}/outcomes#motherhood`, 303);
  });
}
