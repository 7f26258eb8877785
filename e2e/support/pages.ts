import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { inject } from 'vitest';
import { demoLogins } from '../../src/cli/demo-authority.js';
import { button, clickThrough, expectHeading, firstAllocatedChild, signedInAs, signIn } from './actions.js';
import { frontDoorPages, outOfHoursPages, teamPages } from './front-door-and-out-of-hours-pages.js';

/** A page of Hearth in a given state, and how a person gets there. */
export interface HearthPage {
  /** Also the screenshot's file name. */
  name: string;
  /** Opens the page from a fresh browser context and checks it is the page meant. */
  open(page: Page): Promise<void>;
}

export function firstName(displayName: string): string {
  return displayName.split(' ')[0] ?? displayName;
}

async function expectErrorSummary(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
}

async function asSocialWorker(page: Page, path: string): Promise<void> {
  await signedInAs(page, 'social.worker');
  await page.goto(path);
}

async function asAdministrator(page: Page, path: string): Promise<void> {
  await signedInAs(page, 'admin');
  await page.goto(path);
}

const homePages: HearthPage[] = demoLogins.map((login) => ({
  name: `home-${login.username}`,
  open: async (page) => {
    await signIn(page, login.username);
    await expectHeading(page, `Hello, ${firstName(login.name)}`);
  },
}));

/** Every page that Hearth has, in each state worth checking: empty, with errors, with results. */
export const hearthPages: HearthPage[] = [
  {
    name: 'sign-in',
    open: async (page) => {
      await page.goto('/sign-in');
      await expectHeading(page, 'Sign in');
    },
  },
  {
    name: 'sign-in-with-errors',
    open: async (page) => {
      await page.goto('/sign-in');
      await clickThrough(button(page, 'Sign in'));
      await expectErrorSummary(page);
    },
  },
  {
    name: 'sign-in-after-session-ended',
    open: async (page) => {
      await page.goto('/sign-in?ended=1');
      await page.getByText('You have been signed out.').waitFor();
    },
  },
  ...homePages,
  {
    name: 'find-a-child',
    open: async (page) => {
      await asSocialWorker(page, '/children');
      await expectHeading(page, 'Find a child');
    },
  },
  {
    name: 'find-a-child-results',
    open: async (page) => {
      await asSocialWorker(page, '/');
      const child = await firstAllocatedChild(page);
      await page.goto(`/children?q=${encodeURIComponent(child.familyName)}`);
      await page.getByRole('table', { name: /found, best match first$/ }).waitFor();
    },
  },
  {
    name: 'find-a-child-no-results',
    open: async (page) => {
      await asSocialWorker(page, '/children?q=Zzyzzx');
      await page.getByText('No children you can open match').waitFor();
    },
  },
  {
    name: 'child-record',
    open: async (page) => {
      await asSocialWorker(page, '/');
      const child = await firstAllocatedChild(page);
      await clickThrough(child.link);
      await expectHeading(page, child.name);
    },
  },
  {
    name: 'child-audit-trail',
    open: async (page) => {
      await asAdministrator(page, `/children/${inject('demoChildId')}/audit`);
      await expectHeading(page, /^Who has viewed or changed the record of child DEMO00001$/);
    },
  },
  {
    name: 'staff-accounts',
    open: async (page) => {
      await asAdministrator(page, '/admin/staff');
      await expectHeading(page, 'Staff accounts');
    },
  },
  {
    name: 'add-staff-account',
    open: async (page) => {
      await asAdministrator(page, '/admin/staff/new');
      await expectHeading(page, 'Add a staff account');
    },
  },
  {
    name: 'add-staff-account-with-errors',
    open: async (page) => {
      await asAdministrator(page, '/admin/staff/new');
      await clickThrough(button(page, 'Create account'));
      await expectErrorSummary(page);
    },
  },
  {
    name: 'staff-account-created',
    open: async (page) => {
      await asAdministrator(page, '/admin/staff/new');
      await page.getByLabel('Full name').fill('Robin Page');
      await page.getByLabel('Username', { exact: true }).fill(`robin.page.${randomBytes(3).toString('hex')}`);
      await page.getByLabel('Role').selectOption({ label: 'Team manager' });
      await clickThrough(button(page, 'Create account'));
      await page.getByRole('heading', { name: 'Account created' }).waitFor();
    },
  },
  {
    name: 'change-password',
    open: async (page) => {
      await asSocialWorker(page, '/account/password');
      await expectHeading(page, 'Change your password');
    },
  },
  {
    name: 'change-password-with-errors',
    open: async (page) => {
      await asSocialWorker(page, '/account/password');
      await clickThrough(button(page, 'Change password'));
      await expectErrorSummary(page);
    },
  },
  {
    name: 'page-not-found',
    open: async (page) => {
      await asSocialWorker(page, '/no-such-page');
      await expectHeading(page, 'Page not found');
    },
  },
  {
    name: 'no-access',
    open: async (page) => {
      await asSocialWorker(page, '/admin/staff');
      await expectHeading(page, 'You do not have access');
    },
  },
  ...frontDoorPages,
  ...outOfHoursPages,
  ...teamPages,
];
