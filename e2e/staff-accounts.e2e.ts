import { describe, expect, it } from 'vitest';
import { button, clickThrough, expectHeading, pathOf, signIn, signOut, submitSignIn, textOf } from './support/actions.js';
import { usePage } from './support/browser.js';
import { chromiumInstalled } from './support/chromium.js';

describe.skipIf(!chromiumInstalled)('a new member of staff', () => {
  const page = usePage();

  it('is given an account by the administrator, then signs in and chooses their own password', async () => {
    await signIn(page(), 'admin');
    await page().goto('/admin/staff/new');
    await page().getByLabel('Full name').fill('Jordan Ellis');
    await page().getByLabel('Username', { exact: true }).fill('jordan.ellis');
    await page().getByLabel('Role').selectOption({ label: 'Social worker' });
    await page().getByLabel('Team').selectOption({ label: 'Assessment Team South' });
    await clickThrough(button(page(), 'Create account'));

    await page().getByRole('heading', { name: 'Account created' }).waitFor();
    const temporaryPassword = await textOf(page().getByText(/^[a-z]+-[a-z]+-[a-z]+-\d{3}$/));
    await signOut(page());

    await submitSignIn(page(), 'jordan.ellis', temporaryPassword);
    expect(pathOf(page())).toBe('/account/password');
    await expectHeading(page(), 'Change your password');
    await page().getByLabel('Current password', { exact: true }).fill(temporaryPassword);
    await page().getByLabel('New password', { exact: true }).fill('kettle harbour lantern');
    await page().getByLabel('Confirm new password', { exact: true }).fill('kettle harbour lantern');
    await clickThrough(button(page(), 'Change password'));

    expect(pathOf(page())).toBe('/');
    await expectHeading(page(), 'Hello, Jordan');
    expect(await textOf(page().getByText('Signed in as'))).toContain('Signed in as Jordan Ellis, Social worker, Assessment Team South');
  });
});
