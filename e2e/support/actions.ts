import type { Cookie, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { demoPassword } from '../../src/cli/demo-authority.js';

/** Clicks a link or button that loads a new page, and waits until that page has loaded. */
export async function clickThrough(target: Locator): Promise<void> {
  await Promise.all([target.page().waitForEvent('load'), target.click()]);
}

export function button(page: Page, name: string): Locator {
  return page.getByRole('button', { name, exact: true });
}

/** Waits for the page's main heading (h1). */
export async function expectHeading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

/** The text of an element as one line: whitespace runs collapsed, ends trimmed. */
export async function textOf(target: Locator): Promise<string> {
  return ((await target.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

export function pathOf(page: Page): string {
  return new URL(page.url()).pathname;
}

/** Fills in and sends the sign-in form on the current page. */
export async function submitSignIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Username', { exact: true }).fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await clickThrough(button(page, 'Sign in'));
}

/** Signs in from the sign-in page and checks that it worked. */
export async function signIn(page: Page, username: string, password = demoPassword): Promise<void> {
  await page.goto('/sign-in');
  await submitSignIn(page, username, password);
  expect(pathOf(page), `signed in as ${username}`).not.toBe('/sign-in');
}

const sessions = new Map<string, Cookie[]>();

/**
 * Signs in through the form the first time a test file needs this person; after that, gives the
 * new browser context the same session cookie, which is quicker. For tests that are not about signing in.
 */
export async function signedInAs(page: Page, username: string): Promise<void> {
  const cookies = sessions.get(username);
  if (cookies) return page.context().addCookies(cookies);
  await signIn(page, username);
  sessions.set(username, await page.context().cookies());
}

export async function signOut(page: Page): Promise<void> {
  await clickThrough(button(page, 'Sign out'));
}

/** The first child in the "Children allocated to you" table of a social worker's home page. */
export async function firstAllocatedChild(page: Page): Promise<{ name: string; familyName: string; laChildId: string; link: Locator }> {
  const row = page
    .getByRole('table', { name: /^Children allocated to you/ })
    .getByRole('row')
    .nth(1);
  const link = row.getByRole('link');
  const name = await textOf(link);
  const laChildId = await textOf(row.getByRole('cell').nth(1));
  return { name, familyName: name.split(' ').at(-1) ?? name, laChildId, link };
}
