import { describe, expect, inject, it } from 'vitest';
import { todayInEngland } from '../src/platform/today.js';
import { formatDate } from '../src/platform/view-filters.js';
import { button, clickThrough, expectHeading, signIn, signOut, textOf } from './support/actions.js';
import { usePage } from './support/browser.js';
import { chromiumInstalled } from './support/chromium.js';
import { chooseChild } from './support/forms.js';

describe.skipIf(!chromiumInstalled)('the front door', () => {
  const page = usePage();

  it('contact → decision → referral: recorded, worked from the worklist, decided with reasons, on the chronology, referrer told', async () => {
    const family = inject('reReferralFamily');
    const p = page();

    // The front door officer records a contact about a child and her brother or sister.
    await signIn(p, 'front.door');
    await clickThrough(p.getByRole('link', { name: 'Front door', exact: true }));
    await expectHeading(p, 'Front door');
    await clickThrough(button(p, 'Record a new contact'));
    await expectHeading(p, 'Who is the contact about?');
    const child = await chooseChild(p, family.laChildId);
    const sibling = await chooseChild(p, family.siblingLaChildId);
    expect(await textOf(p.getByRole('heading', { name: /^Chosen/ }))).toBe('Chosen (2)');
    await clickThrough(button(p, 'Continue'));
    await expectHeading(p, 'Contact details');
    await p.getByLabel('Source (CIN census referral source)').selectOption({ label: '2A: Schools' });
    await p.getByLabel('Name', { exact: true }).fill('Mrs Patel, designated safeguarding lead');
    await p.getByLabel('Organisation or role (optional)').fill('Hillside Primary School');
    await p.getByLabel('Phone or email, to tell them the outcome (optional)').fill('020 7946 0123');
    await p
      .getByLabel('What are the concerns?')
      .fill('Both children arrived hungry again; the younger one said there was no food at home since Friday.');
    await p.getByRole('group', { name: 'Did the family consent to the contact?' }).getByLabel('Given').check();
    await p.getByLabel('Amber').check();
    await clickThrough(button(p, 'Save contact'));
    await expectHeading(p, /^Contact received /);
    const contactPath = new URL(p.url()).pathname;
    expect(await textOf(p.getByRole('region', { name: 'Children on this contact' }))).toContain(sibling);

    // It is on the worklist, with the time left to decide it.
    await clickThrough(p.getByRole('link', { name: 'Back to the front door' }));
    const row = p.getByRole('row').filter({ hasText: child }).filter({ hasText: sibling });
    expect(await row.count()).toBe(1);
    expect(await textOf(row.getByRole('cell').first())).toMatch(/^(\d+ working days? left|Due today)$/);
    await signOut(p);

    // The team manager opens it from the worklist; a decision without reasons is refused and nothing is saved.
    await signIn(p, 'team.manager');
    await p.goto('/front-door');
    await clickThrough(p.getByRole('row').filter({ hasText: child }).filter({ hasText: sibling }).getByRole('link'));
    expect(new URL(p.url()).pathname).toBe(contactPath);
    await clickThrough(button(p, 'Record the decision'));
    await expectHeading(p, 'Decide the contact');
    await p.getByLabel('Referral for assessment').check();
    await p.getByLabel('Primary need (for a referral)').selectOption({ label: 'N1: Abuse or neglect' });
    await clickThrough(button(p, 'Save decision'));
    const summary = p.locator('.govuk-error-summary');
    expect(await textOf(summary)).toContain('There is a problem');
    expect(await textOf(summary.getByRole('link'))).toBe('Enter the reasons for the decision');
    expect(await p.getByLabel('Referral for assessment').isChecked()).toBe(true);
    await p.goto(contactPath);
    expect(await textOf(p.locator('main'))).toContain("Waiting for a manager's decision");
    await p.goto('/front-door');
    expect(await p.getByRole('row').filter({ hasText: child }).filter({ hasText: sibling }).count()).toBe(1);

    // Decided with reasons: a referral for assessment starts a child-in-need episode (the sibling joins theirs if one is open).
    await p.goto(`${contactPath}/decision`);
    await p.getByLabel('Referral for assessment').check();
    await p.getByLabel('Primary need (for a referral)').selectOption({ label: 'N1: Abuse or neglect' });
    await p.getByLabel('Reasons for the decision').fill('Repeated hunger and no food at home: a child and family assessment is needed.');
    await clickThrough(button(p, 'Save decision'));
    expect(await textOf(p.locator('.govuk-notification-banner'))).toContain('Decision saved');
    const children = p.getByRole('region', { name: 'Children on this contact' });
    const childRow = children.getByRole('row').filter({ hasText: child });
    const siblingRow = children.getByRole('row').filter({ hasText: sibling });
    expect(await textOf(childRow)).toContain('N1: Abuse or neglect');
    expect(await textOf(childRow)).toMatch(/Started .*Re-referral within 12 months/);
    expect(await textOf(siblingRow)).toMatch(/(Started|Joined the open referral of) .*N\d: /);
    const decision = await textOf(p.locator('.govuk-summary-list').last());
    expect(decision).toContain('Referral for assessment');
    expect(decision).toContain('James Whitfield');
    expect(decision).toMatch(/Referrer told of the outcome\s*Not yet/);
    const childHref = (await childRow.getByRole('link').getAttribute('href')) ?? '';

    // The contact and the referral are on the child's chronology.
    await p.goto(`${childHref}/chronology`);
    await expectHeading(p, 'Chronology');
    const chronology = await textOf(p.locator('main'));
    expect(chronology).toContain('Contact received from Schools, rated amber (with 1 sibling)');
    expect(chronology).toMatch(/Referral to children's social care: abuse or neglect; re-referral \(previous referral /);
    expect(chronology).toContain('Front door decision on the contact: referral for assessment');
    await signOut(p);

    // The front door officer tells the referrer and records it.
    await signIn(p, 'front.door');
    await p.goto(contactPath);
    await clickThrough(button(p, 'Save'));
    expect(await textOf(p.locator('.govuk-notification-banner'))).toContain('the referrer was told of the outcome');
    expect(await textOf(p.locator('.govuk-summary-list').last())).toContain(
      `Referrer told of the outcome ${formatDate(todayInEngland())} (recorded by Tom Brennan)`,
    );
    await p.goto('/front-door');
    expect(await p.getByRole('row').filter({ hasText: child }).filter({ hasText: sibling }).count()).toBe(0);
  });
});
