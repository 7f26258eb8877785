import type { Page } from 'playwright-core';
import { inject } from 'vitest';
import { button, clickThrough, expectHeading, signedInAs } from './actions.js';
import type { HearthPage } from './pages.js';

async function as(page: Page, username: string, path: string): Promise<void> {
  await signedInAs(page, username);
  await page.goto(path);
}

async function expectProblem(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
}

/** Opens the first contact on the worklist whose children the person may open. */
async function openWaitingContact(page: Page, username: string): Promise<void> {
  await as(page, username, '/front-door');
  const row = page
    .getByRole('region', { name: 'Contacts waiting for a decision, overdue and oldest first' })
    .getByRole('row')
    .filter({ hasNotText: 'A child whose record you cannot open' })
    .nth(1);
  await clickThrough(row.getByRole('link'));
  await expectHeading(page, /^Contact received /);
}

async function openDecisionForm(page: Page): Promise<void> {
  await openWaitingContact(page, 'service.manager');
  await clickThrough(button(page, 'Record the decision'));
  await expectHeading(page, 'Decide the contact');
}

/** The front door's pages: worklist, recording a contact step by step, the contact, the decision. */
export const frontDoorPages: HearthPage[] = [
  {
    name: 'front-door-worklist',
    open: async (page) => {
      await as(page, 'front.door', '/front-door');
      await page.getByRole('heading', { name: 'Contacts waiting for a decision, overdue and oldest first' }).waitFor();
    },
  },
  {
    name: 'front-door-decided',
    open: async (page) => {
      await as(page, 'front.door', '/front-door/decided');
      await page.getByRole('table', { name: 'Contacts decided in the last 14 days' }).waitFor();
    },
  },
  {
    name: 'new-contact-choose-children',
    open: async (page) => {
      await as(page, 'front.door', '/front-door/contacts/new');
      await expectHeading(page, 'Who is the contact about?');
    },
  },
  {
    name: 'new-contact-choose-children-results',
    open: async (page) => {
      await as(page, 'front.door', `/front-door/contacts/new?child=${inject('demoChildId')}&q=DEMO00002`);
      await page.getByRole('table', { name: /found$/ }).waitFor();
    },
  },
  {
    name: 'new-contact-details',
    open: async (page) => {
      await as(page, 'front.door', `/front-door/contacts/new/details?child=${inject('demoChildId')}`);
      await expectHeading(page, 'Contact details');
    },
  },
  {
    name: 'new-contact-details-with-errors',
    open: async (page) => {
      await as(page, 'front.door', `/front-door/contacts/new/details?child=${inject('demoChildId')}`);
      await clickThrough(button(page, 'Save contact'));
      await expectProblem(page);
    },
  },
  {
    name: 'contact-waiting',
    open: (page) => openWaitingContact(page, 'front.door'),
  },
  {
    name: 'contact-decided',
    open: async (page) => {
      await as(page, 'front.door', '/front-door/decided');
      await clickThrough(page.getByRole('table', { name: 'Contacts decided in the last 14 days' }).getByRole('link').first());
      await page.getByRole('heading', { name: 'Decision', exact: true }).waitFor();
    },
  },
  {
    name: 'contact-decision',
    open: openDecisionForm,
  },
  {
    name: 'contact-decision-with-errors',
    open: async (page) => {
      await openDecisionForm(page);
      await clickThrough(button(page, 'Save decision'));
      await expectProblem(page);
    },
  },
];

/** The out-of-hours pages: the call log, recording a call, a call answered and not, handover, figures. */
export const outOfHoursPages: HearthPage[] = [
  {
    name: 'out-of-hours-call-log',
    open: async (page) => {
      await as(page, 'out.of.hours', '/out-of-hours/calls');
      await expectHeading(page, 'Out-of-hours call log');
    },
  },
  {
    name: 'new-call-choose-children',
    open: async (page) => {
      await as(page, 'out.of.hours', '/out-of-hours/calls/new?q=DEMO00001');
      await page.getByRole('table', { name: /found$/ }).waitFor();
    },
  },
  {
    name: 'new-call-details',
    open: async (page) => {
      await as(page, 'out.of.hours', `/out-of-hours/calls/new/details?child=${inject('demoChildId')}`);
      await expectHeading(page, 'Call details');
    },
  },
  {
    name: 'new-call-details-with-errors',
    open: async (page) => {
      await as(page, 'out.of.hours', '/out-of-hours/calls/new/details');
      await page.getByLabel('Answered', { exact: true }).check();
      await clickThrough(button(page, 'Save call'));
      await expectProblem(page);
    },
  },
  {
    name: 'out-of-hours-call-answered',
    open: async (page) => {
      await as(page, 'out.of.hours', '/out-of-hours/calls');
      const log = page.getByRole('table', { name: /^Calls in the last/ });
      await clickThrough(log.getByRole('row').filter({ hasText: 'min to answer' }).first().getByRole('link'));
      await expectHeading(page, /^Call at /);
    },
  },
  {
    name: 'out-of-hours-call-not-answered',
    open: async (page) => {
      await as(page, 'out.of.hours', '/out-of-hours/calls');
      const log = page.getByRole('table', { name: /^Calls in the last/ });
      await clickThrough(
        log
          .getByRole('row')
          .filter({ hasText: /call-back|Caller reached/ })
          .first()
          .getByRole('link'),
      );
      await page.getByRole('heading', { name: 'Call-back attempts' }).waitFor();
    },
  },
  {
    name: 'handover-team',
    open: async (page) => {
      await as(page, 'team.manager', '/handover');
      await expectHeading(page, 'Out-of-hours handover: Assessment Team North');
    },
  },
  {
    name: 'handover-front-door',
    open: async (page) => {
      await as(page, 'front.door', '/handover');
      await expectHeading(page, 'Out-of-hours handover: Front Door (MASH)');
    },
  },
  {
    name: 'handover-any-team',
    open: async (page) => {
      await as(page, 'out.of.hours', '/handover');
      await page.getByLabel('Team', { exact: true }).waitFor();
    },
  },
  {
    name: 'out-of-hours-figures',
    open: async (page) => {
      await as(page, 'service.manager', '/out-of-hours/figures');
      await page.getByRole('table', { name: 'Calls per night' }).waitFor();
    },
  },
  {
    name: 'out-of-hours-figures-with-errors',
    open: async (page) => {
      await as(page, 'service.manager', '/out-of-hours/figures?from-day=31&from-month=2&from-year=2026&to-day=1&to-month=1&to-year=2026');
      await expectProblem(page);
    },
  },
];

/** Setting up services and teams, and choosing the front door. */
export const teamPages: HearthPage[] = [
  {
    name: 'services-and-teams',
    open: async (page) => {
      await as(page, 'admin', '/admin/teams');
      await expectHeading(page, 'Services and teams');
    },
  },
  {
    name: 'add-team',
    open: async (page) => {
      await as(page, 'admin', '/admin/teams/new');
      await expectHeading(page, 'Add a team');
    },
  },
  {
    name: 'add-team-with-errors',
    open: async (page) => {
      await as(page, 'admin', '/admin/teams/new');
      await clickThrough(button(page, 'Add team'));
      await expectProblem(page);
    },
  },
  {
    name: 'add-service',
    open: async (page) => {
      await as(page, 'admin', '/admin/services/new');
      await expectHeading(page, 'Add a service');
    },
  },
];
