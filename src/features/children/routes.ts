import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { disabilityCodes } from '../../domain/codes/disability.js';
import { ethnicityCodes } from '../../domain/codes/ethnicity.js';
import { sexCodes } from '../../domain/codes/sex.js';
import { describeAge } from '../../domain/people/age.js';
import { mayReadAuditTrail } from '../../platform/access-policy.js';
import { BadRequestError } from '../../platform/errors.js';
import { signedIn } from '../../platform/request-context.js';
import { type Role, roleNames } from '../../platform/roles.js';
import { todayInEngland } from '../../platform/today.js';
import { formatDate } from '../../platform/view-filters.js';
import { type PickerReturn, pickerReturn, pickerReturnHref } from '../children-picker/service.js';
import { registerSourceLink } from '../chronology/service.js';
import { readChildDetailsForm } from './details-form.js';
import * as children from './service.js';

export const childRecordRoles = children.childRecordRoles;

const managerRoles: readonly Role[] = ['team_manager', 'service_manager'];
const searchQuery = z.object({ q: z.string().trim().max(100, 'Search for 100 characters or fewer').default('') });
const versionField = z.object({ version: z.coerce.number().int().positive() });
const allocationKinds = { social_worker: 'Social worker', reviewing_officer: 'Independent reviewing officer' } as const;
const notices: Record<string, string> = {
  added: 'The child’s record has been added.',
  saved: 'The details have been saved.',
  merged: 'The records have been merged. The other record’s case notes, chronology, relationships and allocations are now on this one.',
  unmerged: 'The merge has been undone: both records are as they were.',
};

/** The "add a child" and "edit details" form: choices with what was chosen, and the typed values. */
function detailsFormModel(values: Record<string, unknown>, errors: Record<string, string>) {
  const value = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : '');
  const chosen = new Set(([] as unknown[]).concat(values.disabilities ?? []).map(String));
  return {
    values: Object.fromEntries(Object.entries(values).filter(([, v]) => typeof v === 'string')),
    errors,
    errorList: Object.entries(errors).map(([field, text]) => ({ text, href: `#${fieldAnchor(field)}` })),
    sexItems: sexCodes.map((s) => ({ value: s.code, text: s.label, checked: value('sex') === s.code })),
    ethnicityItems: [
      { value: '', text: 'Not recorded yet' },
      ...ethnicityCodes.map((e) => ({ value: e.code, text: e.label, selected: value('ethnicity') === e.code })),
    ],
    disabilityItems: disabilityCodes.map((d) => ({
      value: d.code,
      text: d.label,
      checked: chosen.has(d.code),
      ...(d.code === 'NONE' ? { behaviour: 'exclusive' } : {}),
    })),
  };
}

function fieldAnchor(field: string): string {
  return field === 'dateOfBirth' || field === 'expectedDateOfBirth' ? `${field}-day` : field;
}

/** Every submitted value as hidden fields, so "none of these" posts the same form again. */
function hiddenFields(values: Record<string, unknown>): { name: string; value: string }[] {
  return Object.entries(values).flatMap(([name, v]) =>
    name === '_csrf' || name === 'noneMatch' || name === 'returnTo'
      ? []
      : ([] as unknown[]).concat(v).map((item) => ({ name, value: String(item) })),
  );
}

function detailsFromRecord(details: children.ChildDetailsView): Record<string, unknown> {
  const parts = (date: string | null, prefix: string) =>
    date ? { [`${prefix}-day`]: date.slice(8, 10), [`${prefix}-month`]: date.slice(5, 7), [`${prefix}-year`]: date.slice(0, 4) } : {};
  return {
    givenName: details.given_name,
    familyName: details.family_name,
    born: details.expected_date_of_birth && !details.date_of_birth ? 'no' : 'yes',
    ...parts(details.date_of_birth, 'dateOfBirth'),
    ...parts(details.expected_date_of_birth, 'expectedDateOfBirth'),
    sex: details.sex ?? '',
    ethnicity: details.ethnicity ?? '',
    disabilities: details.disabilities,
    upn: details.upn ?? '',
    formerUpn: details.former_upn ?? '',
    uasc: details.unaccompanied_asylum_seeking ? 'yes' : 'no',
    firstLanguage: details.first_language ?? '',
    gpPractice: details.gp_practice ?? '',
    school: details.school ?? '',
  };
}

export async function childRoutes(app: FastifyInstance, { db }: { db: Kysely<Database> }) {
  registerSourceLink('child', (personId) => `/children/${personId}`);
  registerSourceLink('address', (personId) => `/children/${personId}`);

  app.get('/children', { config: { roles: childRecordRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const parsed = searchQuery.safeParse(request.query);
    const canAdd = children.childCreatorRoles.includes(actor.role);
    if (!parsed.success) {
      reply.code(400);
      return reply.page('children/views/search.njk', { pageTitle: 'Find a child', q: '', canAdd, error: parsed.error.issues[0]?.message });
    }
    const { q } = parsed.data;
    const today = todayInEngland();
    const results = q.length >= 2 ? await children.searchChildren(db, actor, q) : null;
    return reply.page('children/views/search.njk', {
      pageTitle: q ? `Find a child: ${q}` : 'Find a child',
      q,
      canAdd,
      error: q.length === 1 ? 'Enter at least 2 characters' : undefined,
      results: results?.map((c) => ({
        ...c,
        age: c.date_of_birth ? describeAge(c.date_of_birth, today) : 'Unborn',
      })),
    });
  });

  /** The journey "Add a child" was started from (choosing who a contact or call is about), as the page shows it. */
  const backTo = (back: PickerReturn | undefined) => back && { returnTo: pickerReturnHref(back), text: back.backText };

  const renderNewChild = (
    reply: FastifyReply,
    values: Record<string, unknown>,
    errors: Record<string, string>,
    back: PickerReturn | undefined,
  ) =>
    reply.page('children/views/details-form.njk', {
      pageTitle: 'Add a child',
      mode: 'new',
      action: '/children/new',
      back: backTo(back),
      ...detailsFormModel(values, errors),
    });

  app.get('/children/new', { config: { roles: children.childCreatorRoles } }, async (request, reply) => {
    const query = request.query as { q?: unknown; returnTo?: unknown };
    const q = typeof query.q === 'string' ? query.q : '';
    const [givenName, ...rest] = /\d/.test(q) ? [] : q.trim().split(/\s+/);
    return renderNewChild(reply, { born: 'yes', givenName: givenName ?? '', familyName: rest.join(' ') }, {}, pickerReturn(query.returnTo));
  });

  app.post('/children/new', { config: { roles: children.childCreatorRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const back = pickerReturn((request.body as { returnTo?: unknown } | undefined)?.returnTo);
    const form = readChildDetailsForm(request.body, todayInEngland(), true);
    if (!form.ok) {
      reply.code(400);
      return renderNewChild(reply, form.values, form.errors, back);
    }
    const { details, address } = form;
    if ((request.body as { noneMatch?: string }).noneMatch !== 'yes') {
      const likely = await children.likelyExistingRecords(db, actor, {
        givenName: details.givenName,
        familyName: details.familyName,
        dateOfBirth: details.dateOfBirth ?? details.expectedDateOfBirth,
        postcode: address?.postcode,
      });
      if (likely.matches.length > 0 || likely.withheld > 0) {
        const today = todayInEngland();
        return reply.page('children/views/possible-matches.njk', {
          pageTitle: 'Is this child already known?',
          name: `${details.givenName} ${details.familyName}`,
          matches: likely.matches.map((m) => ({
            ...m,
            age: m.date_of_birth ? describeAge(m.date_of_birth, today) : 'Unborn',
            chooseHref: back && pickerReturnHref(back, [m.id]),
          })),
          withheld: likely.withheld,
          hidden: hiddenFields(form.values),
          back: backTo(back),
        });
      }
    }
    const outcome = await children.addChild(db, actor, { ...details, address });
    if (!outcome.added) {
      reply.code(400);
      return renderNewChild(reply, form.values, outcome.problems, back);
    }
    return reply.redirect(back ? pickerReturnHref(back, [outcome.personId]) : `/children/${outcome.personId}?notice=added`, 303);
  });

  app.get('/children/:personId', { config: { roles: childRecordRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const { personId } = request.params as { personId: string };
    const survivor = await children.survivorOf(db, personId);
    if (survivor) return reply.redirect(`/children/${survivor}`, 303);
    const { header, details, allocations } = await children.viewChildRecord(db, actor, personId);
    const notice = notices[String((request.query as { notice?: unknown }).notice)];
    const canEdit = children.childRecordEditorRoles.includes(actor.role);
    return reply.page('children/views/record.njk', {
      pageTitle: `${header.given_name} ${header.family_name}`,
      section: 'summary',
      child: header,
      notice,
      canEdit,
      canAllocate: managerRoles.includes(actor.role),
      canMerge: managerRoles.includes(actor.role),
      otherNames: details.otherNames,
      addresses: details.addresses,
      detailRows: [
        { key: { text: 'LA child ID' }, value: { text: details.la_child_id } },
        {
          key: { text: details.date_of_birth ? 'Date of birth' : 'Expected date of birth' },
          value: {
            text: details.date_of_birth
              ? `${formatDate(details.date_of_birth)} (${header.age})`
              : `Unborn, due ${formatDate(details.expected_date_of_birth)}`,
          },
        },
        { key: { text: 'Sex' }, value: { text: details.sexLabel ?? 'Not recorded' } },
        { key: { text: 'Ethnicity' }, value: { text: details.ethnicityLabel ?? 'Not recorded' } },
        {
          key: { text: 'Disability' },
          value: { text: details.disabilityLabels.length ? details.disabilityLabels.join(', ') : 'Not recorded' },
        },
        { key: { text: 'UPN' }, value: { text: details.upn ?? 'Not recorded' } },
        ...(details.former_upn ? [{ key: { text: 'Former UPN' }, value: { text: details.former_upn } }] : []),
        {
          key: { text: 'Unaccompanied asylum-seeking child' },
          value: { text: details.unaccompanied_asylum_seeking ? 'Yes' : 'No' },
        },
        { key: { text: 'First language' }, value: { text: details.first_language ?? 'Not recorded' } },
        { key: { text: 'GP' }, value: { text: details.gp_practice ?? 'Not recorded' } },
        { key: { text: 'School or nursery' }, value: { text: details.school ?? 'Not recorded' } },
        { key: { text: 'Postcode' }, value: { text: details.currentAddress?.postcode ?? 'Not recorded' } },
      ],
      allocations: allocations.map((a) => ({ ...a, kindName: allocationKinds[a.kind] })),
      current: allocations
        .filter((a) => a.ended_on === null)
        .map((a) => ({
          key: { text: allocationKinds[a.kind] },
          value: { text: `${a.staff_name ?? 'No worker yet'}, ${a.team_name}, since ${formatDate(a.started_on)}` },
        })),
      canReadAuditTrail: mayReadAuditTrail(actor.role),
    });
  });

  const renderEdit = (
    reply: FastifyReply,
    header: children.ChildHeader,
    version: number,
    values: Record<string, unknown>,
    errors: Record<string, string>,
  ) =>
    reply.page('children/views/details-form.njk', {
      pageTitle: `Change details: ${header.given_name} ${header.family_name}`,
      mode: 'edit',
      action: `/children/${header.id}/details`,
      child: header,
      section: 'summary',
      version,
      laChildId: header.la_child_id,
      ...detailsFormModel(values, errors),
    });

  app.get('/children/:personId/details', { config: { roles: children.childRecordEditorRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const { personId } = request.params as { personId: string };
    const { header, details } = await children.childDetailsForEditing(db, actor, personId);
    return renderEdit(reply, header, details.version, detailsFromRecord(details), {});
  });

  app.post('/children/:personId/details', { config: { roles: children.childRecordEditorRoles } }, async (request, reply) => {
    const actor = signedIn(request);
    const { personId } = request.params as { personId: string };
    const version = versionField.safeParse(request.body);
    if (!version.success) throw new BadRequestError('The form was missing the record’s version. Reload the page and try again.');
    const form = readChildDetailsForm(request.body, todayInEngland(), false);
    const outcome = form.ok ? await children.editChildDetails(db, actor, personId, version.data.version, form.details) : undefined;
    if (!form.ok || (outcome && !outcome.saved)) {
      const { header } = await children.childDetailsForEditing(db, actor, personId);
      reply.code(400);
      return renderEdit(
        reply,
        header,
        version.data.version,
        form.values,
        form.ok ? (outcome?.saved === false ? outcome.problems : {}) : form.errors,
      );
    }
    return reply.redirect(`/children/${personId}?notice=saved`, 303);
  });

  app.get('/children/:personId/audit', { config: { roles: ['administrator', 'service_manager'] } }, async (request, reply) => {
    const actor = signedIn(request);
    const { personId } = request.params as { personId: string };
    const trail = await children.viewAuditTrail(db, actor, personId);
    return reply.page('children/views/audit-trail.njk', {
      pageTitle: `Audit trail for child ${trail.laChildId}`,
      personId,
      laChildId: trail.laChildId,
      events: trail.events.map((e) => ({ ...e, roleName: e.role ? roleNames[e.role] : '' })),
    });
  });
}
