import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { isRecordId } from '../../platform/access.js';
import { HttpError, NotFoundError } from '../../platform/errors.js';
import { fieldErrors } from '../../platform/form-errors.js';
import { signedIn } from '../../platform/request-context.js';
import { roleNames, roles } from '../../platform/roles.js';
import * as accounts from './service.js';

const administratorsOnly = { roles: ['administrator'] } as const;

function staffIdFrom(params: unknown): string {
  const id = (params as { staffId: string }).staffId;
  if (!isRecordId(id)) throw new NotFoundError();
  return id;
}

export async function staffAccountRoutes(app: FastifyInstance, { db }: { db: Kysely<Database> }) {
  const roleItems = (selected?: string) => [
    { value: '', text: 'Select a role' },
    ...roles.map((role) => ({ value: role, text: roleNames[role], selected: role === selected })),
  ];
  const teamItems = async (selected?: string) => [
    { value: '', text: 'No team' },
    ...(await accounts.listTeams(db)).map((t) => ({ value: t.id, text: t.name, selected: t.id === selected })),
  ];

  app.get('/admin/staff', { config: administratorsOnly }, async (_request, reply) => {
    const staff = await accounts.listStaff(db);
    return reply.page('staff-accounts/views/list.njk', {
      pageTitle: 'Staff accounts',
      staff: staff.map((s) => ({ ...s, roleName: roleNames[s.role], locked: s.locked_until !== null && s.locked_until > new Date() })),
    });
  });

  app.get('/admin/staff/new', { config: administratorsOnly }, async (_request, reply) =>
    reply.page('staff-accounts/views/new.njk', {
      pageTitle: 'Add a staff account',
      roleItems: roleItems(),
      teamItems: await teamItems(),
      form: {},
    }),
  );

  app.post('/admin/staff/new', { config: administratorsOnly }, async (request, reply) => {
    const actor = signedIn(request);
    const body = (request.body ?? {}) as Record<string, string>;
    const parsed = accounts.newAccountSchema.safeParse({ ...body, teamId: body.teamId || undefined });
    const rerender = async (errors: Record<string, string>) => {
      reply.code(400);
      return reply.page('staff-accounts/views/new.njk', {
        pageTitle: 'Add a staff account',
        roleItems: roleItems(body.role),
        teamItems: await teamItems(body.teamId),
        form: body,
        errors,
        errorSummary: Object.entries(errors).map(([field, text]) => ({ text, href: `#${field}` })),
      });
    };
    if (!parsed.success) return rerender(fieldErrors(parsed.error));
    const password = accounts.temporaryPassword();
    try {
      const id = await accounts.createAccount(db, { staffId: actor.staffId, ipAddress: request.ip }, parsed.data, password, true);
      return reply.page('staff-accounts/views/password-issued.njk', {
        pageTitle: 'Account created',
        heading: 'Account created',
        username: parsed.data.username,
        password,
        staffId: id,
      });
    } catch (error) {
      if (error instanceof accounts.AccountFieldError) return rerender({ [error.field]: error.message });
      if (error instanceof HttpError && error.statusCode === 400) return rerender({ username: error.message });
      throw error;
    }
  });

  const registrationPage = async (staffId: string, form: { sweRegistrationNumber: string; shown: string }, errors = {}) => {
    const staff = await accounts.findStaff(db, staffId);
    if (!staff) throw new NotFoundError();
    return {
      pageTitle: `Social Work England registration: ${staff.display_name}`,
      staff: { ...staff, roleName: roleNames[staff.role] },
      form,
      errors,
      errorSummary: Object.entries(errors).map(([field, text]) => ({ text, href: `#${field}` })),
    };
  };

  app.get('/admin/staff/:staffId/registration', { config: administratorsOnly }, async (request, reply) => {
    const staffId = staffIdFrom(request.params);
    const current = (await accounts.findStaff(db, staffId))?.swe_registration_number ?? '';
    return reply.page(
      'staff-accounts/views/registration.njk',
      await registrationPage(staffId, { sweRegistrationNumber: current, shown: current }),
    );
  });

  app.post('/admin/staff/:staffId/registration', { config: administratorsOnly }, async (request, reply) => {
    const actor = signedIn(request);
    const staffId = staffIdFrom(request.params);
    const body = z
      .object({ sweRegistrationNumber: z.string().default(''), shown: z.string().max(40).default('') })
      .parse(request.body ?? {});
    const rerender = async (errors: Record<string, string>) => {
      reply.code(400);
      return reply.page('staff-accounts/views/registration.njk', await registrationPage(staffId, body, errors));
    };
    const parsed = accounts.sweRegistrationNumberSchema.safeParse(body.sweRegistrationNumber);
    if (!parsed.success) return rerender({ sweRegistrationNumber: parsed.error.issues[0]?.message ?? 'Enter the registration number' });
    try {
      await accounts.setSweRegistrationNumber(db, { staffId: actor.staffId, ipAddress: request.ip }, staffId, {
        registration: parsed.data,
        shown: body.shown || null,
      });
    } catch (error) {
      if (error instanceof accounts.AccountFieldError) return rerender({ [error.field]: error.message });
      throw error;
    }
    return reply.redirect('/admin/staff', 303);
  });

  app.post('/admin/staff/:staffId/reset-password', { config: administratorsOnly }, async (request, reply) => {
    const actor = signedIn(request);
    const staffId = staffIdFrom(request.params);
    const password = accounts.temporaryPassword();
    await accounts.resetPassword(db, { staffId: actor.staffId, ipAddress: request.ip }, staffId, password, true);
    const staff = await accounts.findStaff(db, staffId);
    return reply.page('staff-accounts/views/password-issued.njk', {
      pageTitle: 'Password reset',
      heading: 'Password reset',
      username: staff?.username,
      password,
      staffId,
    });
  });

  app.post('/admin/staff/:staffId/active', { config: administratorsOnly }, async (request, reply) => {
    const actor = signedIn(request);
    const staffId = staffIdFrom(request.params);
    const { active } = z.object({ active: z.enum(['true', 'false']) }).parse(request.body);
    await accounts.setAccountActive(db, { staffId: actor.staffId, ipAddress: request.ip }, staffId, active === 'true');
    return reply.redirect('/admin/staff', 303);
  });

  app.get('/account/password', async (_request, reply) =>
    reply.page('staff-accounts/views/change-password.njk', { pageTitle: 'Change your password' }),
  );

  app.post('/account/password', async (request, reply) => {
    const actor = signedIn(request);
    const form = z
      .object({
        current: z.string().max(1000).default(''),
        next: z.string().max(1000).default(''),
        confirm: z.string().max(1000).default(''),
      })
      .parse(request.body ?? {});
    const problem =
      form.next !== form.confirm
        ? { field: 'confirm', text: 'The new passwords do not match' }
        : await accounts
            .changeOwnPassword(db, actor.staffId, request.ip, form.current, form.next)
            .then((text) => (text ? { field: text.includes('current') ? 'current' : 'next', text } : null));
    if (problem) {
      reply.code(400);
      return reply.page('staff-accounts/views/change-password.njk', {
        pageTitle: 'Change your password',
        errors: { [problem.field]: problem.text },
        errorSummary: [{ text: problem.text, href: `#${problem.field}` }],
      });
    }
    return reply.redirect('/', 303);
  });
}
