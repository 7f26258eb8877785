import { describe, expect, it } from 'vitest';
import { button, clickThrough, expectHeading, firstAllocatedChild, signIn, textOf } from './support/actions.js';
import { usePage } from './support/browser.js';
import { chromiumInstalled } from './support/chromium.js';

describe.skipIf(!chromiumInstalled)('finding a child', () => {
  const page = usePage();

  it('a social worker finds a child from their caseload by family name and opens the record', async () => {
    await signIn(page(), 'social.worker');
    const child = await firstAllocatedChild(page());

    await clickThrough(page().getByRole('link', { name: 'Children', exact: true }));
    await expectHeading(page(), 'Find a child');
    await page().getByLabel('Name, date of birth, LA child ID, UPN or postcode').fill(child.familyName);
    await clickThrough(button(page(), 'Search'));

    const results = page().getByRole('table', { name: /found, best match first$/ });
    const row = results.getByRole('row').filter({ hasText: child.laChildId });
    await clickThrough(row.getByRole('link', { name: child.name }));

    await expectHeading(page(), child.name);
    const identityBar = page().getByRole('region', { name: 'Child' });
    expect(await textOf(identityBar)).toContain(child.name);
    expect(await textOf(identityBar)).toContain(`LA child ID ${child.laChildId}`);
  });
});
