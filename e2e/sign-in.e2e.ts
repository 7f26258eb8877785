import { describe, expect, it } from 'vitest';
import { demoLogins, demoPassword } from '../src/cli/demo-authority.js';
import { roleNames } from '../src/platform/roles.js';
import { button, clickThrough, expectHeading, pathOf, signOut, submitSignIn, textOf } from './support/actions.js';
import { usePage } from './support/browser.js';
import { chromiumInstalled } from './support/chromium.js';
import { firstName } from './support/pages.js';

describe.skipIf(!chromiumInstalled)('signing in and out', () => {
  const page = usePage();

  for (const login of demoLogins) {
    it(`${login.username} signs in to their home page and signs out`, async () => {
      await page().goto('/');
      expect(pathOf(page())).toBe('/sign-in');

      await submitSignIn(page(), login.username, demoPassword);
      expect(pathOf(page())).toBe('/');
      await expectHeading(page(), `Hello, ${firstName(login.name)}`);
      expect(await textOf(page().getByText('Signed in as'))).toContain(`Signed in as ${login.name}, ${roleNames[login.role]}`);

      await signOut(page());
      expect(pathOf(page())).toBe('/sign-in');
      await expectHeading(page(), 'Sign in');
      await expect(page().getByText('Signed in as').count()).resolves.toBe(0);

      await page().goto('/');
      expect(pathOf(page())).toBe('/sign-in');
    });
  }

  it('a wrong password is refused with an error summary, keeping the username', async () => {
    await page().goto('/sign-in');
    await submitSignIn(page(), 'analyst', 'not-the-password');

    expect(pathOf(page())).toBe('/sign-in');
    await page().getByRole('heading', { name: 'There is a problem' }).waitFor();
    await page().getByRole('link', { name: 'The username or password is not right. Check them and try again.' }).waitFor();
    expect(await page().title()).toMatch(/^Error: Sign in/);
    expect(await page().getByLabel('Username', { exact: true }).inputValue()).toBe('analyst');
    expect(await page().getByLabel('Password', { exact: true }).inputValue()).toBe('');
    await expect(button(page(), 'Sign in').isVisible()).resolves.toBe(true);
  });

  it('the error summary takes the person to the field to correct', async () => {
    await page().goto('/sign-in');
    await clickThrough(button(page(), 'Sign in'));

    await page().getByRole('link', { name: 'Enter your username' }).click();
    await expect(
      page()
        .getByLabel('Username', { exact: true })
        .evaluate((input) => input === document.activeElement),
    ).resolves.toBe(true);
  });
});
