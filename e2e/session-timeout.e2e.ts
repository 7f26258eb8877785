import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations } from './support/accessibility.js';
import { button, expectHeading, pathOf, signIn, textOf } from './support/actions.js';
import { usePage } from './support/browser.js';
import { chromiumInstalled } from './support/chromium.js';
import { saveScreenshot } from './support/screenshots.js';

/** The warning's times as the page has them from the session configuration, in milliseconds. */
async function timesOn(page: Page): Promise<{ signOutAfter: number; warnBefore: number }> {
  const dialog = page.locator('dialog[data-module="hearth-session-timeout"]');
  return {
    signOutAfter: Number(await dialog.getAttribute('data-sign-out-after-seconds')) * 1000,
    warnBefore: Number(await dialog.getAttribute('data-warn-before-seconds')) * 1000,
  };
}

/**
 * The browser's clock is Playwright's, moved on by the test, so the warning opens without waiting
 * half an hour; the server's session is real, so "Stay signed in" and signing out really happen.
 */
describe.skipIf(!chromiumInstalled)('warning before the session ends', () => {
  const page = usePage();
  const warning = () => page().getByRole('dialog', { name: 'You’re about to be signed out' });

  it('opens a couple of minutes before the end, and "Stay signed in" keeps the person signed in', async () => {
    await page().clock.install();
    await signIn(page(), 'social.worker');
    const { signOutAfter, warnBefore } = await timesOn(page());
    expect(warnBefore).toBe(120_000);
    expect(await warning().isVisible()).toBe(false);

    await page().clock.fastForward(signOutAfter - warnBefore - 5_000);
    expect(await warning().isVisible()).toBe(false);
    await page().clock.fastForward(10_000);
    await warning().waitFor();
    expect(await textOf(warning())).toContain('You will be signed out in 1 minute 55 seconds');
    await expect(button(page(), 'Stay signed in').evaluate((b) => b === document.activeElement)).resolves.toBe(true);
    expect(await accessibilityViolations(page())).toEqual([]);
    await saveScreenshot(page(), 'session-timeout-warning');

    const [extended] = await Promise.all([
      page().waitForResponse((r) => new URL(r.url()).pathname === '/session/extend'),
      button(page(), 'Stay signed in').click(),
    ]);
    expect(extended.status()).toBe(204);
    await warning().waitFor({ state: 'hidden' });
    await page().clock.fastForward(warnBefore + 5_000);
    expect(await warning().isVisible()).toBe(false);
    await page().reload();
    expect(pathOf(page())).toBe('/');
  });

  it('signs the person out when the time runs out, saying why', async () => {
    await page().clock.install();
    await signIn(page(), 'analyst');
    const { signOutAfter } = await timesOn(page());
    await Promise.all([page().waitForURL('**/sign-in?ended=1'), page().clock.fastForward(signOutAfter + 1_000)]);
    await expectHeading(page(), 'Sign in');
    await page().getByText('You have been signed out').waitFor();
    await page().goto('/');
    expect(pathOf(page())).toBe('/sign-in');
  });
});
