import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { dateFromInput } from '../../domain/calendar/typed-date.js';
import { normalisePostcode } from '../../domain/people/postcode.js';
import { fieldErrors } from '../../platform/form-errors.js';
import { signedIn } from '../../platform/request-context.js';
import { todayInEngland } from '../../platform/today.js';
import * as children from '../children/service.js';
import * as people from './service.js';

const text = (max: number, tooLong: string) => z.string().trim().max(max, tooLong).default('');

const otherNameForm = z.object({
  givenName: text(100, 'First name must be 100 characters or fewer').pipe(z.string().min(1, 'Enter the first name')),
  familyName: text(100, 'Last name must be 100 characters or fewer').pipe(z.string().min(1, 'Enter the last name')),
});

const alertForm = z.object({
  alert: text(300, 'An alert must be 300 characters or fewer: put the detail in a case note').pipe(
    z.string().min(1, 'Enter the alert, for example "Do not visit alone"'),
  ),
});

const addressForm = z.object({
  addressLine1: text(200, 'Address line 1 must be 200 characters or fewer').pipe(z.string().min(1, 'Enter the first line of the address')),
  addressLine2: text(200, 'Address line 2 must be 200 characters or fewer'),
  town: text(100, 'Town must be 100 characters or fewer'),
  postcode: text(10, 'Enter a real UK postcode, like SW1A 1AA'),
  'from-day': text(2, 'Enter a real day'),
  'from-month': text(2, 'Enter a real month'),
  'from-year': text(4, 'Enter a real year'),
  'to-day': text(2, 'Enter a real day'),
  'to-month': text(2, 'Enter a real month'),
  'to-year': text(4, 'Enter a real year'),
});

const recordId = (request: { params: unknown }) => (request.params as { personId: string }).personId;
const errorList = (errors: Record<string, string>) =>
  Object.entries(errors).map(([field, text]) => ({ text, href: `#${field === 'from' || field === 'to' ? `${field}-day` : field}` }));

export async function peopleRoutes(app: FastifyInstance, { db }: { db: Kysely<Database> }) {
  const roles = children.childRecordEditorRoles;

  const renderForm = async (
    reply: FastifyReply,
    actor: ReturnType<typeof signedIn>,
    personId: string,
    form: 'other-name' | 'address' | 'alert',
    values: Record<string, unknown>,
    errors: Record<string, string>,
  ) => {
    const child = await children.openChildHeader(db, actor, personId, `child.${form.replace('-', '_')}.form`);
    const titles = { 'other-name': 'Add another name', address: 'Add an address', alert: 'Add an alert' };
    if (Object.keys(errors).length > 0) reply.code(400);
    return reply.page(`people/views/${form}-form.njk`, {
      pageTitle: `${titles[form]}: ${child.given_name} ${child.family_name}`,
      child,
      section: 'summary',
      values,
      errors,
      errorList: errorList(errors),
    });
  };

  app.get('/children/:personId/other-names/new', { config: { roles } }, async (request, reply) =>
    renderForm(reply, signedIn(request), recordId(request), 'other-name', {}, {}),
  );
  app.post('/children/:personId/other-names', { config: { roles } }, async (request, reply) => {
    const actor = signedIn(request);
    const parsed = otherNameForm.safeParse(request.body);
    if (!parsed.success)
      return renderForm(reply, actor, recordId(request), 'other-name', request.body as Record<string, unknown>, fieldErrors(parsed.error));
    await people.addOtherName(db, actor, recordId(request), parsed.data);
    return reply.redirect(`/children/${recordId(request)}`, 303);
  });
  app.post('/children/:personId/other-names/:aliasId/remove', { config: { roles } }, async (request, reply) => {
    const { aliasId } = request.params as { aliasId: string };
    await people.removeOtherName(db, signedIn(request), recordId(request), aliasId);
    return reply.redirect(`/children/${recordId(request)}`, 303);
  });

  app.get('/children/:personId/alerts/new', { config: { roles } }, async (request, reply) =>
    renderForm(reply, signedIn(request), recordId(request), 'alert', {}, {}),
  );
  app.post('/children/:personId/alerts', { config: { roles } }, async (request, reply) => {
    const actor = signedIn(request);
    const parsed = alertForm.safeParse(request.body);
    if (!parsed.success)
      return renderForm(reply, actor, recordId(request), 'alert', request.body as Record<string, unknown>, fieldErrors(parsed.error));
    await people.addAlert(db, actor, recordId(request), parsed.data.alert);
    return reply.redirect(`/children/${recordId(request)}`, 303);
  });
  app.post('/children/:personId/alerts/:alertId/remove', { config: { roles } }, async (request, reply) => {
    const { alertId } = request.params as { alertId: string };
    await people.removeAlert(db, signedIn(request), recordId(request), alertId);
    return reply.redirect(`/children/${recordId(request)}`, 303);
  });

  app.get('/children/:personId/addresses/new', { config: { roles } }, async (request, reply) =>
    renderForm(reply, signedIn(request), recordId(request), 'address', {}, {}),
  );
  app.post('/children/:personId/addresses', { config: { roles } }, async (request, reply) => {
    const actor = signedIn(request);
    const parsed = addressForm.safeParse(request.body);
    if (!parsed.success)
      return renderForm(reply, actor, recordId(request), 'address', request.body as Record<string, unknown>, fieldErrors(parsed.error));
    const f = parsed.data;
    const errors: Record<string, string> = {};
    const postcode = f.postcode ? normalisePostcode(f.postcode) : undefined;
    if (f.postcode && !postcode) errors.postcode = 'Enter a real UK postcode, like SW1A 1AA';
    const date = (prefix: 'from' | 'to', label: string) => {
      const [day, month, year] = [f[`${prefix}-day`], f[`${prefix}-month`], f[`${prefix}-year`]];
      if (!day && !month && !year) return undefined;
      const value = dateFromInput(day, month, year);
      if (!value) errors[prefix] = `${label} must be a real date`;
      else if (value > todayInEngland()) errors[prefix] = `${label} must be today or in the past`;
      return value;
    };
    const fromOn = date('from', 'The date they moved in');
    const toOn = date('to', 'The date they moved out');
    if (fromOn && toOn && toOn < fromOn) errors.to = 'The date they moved out must be on or after the date they moved in';
    if (Object.keys(errors).length > 0)
      return renderForm(reply, actor, recordId(request), 'address', request.body as Record<string, unknown>, errors);
    await people.recordAddress(db, actor, recordId(request), {
      line1: f.addressLine1,
      line2: f.addressLine2 || undefined,
      town: f.town || undefined,
      postcode,
      fromOn,
      toOn,
    });
    return reply.redirect(`/children/${recordId(request)}`, 303);
  });
}
